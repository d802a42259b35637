"""The page cache: what it serves, to whom, and that no change is ever hidden by it.

Changes are made inside `django_capture_on_commit_callbacks(execute=True)`: the content
generation changes when the transaction commits, as in production (tests run inside a
transaction that never commits).
"""

import datetime
import time

import pytest
from django.core.cache import cache
from django.core.cache.backends.base import BaseCache
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from events.models import Registration
from news.models import NewsPage
from performance import generation, pagecache
from tests import factories
from tests.performance.builders import grow_site
from tests.shared import shared_fixture
from tests.translation import translate_object

HEADER = "X-Page-Cache"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield settings
    cache.clear()


@shared_fixture(parent="perf_site", media=True)
def perf_site_with_news(perf_site):
    """perf_site with three generated news items and events per language, once per module."""
    grow_site(news=3, events=3)
    return perf_site


@pytest.fixture
def site(perf_site_with_news, page_cache):
    return perf_site_with_news


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): …` runs the on-commit callbacks of the change, like a commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def first_news(language="en"):
    return (
        NewsPage.objects.filter(slug__startswith="load-", locale__language_code=language)
        .order_by("path")
        .first()
    )


def cached(client, url, **extra):
    """GET twice; the second answer must come from the cache. Returns its text."""
    first = client.get(url, **extra)
    assert first.status_code == 200 and first[HEADER] == "MISS", (url, first.get(HEADER))
    second = client.get(url, **extra)
    assert second[HEADER] == "HIT", url
    assert second.content == first.content
    return second.content.decode()


# ------------------------------------------------------------------------------ serving


@pytest.mark.django_db
def test_a_page_is_served_from_the_cache_with_at_most_one_query(
    client, site, django_assert_max_num_queries
):
    cached(client, "/en/news/")
    # The "database" generation store (local-memory cache) reads one row; Redis: none.
    with django_assert_max_num_queries(1):
        response = client.get("/en/news/")
    assert response[HEADER] == "HIT"
    assert "Cookie" in response["Vary"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/en/", "/fr/news/feed.xml", "/en/events/calendar.ics", "/sitemap.xml"]
)
def test_pages_and_their_files_are_cached(client, site, url):
    cached(client, url)
    assert client.head(url)[HEADER] == "HIT"


@pytest.mark.django_db
def test_the_key_holds_language_host_and_query(client, site):
    cached(client, "/en/news/")
    assert client.get("/fr/news/")[HEADER] == "MISS"
    assert client.get("/en/news/?page=2")[HEADER] == "MISS"
    assert client.get("/en/news/", HTTP_HOST="other.example")[HEADER] == "MISS"


@pytest.mark.django_db
def test_search_and_admin_are_not_cached(client, site):
    for url in ("/en/search/", "/admin/login/", "/robots.txt"):
        client.get(url)
        assert HEADER not in client.get(url), url


@pytest.mark.django_db
def test_logged_in_editors_never_get_the_cached_page(client, site, admin_user):
    cached(client, "/en/")
    client.force_login(admin_user)
    response = client.get("/en/")
    assert response.status_code == 200
    assert response.get(HEADER) != "HIT"
    assert client.get("/en/").get(HEADER) != "HIT"


@pytest.mark.django_db
def test_other_cookies_bypass_the_cache_but_csrf_and_language_ones_do_not(client, site):
    cached(client, "/en/")
    client.cookies["csrftoken"] = "x" * 32
    client.cookies["django_language"] = "fr"
    assert client.get("/en/")[HEADER] == "HIT"
    client.cookies["sessionid"] = "whatever"
    assert client.get("/en/").get(HEADER) is None


# The contact page and event pages open for registration are cached too, their forms
# checked by origin and anti-spam token: tests/privacy/test_public_forms.py.


# ------------------------------------------------------------------------------ changes


@pytest.mark.django_db
def test_publishing_shows_at_once_everywhere(client, site, committed):
    news = first_news()
    url = news.get_url()
    for listing in (url, "/en/news/", "/en/news/feed.xml", "/sitemap.xml"):
        cached(client, listing)
    news.title = "A brand new title"
    with committed():
        news.save_revision().publish()
    for listing in (url, "/en/news/", "/en/news/feed.xml"):
        response = client.get(listing)
        assert response[HEADER] == "MISS"
        assert "A brand new title" in response.content.decode(), listing


@pytest.mark.django_db
def test_unpublishing_removes_the_page_at_once(client, site, committed):
    news = first_news()
    url = news.get_url()
    assert news.title in cached(client, "/en/news/")
    cached(client, url)
    with committed():
        news.unpublish()
    assert client.get(url).status_code == 404
    assert news.title not in client.get("/en/news/").content.decode()


@pytest.mark.django_db
def test_deleting_removes_the_page_at_once(client, site, committed):
    news = first_news()
    url, title = news.get_url(), news.title
    cached(client, url)
    cached(client, "/en/")
    with committed():
        news.delete()
    assert client.get(url).status_code == 404
    assert title not in client.get("/en/news/").content.decode()


@pytest.mark.django_db
def test_moving_a_page_changes_its_address_at_once(client, site, committed):
    about = site["standard"]
    legal = factories.StandardPageFactory(parent=site["home"], title="Legal", slug="legal")
    cached(client, "/en/about/")
    with committed():
        about.move(legal, pos="last-child")
    old = client.get("/en/about/")  # Wagtail's automatic redirect to the new address
    assert old.status_code == 301 and old["Location"] == "/en/legal/about/"
    assert client.get("/en/legal/about/").status_code == 200


@pytest.mark.django_db
def test_a_renamed_partner_shows_everywhere_at_once(client, site, committed):
    partner = site["partners"][1]
    assert partner.name in cached(client, "/en/projects/pactesur2/")
    assert partner.name in cached(client, "/en/")
    partner.name = "Città Metropolitana di Torino"
    with committed():
        partner.save_revision().publish()
    for url in ("/en/projects/pactesur2/", "/en/"):
        assert "Città Metropolitana di Torino" in client.get(url).content.decode(), url


@pytest.mark.django_db
def test_a_renamed_city_shows_at_once(client, site, committed):
    city = site["cities"][0]
    assert city.name in cached(client, "/en/projects/pactesur2/")
    city.name = "Nizza la Bella"
    with committed():
        city.save_revision().publish()
    assert "Nizza la Bella" in client.get("/en/projects/pactesur2/").content.decode()


@pytest.mark.django_db
def test_a_translation_published_by_wagtail_localize_shows_at_once(client, site, locales):
    news = first_news()
    french = news.get_translation(locales["fr"])
    cached(client, french.get_url())
    # translate_object publishes in the on-commit callbacks, as wagtail-localize does.
    translate_object(news, locales["fr"], lambda text: f"Traduit : {text}")
    response = client.get(french.get_url())
    assert response[HEADER] == "MISS"
    assert "Traduit : " in response.content.decode()


@pytest.mark.django_db
def test_a_page_made_private_is_no_longer_served(client, site, committed):
    news = first_news()
    url = news.get_url()
    cached(client, url)
    with committed():
        PageViewRestriction.objects.create(
            page=news, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    response = client.get(url)
    assert response.get(HEADER) != "HIT"
    assert news.summary not in response.content.decode()


@pytest.mark.django_db
def test_places_left_on_an_event_page_follow_each_registration(client, site, committed):
    """Registration not open yet: the page has no form, so it is cached; a registration
    (here confirmed by staff ahead of the opening) changes the places left at once."""
    now = timezone.now()
    with committed():
        event = factories.EventPageFactory(
            parent=site["event_index"],
            slug="soon-open",
            registration_enabled=True,
            registration_opens_at=now + datetime.timedelta(days=5),
            registration_closes_at=now + datetime.timedelta(days=20),
            capacity=10,
        )
        event.save_revision().publish()
    url = "/en/events/soon-open/"
    assert "10 places left" in cached(client, url)
    with committed():
        Registration.objects.create(
            shared_event=event.get_shared_event(),
            page=event,
            status="confirmed",
            name="Ana",
            email="ana@example.org",
            consent_text="I agree.",
            consent_version="1",
            consented_at=now,
        )
    assert "9 places left" in client.get(url).content.decode()


@pytest.mark.django_db
def test_pages_expire_when_an_event_starts_or_ends(client, site, committed, monkeypatch):
    """An event in the next minute: cached pages must not outlive its start. The clock is
    moved past the start instead of waiting for it (a slow machine could otherwise reach
    the start before the page is even cached)."""
    soon = timezone.now() + datetime.timedelta(seconds=60)
    with committed():
        event = factories.EventPageFactory(
            parent=site["event_index"],
            slug="starts-soon",
            start=soon,
            end=soon + datetime.timedelta(hours=2),
        )
        event.save_revision().publish()
    assert abs(pagecache.compute_next_transition() - soon.timestamp()) < 0.001
    cached(client, "/en/events/")
    real_time = time.time
    # The cache's expiry and the page cache both read time.time().
    monkeypatch.setattr(time, "time", lambda: max(real_time(), soon.timestamp() + 0.2))
    assert client.get("/en/events/")[HEADER] == "MISS"


@pytest.mark.django_db
def test_changes_made_without_signals_need_the_command(client, site):
    from django.core.management import call_command

    news = first_news()
    cached(client, "/en/news/")
    Page.objects.filter(pk=news.pk).update(title="Changed by SQL")  # no signal
    assert client.get("/en/news/")[HEADER] == "HIT"
    call_command("invalidate_page_cache", stdout=None)
    assert "Changed by SQL" in client.get("/en/news/").content.decode()


# ------------------------------------------------------------------------------ stores


@pytest.mark.django_db
def test_the_generation_changes_after_the_commit_only(site, committed):
    before = generation.current()
    news = first_news()
    with committed() as callbacks:
        news.save_revision().publish()
        assert generation.current() == before  # nothing visible before the commit
    assert generation.bump_now in callbacks
    assert generation.current() != before


@pytest.mark.django_db
def test_the_shared_cache_store_uses_a_new_random_token(site, settings):
    settings.PAGE_CACHE_GENERATION_STORE = "cache"
    first = generation.current()
    assert first == generation.current()
    generation.bump_now()
    second = generation.current()
    assert second != first
    cache.delete(generation.GENERATION_KEY)  # evicted, or Redis restarted empty
    assert generation.current() not in (first, second)


class BrokenBackend(BaseCache):
    """A cache whose server is down: every read and write fails."""

    def __init__(self, location, params):
        super().__init__(params)

    def _down(self, *args, **kwargs):
        raise ConnectionError("cache server down")

    get = set = add = delete = get_many = set_many = incr = touch = has_key = clear = _down

    def close(self, **kwargs):
        pass


@pytest.mark.django_db
@pytest.mark.parametrize("store", ["cache", "database"])
def test_a_cache_outage_serves_pages_uncached(client, site, settings, store):
    settings.PAGE_CACHE_GENERATION_STORE = store
    settings.CACHES = {
        **settings.CACHES,
        "broken": {"BACKEND": "tests.performance.test_page_cache.BrokenBackend"},
    }
    settings.PAGE_CACHE_ALIAS = "broken"
    for url in ("/en/", "/en/news/", "/sitemap.xml"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.get(HEADER) != "HIT"


@pytest.mark.django_db
def test_redis_down_serves_pages_uncached(client, site, settings):
    import socket

    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        **settings.CACHES,
        "redis": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        },
    }
    settings.PAGE_CACHE_ALIAS = "redis"
    settings.PAGE_CACHE_GENERATION_STORE = "cache"
    response = client.get("/en/news/")
    assert response.status_code == 200
    assert response.get(HEADER) is None


@pytest.mark.django_db
def test_middleware_order():
    from django.conf import settings

    order = settings.MIDDLEWARE
    position = order.index("performance.middleware.PageCacheMiddleware")
    assert order.index("core.middleware.LocaleMiddleware") < position
    assert order.index("django.middleware.common.CommonMiddleware") < position
    assert position < order.index("privacy.public_forms.CsrfViewMiddleware")
    assert position < order.index("django.contrib.auth.middleware.AuthenticationMiddleware")
