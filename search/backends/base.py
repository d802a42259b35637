"""The interface both full-text backends implement."""

from dataclasses import dataclass, field


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

    def facets(self, analysed, filters):
        """[(kind, year, matches, title matches or None)] over the entries matching the query
        and filters (title matches: entries whose title matches the whole query)."""
        raise NotImplementedError

    def ranked_entry_ids(self, analysed, filters, offset, limit, title_hits=None):
        """Ids of the matching entries, best first, for the slice [offset, offset+limit):
        entries whose title matches the whole query, then the others, each by relevance,
        then the most recent. `title_hits`, when known, is how many title matches there are."""
        raise NotImplementedError

    def _run(self, sql, params):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
