"""The interface both full-text backends implement.

Both answer in bounded time whatever the number of matches: counts stop at a limit, and
ranking looks at a bounded set of candidates (the most recently indexed matches, plus the
most recently indexed title matches), so a common word in a large site costs what a rarer
one does (issue 17.2). `limit` and `candidates` come from SEARCH_COUNT_LIMIT.
"""

from dataclasses import dataclass, field

from django.db import connection


@dataclass(frozen=True)
class Filters:
    """What a search is restricted to: one locale, optionally a type and a year, and without
    some pages (those already shown as promotions)."""

    locale_id: int
    kind: str | None = None
    year: int | None = None
    exclude_page_ids: tuple = field(default_factory=tuple)

    def where(self, alias="e"):
        """SQL conditions (joined with AND) and their parameters."""
        clauses, params = [f"{alias}.locale_id = %s"], [self.locale_id]
        if self.kind:
            clauses.append(f"{alias}.kind = %s")
            params.append(self.kind)
        if self.year:
            clauses.append(f"{alias}.year = %s")
            params.append(self.year)
        if self.exclude_page_ids:
            placeholders = ", ".join(["%s"] * len(self.exclude_page_ids))
            clauses.append(f"{alias}.page_id NOT IN ({placeholders})")
            params.extend(self.exclude_page_ids)
        return " AND ".join(clauses), params


class SearchBackend:
    vendor = None

    def prepare(self, entry):
        """Fill in what the backend stores on the SearchEntry row itself, before it is saved."""

    def entries_written(self, entry_ids_by_locale):
        """Update the backend's own structures after SearchEntry rows were written
        ({locale_id: [entry ids]}; None: every entry)."""

    def counts(self, analysed, filters, limit):
        """[(kind, year, matches)] over at most `limit` entries matching the query and
        filters: when the matches add up to `limit`, there may be more."""
        raise NotImplementedError

    def ranked_entry_ids(self, analysed, filters, offset, limit, candidates):
        """Ids of the matching entries, best first, for the slice [offset, offset+limit):
        entries whose title matches the whole query, then the others, each by relevance,
        then the most recent. Ranked among at most `candidates` title matches and as many
        other matches, the most recently indexed (`offset + limit` should not exceed it)."""
        raise NotImplementedError

    def _run(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
