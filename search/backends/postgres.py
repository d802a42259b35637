"""PostgreSQL: full-text search with each language's text search configuration + unaccent.

Two tsvector columns beside search_searchentry (added by the migration, not Django fields):
`search_vector` = setweight(title, 'A') || setweight(body, 'B') with a GIN index, and
`title_vector`, both `to_tsvector(<config>, unaccent(text))` where <config> is the locale's
language ("english", "french", "italian", "spanish"…; "simple" for a language PostgreSQL
does not stem). A query is a tsquery built with phraseto_tsquery() from each word of the
visitor's query (or each name of a place, a phrase when it has several words) passed as a
bound parameter: no tsquery operator typed by a visitor is ever interpreted.
"""

import threading

from django.db import connection

from search.text import SIMPLE

from .base import SearchBackend

RANK_NORMALISATION = 1  # divide the rank by 1 + log(document length)

_VECTORS_SQL = (
    "UPDATE search_searchentry SET "
    "search_vector = setweight(to_tsvector(%(cfg)s::regconfig, unaccent(title)), 'A') "
    "|| setweight(to_tsvector(%(cfg)s::regconfig, unaccent(body)), 'B'), "
    "title_vector = to_tsvector(%(cfg)s::regconfig, unaccent(title)) "
    "WHERE locale_id = %(locale)s"
)


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def __init__(self):
        self._configs = None
        self._lock = threading.Lock()

    def config(self, algorithm):
        """The text search configuration for a Snowball algorithm, if the server has it."""
        if self._configs is None:
            with self._lock:
                if self._configs is None:
                    rows = self._run("SELECT cfgname FROM pg_ts_config", [])
                    self._configs = frozenset(row[0] for row in rows)
        return algorithm if algorithm in self._configs else SIMPLE

    def prepare(self, entry):
        entry.title_norm = entry.body_norm = ""

    def entries_written(self, entry_ids_by_locale):
        from wagtail.models import Locale

        from search.text import snowball_algorithm

        locales = Locale.objects.all()
        if entry_ids_by_locale is not None:
            locales = locales.filter(pk__in=list(entry_ids_by_locale))
        with connection.cursor() as cursor:
            for locale in locales:
                params = {
                    "cfg": self.config(snowball_algorithm(locale.language_code)),
                    "locale": locale.pk,
                }
                sql = _VECTORS_SQL
                if entry_ids_by_locale is not None:
                    sql += " AND id = ANY(%(ids)s)"
                    params["ids"] = list(entry_ids_by_locale[locale.pk])
                cursor.execute(sql, params)

    def rebuild(self):
        self.entries_written(None)

    def tsquery(self, analysed):
        """SQL for the query's tsquery and its parameters: every term must match, in any of
        its forms: (form1 | form2) & (form3) …; a form of several words ("monaco di
        baviera") is a phrase."""
        cfg = self.config(analysed.algorithm)
        term_sql, params = [], []
        for term in analysed.terms:
            forms = []
            for form in term.forms:
                forms.append("phraseto_tsquery(%s::regconfig, unaccent(%s))")
                params += [cfg, form]
            term_sql.append("(" + " || ".join(forms) + ")")
        # A scalar subquery: PostgreSQL computes it once per statement (an InitPlan), not
        # once per row (unaccent() is only STABLE, so the expression is not folded).
        return "(SELECT " + " && ".join(term_sql) + ")", params

    def facets(self, analysed, filters):
        """[(kind, year, matches, title matches)]."""
        if not analysed:
            return []
        query, query_params = self.tsquery(analysed)
        where, params = filters.where()
        sql = (
            f"SELECT e.kind, e.year, COUNT(*), COUNT(*) FILTER (WHERE e.title_vector @@ {query}) "
            f"FROM search_searchentry e "
            f"WHERE e.search_vector @@ {query} AND {where} GROUP BY e.kind, e.year"
        )
        return self._run(sql, [*query_params, *query_params, *params])

    def ranked_entry_ids(self, analysed, filters, offset, limit, title_hits=None):
        """Entries whose title matches the whole query come first, ranked by how well their
        title matches (ts_rank on the title: a short title made of the query's words first),
        then the newest. Then the entries that match in their body only, ranked by ts_rank
        on the whole document (title words weigh more), then the newest. The two tiers are
        queried apart: ranking the thousands of body matches of a common word is costly,
        and is skipped whenever the title matches fill the requested slice."""
        if not analysed:
            return []
        query, query_params = self.tsquery(analysed)
        where, params = filters.where()
        if title_hits is None:
            [(title_hits,)] = self._run(
                f"SELECT COUNT(*) FROM search_searchentry e "
                f"WHERE e.title_vector @@ {query} AND {where}",
                [*query_params, *params],
            )
        tie_break = "e.date DESC NULLS LAST, e.id DESC"
        ids = []
        if offset < title_hits:
            ids += self._ids(
                f"SELECT e.id FROM search_searchentry e WHERE e.title_vector @@ {query} "
                f"AND {where} ORDER BY ts_rank(e.title_vector, {query}, {RANK_NORMALISATION}) "
                f"DESC, {tie_break} LIMIT %s OFFSET %s",
                [*query_params, *params, *query_params, limit, offset],
            )
        remaining = limit - len(ids)
        if remaining > 0:
            ids += self._ids(
                f"SELECT e.id FROM search_searchentry e "
                f"WHERE e.search_vector @@ {query} AND NOT (e.title_vector @@ {query}) "
                f"AND {where} ORDER BY ts_rank(e.search_vector, {query}, {RANK_NORMALISATION}) "
                f"DESC, {tie_break} LIMIT %s OFFSET %s",
                [
                    *query_params,
                    *query_params,
                    *params,
                    *query_params,
                    remaining,
                    max(0, offset - title_hits),
                ],
            )
        return ids

    def _ids(self, sql, params):
        return [row[0] for row in self._run(sql, params)]
