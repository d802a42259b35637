#!/usr/bin/env bash
# Tests stay independent (issue 15, docs/testing.md#independence): every test file run alone,
# in its own pytest process, and the whole suite in a random order give each test the same
# outcome. Runs both (niced), then compares them test by test and prints the counts, the
# random-order seed and the load average.
#
#   scripts/check_independence.sh              # on the database of DATABASE_URL (SQLite by default)
#   INDEPENDENCE_JOBS=1 scripts/check_independence.sh     # one file at a time (default: 2 on SQLite)
#   INDEPENDENCE_SEED=1234 scripts/check_independence.sh  # replay a random order
#   INDEPENDENCE_FILES="tests/core/test_api.py …" scripts/check_independence.sh  # only these alone
#
# On PostgreSQL, files run one at a time: the tests marked `serial` stop the server.
# Exit status 0 when every test has the same outcome both ways and nothing failed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTEST=.venv/bin/pytest
OUT=$(mktemp -d /tmp/independence.XXXXXX)
SEED=${INDEPENDENCE_SEED:-$((RANDOM * 32768 + RANDOM))}
case "${DATABASE_URL:-}" in
  postgres*) JOBS=1 ;;
  *) JOBS=${INDEPENDENCE_JOBS:-2} ;;
esac
FILES=${INDEPENDENCE_FILES:-$(find tests -name 'test_*.py' -not -path 'tests/browser/*' | sort)}

echo "== independence check in $OUT (load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ))"
make --no-print-directory .venv/.dev-extras >"$OUT/venv.log" 2>&1 || { cat "$OUT/venv.log"; exit 1; }

# Each file alone: its own process, no xdist, its own test database (from the template).
alone() {
  local file=$1 name
  name=$(echo "$file" | tr '/' '_')
  nice -n 10 "$PYTEST" "$file" -p no:xdist -q -m "not browser" \
    --junitxml="$OUT/alone/$name.xml" -o junit_family=xunit1 >"$OUT/alone/$name.log" 2>&1
  local status=$?
  # 0 passed, 1 some failed, 5 nothing selected (a file of serial tests off PostgreSQL…)
  case $status in 0 | 1 | 5) ;; *) echo "   $file: pytest exited with $status (see $OUT/alone/$name.log)" ;; esac
  echo "   $file: $(tail -n 1 "$OUT/alone/$name.log")"
}
export -f alone
export OUT PYTEST
mkdir -p "$OUT/alone"
start=$SECONDS
printf '%s\n' $FILES | xargs -P "$JOBS" -I{} bash -c 'alone "$@"' _ {}
echo "== every file alone: $((SECONDS - start)) s (load average $(cut -d' ' -f1-3 /proc/loadavg))"

# The whole suite in a random order (what `make test-random` runs), same selection.
start=$SECONDS
random_status=0
nice -n 10 make --no-print-directory test-random \
  PYTEST_ARGS="--random-order-seed=$SEED --junitxml=$OUT/random.xml -o junit_family=xunit1 -q" \
  >"$OUT/random.log" 2>&1 || random_status=$?
echo "== random order, seed $SEED: $((SECONDS - start)) s, exit $random_status: $(tail -n 1 "$OUT/random.log")"

.venv/bin/python - "$OUT" "$SEED" <<'EOF'
"""Compare each test's outcome in the two runs (JUnit XML reports)."""

import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

out, seed = Path(sys.argv[1]), sys.argv[2]


def outcomes(paths):
    found = {}
    for path in paths:
        for case in ET.parse(path).iter("testcase"):
            key = f"{case.get('classname')}::{case.get('name')}"
            kinds = {child.tag for child in case}
            if kinds & {"failure", "error"}:
                found[key] = "failed"
            elif "skipped" in kinds:
                found[key] = "skipped"
            else:
                found[key] = "passed"
    return found


alone = outcomes(sorted((out / "alone").glob("*.xml")))
shuffled = outcomes([out / "random.xml"]) if (out / "random.xml").exists() else {}
print(f"   alone:  {dict(Counter(alone.values()))} ({len(alone)} tests)")
print(f"   random: {dict(Counter(shuffled.values()))} ({len(shuffled)} tests, seed {seed})")
only_alone = sorted(set(alone) - set(shuffled))
if only_alone:
    print(f"   {len(only_alone)} tests only in the files-alone run (marked serial): "
          + ", ".join(only_alone[:5]) + (" …" if len(only_alone) > 5 else ""))
differ = {k: (alone[k], shuffled[k]) for k in set(alone) & set(shuffled) if alone[k] != shuffled[k]}
missing = sorted(set(shuffled) - set(alone))
failed = sorted(k for k, v in {**alone, **shuffled}.items() if v == "failed")
for key, (a, r) in sorted(differ.items()):
    print(f"   DIFFERENT: {key}: alone {a}, random order {r}")
for key in missing:
    print(f"   ONLY IN RANDOM ORDER: {key}")
for key in failed:
    print(f"   FAILED: {key}")
ok = not differ and not missing and not failed and shuffled
print("== independence: " + ("same outcome for every test" if ok else "NOT the same"))
sys.exit(0 if ok else 1)
EOF
