"""The cache backends of production: Redis that never holds a request, and the database cache
made fit for counters shared by several processes.

**ResilientRedisCache** (CACHES with REDIS_URL, config/settings/caches.py `redis_cache`):
django-redis told to ignore errors answers "nothing cached" when Redis is down, but a Redis
that is stopped without closing its port (frozen, or a network that drops packets) makes
every call wait for the socket timeout, and a request makes about ten calls (page cache,
Wagtail's site lookups, rate limits, anti-spam): a form took over 5 s. Here the first call
that fails marks that Redis as down for REDIS_RETRY_SECONDS in this process: the calls in
between are skipped at once (the request goes on uncached, unlimited), then Redis is asked
again, so the site recovers by itself when it is back (tests/core/test_outages.py).

**CounterSafeDatabaseCache**:

When REDIS_URL is not set, the rate limits (django-ratelimit) and the anti-spam replay check
keep their counters in the `limits` cache, which is then this database cache: shared by every
worker and every app server, as the limits must be (a per-process cache lets each worker count
on its own). Django's own `incr` reads, adds and writes back without a lock, so two workers
counting at the same moment lose one of the counts, and it resets the entry's expiry to the
default timeout. Here `incr` writes the row first, which holds a row lock (PostgreSQL) or the
database's write lock (SQLite) until the commit, so concurrent increments of one key wait for
each other; the expiry set when the counter was added is kept.
"""

import base64
import functools
import logging
import pickle
import time

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)

# Redis location -> time.monotonic() until which it is not asked (per process: every thread's
# cache object shares it).
_redis_down_until = {}


class _SkippingWhileDown:
    """Wraps django-redis' client: its operations raise ConnectionInterrupted at once while
    the server is marked down (RedisCache then answers as for any Redis error)."""

    def __init__(self, client, location, retry_seconds):
        self._client = client
        self._location = location
        self._retry_seconds = retry_seconds

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if name.startswith("_") or name == "close" or not callable(attribute):
            return attribute

        @functools.wraps(attribute)
        def call(*args, **kwargs):
            if time.monotonic() < _redis_down_until.get(self._location, 0):
                raise ConnectionInterrupted(connection=None) from ConnectionError(
                    "skipped: Redis was found down a moment ago"
                )
            try:
                return attribute(*args, **kwargs)
            except ConnectionInterrupted as error:
                _redis_down_until[self._location] = time.monotonic() + self._retry_seconds
                logger.warning(
                    "Redis did not answer (%s): cache calls skipped for %s s",
                    error,
                    self._retry_seconds,
                )
                raise

        return call


class ResilientRedisCache(RedisCache):
    @property
    def client(self):
        if self._client is None:
            retry_seconds = float(self._params.get("OPTIONS", {}).get("RETRY_SECONDS", 5))
            self._client = _SkippingWhileDown(
                self._client_cls(self._server, self._params, self), self._server, retry_seconds
            )
        return self._client


class CounterSafeDatabaseCache(DatabaseCache):
    def incr(self, key, delta=1, version=None):
        stored_key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote_name = connection.ops.quote_name
        table, key_column = quote_name(self._table), quote_name("cache_key")
        value_column, expires_column = quote_name("value"), quote_name("expires")
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {expires_column} = {expires_column} WHERE {key_column} = %s",
                [stored_key],
            )
            value = self._missing_key
            if cursor.rowcount:  # else nothing to lock: the key is not there
                value = self.get(key, self._missing_key, version=version)
            if value is self._missing_key:
                raise ValueError(f"Key '{key}' not found")
            new_value = value + delta
            pickled = base64.b64encode(pickle.dumps(new_value, self.pickle_protocol))
            cursor.execute(
                f"UPDATE {table} SET {value_column} = %s WHERE {key_column} = %s",
                [pickled.decode("latin1"), stored_key],
            )
        return new_value
