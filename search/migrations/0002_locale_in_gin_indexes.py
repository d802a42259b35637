"""PostgreSQL: the GIN indexes of the two tsvector columns also index the locale.

Every search is in one locale. With GIN indexes of the vectors alone, PostgreSQL built a
bitmap of every entry of the locale from its B-tree (12,000 rows at 10,000 news items per
language) and intersected it with the matches, for the count and again for the ranking
(≈ 1 ms of database CPU each, docs/performance.md). With the locale in the same GIN index
(btree_gin, a contrib extension like unaccent) one index scan finds the matches of one
locale. The rows found, and the order in which the bitmap heap scan reads them, are the
same: counts and ranking do not change. SQLite: nothing to do.
"""

import importlib

from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations

FORWARDS = [
    "CREATE INDEX search_entry_locale_vector_gin ON search_searchentry "
    "USING gin (locale_id, search_vector)",
    "CREATE INDEX search_entry_locale_title_gin ON search_searchentry "
    "USING gin (locale_id, title_vector)",
    "DROP INDEX IF EXISTS search_searchentry_vector_gin",
    "DROP INDEX IF EXISTS search_searchentry_title_gin",
]
BACKWARDS = [
    "CREATE INDEX IF NOT EXISTS search_searchentry_vector_gin ON search_searchentry "
    "USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS search_searchentry_title_gin ON search_searchentry "
    "USING gin (title_vector)",
    "DROP INDEX IF EXISTS search_entry_locale_title_gin",
    "DROP INDEX IF EXISTS search_entry_locale_vector_gin",
]

# Runs a list of statements per database vendor (the first migration's helper, frozen there).
_run = importlib.import_module("search.migrations.0001_initial")._run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        BtreeGinExtension(),
        migrations.RunPython(_run({"postgresql": FORWARDS}), _run({"postgresql": BACKWARDS})),
    ]
