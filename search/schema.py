"""Make sure the full-text structures beside search_searchentry exist (run after `migrate`).

The migration creates them; this puts them back when something removed them (SQLite drops
a table's triggers when a later migration rebuilds the table) and rebuilds what they index.
It also fills an empty index the first time the app is migrated on a site that already has
pages.
"""

import importlib
import logging

from django.db import DatabaseError, connections

from .indexing import indexable_pages, rebuild
from .models import SearchEntry

logger = logging.getLogger(__name__)


def _sqlite_statements():
    migration = importlib.import_module("search.migrations.0001_initial")
    return migration.SQLITE_FORWARDS


def ensure_schema(using="default", verbosity=1):
    connection = connections[using]
    if "search_searchentry" not in connection.introspection.table_names():
        return
    repaired = False
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE %s", ["search_%"])
            present = {row[0] for row in cursor.fetchall()}
            for statement in _sqlite_statements():
                words = statement.split()  # CREATE TRIGGER name … / CREATE VIRTUAL TABLE name …
                name = words[2] if words[1] == "TRIGGER" else words[3]
                if name not in present:
                    cursor.execute(statement)
                    repaired = True
            if repaired:
                cursor.execute(
                    "INSERT INTO search_searchentry_fts(search_searchentry_fts) VALUES ('rebuild')"
                )
    if repaired:
        logger.warning("search: full-text structures were missing and have been recreated")
    if using == "default":
        try:
            _fill_empty_index(verbosity)
        except DatabaseError:  # e.g. migrating backwards: other apps' tables not as expected
            logger.warning("search: could not fill the empty index", exc_info=True)


def _fill_empty_index(verbosity):
    if not SearchEntry.objects.exists() and indexable_pages().exists():
        count = rebuild()
        if verbosity:
            logger.info("search: indexed %s pages", count)
