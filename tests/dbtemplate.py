"""Migrate once, copy for every test database: a template of the migrated database.

Creating a test database runs every migration (about 365; nearly all of the time goes to
Django rendering model states for Wagtail's migrations, see docs/testing.md). pytest-xdist
makes one test database per worker, and `make test` a third one for its serial tests: the
same migrations, three times over.

Instead, the first test database made runs the migrations and is copied, just before the
post_migrate signal, into a template; every other one is a copy of that template, then gets
the post_migrate signal itself (so content types, permissions, locales and editorial groups
come from today's code, not from the copy). The template is keyed by a hash of everything
the migrations read: every migration file of every installed app, the versions of Python,
Django and SQLite, the installed apps and the language settings. A changed migration makes
a new template; a stale one is never used. Workers wait for each other with a file lock.

- SQLite: the template is a file under var/test-templates/ (kept between runs: a second
  `make test` on the same checkout skips the migrations; `make clean` removes them); a
  fresh clone makes its own.
- PostgreSQL: a database `<test database>_tpl_<hash>` on the same server, made with
  CREATE DATABASE … TEMPLATE, copied the same way. On a throwaway cluster (CI) it goes with
  the cluster.

TEST_DB_TEMPLATE=0 turns this off (every test database migrated on its own).
"""

import contextlib
import fcntl
import gc
import hashlib
import io
import os
import sqlite3
import sys
import tempfile
from pathlib import Path
from unittest import mock

import django
import pytest
from django.conf import settings
from django.core import management
from django.core.management.commands import migrate as migrate_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import connections

TEMPLATE_DIR = Path(settings.BASE_DIR) / "var" / "test-templates"


def migrations_key():
    """A hash of everything the migrations depend on."""
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader

    digest = hashlib.sha256()
    for value in (
        sys.version,
        django.get_version(),
        sqlite3.sqlite_version,
        settings.INSTALLED_APPS,
        settings.LANGUAGE_CODE,
        settings.LANGUAGES,
        getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None),
        settings.AUTH_USER_MODEL,
    ):
        digest.update(repr(value).encode())
    for app_config in sorted(apps.get_app_configs(), key=lambda config: config.label):
        module_name, _explicit = MigrationLoader.migrations_module(app_config.label)
        if module_name is None:
            continue
        directory = Path(app_config.path) / module_name.rsplit(".", 1)[-1]
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.py")):
            digest.update(f"{app_config.label}/{path.name}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def file_lock(name):
    path = Path(tempfile.gettempdir()) / f"pactesur-test-template-{name}.lock"
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class SQLiteTemplate:
    def __init__(self, connection, key):
        self.connection = connection
        self.path = TEMPLATE_DIR / f"{key}.sqlite3"
        self.lock_name = key

    def exists(self):
        return self.path.exists()

    def save(self):
        TEMPLATE_DIR.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(f".{os.getpid()}.partial")
        self.connection.ensure_connection()
        target = sqlite3.connect(partial)
        try:
            self.connection.connection.backup(target)
        finally:
            target.close()
        # Templates of other keys stay: another run (another checkout state, another Python)
        # may be using one. `make clean` removes them.
        os.replace(partial, self.path)

    def load(self):
        self.connection.ensure_connection()
        # Read-only: a template that went missing is an error, not a new empty database.
        source = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        try:
            source.backup(self.connection.connection)
        finally:
            source.close()


class PostgresTemplate:
    def __init__(self, connection, key):
        self.connection = connection
        self.database = connection.settings_dict["NAME"]
        self.template = f"pactesur_test_template_{key}"
        params = connection.settings_dict
        self.lock_name = f"{key}-{params.get('HOST')}-{params.get('PORT')}".replace("/", "_")

    def _nodb(self, *statements):
        self.connection.close()
        with self.connection._nodb_cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    def exists(self):
        self.connection.close()
        with self.connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.template])
            return cursor.fetchone() is not None

    def save(self):
        quote = self.connection.ops.quote_name
        self._nodb(f"CREATE DATABASE {quote(self.template)} TEMPLATE {quote(self.database)}")

    def load(self):
        quote = self.connection.ops.quote_name
        self._nodb(
            # FORCE: a thread of a live server may still hold a connection.
            f"DROP DATABASE {quote(self.database)} WITH (FORCE)",
            f"CREATE DATABASE {quote(self.database)} TEMPLATE {quote(self.template)}",
        )


