"""Shared test data built by one pytest-xdist worker, taken by the others (tests/shared.py).

Both workers of `make test` need most of the same shared fixtures (the translated site, the
performance site, the demo content…); built in each, they cost the run their build time
twice. Instead, the first worker to need one builds it and leaves a copy of its snapshot
here; a worker that needs it later copies that (milliseconds on SQLite, a file copy on
PostgreSQL) with the data's references (model and primary key, tests/shared.py), instead
of building it again.

- The exchange is a directory of the run (beside the workers' temporary directories), with
  a lock per shared fixture: a worker that needs one while another builds it waits for it,
  as long as building it would have taken.
- SQLite: the snapshot is written to a file there. PostgreSQL: the builder's snapshot
  database is copied (CREATE DATABASE … TEMPLATE); a worker withdraws what it left, under
  the same lock, before it drops its snapshot databases at the end of its session.
- Files that builders write (images) go to one media directory of the run, so that a site
  built by one worker finds its images in another.

On SQLite, what a worker publishes is also kept for the next runs of the same checkout
(tests/kept_data.py), and a fixture that no worker of this run has built yet is taken from
there when a usable copy exists.

Without pytest-xdist (one process) there is nothing to exchange.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
import sqlite3
from pathlib import Path

from tests.kept_data import KeptData


class SnapshotExchange:
    def __init__(self, directory: Path, kept: KeptData | None = None):
        self.directory = directory
        self.directory.mkdir(parents=True, exist_ok=True)
        self.kept = kept
        self.published = []

    @classmethod
    def for_this_run(cls, config, base_temp: Path, vendor: str):
        """The exchange of this run's workers, or None outside pytest-xdist."""
        if not hasattr(config, "workerinput"):
            return None
        kept = KeptData.for_this_checkout() if vendor == "sqlite" else None
        return cls(base_temp.parent / "shared-data", kept)

    @property
    def media_root(self):
        return self.directory / "media"

    def _paths(self, name):
        return self.directory / f"{name}.pickle", self.directory / f"{name}.sqlite3"

    @contextlib.contextmanager
    def claim(self, name, identity):
        """Hold the fixture's lock; yields what another worker left ({"frozen", "snapshot",
        "identity": of its database, tests/shared.py}), or a copy kept by an earlier run
        for a database of this `identity`, or None: then the caller builds it and
        `publish`es it before the lock is released."""
        with self._lock(name):
            record, _file = self._paths(name)
            if record.exists():
                yield pickle.loads(record.read_bytes())
            elif self.kept is not None:
                yield self.kept.find(name, identity, self.media_root)
            else:
                yield None

    @contextlib.contextmanager
    def _lock(self, name):
        with open(self.directory / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def publish(self, name, frozen, snapshot, identity, media=False):
        """Leave a built fixture for the others (called while its lock is held); `media`:
        its chain wrote files."""
        record, file = self._paths(name)
        if snapshot.connection.vendor == "sqlite":
            snapshot.export(file)
            where = str(file)
        else:
            where = snapshot.copy
        try:
            data = pickle.dumps({"frozen": frozen, "snapshot": where, "identity": identity})
        except (pickle.PicklingError, TypeError, AttributeError):
            return  # data that cannot cross processes: the others build their own
        partial = record.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(data)
        os.replace(partial, record)
        self.published.append(name)
        if self.kept is not None and snapshot.connection.vendor == "sqlite":
            self.kept.keep(name, frozen, file, identity, self.media_root if media else None)

    @staticmethod
    def load(connection, where):
        """Make the test database a copy of another worker's snapshot."""
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            source = sqlite3.connect(f"file:{where}?mode=ro", uri=True)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
            return
        quote = connection.ops.quote_name
        database = connection.settings_dict["NAME"]
        connection.close()
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE {quote(database)} WITH (FORCE)")
            cursor.execute(f"CREATE DATABASE {quote(database)} TEMPLATE {quote(where)}")

    def withdraw(self):
        """Remove what this worker left (before its snapshot databases are dropped)."""
        for name in self.published:
            with self._lock(name):
                for path in self._paths(name):
                    path.unlink(missing_ok=True)
        self.published = []
