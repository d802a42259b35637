"""Compile every site/locale/<lang>/LC_MESSAGES/*.po into its .mo with polib.

Django's `compilemessages` needs GNU gettext's `msgfmt`; this script does the same with
the pure-Python polib, so a fresh machine (or a CI image) needs nothing but the
virtualenv. Fuzzy and obsolete entries are left out, as msgfmt does by default.

    python scripts/compile_messages.py            # compile
    python scripts/compile_messages.py --check    # also fail on untranslated entries
"""

import argparse
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "site" / "locale"


def compile_catalog(po_path, check=False):
    """Write the .mo beside ``po_path``; return the list of problems found."""
    catalog = polib.pofile(str(po_path), wrapwidth=0)
    problems = []
    for entry in catalog:
        if entry.obsolete:
            continue
        if check and not entry.translated() and "fuzzy" not in entry.flags:
            problems.append(f"{po_path}: untranslated: {entry.msgid[:70]!r}")
    # polib's save_as_mofile skips fuzzy and obsolete entries, like msgfmt.
    catalog.save_as_mofile(str(po_path.with_suffix(".mo")))
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit with an error if an entry is untranslated"
    )
    parser.add_argument(
        "--locale-dir", type=Path, default=LOCALE_DIR, help="where the <lang>/LC_MESSAGES are"
    )
    args = parser.parse_args(argv)

    po_files = sorted(args.locale_dir.glob("*/LC_MESSAGES/*.po"))
    if not po_files:
        print(f"No .po files under {args.locale_dir}", file=sys.stderr)
        return 1
    problems = []
    for po_path in po_files:
        problems += compile_catalog(po_path, check=args.check)
        print(f"compiled {po_path.relative_to(args.locale_dir)}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
