"""Test data built once per test process and copied back for each test (`setUpTestData` for
pytest, across modules).

A translated page tree costs seconds to build (wagtail-localize, page revisions, two search
indexes, the reference index); most test modules read one of a handful of them. A *shared
fixture* is built by its builder once per test process (each pytest-xdist worker), then the
test database is kept as it is then, a *snapshot* (tests/dbtemplate.py: an in-memory copy on
SQLite, a template database on PostgreSQL). Every test that asks for it gets:

- the database as the builder left it: the snapshot is copied back when the test before it
  needed other data (copying takes milliseconds on SQLite, a fraction of a second on
  PostgreSQL), and the test runs in its own transaction (pytest-django's `db`), rolled back
  after it, so what a test changes never reaches the next one;
- fresh Python objects, re-read by primary key for each test, so that a test changing an
  object in memory (a title, `unpublish()`…) changes nothing for the next one.

Shared fixtures form chains: `translated_site` is `site_tree` plus translations, and
`site_tree` is `home` plus pages. A test gets exactly the deepest shared fixture it asks for
(not more: a test asking only for `site_tree` sees no translation, and a test asking for none
sees the database as the migrations made it). A level is built from the snapshot of its
parent, so `site_tree` is built once even though three chains start with it.

A builder runs in a transaction that is then committed without running its on-commit
callbacks, as they never ran when it was rolled back at the end of a module: what it leaves
is data, not e-mails sent, purges or search-index tasks run twice.

Declare one in a conftest or a test module:

    @shared_fixture(parent="site_tree")
    def site_with_event(site):          # the parent's data, re-read from the database
        site["event2"] = EventPageFactory(parent=site["event_index"])
        return site                     # model instances (in dicts/lists) are re-read per test

The builder runs once per process; the fixture named after it returns the re-read data.
Fixtures named after a shared fixture must be unique (the chain is found by name), and a
builder must depend on nothing but its parent's data (not on the module it is used in).

Tests that commit (`transaction=True`, `transactional_db`, `live_server`) cannot share a
transaction: for them the chain is built inside the test, as before, and the database is
copied back from the snapshot of the migrated database after it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.test import override_settings
from wagtail.models import Locale

from tests.dbtemplate import snapshot_for
from tests.snapshot_exchange import SnapshotExchange

_SPECS: dict[str, SharedSpec] = {}


@dataclasses.dataclass(eq=False)
class SharedSpec:
    name: str
    build: Callable
    parent: str | None
    media: bool

    def chain(self):
        """The specs from the root of the chain down to this one."""
        parent = _SPECS[self.parent].chain() if self.parent else []
        return [*parent, self]


def shared_fixture(parent=None, media=False):
    """Declare a fixture whose data is built once per module (see the module docstring).
    `media=True`: the builder writes files (images): it runs with MEDIA_ROOT set to a
    directory of the module, and so do the tests that use it (or a fixture below it)."""

    def decorate(build):
        name = build.__name__
        if name in _SPECS and _SPECS[name].build.__qualname__ != build.__qualname__:
            raise ValueError(f"two shared fixtures are named {name!r}")
        spec = SharedSpec(name=name, build=build, parent=parent, media=media)
        _SPECS[name] = spec

        def accessor(_shared_state, db, request):
            if _shared_state.media_root is not None:
                request.getfixturevalue("settings").MEDIA_ROOT = str(_shared_state.media_root)
            return _shared_state.get(spec)

        accessor.__doc__ = build.__doc__
        accessor._shared_spec = spec
        return pytest.fixture(name=name)(accessor)

    return decorate


# ------------------------------------------------------------------ freezing and re-reading


@dataclasses.dataclass(frozen=True)
class _Ref:
    model: type
    pk: object


def _freeze(value, memo):
    """Model instances become (model, pk) references; dicts, lists and tuples are walked."""
    key = id(value)
    if key in memo:
        return memo[key][1]
    if isinstance(value, models.Model):
        frozen = _Ref(type(value), value.pk)
    elif isinstance(value, dict):
        frozen = ("dict", [(k, _freeze(v, memo)) for k, v in value.items()])
    elif isinstance(value, (list, tuple)):
        frozen = (type(value).__name__, [_freeze(v, memo) for v in value])
    else:
        frozen = ("value", value)
    memo[key] = (value, frozen)  # keep `value` alive: its id must not be reused
    return frozen


def _refs(frozen, found):
    """Every reference in a frozen value, by model."""
    if isinstance(frozen, _Ref):
        found.setdefault(frozen.model, set()).add(frozen.pk)
    elif frozen[0] != "value":
        for item in frozen[1]:
            _refs(item[1] if frozen[0] == "dict" else item, found)
    return found


def _read_all(frozen, memo):
    """Re-read every object a frozen value refers to, one query per model (a test asks for
    dozens of pages of a handful of types)."""
    for model, pks in _refs(frozen, {}).items():
        pks = [pk for pk in pks if _Ref(model, pk) not in memo]
        objects = model._default_manager.in_bulk(pks)
        for pk in pks:
            if pk not in objects:
                raise model.DoesNotExist(f"shared data: no {model.__name__} with pk {pk!r}")
            memo[_Ref(model, pk)] = objects[pk]


def _thaw(frozen, memo):
    """Fresh objects from the database, the same object for the same reference."""
    key = frozen if isinstance(frozen, _Ref) else id(frozen)
    if key in memo:
        return memo[key]
    if isinstance(frozen, _Ref):
        value = frozen.model._default_manager.get(pk=frozen.pk)
    else:
        kind, content = frozen
        if kind == "dict":
            value = {k: _thaw(v, memo) for k, v in content}
        elif kind == "list":
            value = [_thaw(v, memo) for v in content]
        elif kind == "tuple":
            value = tuple(_thaw(v, memo) for v in content)
        else:
            value = content
    memo[key] = value
    return value


# ------------------------------------------------------------------ the process's snapshots


class SharedDatabase:
    """The snapshots of this test process, and which one the test database holds now."""

    def __init__(self, blocker, media_root: Path, exchange=None):
        self.blocker = blocker
        self.exchange = exchange  # with the other pytest-xdist workers (or None)
        self.media_root = exchange.media_root if exchange else media_root
        self.snapshots = {}  # {spec or None (the migrated database): snapshot}
        self.frozen_data = {}  # {spec: its data, frozen}
        self.current = None  # the spec whose snapshot the database holds (None: migrated)
        self.started = False
        self.identity = None  # of the migrated database (database_identity)

    def prepare(self, chain):
        """Put the database as the next test needs it: the snapshot of the deepest level of
        its chain, made (from its parent's snapshot, or copied from another worker's) the
        first time it is asked for."""
        target = chain[-1] if chain else None
        with self.blocker.unblock():
            if not self.started:
                # The first call comes before any test changed the database: as migrated.
                self.snapshots[None] = self._save(None)
                self.identity = database_identity()
                self.started = True
            if target is self.current:
                return
            if transaction.get_connection().in_atomic_block:
                raise pytest.UsageError(
                    "shared data cannot be switched inside a transaction a fixture holds open; "
                    f"needed: {target.name if target else 'the migrated database'}"
                )
            for spec in chain:
                if spec not in self.snapshots:
                    self._make(spec)
            if self.current is not target:
                self._load(target)

    def _make(self, spec):
        """Build a level of a chain (its parent is made), or take it from another worker."""
        with contextlib.ExitStack() as stack:
            taken = None
            if self.exchange is not None:
                taken = stack.enter_context(self.exchange.claim(spec.name, self.identity))
            if taken is not None:
                if taken["identity"] != self.identity:
                    raise pytest.UsageError(
                        f"{spec.name}: the workers' test databases differ (content type or "
                        "locale ids), so shared data cannot be copied between them; each must "
                        "be a copy of the migrated template (tests/dbtemplate.py)"
                    )
                self.exchange.load(transaction.get_connection(), taken["snapshot"])
                self.frozen_data[spec] = taken["frozen"]
            else:
                parent = _SPECS[spec.parent] if spec.parent else None
                if self.current is not parent:
                    self._load(parent)
                self._build(spec)
            self.snapshots[spec] = self._save(spec)
            self.current = spec
            if taken is None and self.exchange is not None:
                self.exchange.publish(
                    spec.name,
                    self.frozen_data[spec],
                    self.snapshots[spec],
                    self.identity,
                    media=any(level.media for level in spec.chain()),
                )

    def prepare_shared(self, name):
        """The database as shared fixture `name` left it, and its data re-read: for a
        fixture that holds its own transaction or commits (the query budgets' module, the
        Varnish drills), which cannot ask for a shared fixture by name."""
        chain = _SPECS[name].chain()
        self.prepare(chain)
        with self.blocker.unblock():
            return self.thaw(chain[-1], {})

    def reset(self):
        """After a test that committed: back to the migrated database."""
        with self.blocker.unblock():
            self._load(None)

    def _build(self, spec):
        with transaction.atomic():
            parent = self.thaw(_SPECS[spec.parent], {}) if spec.parent else None
            live = build(spec, parent, self.media_root)
            self.frozen_data[spec] = _freeze(live, {})
            # As when the build was rolled back: its on-commit callbacks never run.
            transaction.get_connection().run_on_commit = []

    def _save(self, spec):
        snapshot = snapshot_for(transaction.get_connection(), len(self.snapshots))
        if snapshot is None:
            raise pytest.UsageError("shared test data needs SQLite or PostgreSQL")
        snapshot.save()
        return snapshot

    def _load(self, spec):
        self.snapshots[spec].load()
        self.current = spec

    def thaw(self, spec, memo):
        if spec not in self.frozen_data:
            raise LookupError(f"shared fixture {spec.name} was not prepared for this test")
        _read_all(self.frozen_data[spec], memo)
        return _thaw(self.frozen_data[spec], memo)

    def close(self):
        if not self.snapshots:
            return
        with self.blocker.unblock():
            if self.exchange is not None:
                self.exchange.withdraw()
            for snapshot in self.snapshots.values():
                snapshot.drop()


def database_identity():
    """What rows of other tables point at by id, and must be the same in every worker."""
    rows = [
        *ContentType.objects.order_by("pk").values_list("pk", "app_label", "model"),
        *Locale.objects.order_by("pk").values_list("pk", "language_code"),
    ]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def build(spec, parent_data, media_root):
    if spec.media:
        media_root.mkdir(parents=True, exist_ok=True)
        with override_settings(MEDIA_ROOT=str(media_root)):
            return spec.build(parent_data)
    return spec.build(parent_data)


class TestData:
    """What one test sees: the process's shared data re-read, or data built for the test
    alone."""

    def __init__(self, database, chain, per_test):
        self.database = database
        self.chain = chain
        self.per_test = per_test
        self.media_root = database.media_root if any(s.media for s in chain) else None
        self.memo = {}
        self.built = {}

    def get(self, spec):
        if spec not in self.chain:
            raise LookupError(f"{spec.name} is not in this test's chain")
        if self.per_test:
            if not self.built:
                data = None
                for level in self.chain:
                    data = build(level, data, self.database.media_root)
                    self.built[level.name] = data
            return self.built[spec.name]
        return self.database.thaw(spec, self.memo)


def chain_of(item):
    """The chain of the deepest shared fixture the test uses ([] for none)."""
    specs = []
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return []
    for name in item.fixturenames:
        definitions = info.name2fixturedefs.get(name)
        spec = definitions and getattr(definitions[-1].func, "_shared_spec", None)
        if spec is not None:
            specs.append(spec)
    if not specs:
        return []
    deepest = max((spec.chain() for spec in specs), key=len)
    for spec in specs:
        if spec not in deepest:
            raise pytest.UsageError(
                f"{item.nodeid}: shared fixtures {spec.name} and {deepest[-1].name} "
                "cannot be used together (they build different sites)"
            )
    return deepest


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    if marker and marker.args and marker.args[0]:
        return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


def order_by_shared_data(items):
    """The final order of the tests, whatever plugin shuffled them before:

    - each module's tests together (at its first place), ordered by the chain of shared
      data they need, stable (a random order within a chain is kept): each level of a
      chain is then built once per module;
    - then pytest-django's order: tests in a transaction, then tests that commit (they
      flush the database, Wagtail's root page included), then tests without a database;
    - the browser tests last (tests/browser/conftest.py: their committed demo content).

    PYTEST_SHARED_ORDER=keep leaves the modules' order alone (chains then switch between
    any two tests: a check of the switching, see docs/testing.md)."""
    first_seen = {}
    for index, item in enumerate(items):
        first_seen.setdefault(getattr(item, "module", None), index)
    keep = os.environ.get("PYTEST_SHARED_ORDER") == "keep"

    def key(indexed):
        index, item = indexed
        names = () if keep else tuple(spec.name for spec in chain_of(item))
        browser = item.get_closest_marker("browser") is not None
        module = first_seen[getattr(item, "module", None)]
        return (browser, database_group(item), module, names, index)

    items[:] = [item for _index, item in sorted(enumerate(items), key=key)]


def database_group(item):
    """pytest-django's order: 0 in a transaction, 1 committing, 2 without a database."""
    if is_transactional(item):
        return 1
    if item.get_closest_marker("django_db") or "db" in getattr(item, "fixturenames", ()):
        return 0
    return 2


