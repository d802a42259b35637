"""Query budgets: every page type costs a fixed number of SQL queries, whatever the amount
of content (10 or 200 news items and events in each language; 3 or 9 partners, 4 or 10
cities, and three more pages in the menu).

The site is `perf_site` (builders.build_site(), copied from its snapshot: built once per
test run), grown for the module (in a transaction rolled back at the end) from 10 to 40
items, and each page is requested in French (where translated partners, cities and pages
must be looked up: the harder case) with no cache at all (DummyCache: Wagtail keeps
renditions and site root paths in the default cache, which would hide their queries once
warm), after a first request that creates the image renditions.

Each page is measured twice: once right after the chrome cache was emptied (the first page
after a change: the menu, footer, locales are built, core/chrome_cache.py), then with the
chrome kept (every other uncached page). BUDGETS are the second; the first costs
CHROME_QUERIES more.

A budget that no longer matches prints the queries; when the change is deliberate (a new
block on a page), update the number here.
"""

from collections import Counter

import pytest
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from core import chrome_cache
from events.models import EventPage
from news.models import NewsPage
from tests.performance.builders import grow_consortium, grow_site

# Below and above every page size (12 news or events, 10 search results, 20 feed items):
# a query per item shows as a difference of 30.
SIZES = (10, 40)
LANGUAGE = "fr"

# Queries per request (French, no cache, the chrome kept). Each translated partner or city
# costs nothing more (core.utils.localize_all: one query per model), nor each event of
# calendar.ics (the site root paths are kept on the request).
BUDGETS = {
    "home": 10,  # its featured project and partner cards: the footer's, kept with the chrome
    "news_index": 12,
    "news_page": 11,  # 12 before its image's renditions came in one query (3 Dec 2026)
    "event_index": 18,
    "event_page": 9,  # 11 before its image's renditions came in one query (3 Dec 2026)
    "project_page": 19,  # + the partners' logos and their renditions (2 queries)
    "search": 10,
    "sitemap": 8,
    "calendar_ics": 14,
    "feed_xml": 13,
}

# The search backend's query count depends on what matches, not on how much there is: one
# query per page type among the results, and on PostgreSQL a second ranking pass when the
# titles alone do not fill the page. Its budget is a maximum, and it must not grow.
BOUNDED = {"search"}

# What building the chrome costs, once per content version and process: the site, the
# locales, the home page and its children, the featured project, its partners in the
# language and their logos' renditions, and what routing and the language switcher keep
# with it (core/routing.py, core/language_links.py): the home page's specific row, the
# paths of restricted pages, the chrome's pages in every language (2). The home page is
# routed before its context finds the featured project, so it builds it too; a page file
# of a section (its calendar, its feed) is routed from the section kept there, so it builds
# the whole chrome as well. The sitemap only finds the site.
CHROME_QUERIES = {
    "home": 16,
    # No page: neither routed nor translated; the search's place names and promoted queries
    # (2) are kept with the chrome instead of being read by every search.
    "search": 14,
    "sitemap": 1,
    "calendar_ics": 13,
    "feed_xml": 13,
}
CHROME_QUERIES_DEFAULT = 17

NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def urls():
    fr = {"locale__language_code": LANGUAGE, "slug__startswith": "load-"}
    news = NewsPage.objects.live().filter(**fr, image__isnull=False).order_by("path").first()
    event = (
        EventPage.objects.live()
        .filter(**fr, registration_enabled=False, city__isnull=False, image__isnull=False)
        .order_by("path")
        .first()
    )
    return {
        "home": f"/{LANGUAGE}/",
        "news_index": f"/{LANGUAGE}/news/",
        "news_page": news.get_url(),
        "event_index": f"/{LANGUAGE}/events/",
        "event_page": event.get_url(),
        "project_page": f"/{LANGUAGE}/projects/pactesur2/",
        "search": f"/{LANGUAGE}/search/?q=s%C3%A9curit%C3%A9",
        "sitemap": "/sitemap.xml",
        "calendar_ics": f"/{LANGUAGE}/events/calendar.ics",
        "feed_xml": f"/{LANGUAGE}/news/feed.xml",
    }


