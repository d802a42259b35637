"""Shared test data kept between test runs of the same checkout (SQLite only).

The demo content costs about 26 s of CPU to load and the browser tests need it again right
after `make test` built it (in CI, the next step; on a laptop, the next command); the other
shared fixtures cost seconds each. When a pytest-xdist worker publishes a shared fixture
(tests/snapshot_exchange.py) it also keeps a copy here, and a later run of the **same
checkout** takes that copy instead of building the data again, as a worker of the same run
would.

"The same checkout" is a key made of everything the data can depend on, so a kept copy is
never used for other code or other content:

- the migrations' key (tests/dbtemplate.py: the migration files, Python, Django, SQLite…);
- every file of the repository that git tracks or would track (code, templates, tests,
  demo content, PO files; new files in dot-directories, tools' state, aside): any edit,
  even uncommitted, makes a new key;
- the installed distributions and their versions;
- the environment variables the settings read;
- today's date, and a copy older than an hour is not used: data built relative to "now"
  (an event tomorrow, registration open) is never much older than within one long run.

Files that builders wrote (images) are kept with the copy and put back into the run's media
directory; if a file of the same name but other content is already there, the copy is not
used. A copy is also refused when the test database's content type and locale ids differ
from those it was made with (`database_identity`). `TEST_KEEP_DATA=0` turns all this off.
Kept copies live in var/test-templates/shared-data/ (`make clean` removes them); copies of
other keys are removed after a day.
"""

from __future__ import annotations

import datetime
import filecmp
import hashlib
import importlib.metadata
import json
import os
import pickle
import re
import shutil
import subprocess
import time
from pathlib import Path

from django.conf import settings

from tests.dbtemplate import TEMPLATE_DIR, migrations_key

MAX_AGE_SECONDS = 3600
OTHER_KEYS_MAX_AGE_SECONDS = 24 * 3600
SETTINGS_DIR = Path(settings.BASE_DIR) / "config" / "settings"


def _git_files(root: Path, *options):
    listing = subprocess.run(
        ["git", "ls-files", "-z", *options], cwd=root, capture_output=True, check=True, timeout=30
    ).stdout
    return {name for name in listing.decode().split("\0") if name}


def _repository_files(root: Path):
    """The files git tracks or would track (ignored ones left out), or None without git.
    New files in a directory whose name starts with a dot are tools' state, not sources:
    hypothesis, for one, creates .hypothesis/ while the tests run and only then the
    .gitignore that hides it, so counting them would change the key in the middle of a run."""
    try:
        tracked = _git_files(root, "--cached")
        untracked = _git_files(root, "--others", "--exclude-standard")
    except (OSError, subprocess.SubprocessError):
        return None
    return sorted(tracked | {name for name in untracked if not name.startswith(".")})


def _settings_environment():
    """The environment variables the settings read, with their values here."""
    names = {"DJANGO_SETTINGS_MODULE"}
    for path in SETTINGS_DIR.glob("*.py"):
        names |= set(re.findall(r"environ(?:\.get)?[\(\[]\s*\"([A-Z0-9_]+)\"", path.read_text()))
    return sorted((name, os.environ.get(name)) for name in names)


def checkout_key(root: Path | None = None):
    """The key of this checkout's state (see the module docstring), or None without git."""
    root = root or Path(settings.BASE_DIR)
    files = _repository_files(root)
    if files is None:
        return None
    return _digest(key_parts(root, files))


def key_parts(root: Path, files):
    """What the key is made of, readable (kept beside the copies as key.json: two keys
    that differ can be compared)."""
    sources = {}
    for name in files:
        path = root / name
        sources[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    return {
        "migrations": migrations_key(),
        "sources": sources,
        # A set: a test that puts a directory on sys.path again lists its packages twice.
        "distributions": sorted(
            {
                f"{dist.metadata['Name']}=={dist.version}"
                for dist in importlib.metadata.distributions()
            }
        ),
        "environment": _settings_environment(),
        "date": datetime.date.today().isoformat(),
    }


def _digest(parts):
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:20]


class KeptData:
    """The kept copies of one checkout key: `<name>.sqlite3`, `<name>.pickle` (the record:
    frozen data, database identity, whether it has files) and `<name>.media/`."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.parts = None

    @classmethod
    def for_this_checkout(cls):
        if os.environ.get("TEST_KEEP_DATA", "1") == "0":
            return None
        root = Path(settings.BASE_DIR)
        files = _repository_files(root)
        if files is None:
            return None
        parts = key_parts(root, files)
        kept = cls(TEMPLATE_DIR / "shared-data" / _digest(parts))
        kept.parts = parts
        return kept

    def _paths(self, name):
        base = self.directory / name
        return Path(f"{base}.pickle"), Path(f"{base}.sqlite3"), Path(f"{base}.media")

    def find(self, name, identity, media_root: Path):
        """A record for the exchange (its snapshot is the kept file), with the kept files
        put into `media_root`; None if there is no usable copy."""
        record_path, database, media = self._paths(name)
        try:
            age = time.time() - record_path.stat().st_mtime
            record = pickle.loads(record_path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        if age > MAX_AGE_SECONDS or record["identity"] != identity or not database.exists():
            return None
        if record["media"] and not _put_back(media, media_root):
            return None
        return {**record, "snapshot": str(database)}

    def keep(self, name, frozen, snapshot_file: Path, identity, media_root: Path | None):
        """Keep a copy of data a worker of this run built (its snapshot file is written)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        if self.parts is not None:
            (self.directory / "key.json").write_text(json.dumps(self.parts, indent=1))
        record_path, database, media = self._paths(name)
        pid = os.getpid()
        shutil.copyfile(snapshot_file, f"{database}.{pid}.partial")
        os.replace(f"{database}.{pid}.partial", database)
        has_media = media_root is not None and media_root.is_dir()
        if has_media:
            shutil.rmtree(media, ignore_errors=True)
            shutil.copytree(media_root, media)
        data = {"frozen": frozen, "identity": identity, "media": has_media}
        partial = Path(f"{record_path}.{pid}.partial")
        partial.write_bytes(pickle.dumps(data))
        os.replace(partial, record_path)  # last: a record means its files are complete
        self._remove_other_keys()

    def _remove_other_keys(self):
        cutoff = time.time() - OTHER_KEYS_MAX_AGE_SECONDS
        for other in self.directory.parent.iterdir():
            if other != self.directory and other.is_dir() and other.stat().st_mtime < cutoff:
                shutil.rmtree(other, ignore_errors=True)


def _put_back(kept_media: Path, media_root: Path):
    """Copy the kept files into the run's media directory; False if one of them is already
    there with other content (the kept database would then show the wrong file)."""
    if not kept_media.is_dir():
        return False
    missing = []
    for source in kept_media.rglob("*"):
        if not source.is_file():
            continue
        target = media_root / source.relative_to(kept_media)
        if not target.exists():
            missing.append((source, target))
        elif not filecmp.cmp(source, target, shallow=False):
            return False
    for source, target in missing:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return True
