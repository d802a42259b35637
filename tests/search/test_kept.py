"""What a search no longer asks on every request (issue 17: search ≥ 3× bakerydemo): the
results with their pages in one query whatever their types, the places' names and the
queries that have promotions kept per content version with the chrome (core.chrome_cache),
the day's counts added to in place. Kept never means stale: a city or a promotion changed
(and committed) counts on the next search.

Runs on whichever database DATABASE_URL points at (SQLite FTS5 or PostgreSQL)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from core import chrome_cache
from tests import factories
from tests.search.conftest import run_search, titles

pytestmark = pytest.mark.django_db

PROMOTIONS = '"wagtailsearchpromotions_searchpromotion"'


@pytest.fixture
def kept(settings):
    """The chrome kept per content version, as in production (the tests turn it off)."""
    settings.CHROME_CACHE_SECONDS = 300
    chrome_cache.clear()
    yield
    chrome_cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): …` runs the on-commit callbacks of the change, like a commit: the
    content version changes then, as in production."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def searched(language, **params):
    with CaptureQueriesContext(connection) as captured:
        context = run_search(language, **params)
    return context, [query["sql"] for query in captured.captured_queries]


def mentions(queries, table):
    return [sql for sql in queries if table in sql]


@pytest.mark.usefixtures("kept")
def test_names_and_promotions_are_read_once_per_content_version(make_news):
    make_news("en", "Bollards in Riga")
    run_search("en", q="bollards")  # the first search of the day also creates its counts
    chrome_cache.clear()
    _context, first = searched("en", q="bollards")
    assert mentions(first, "partners_city") and mentions(first, PROMOTIONS)
    context, second = searched("en", q="bollards")
    assert titles(context) == ["Bollards in Riga"]
    assert not mentions(second, "partners_city")
    assert not mentions(second, PROMOTIONS)
    assert not mentions(second, "wagtailcore_locale")  # the active locale: the chrome's
    assert len(second) == len(first) - 3, second  # names, promotions, locales


@pytest.mark.usefixtures("kept")
def test_a_city_name_added_is_found_at_once(make_news, committed):
    city = factories.CityFactory(name="Liège", other_names="")
    make_news("en", "Police exchange in Liège")
    assert titles(run_search("en", q="Lüttich")) == []  # read, and kept
    city.other_names = "Lüttich"
    with committed():
        city.save()
    assert titles(run_search("en", q="Lüttich")) == ["Police exchange in Liège"]


@pytest.mark.usefixtures("kept")
def test_a_promotion_added_or_removed_shows_at_once(make_news, committed):
    guide = make_news("en", "Contact the secretariat")
    assert run_search("en", q="help")["promotions"] == []  # none: kept
    with committed():
        promotion = SearchPromotion.objects.create(query=Query.get("help"), page=guide)
    assert [p.title for p in run_search("en", q="help")["promotions"]] == [
        "Contact the secretariat"
    ]
    with committed():
        promotion.delete()
    assert run_search("en", q="help")["promotions"] == []


def test_results_of_every_type_load_in_one_query(trees, make_news):
    """The entries and their pages in one query: a result needs of its page only its
    address, so a page of results costs the same whatever types it mixes."""
    make_news("en", "Bollards in Riga")
    run_search("en", q="bollards")  # the first search of the day also creates its counts
    _context, one_type = searched("en", q="bollards")
    en = trees["en"]
    factories.EventPageFactory(parent=en["event_index"], title="Bollards workshop")
    factories.ProjectPageFactory(parent=en["project_index"], title="Bollards project")
    factories.StandardPageFactory(parent=en["home"], title="Bollards", slug="bollards-page")
    context, every_type = searched("en", q="bollards")
    assert {result.type for result in context["search_results"]} == {
        "news",
        "event",
        "project",
        "page",
    }
    assert len(every_type) == len(one_type), every_type
    for result in context["search_results"]:
        assert result.url == result.page.get_url()  # the page's own address
        assert result.url.startswith("/en/")


def test_the_days_count_is_added_to_in_place(make_news):
    """Wagtail's daily hits of a query already counted today: one UPDATE, no look-ups."""
    make_news("en", "Bollards in Riga", date=datetime.date(2025, 1, 1))
    run_search("en", q="bollards")
    _context, queries = searched("en", q="bollards")
    updates = mentions(queries, "UPDATE")
    assert len(updates) == 2  # the site's count and Wagtail's
    looked_up = (
        'SELECT "wagtailsearchpromotions_query"',
        'SELECT "wagtailsearchpromotions_querydailyhits"',
    )
    assert not [sql for sql in queries if sql.startswith(looked_up)]
    assert QueryDailyHits.objects.get(query__query_string="bollards").hits == 2


def test_body_matches_follow_the_title_matches_across_pages(make_news):
    """Title matches come first; the body matches are read only when the title matches do
    not fill the page (both backends skip them otherwise): page 2 holds the last two title
    matches, then the body matches, newest first."""
    for i in range(12):
        make_news("en", f"Bollards {i}", date=datetime.date(2024, 1, 1 + i))
    for i in range(3):
        make_news("en", f"Barriers {i}", "Which bollards?", date=datetime.date(2025, 1, 1 + i))
    first = titles(run_search("en", q="bollards"))
    assert first == [f"Bollards {i}" for i in range(11, 1, -1)]
    second = titles(run_search("en", q="bollards", page="2"))
    assert second == ["Bollards 1", "Bollards 0", "Barriers 2", "Barriers 1", "Barriers 0"]


@pytest.mark.usefixtures("kept")
def test_the_years_past_the_limit_are_read_once_and_follow_the_content(
    make_news, committed, settings
):
    """Past SEARCH_COUNT_LIMIT the year menu lists the years of the language's entries: read
    once per content version, and a news item of a new year shows in it at once."""
    settings.SEARCH_COUNT_LIMIT = 2
    for year in (2021, 2021, 2022, 2022):
        make_news("en", "Bollards", date=datetime.date(year, 5, 1))

    def years():  # of the news: the tree's other pages have years of their own
        context, queries = searched("en", q="bollards", type="news")
        assert not context["counts_are_exact"]
        read = bool(mentions(queries, '"first_news"'))
        return [facet.value for facet in context["year_counts"]], read

    shown, read = years()
    assert read and shown[-2:] == [2022, 2021]
    assert years() == (shown, False)  # kept
    with committed():
        make_news("en", "Bollards", date=datetime.date(2019, 5, 1))
    assert years() == ([*shown, 2020, 2019], True)
