"""The site search index and the record of what visitors search for.

`SearchEntry` holds one row per live, public, non-alias page: its text, type and date, in
its own locale. Each database adds its own full-text structure beside the table (see
search/migrations/0001_initial.py and search/backends/):

- PostgreSQL: tsvector columns `search_vector` (title weighted A, body B) and `title_vector`
  with a GIN index, computed by the database with the locale's text search configuration on
  unaccented text. They are not Django fields: the backend writes and reads them in SQL.
- SQLite: an FTS5 table `search_searchentry_fts` over `title_norm` and `body_norm` (text
  folded and stemmed in Python), kept in step by triggers on this table.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    NEWS = "news", _("News")
    EVENT = "event", _("Events")
    PROJECT = "project", _("Projects")
    PAGE = "page", _("Pages")


class SearchEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="search_entry"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PAGE)
    title = models.CharField(max_length=255)
    body = models.TextField(blank=True, help_text="Searchable text, as written.")
    date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    # SQLite only (empty on PostgreSQL, which stems in the database): folded, stemmed words.
    title_norm = models.TextField(blank=True, editable=False)
    body_norm = models.TextField(blank=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["locale", "kind", "year"], name="search_entry_facets")]

    def __str__(self):
        return self.title


class LexemeCount(models.Model):
    """PostgreSQL only: in how many entries of a locale each lexeme of `search_vector`
    occurs, kept by triggers in the transaction of every write to SearchEntry (migration
    0003; no Django code writes it). A one-word search whose word occurs in more entries
    than SEARCH_COUNT_LIMIT says "more than …" from one row of it instead of counting
    matches (search/backends/postgres.py, docs/search.md). A Django model so that the
    test suite's flush empties it with the entries."""

    # The unique constraint (locale, lexeme) is the index
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    lexeme = models.TextField()
    docs = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("search lexeme count")
        verbose_name_plural = _("search lexeme counts")
        constraints = [
            models.UniqueConstraint(fields=["locale", "lexeme"], name="search_lexemecount_unique")
        ]

    def __str__(self):
        return f"{self.lexeme} ({self.docs})"


class QueryStat(models.Model):
    """How many times a (normalised) query was searched in a language on a day."""

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    query_string = models.CharField(max_length=255)
    date = models.DateField()
    hits = models.PositiveIntegerField(default=0)
    results = models.PositiveIntegerField(
        default=0, help_text="Number of results the latest of these searches found."
    )

    class Meta:
        verbose_name = _("search query statistic")
        verbose_name_plural = _("search query statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "query_string", "date"], name="search_querystat_unique_day"
            )
        ]
        indexes = [models.Index(fields=["date", "locale"], name="search_querystat_date")]

    def __str__(self):
        return f"{self.query_string} ({self.date}: {self.hits})"
