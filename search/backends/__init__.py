"""Full-text backends: one per database vendor, behind the same small interface.

`get_backend()` picks the backend of the default database connection:
PostgreSQL full-text search (search.backends.postgres) or SQLite FTS5 (search.backends.sqlite).
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from .postgres import PostgresBackend
from .sqlite import SQLiteBackend

BACKEND_CLASSES = {"postgresql": PostgresBackend, "sqlite": SQLiteBackend}
_backends = {}


def get_backend():
    vendor = connection.vendor
    if vendor not in _backends:
        if vendor not in BACKEND_CLASSES:
            raise ImproperlyConfigured(
                f"The site search supports PostgreSQL and SQLite, not {vendor!r}."
            )
        _backends[vendor] = BACKEND_CLASSES[vendor]()
    return _backends[vendor]
