"""Generations: one counter per dependency tag (core.cache_dependencies), raised after each
change that affects it. A cached page keeps the generation of each tag it depends on and
is served only while all of them are unchanged (one read of them all), so a change drops
exactly the pages that depend on what it touched, and no list of pages is kept anywhere.
Old entries are never served again and expire on their own (PAGE_CACHE_SECONDS, or the
cache's own LRU).

- SITE ("site"): every cached page depends on it; raising it empties the page cache
  (`bump_now()` with no tag, `manage.py invalidate_page_cache`).
- EVERY ("*"): raised with every change, whatever its tags. `current()` reads it: a value
  that changes after any change at all (what a cache of fragments can be keyed by), and
  the page cache compares it before and after rendering a page, to never store a page that
  a change committed meanwhile may have made stale.

Two stores, chosen by `conf.generation_store()`:

- "cache": a random token per tag in the shared cache (Redis). A random token rather than
  a counter: if Redis evicts or loses a key, the new token cannot equal an earlier one, so
  entries written before cannot be served again.
- "database": a counter per tag in a table, for the local-memory cache, which every process
  has its own copy of: counters kept there would only change in the process that made the
  change. A tag without a row reads 0.

The change happens after the transaction commits (`transaction.on_commit`): raising it
before would let a request that reads the generations in between store the old content
under the new ones.
"""

import contextlib
import functools
import logging
import threading
import uuid

from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import F

from . import conf
from .models import TagGeneration

logger = logging.getLogger(__name__)

SITE = "site"
EVERY = "*"
KEY_PREFIX = "pagecache:tag:"
GENERATION_KEY = KEY_PREFIX + EVERY  # what current() reads in the "cache" store

_state = threading.local()


def _cache():
    return caches[conf.alias()]


def current():
    """The generation of EVERY as a string (changes with every change), or None when it
    cannot be read (then nothing is served from the cache nor stored in it)."""
    values = current_many([EVERY])
    return None if values is None else values[EVERY]


def current_many(tags):
    """{tag: generation as a string} for `tags`, in one read; None when the store cannot
    be read."""
    tags = list(tags)
    if not tags:
        return {}
    try:
        if conf.generation_store() == "database":
            with connection.cursor() as cursor:
                marks = ", ".join(["%s"] * len(tags))
                cursor.execute(
                    f"SELECT name, value FROM performance_taggeneration WHERE name IN ({marks})",
                    tags,
                )
                found = dict(cursor.fetchall())
            return {tag: f"d{found.get(tag, 0)}" for tag in tags}
        cache = _cache()
        keys = {KEY_PREFIX + tag: tag for tag in tags}
        found = cache.get_many(list(keys))
        missing = [key for key in keys if key not in found]
        if missing:  # never raised yet, or evicted: a new token (add: first writer wins)
            for key in missing:
                cache.add(key, uuid.uuid4().hex, timeout=None)
            found.update(cache.get_many(missing))
        if len(found) < len(keys):
            return None
        return {tag: found[key] for key, tag in keys.items()}
    except Exception:  # noqa: BLE001 - an unreachable store means "don't cache", not an error
        logger.warning("Page cache: the generations cannot be read", exc_info=True)
        return None


def bump_now(*tags):
    """Raise the generations of `tags` (of SITE when none: everything) at once, with
    EVERY; what `bump` schedules after the commit."""
    tags = sorted(set(tags or [SITE]) - {EVERY})
    try:
        if conf.generation_store() == "database":
            names = [EVERY, *tags]
            with transaction.atomic():  # readers see all of them raised, or none
                TagGeneration.objects.bulk_create(
                    [TagGeneration(name=name, value=0) for name in names], ignore_conflicts=True
                )
                TagGeneration.objects.filter(name__in=names).update(value=F("value") + 1)
        else:
            cache = _cache()
            # EVERY first: a page rendered meanwhile sees it change, and is not stored.
            cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
            cache.set_many({KEY_PREFIX + tag: uuid.uuid4().hex for tag in tags}, timeout=None)
    except Exception:  # noqa: BLE001 - logged; the time limit of entries is the safety net
        logger.exception("Page cache: the generations could not be raised")


def bump(*tags):
    """Raise `tags` (SITE when none) once the current transaction commits (at once outside
    one).

    Does nothing inside `suspended()` (bulk loads raise SITE once at the end)."""
    if getattr(_state, "suspended", 0):
        return
    # Not deduplicated (one change sends several signals): a bump costs one transaction of
    # two statements, and a bump already waiting may belong to a savepoint rolled back later.
    transaction.on_commit(functools.partial(bump_now, *tags), robust=True)


def on_commit_once(func):
    """`transaction.on_commit(func)`, unless func already waits for this commit.

    A callback counts as waiting while it is still in the connection's list: Django drops
    the callbacks of a savepoint that is rolled back, so a change made after that registers
    func again."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        transaction.on_commit(func, robust=True)  # runs now, errors logged
        return
    waiting = getattr(_state, "waiting", {})
    wrapper = waiting.get(func)
    if wrapper is not None and any(
        callback is wrapper for _ids, callback, _robust in connection.run_on_commit
    ):
        return

    def wrapper():
        _state.waiting.pop(func, None)
        func()

    _state.waiting = {**waiting, func: wrapper}
    transaction.on_commit(wrapper, robust=True)


@contextlib.contextmanager
def suspended():
    """No bump for the changes made inside; the caller bumps once afterwards."""
    _state.suspended = getattr(_state, "suspended", 0) + 1
    try:
        yield
    finally:
        _state.suspended -= 1
