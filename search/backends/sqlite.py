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

    def _matches(self, where):
        """FROM … WHERE for the entries matching a MATCH expression and the filters, the
        most recently indexed first. The CROSS JOIN keeps FTS5 as the outer loop, walking
        its matches in rowid order (which FTS5 gives for free, newest first) and looking
        each entry up by primary key, so a LIMIT stops the walk early. Joined the other
        way, SQLite walked every entry of the language through the facets index and ran
        the MATCH once for each (62 % of a search at 2,000 news items per language)."""
        return (
            f"FROM {FTS_TABLE} f CROSS JOIN search_searchentry e ON e.id = f.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND {where} ORDER BY f.rowid DESC"
        )

    def counts(self, analysed, filters, limit):
        if not analysed:
            return []
        where, params = filters.where()
        sql = (
            f"SELECT kind, year, COUNT(*) FROM "
            f"(SELECT e.kind, e.year {self._matches(where)} LIMIT %s) GROUP BY kind, year"
        )
        return self._run(sql, [match_expression(analysed), *params, limit])

    def ranked_entry_ids(self, analysed, filters, offset, limit, candidates):
        """Entries whose title matches the whole query first, ranked by bm25 on the title,
        then the body-only matches ranked by bm25 on title (x10) and body; the newest first
        when the rank ties (as the PostgreSQL backend does). Candidates: the latest
        `candidates` title matches and the latest `candidates` other matches, so that an
        old page named after the query is never crowded out by newer mentions of it.

        As on PostgreSQL, the body tier is not even read when the title matches fill the
        slice (they all come first): the title tier is computed once (MATERIALIZED), and
        the body tier's condition on its size is constant, which SQLite checks before its
        loop. For a common word that halves the work (bm25 over 1,000 entries, not 2,000)."""
        if not analysed:
            return []
        match = match_expression(analysed)
        title_match = "{title_norm} : (" + match + ")"
        where, params = filters.where()
        title_rowids = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        body_where = (
            f"{where} AND e.id NOT IN ({title_rowids}) AND (SELECT COUNT(*) FROM titles) < %s"
        )
        sql = (
            f"WITH titles AS MATERIALIZED (SELECT e.id, e.date, 1 AS title_hit, "
            f"bm25({FTS_TABLE}, 1.0, 0.0) AS score {self._matches(where)} LIMIT %s) "
            f"SELECT id FROM ("
            f"SELECT * FROM titles "
            f"UNION ALL "
            f"SELECT * FROM (SELECT e.id, e.date, 0 AS title_hit, "
            f"bm25({FTS_TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score "
            f"{self._matches(body_where)} "
            f"LIMIT %s)) "
            f"ORDER BY title_hit DESC, score, date DESC NULLS LAST, id DESC LIMIT %s OFFSET %s"
        )
        rows = self._run(
            sql,
            [
                title_match,
                *params,
                candidates,
                match,
                *params,
                title_match,
                offset + limit,
                candidates,
                limit,
                offset,
            ],
        )
        return [row[0] for row in rows]
