"""SQLite: an FTS5 table over text folded and stemmed in Python (search.text).

The FTS5 table `search_searchentry_fts` is an external-content index of the `title_norm` and
`body_norm` columns of search_searchentry, kept in step by triggers (see the migration).
Queries are built only from stems (letters and digits), each quoted as an FTS5 string, so
no FTS5 operator or column syntax typed by a visitor can reach the MATCH expression.
"""

from search.text import normalise

from .base import SearchBackend

FTS_TABLE = "search_searchentry_fts"
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0


def _quote(token):
    return '"' + token.replace('"', '""') + '"'


def match_expression(analysed):
    """("stem" OR "variant") AND ("stem2") … for every term of the query; a name of several
    words ("monac bavier") is quoted whole: an FTS5 phrase."""
    return " AND ".join(
        "(" + " OR ".join(_quote(stem) for stem in term.stems) + ")" for term in analysed.terms
    )


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"

    def prepare(self, entry):
        language = entry.locale.language_code
        entry.title_norm = normalise(entry.title, language)
        entry.body_norm = normalise(entry.body, language)

    def rebuild(self):
        self._run(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')", [])

    def facets(self, analysed, filters):
        if not analysed:
            return []
        where, params = filters.where()
        sql = (
            f"SELECT e.kind, e.year, COUNT(*), NULL FROM {FTS_TABLE} f "
            f"JOIN search_searchentry e ON e.id = f.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND {where} GROUP BY e.kind, e.year"
        )
        return self._run(sql, [match_expression(analysed), *params])

    def ranked_entry_ids(self, analysed, filters, offset, limit, title_hits=None):
        """Entries whose title matches the whole query first, ranked by bm25 on the title,
        then the body-only matches ranked by bm25 on title (x10) and body; the newest first
        when the rank ties (as the PostgreSQL backend does)."""
        if not analysed:
            return []
        match = match_expression(analysed)
        where, params = filters.where()
        sql = (
            f"SELECT e.id, (e.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)) "
            f"AS title_hit FROM {FTS_TABLE} f JOIN search_searchentry e ON e.id = f.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND {where} "
            f"ORDER BY title_hit DESC, CASE WHEN title_hit THEN bm25({FTS_TABLE}, 1.0, 0.0) "
            f"ELSE bm25({FTS_TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}) END, "
            f"e.date DESC NULLS LAST, e.id DESC LIMIT %s OFFSET %s"
        )
        title_match = "{title_norm} : (" + match + ")"
        rows = self._run(sql, [title_match, match, *params, limit, offset])
        return [row[0] for row in rows]