def measure(client, url):
    try:
        client.get(url)  # creates the renditions, records the search query…
        chrome_cache.clear()
        with CaptureQueriesContext(connection) as built:
            client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    except Exception as error:  # noqa: BLE001 - reported by the test of that page type
        return {"error": repr(error), "count": None, "queries": []}
    return {
        "status": response.status_code,
        "count": len(queries.captured_queries),
        "queries": [query["sql"] for query in queries.captured_queries],
        "chrome_count": len(built.captured_queries) - len(queries.captured_queries),
    }


@pytest.fixture(scope="module")
def measured(_shared_database, django_db_blocker):
    """{page type: {size: measurement}}, for both sizes, on one site grown for the module
    from `perf_site` (builders.build_site(), tests/performance/conftest.py): its snapshot,
    made once per test run for every module that reads it, and its image files."""
    site = _shared_database.prepare_shared("perf_site")
    results = {name: {} for name in BUDGETS}
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=str(_shared_database.media_root),
            CACHES=NO_CACHE,
            PAGE_CACHE_SECONDS=0,
            CHROME_CACHE_SECONDS=300,
        ),
        transaction.atomic(),
    ):
        grown = 0
        for size in SIZES:
            grow_site(news=size - grown, events=size - grown, seed=size)
            if grown:
                grow_consortium(site, partners=6, cities=6, menu_pages=3)
            grown = size
            client = Client()
            for name, url in urls().items():
                results[name][size] = {"url": url, **measure(client, url)}
        transaction.set_rollback(True)
    chrome_cache.clear()
    return results


def describe(measurement):
    if measurement.get("error"):
        return f"  {measurement['url']}: {measurement['error']}"
    lines = [f"  {measurement['url']}: {measurement['count']} queries"]
    for sql, count in Counter(measurement["queries"]).most_common():
        lines.append(f"    {count} x {sql[:220]}")
    return "\n".join(lines)


def check(measured, name):
    by_size = measured[name]
    for size in SIZES:
        assert by_size[size].get("status") == 200, describe(by_size[size])
    counts = {size: by_size[size]["count"] for size in SIZES}
    details = "\n".join(f"{size} items:\n{describe(by_size[size])}" for size in SIZES)
    chrome = {size: by_size[size]["chrome_count"] for size in SIZES}
    expected = CHROME_QUERIES.get(name, CHROME_QUERIES_DEFAULT)
    if name in BOUNDED:
        assert counts[SIZES[-1]] <= counts[SIZES[0]], f"N+1 on {name}: {counts}\n{details}"
        assert max(counts.values()) <= BUDGETS[name], f"{name}: {counts}\n{details}"
    else:
        assert counts[SIZES[0]] == counts[SIZES[-1]], f"N+1 on {name}: {counts}\n{details}"
        budget = BUDGETS[name]
        assert counts[SIZES[0]] == budget, f"{name}: {counts}, budget {budget}\n{details}"
    assert set(chrome.values()) == {expected}, f"building the chrome of {name}: {chrome}"


@pytest.mark.django_db
def test_home_page(measured):
    check(measured, "home")


@pytest.mark.django_db
def test_news_index(measured):
    check(measured, "news_index")


@pytest.mark.django_db
def test_news_page(measured):
    check(measured, "news_page")


@pytest.mark.django_db
def test_event_index(measured):
    check(measured, "event_index")


@pytest.mark.django_db
def test_event_page(measured):
    check(measured, "event_page")


@pytest.mark.django_db
def test_project_page(measured):
    check(measured, "project_page")


@pytest.mark.django_db
def test_search(measured):
    check(measured, "search")


@pytest.mark.django_db
def test_sitemap(measured):
    check(measured, "sitemap")


@pytest.mark.django_db
def test_calendar_ics(measured):
    check(measured, "calendar_ics")


@pytest.mark.django_db
def test_feed_xml(measured):
    check(measured, "feed_xml")