class SQLiteSnapshot:
    """The test database as it is now, kept in memory (tests/shared.py)."""

    def __init__(self, connection):
        self.connection = connection
        self.copy = None

    def save(self):
        self.connection.ensure_connection()
        self.copy = sqlite3.connect(":memory:")
        self.connection.connection.backup(self.copy)

    def load(self):
        self.connection.ensure_connection()
        self.copy.backup(self.connection.connection)

    def export(self, path):
        """Write the snapshot to a file (for another process: tests/snapshot_exchange.py)."""
        partial = Path(f"{path}.{os.getpid()}.partial")
        target = sqlite3.connect(partial)
        try:
            self.copy.backup(target)
        finally:
            target.close()
        os.replace(partial, path)

    def drop(self):
        self.copy.close()


class PostgresSnapshot:
    """The test database as it is now, kept as a database of the same server to copy from
    (CREATE DATABASE … TEMPLATE: a file copy, no SQL replayed)."""

    def __init__(self, connection, number):
        self.connection = connection
        self.database = connection.settings_dict["NAME"]
        self.copy = f"{self.database}_snap{number}"

    def _nodb(self, *statements):
        self.connection.close()
        with self.connection._nodb_cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    def save(self):
        quote = self.connection.ops.quote_name
        self._nodb(
            f"DROP DATABASE IF EXISTS {quote(self.copy)}",
            f"CREATE DATABASE {quote(self.copy)} TEMPLATE {quote(self.database)}",
        )

    def load(self):
        quote = self.connection.ops.quote_name
        self._nodb(
            f"DROP DATABASE {quote(self.database)} WITH (FORCE)",
            f"CREATE DATABASE {quote(self.database)} TEMPLATE {quote(self.copy)}",
        )

    def drop(self):
        self._nodb(f"DROP DATABASE IF EXISTS {self.connection.ops.quote_name(self.copy)}")


def snapshot_for(connection, number):
    """A snapshot of the test database (save, load, drop), or None for another engine."""
    if connection.vendor == "sqlite":
        return SQLiteSnapshot(connection)
    if connection.vendor == "postgresql":
        return PostgresSnapshot(connection, number)
    return None


def template_for(connection, key):
    if connection.vendor == "sqlite":
        return SQLiteTemplate(connection, key)
    if connection.vendor == "postgresql":
        return PostgresTemplate(connection, key)
    return None


def enabled():
    return os.environ.get("TEST_DB_TEMPLATE", "1") != "0"


@contextlib.contextmanager
def cyclic_collector_paused():
    """Python's cyclic garbage collector off for a while, then one collection. Migrating
    renders thousands of model classes (each a web of references: fields, options, related
    descriptors) that survive long enough to be scanned again and again by the collector:
    a fifth of the migrations' time (17.4 s with it, 13.8 s without, in a pytest-xdist
    worker on 4 December 2026), for ~0.5 GB of garbage collected at the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        gc.collect()


def _load(template, connection, verbosity=0):
    template.load()
    emit_post_migrate_signal(verbosity, False, connection.alias, stdout=io.StringIO())


@contextlib.contextmanager
def migrations_from_template():
    """While test databases are created: `migrate` copies the template when there is one,
    and otherwise migrates and saves the template just before post_migrate."""
    real_call_command = management.call_command
    key = migrations_key()

    def call_command(name, *args, **options):
        if name != "migrate" or options.get("database") is None:
            return real_call_command(name, *args, **options)
        connection = connections[options["database"]]
        template = template_for(connection, key)
        if template is None:
            return real_call_command(name, *args, **options)
        with file_lock(template.lock_name):
            if template.exists():
                _load(template, connection, options.get("verbosity", 0))
                return None

            def save_instead_of_emitting(*emit_args, **emit_options):
                template.save()

            with (
                mock.patch.object(
                    migrate_command, "emit_post_migrate_signal", save_instead_of_emitting
                ),
                cyclic_collector_paused(),
            ):
                result = real_call_command(name, *args, **options)
            # The database that made the template becomes a copy of it too: migrate's own
            # post_migrate creates the content types in the order of the migrations' model
            # states, not the app registry's, so their ids would differ from every other
            # test database's, and shared data copied between workers would point at other
            # models (tests/snapshot_exchange.py).
            _load(template, connection, options.get("verbosity", 0))
            return result

    with mock.patch.object(management, "call_command", call_command):
        yield


@pytest.fixture(scope="session")
def _migrations_from_template():
    """Active from here until django_db_setup (below) has made the test databases."""
    patch = contextlib.ExitStack()
    if enabled():
        patch.enter_context(migrations_from_template())
    with patch:
        yield patch


@pytest.fixture(scope="session")
def django_db_setup(_migrations_from_template, django_db_setup):
    """pytest-django's test databases, migrated from the template (see above)."""
    _migrations_from_template.close()
    return django_db_setup
