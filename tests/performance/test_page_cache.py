"""The page cache: what it serves, to whom, and what happens when its store fails.

That no change is ever hidden by it: test_page_cache_changes.py.

Changes are made inside `django_capture_on_commit_callbacks(execute=True)`: the content
generation changes when the transaction commits, as in production (tests run inside a
transaction that never commits).
"""

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.base import BaseCache

from performance import generation
from tests.performance.page_cache_helpers import HEADER, cached, first_news

# ------------------------------------------------------------------------------ serving


@pytest.mark.django_db
@pytest.mark.parametrize(("store", "queries", "cache_reads"), [("database", 1, 1), ("cache", 0, 2)])
def test_a_page_is_served_from_the_cache_with_one_query_or_two_cache_reads(
    client, site, settings, monkeypatch, django_assert_num_queries, store, queries, cache_reads
):
    """The "database" store (local-memory cache) reads the entry, then the generations of
    its tags in one query; the "cache" store (Redis) reads them in one multi-get."""
    settings.PAGE_CACHE_GENERATION_STORE = store
    cached(client, "/en/news/")
    reads, inside = [], []  # round trips: the local-memory get_many calls get per key

    def counting(name, method):
        def read(*args, **kwargs):
            if not inside:
                reads.append(name)
            inside.append(name)
            try:
                return method(*args, **kwargs)
            finally:
                inside.pop()

        return read

    store = caches["default"]
    for name in ("get", "get_many"):
        monkeypatch.setattr(store, name, counting(name, getattr(store, name)))
    with django_assert_num_queries(queries):
        response = client.get("/en/news/")
    assert response[HEADER] == "HIT"
    assert len(reads) == cache_reads, reads
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


# ------------------------------------------------------------------------------ stores


@pytest.mark.django_db
def test_the_generation_changes_after_the_commit_only(site, committed):
    before = generation.current()
    news = first_news()
    with committed() as callbacks:
        news.save_revision().publish()
        assert generation.current() == before  # nothing visible before the commit
    assert callbacks  # the change waited for the commit
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
    assert position < order.index("django.middleware.csrf.CsrfViewMiddleware")
    # The public forms' origin check marks their POSTs before Django's check sees them.
    assert order.index("privacy.public_forms.PublicFormOriginMiddleware") + 1 == order.index(
        "django.middleware.csrf.CsrfViewMiddleware"
    )
    assert position < order.index("django.contrib.auth.middleware.AuthenticationMiddleware")
