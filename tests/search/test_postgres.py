"""PostgreSQL only: its full-text search with each language's configuration and unaccent."""

import pytest
from django.db import connection

from search.backends import get_backend
from search.models import SearchEntry
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
