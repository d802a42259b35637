"""The content generation: a value that is part of every page-cache key and changes after
every change a visitor could see (publish, unpublish, move, delete, a snippet, an image…).

Changing it makes every cached page unreachable at once, so a page is never served from
the cache once the change that affects it is committed: there is no list of pages to
invalidate, and so no page that could be forgotten. Old entries are never read again and
expire on their own (PAGE_CACHE_SECONDS, or evicted by the cache's own LRU).

Two stores, chosen by `conf.generation_store()`:

- "cache": a random token in the shared cache (Redis). A random token rather than a counter:
  if Redis evicts or loses the key, the new token cannot equal an earlier one, so entries
  written before cannot be served again.
- "database": a counter in one table row, for the local-memory cache, which every process
  has its own copy of: a counter kept there would only change in the process that made the
  change, and the other processes would keep serving their copies.

The change happens after the transaction commits (`transaction.on_commit`): raising it
before would let a request that reads the generation in between store the old content
under the new generation.
"""

import contextlib
import logging
import threading
import uuid

from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import F

from . import conf

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"

_state = threading.local()


def _cache():
    return caches[conf.alias()]


def current():
    """The current generation as a string, or None when it cannot be read (then nothing is
    served from the cache nor stored in it)."""
    try:
        if conf.generation_store() == "database":
            with connection.cursor() as cursor:
                cursor.execute("SELECT value FROM performance_contentgeneration WHERE id = 1")
                row = cursor.fetchone()
            return f"d{row[0]}" if row else None
        cache = _cache()
        value = cache.get(GENERATION_KEY)
        if value is None:
            cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
            value = cache.get(GENERATION_KEY)
        return value
    except Exception:  # noqa: BLE001 - an unreachable store means "don't cache", not an error
        logger.warning("Page cache: the content generation cannot be read", exc_info=True)
        return None


def bump_now():
    """Change the generation at once (what `bump` schedules after the commit)."""
    try:
        if conf.generation_store() == "database":
            from .models import ContentGeneration

            updated = ContentGeneration.objects.filter(pk=1).update(value=F("value") + 1)
            if not updated:
                ContentGeneration.objects.get_or_create(pk=1, defaults={"value": 1})
        else:
            _cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:  # noqa: BLE001 - logged; the time limit of entries is the safety net
        logger.exception("Page cache: the content generation could not be changed")


def bump():
    """Change the generation once the current transaction commits (at once outside one).

    Does nothing inside `suspended()` (bulk loads change it once at the end)."""
    if getattr(_state, "suspended", 0):
        return
    # Not deduplicated (one change sends several signals): a bump costs one cache write or
    # one UPDATE, and a bump already waiting may belong to a savepoint rolled back later.
    transaction.on_commit(bump_now, robust=True)


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
