"""Django's database cache, made fit for counters shared by several processes.

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
import pickle

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction


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
