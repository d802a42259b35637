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
from wagtail.models import Locale

from search.text import SIMPLE, snowball_algorithm

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

    def counts(self, analysed, filters, limit):
        """Counted over the first `limit` matches the GIN index yields (in the table's
        physical order: choosing the latest would mean reading every match), from the
        rows' own columns (no vector is decompressed).

        Unless the lexeme counts show at once that there are at least `limit` matches
        (lower_bound): then one row (None, None, limit) says so and no entry is read, the
        index scan of every match (8,881 for "security" at 10,000 news items per language)
        being the cost of a common word. One query either way, which says itself which
        (a one-time filter), so that the queries of a search do not depend on its matches."""
        if not analysed:
            return []
        query, query_params = self.tsquery(analysed)
        where, params = filters.where()
        bound, bound_params = self.lower_bound(analysed, filters)
        sql = (
            f"WITH bound AS ({bound}) "
            f"SELECT kind, year, COUNT(*) FROM (SELECT e.kind, e.year FROM search_searchentry e "
            f"WHERE e.search_vector @@ {query} AND {where} "
            f"AND (SELECT n FROM bound) < %s LIMIT %s) s GROUP BY kind, year "
            f"UNION ALL SELECT NULL, NULL, %s FROM bound WHERE n >= %s"
        )
        return self._run(sql, [*bound_params, *query_params, *params, limit, limit, limit, limit])

    def lower_bound(self, analysed, filters):
        """SQL for a number of entries the query surely matches under the filters, and its
        parameters: for a query of one word (in any of its forms), without a type or year,
        the entries of the locale that have the word's lexeme (LexemeCount), less the
        pages left out. Otherwise 0: a query of several words matches fewer entries than
        any of them, and the counts are not kept by type and year."""
        forms = analysed.terms[0].forms if len(analysed.terms) == 1 else ()
        if not forms or filters.kind or filters.year:
            return "SELECT 0 AS n", []
        values = ", ".join(["(%s)"] * len(forms))
        # A form that is one lexeme (not a phrase, not a stop word) matches exactly the
        # entries whose vector holds that lexeme.
        sql = (
            f"SELECT COALESCE(MAX(c.docs), 0) - %s AS n FROM (VALUES {values}) f(form) "
            f"CROSS JOIN LATERAL tsvector_to_array("
            f"to_tsvector(%s::regconfig, unaccent(f.form))) a(lexemes) "
            f"JOIN search_lexemecount c ON c.locale_id = %s AND c.lexeme = a.lexemes[1] "
            f"WHERE cardinality(a.lexemes) = 1"
        )
        params = [len(filters.exclude_page_ids), *forms]
        return sql, [*params, self.config(analysed.algorithm), filters.locale_id]

    def ranked_entry_ids(self, analysed, filters, offset, limit, candidates):
        """Entries whose title matches the whole query come first, ranked by how well their
        title matches (ts_rank on the title: a short title made of the query's words first),
        then the newest. Then the entries that match in their body only, ranked by ts_rank
        on the whole document (title words weigh more), then the newest.

        Each tier is ranked among the first `candidates` entries the GIN index yields (the
        table's physical order: picking the latest would mean reading every match, which
        costs more than ranking them), and the body tier is not even read when the title
        matches fill the slice (a one-time filter: ts_rank decompresses each document's
        vector, the largest cost of a common word). One query either way."""
        if not analysed:
            return []
        query, query_params = self.tsquery(analysed)
        where, params = filters.where()
        sql = (
            f"WITH titles AS (SELECT e.id, e.date, e.title_vector FROM search_searchentry e "
            f"WHERE e.title_vector @@ {query} AND {where} LIMIT %s) "
            f"SELECT id FROM ("
            f"SELECT id, 1 AS title_hit, ts_rank(title_vector, {query}, {RANK_NORMALISATION}) "
            f"AS score, date FROM titles "
            f"UNION ALL "
            f"SELECT id, 0, ts_rank(search_vector, {query}, {RANK_NORMALISATION}), date FROM "
            f"(SELECT e.id, e.date, e.search_vector FROM search_searchentry e "
            f"WHERE e.search_vector @@ {query} AND NOT (e.title_vector @@ {query}) AND {where} "
            f"LIMIT %s) body WHERE (SELECT COUNT(*) FROM titles) < %s"
            f") c ORDER BY title_hit DESC, score DESC, date DESC NULLS LAST, id DESC "
            f"LIMIT %s OFFSET %s"
        )
        params = [
            *query_params,
            *params,
            candidates,
            *query_params,
            *query_params,
            *query_params,
            *query_params,
            *params,
            candidates,
            offset + limit,
            limit,
            offset,
        ]
        return [row[0] for row in self._run(sql, params)]
