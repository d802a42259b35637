"""What a change drops from the page cache: the pages that show it, and only those.

Every cacheable URL of the site is cached (every page in every language, their files, the
sitemap), one change is made and committed, and each URL is asked again: those answered
without the cache are the ones the change invalidated (bench/invalidation_scope.py counts
the same on the demo content).
"""

import sys
from pathlib import Path

import pytest
from django.core.cache import cache, caches

from events.models import EventPage
from news.models import NewsPage
from tests import factories
from tests.chrome import chrome_kept
from tests.performance.builders import grow_site
from tests.shared import shared_fixture

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from invalidation_scope import HEADER, invalidated, warm  # noqa: E402 - bench/ is no package


@shared_fixture(parent="perf_site", media=True)
def scope_site(perf_site):
    """perf_site with generated news and events in every language, and a second project
    (in English only) that none of them belongs to."""
    grow_site(news=3, events=3)
    factories.ProjectPageFactory(
        parent=perf_site["project_index"], title="PACTESUR", slug="pactesur"
    )
    return perf_site


@pytest.fixture
def site(scope_site, settings):
    """The page cache on, and the page chrome kept as in production (tests/chrome.py): pages
    are rendered as they are for visitors, and the changes below change the chrome too."""
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    with chrome_kept():
        yield scope_site
    cache.clear()


_warmed = {}  # {prefix: (the page cache's entries as warm() left them, the URLs cached)}


def warm_once(client, prefix=""):
    """warm(client, prefix), rendered once per process: every test here starts from the
    same data (the snapshot of scope_site, the generations included), so the entries the
    first one cached are copied back into the (local-memory) page cache for the next
    instead of rendering all the pages again."""
    store = caches["default"]
    if prefix not in _warmed:
        cached = warm(client, prefix)
        _warmed[prefix] = (dict(store._cache), dict(store._expire_info), cached)
        return cached
    entries, expiry, cached = _warmed[prefix]
    with store._lock:
        store._cache.clear()
        store._cache.update(entries)
        store._expire_info.clear()
        store._expire_info.update(expiry)
    return cached


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def report(name, dropped, cached):
    print(f"\n{name}: {len(dropped)} of {len(cached)} cached pages invalidated")
    for url in sorted(dropped):
        print("  ", url)


def english(model, **filters):
    return (
        model.objects.filter(slug__startswith="load-", locale__language_code="en", **filters)
        .order_by("path")
        .first()
    )


@pytest.mark.django_db
def test_publishing_a_news_item_invalidates_the_pages_that_show_it(client, site, committed):
    news = english(NewsPage, project__isnull=False, related_events=None)
    project = news.project.get_url()  # the English project
    cached = warm_once(client)
    news.title = "A brand new title"
    with committed():
        news.save_revision().publish()
    dropped = invalidated(client, cached)
    report("publishing a news item", dropped, cached)
    assert dropped == {
        news.get_url(),  # itself, in the language that changed
        "/en/",  # the home page's latest news
        "/en/news/",
        "/en/news/feed.xml",
        project,  # its project's news, feed and calendar
        project + "feed.xml",
        project + "calendar.ics",
        "/sitemap.xml",
    }
    assert len(cached) >= 10 * len(dropped)  # 8 of 80 on this site
    for unrelated in ("/en/projects/pactesur/", "/en/about/", english(EventPage).get_url()):
        assert client.get(unrelated)[HEADER] == "HIT", unrelated
    assert "A brand new title" in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_publishing_a_news_item_for_the_first_time(client, site, committed):
    """Its other languages' pages link to it (language switcher), and the pages showing
    them may: they follow too."""
    news = english(NewsPage, project__isnull=False)
    french = news.get_translation(site["locales"]["fr"])
    with committed():
        news.unpublish()
    cached = warm(client)
    with committed():
        news.save_revision().publish()
    dropped = invalidated(client, cached)
    report("publishing a new news item", dropped, cached)
    assert {french.get_url(), "/en/", "/en/news/", "/sitemap.xml"} <= dropped
    assert "/en/about/" not in dropped and "/en/projects/pactesur/" not in dropped


@pytest.mark.django_db
def test_publishing_an_event_invalidates_the_pages_that_show_it(client, site, committed):
    event = english(EventPage, project__isnull=False)
    project = event.project.get_url()  # the English project
    showing = {news.get_url() for news in NewsPage.objects.live().filter(related_events=event)}
    cached = warm_once(client)
    event.title = "A renamed event"
    with committed():
        event.save_revision().publish()
    dropped = invalidated(client, cached)
    report("publishing an event", dropped, cached)
    expected = {
        event.get_url(),
        event.get_url() + "event.ics",
        "/en/",  # next events
        "/en/events/",
        "/en/events/calendar.ics",
        project,
        project + "feed.xml",
        project + "calendar.ics",
        "/sitemap.xml",
        *(url for url in showing if url in cached),  # news items that show it
    }
    assert dropped == expected
    assert "/en/news/" not in dropped and "/en/projects/pactesur/" not in dropped


@pytest.mark.django_db
def test_a_partner_snippet_shown_in_every_footer_invalidates_everything(client, site, committed):
    partner = site["partners"][0]
    cached = warm_once(client, "/en/")
    partner.name = "Ville de Nice"
    with committed():
        partner.save_revision().publish()
    dropped = invalidated(client, cached)
    report("renaming a partner", dropped, cached)
    assert dropped == cached


@pytest.mark.django_db
def test_a_menu_title_invalidates_every_page_showing_the_menu(client, site, committed):
    about = site["standard"]
    cached = warm_once(client, "/en/")
    about.title = "Who we are"
    with committed():
        about.save_revision().publish()
    dropped = invalidated(client, cached)
    report("renaming a menu page", dropped, cached)
    assert dropped == cached
    assert "Who we are" in client.get(english(NewsPage).get_url()).content.decode()
