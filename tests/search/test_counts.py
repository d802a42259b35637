"""Search whose cost does not grow with its matches (issue 17.2): results are counted up to
SEARCH_COUNT_LIMIT, past which the page says "more than …" in the visitor's language and
the filters list types and years without numbers; the queries of a search do not grow
with the matches. Runs on SQLite and, in CI (REQUIRE_POSTGRES=1), on PostgreSQL."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from tests.search.conftest import news_maker, run_search, titles
from tests.shared import shared_fixture

pytestmark = pytest.mark.django_db

LIMIT = 5


@pytest.fixture
def bollards(make_news):
    """make `n` English news items titled "Bollards …", one a month from January 2021."""

    def make(n, start=0):
        for i in range(start, start + n):
            make_news("en", f"Bollards {i}", date=datetime.date(2021 + i // 12, i % 12 + 1, 1))

    return make


@shared_fixture(parent="trees")
def bollards_past_the_limit(trees):
    """LIMIT + 9 English news items titled "Bollards …", one a month from January 2021 to
    February 2022 (as `bollards(LIMIT + 9)` makes them), built once per run."""
    make_news = news_maker(trees)
    for i in range(LIMIT + 9):
        make_news("en", f"Bollards {i}", date=datetime.date(2021 + i // 12, i % 12 + 1, 1))


def counts(facets):
    return {facet.value: facet.count for facet in facets}


@override_settings(SEARCH_COUNT_LIMIT=LIMIT)
def test_up_to_the_limit_counts_are_exact(bollards):
    bollards(LIMIT)
    context = run_search("en", q="bollards")
    assert context["result_count"] == LIMIT
    assert context["counts_are_exact"]
    assert counts(context["type_counts"]) == {"news": LIMIT}
    assert counts(context["year_counts"]) == {2021: LIMIT}


@override_settings(SEARCH_COUNT_LIMIT=LIMIT)
@pytest.mark.usefixtures("bollards_past_the_limit")  # January 2021 to February 2022
def test_past_the_limit_the_page_says_more_than_and_filters_have_no_numbers(client):
    context = run_search("en", q="bollards")
    assert not context["counts_are_exact"]
    assert context["result_count"] == LIMIT
    assert context["paginator"].count == LIMIT  # pages stop at the limit
    assert [(f.value, f.count) for f in context["type_counts"]] == [
        ("news", None),
        ("event", None),
        ("project", None),
        ("page", None),
    ]
    years = [(f.value, f.count) for f in context["year_counts"]]
    assert (2022, None) in years and (2021, None) in years  # the years of the entries
    assert all(count is None for _year, count in years)
    assert len(titles(context)) == LIMIT
    assert titles(run_search("en", q="bollards", page="99")) == titles(context)

    html = client.get("/en/search/", {"q": "bollards"}).content.decode()
    assert "More than 5 results for “bollards” · page 1" in html
    assert "more than 5): choose a type or a year" in html
    assert '<option value="news">News</option>' in html
    assert '<option value="2021">2021</option>' in html
    html = client.get("/fr/search/", {"q": "bollards"}).content.decode()
    assert "0 résultat" in html  # nothing in French: exact
    assert "voir plus de 5 résultats en anglais" in html  # the English results, capped


@override_settings(SEARCH_COUNT_LIMIT=LIMIT)
@pytest.mark.usefixtures("bollards_past_the_limit")
def test_past_the_limit_a_filter_that_narrows_enough_is_counted_again():
    context = run_search("en", q="bollards", year="2022")
    assert context["counts_are_exact"]
    assert context["result_count"] == 2  # January and February 2022
    assert counts(context["type_counts"]) == {"news": 2}
    years = counts(context["year_counts"])  # under all types: too many to count
    assert years[2022] is None and years[2021] is None
    assert [f.value for f in context["year_counts"] if f.selected] == [2022]


@pytest.mark.parametrize("language", ["en", "fr", "it", "es"])
@override_settings(SEARCH_COUNT_LIMIT=LIMIT)
def test_the_capped_count_is_said_in_each_language(client, trees, make_news, language):
    words = {"en": "bollards", "fr": "bornes", "it": "dissuasori", "es": "bolardos"}
    for n in range(LIMIT + 1):
        make_news(language, f"{words[language].title()} {n}")
    html = client.get(f"/{language}/search/", {"q": words[language]}).content.decode()
    expected = {
        "en": "More than 5 results for “bollards”",
        "fr": "Plus de 5 résultats pour « bornes »",
        "it": "Più di 5 risultati per «dissuasori»",
        "es": "Más de 5 resultados para «bolardos»",
    }
    assert expected[language] in html


@override_settings(SEARCH_COUNT_LIMIT=LIMIT)
def test_an_old_title_match_still_comes_first_past_the_limit(make_news):
    make_news("en", "Bollards", date=datetime.date(2015, 1, 1))
    for n in range(LIMIT + 3):
        make_news("en", f"Report {n}", text="About bollards.", date=datetime.date(2024, 1, n + 1))
    assert titles(run_search("en", q="bollards"))[0] == "Bollards"


def queries_of(**params):
    run_search("en", **params)  # the first search of the day also creates its statistics row
    with CaptureQueriesContext(connection) as captured:
        run_search("en", **params)
    return len(captured.captured_queries)


SEARCHES = [{}, {"type": "news"}, {"year": "2021"}, {"type": "news", "year": "2021"}, {"page": "2"}]


@override_settings(SEARCH_COUNT_LIMIT=LIMIT)
def test_the_queries_of_a_search_do_not_grow_with_its_matches(bollards):
    """The same number of queries with a few matches, just past the limit and far past it,
    with and without filters (past the limit, the year menu reads the years of the entries:
    one query more)."""
    bollards(2)
    few = [queries_of(q="bollards", **params) for params in SEARCHES]
    bollards(LIMIT, start=2)
    past = [queries_of(q="bollards", **params) for params in SEARCHES]
    bollards(3 * LIMIT, start=LIMIT + 2)
    far_past = [queries_of(q="bollards", **params) for params in SEARCHES]
    assert past == far_past
    assert all(f <= p <= f + 1 for f, p in zip(few, past, strict=True)), (few, past)
