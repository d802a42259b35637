"""Full-text backends: one per database vendor, behind the same small interface.

`get_backend()` picks the backend of the default database connection:
PostgreSQL full-text search (search.backends.postgres) or SQLite FTS5 (search.backends.sqlite).
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

_backends = {}


def get_backend():
    vendor = connection.vendor
    if vendor not in _backends:
        if vendor == "postgresql":
            from .postgres import PostgresBackend as backend_class
        elif vendor == "sqlite":
            from .sqlite import SQLiteBackend as backend_class
        else:
            raise ImproperlyConfigured(
                f"The site search supports PostgreSQL and SQLite, not {vendor!r}."
            )
        _backends[vendor] = backend_class()
    return _backends[vendor]
