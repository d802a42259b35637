"""PostgreSQL only: its full-text search with each language's configuration and unaccent."""

import datetime

import pytest
from django.db import connection
from django.test.utils import override_settings

from search.backends import get_backend
from search.backends.base import Filters
from search.indexing import rebuild
from search.models import SearchEntry
from search.text import analyse_query
from tests.search.conftest import run_search, titles

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL full-text search (.ci/run repeats the suite on PostgreSQL)")


def fetch(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_unaccent_extension_is_installed():
    assert fetch("SELECT extname FROM pg_extension WHERE extname = 'unaccent'") == [("unaccent",)]


@pytest.mark.parametrize(
    ("language", "title", "lexeme"),
    [
        ("en", "Police trainings", "train"),
        ("fr", "Les formations à Liège", "format"),
        ("it", "Le sicurezze", "sicurezz"),
        ("es", "Las ciudades", "ciudad"),
    ],
)
def test_vectors_use_the_languages_configuration_on_unaccented_text(
    make_news, language, title, lexeme
):
    news = make_news(language, title)
    entry = SearchEntry.objects.get(page=news)
    [(title_vector, search_vector)] = fetch(
        "SELECT title_vector::text, search_vector::text FROM search_searchentry WHERE id = %s",
        [entry.pk],
    )
    assert f"'{lexeme}'" in title_vector
    assert f"'{lexeme}':1A" in search_vector or f"'{lexeme}':2A" in search_vector
    assert entry.title_norm == ""  # PostgreSQL stems in the database


def test_a_language_without_configuration_falls_back_to_simple():
    assert get_backend().config("klingon") == "simple"
    assert get_backend().config("french") == "french"


def test_queries_use_the_gin_index(make_news):
    for n in range(30):
        make_news("en", f"Bollards {n}")
    backend = get_backend()
    from search.text import analyse_query

    query, params = backend.tsquery(analyse_query("bollards", "en"))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT id FROM search_searchentry WHERE search_vector @@ {query}", params
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_entry_locale_vector_gin" in plan


def test_tsquery_syntax_in_the_query_is_plain_text(make_news):
    make_news("en", "Bollards in Riga")
    for query in ["bollards:*", "bollards & !riga", "bollards <-> riga", "'bollards' | x"]:
        context = run_search("en", q=query)
        assert context["result_count"] in (0, 1)
    assert titles(run_search("en", q="bollards & riga")) == ["Bollards in Riga"]


def lexeme_counts():
    """LexemeCount as the triggers keep it, and as counted again from the entries."""
    kept = fetch("SELECT locale_id, lexeme, docs FROM search_lexemecount WHERE docs <> 0")
    counted = fetch(
        "SELECT locale_id, lexeme, COUNT(*) FROM search_searchentry, "
        "unnest(tsvector_to_array(search_vector)) AS l(lexeme) GROUP BY 1, 2"
    )
    return sorted(kept), sorted(counted)


def english_docs(lexeme):
    rows = fetch(
        "SELECT c.docs FROM search_lexemecount c JOIN wagtailcore_locale l ON l.id = c.locale_id "
        "WHERE l.language_code = 'en' AND c.lexeme = %s",
        [lexeme],
    )
    return rows[0][0] if rows else 0


def test_lexeme_counts_follow_every_write_to_the_index(make_news):
    """Kept by the triggers in the transaction of each write: publish, edit, unpublish,
    delete, and a rebuild of the whole index."""
    news = [make_news("en", f"Bollards {n}") for n in range(3)]
    make_news("fr", "Bollards en français")
    assert english_docs("bollard") == 3
    kept, counted = lexeme_counts()
    assert kept == counted

    news[0].title = "Barriers"
    news[0].save_revision().publish()
    news[1].unpublish()
    news[2].delete()
    assert english_docs("bollard") == 0
    assert english_docs("barrier") == 1
    rebuild()  # manage.py update_search_index: every entry deleted, written, vectorised
    kept, counted = lexeme_counts()
    assert english_docs("barrier") == 1
    assert kept == counted


@pytest.mark.django_db(transaction=True)
def test_lexeme_counts_are_emptied_with_the_index(make_news):
    make_news("en", "Bollards")
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE search_searchentry")  # what a test database's flush does
    assert fetch("SELECT COUNT(*) FROM search_lexemecount") == [(0,)]


@override_settings(SEARCH_COUNT_LIMIT=5)
def test_past_the_limit_a_common_word_is_not_counted_but_known_from_its_lexeme(make_news):
    """A word in more entries than the limit: the count says so from LexemeCount without
    reading an entry; filtered, or with several words, the matches are counted as before."""
    for n in range(8):
        make_news("en", f"Bollards {n}", date=datetime.date(2021, 1 + n, 1))
    make_news("en", "Bollards and ramps", date=datetime.date(2022, 1, 1))
    backend, limit = get_backend(), 5 + 1
    entries = SearchEntry.objects.filter(title__startswith="Bollards")
    locale_id = entries.first().locale_id
    bollards = analyse_query("bollards", "en")

    assert backend.counts(bollards, Filters(locale_id=locale_id), limit) == [(None, None, limit)]
    pages = tuple(entries.values_list("page_id", flat=True)[:4])
    left = backend.counts(bollards, Filters(locale_id=locale_id, exclude_page_ids=pages), limit)
    assert sum(n for _kind, _year, n in left) == 5  # 9 - 4: counted
    by_year = backend.counts(bollards, Filters(locale_id=locale_id, year=2022), limit)
    assert by_year == [("news", 2022, 1)]
    both = backend.counts(analyse_query("bollards ramps", "en"), Filters(locale_id), limit)
    assert both == [("news", 2022, 1)]
    context = run_search("en", q="bollards")
    assert not context["counts_are_exact"] and context["result_count"] == 5