def uses_a_database(item):
    """Whether the test can reach a database: pytest-django sets up the test database only
    for tests whose fixtures need `django_db_setup` (`db`, `transactional_db`, a live
    server…) and blocks every query of the others."""
    return (
        "django_db_setup" in getattr(item, "fixturenames", ())
        or item.get_closest_marker("django_db") is not None
        or item.get_closest_marker("postgres") is not None
    )


def only_database_tests(config, items):
    """--only-database-tests: leave out the tests that cannot reach a database (they cannot
    depend on its engine; CI runs them on SQLite only)."""
    kept, left_out = [], []
    for item in items:
        (kept if uses_a_database(item) else left_out).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@contextlib.contextmanager
def exclusive(item):
    """`@pytest.mark.exclusive("name")`: tests with the same name never run at the same time,
    in any pytest-xdist worker (a file lock held for the test's duration)."""
    names = sorted({str(mark.args[0]) for mark in item.iter_markers("exclusive")})
    with contextlib.ExitStack() as stack:
        for name in names:
            path = Path(tempfile.gettempdir()) / f"pactesur-tests-exclusive-{name}.lock"
            handle = stack.enter_context(open(path, "w"))  # noqa: SIM115 - closed by the stack
            fcntl.flock(handle, fcntl.LOCK_EX)
            stack.callback(fcntl.flock, handle, fcntl.LOCK_UN)
        yield


# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="session")
def _shared_database(request, django_db_setup, django_db_blocker, tmp_path_factory):
    data = SharedDatabase(
        django_db_blocker,
        tmp_path_factory.mktemp("shared-media"),
        SnapshotExchange.for_this_run(
            request.config, tmp_path_factory.getbasetemp(), connection.vendor
        ),
    )
    yield data
    data.close()


@pytest.fixture
def _shared_state(request, django_db_blocker):
    """Prepares the test's shared data before its transaction starts (see _django_db_helper).
    After a test that committed (pytest-django then empties every table, Wagtail's root
    page included), the database is copied back as the migrations made it, so that the
    tests after it, in this process, find it as usual."""
    item = request.node
    chain = chain_of(item)
    per_test = is_transactional(item)
    database = request.getfixturevalue("_shared_database")
    database.prepare([] if per_test else chain)
    yield TestData(database, chain, per_test)
    if per_test:
        database.reset()


@pytest.fixture
def _django_db_helper(_shared_state, _django_db_helper):
    """pytest-django's fixture that opens each test's transaction, preceded by the
    preparation of the module's shared data (which must happen outside that transaction)."""
    return _django_db_helper


def shared_media_root(request):
    """MEDIA_ROOT of the files a `media=True` shared fixture of this test wrote, or None."""
    return request.getfixturevalue("_shared_state").media_root
