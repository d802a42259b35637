"""Purging a CDN or Varnish in front of the site (wagtail.contrib.frontend_cache)."""

import http.server
import threading

import pytest
from django.core.cache import cache
from wagtail.contrib.frontend_cache.backends import BaseBackend

from news.models import NewsPage

PURGED = []
EVERYTHING = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)

    def purge_everything(self, hostnames):
        EVERYTHING.append(hostnames)


class URLOnlyBackend(BaseBackend):
    """A backend that can only purge URLs (like Azure's): "everything" is every page."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def frontend(settings):
    PURGED.clear()
    EVERYTHING.clear()
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.performance.test_frontend_cache.RecordingBackend"}
    }
    settings.PAGE_CACHE_SECONDS = 300
    settings.FRONTEND_CACHE_SECONDS = 600
    cache.clear()
    return settings


@pytest.fixture
def news(perf_site, grow):
    grow(news=2, events=1)
    return (
        NewsPage.objects.filter(slug__startswith="load-", locale__language_code="en")
        .exclude(project=None)
        .order_by("path")
        .first()
    )


@pytest.mark.django_db
def test_publishing_purges_the_page_in_every_language_and_what_lists_it(news, frontend, committed):
    news.title = "Updated"
    with committed():
        news.save_revision().publish()
    purged = set(PURGED)
    base = "http://localhost"
    for language in ("en", "fr", "it", "es"):
        assert f"{base}/{language}/news/{news.slug}/" in purged
        assert f"{base}/{language}/news/" in purged
        assert f"{base}/{language}/news/feed.xml" in purged
        assert f"{base}/{language}/" in purged
        assert f"{base}/{language}/projects/pactesur2/" in purged  # lists the project's news
        assert f"{base}/{language}/projects/pactesur2/feed.xml" in purged
    assert f"{base}/sitemap.xml" in purged
    assert f"{base}/sitemap-1.xml" in purged  # the first file, once the sitemap is split
    assert EVERYTHING == []


@pytest.mark.django_db
def test_unpublishing_and_deleting_purge_the_page(news, frontend, committed):
    url = f"http://localhost/en/news/{news.slug}/"
    with committed():
        news.unpublish()
    assert url in PURGED
    PURGED.clear()
    with committed():
        news.delete()
    assert url in PURGED


@pytest.mark.django_db
def test_a_snippet_change_or_a_move_purges_everything_once(perf_site, frontend, committed):
    partner = perf_site["partners"][0]
    partner.name = "Ville de Nice"
    with committed():
        partner.save_revision().publish()
    assert EVERYTHING == [["localhost"]]
    EVERYTHING.clear()
    with committed():
        perf_site["standard"].move(perf_site["contact"].get_parent(), pos="first-child")
    assert len(EVERYTHING) == 1


@pytest.mark.django_db
def test_backends_without_purge_everything_get_every_page(perf_site, frontend, committed):
    frontend.WAGTAILFRONTENDCACHE = {
        "urls": {"BACKEND": "tests.performance.test_frontend_cache.URLOnlyBackend"}
    }
    city = perf_site["cities"][0]
    city.name = "Nizza"
    with committed():
        city.save_revision().publish()
    assert "http://localhost/fr/projects/pactesur2/" in PURGED
    assert "http://localhost/es/about/" in PURGED


@pytest.mark.django_db
def test_cdn_headers_only_for_purgeable_pages(client, perf_site, frontend):
    for _ in range(2):  # a miss, then a hit
        response = client.get("/en/news/")
        assert response["Cache-Control"].startswith("public, max-age=0, s-maxage=")
        assert 0 < int(response["Cache-Control"].rsplit("=", 1)[1]) <= 600
    assert client.get("/en/news/?page=2")["Cache-Control"] == "public, max-age=0, s-maxage=0"
    # Not cached, so not purged either: no shared caching (the contact page is cached now).
    assert "s-maxage" not in client.get("/en/search/?q=nice").get("Cache-Control", "")


@pytest.mark.django_db
def test_no_cdn_headers_without_a_frontend_cache(client, perf_site, settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.WAGTAILFRONTENDCACHE = {}
    assert "Cache-Control" not in client.get("/en/news/")


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests = []

    def _answer(self):
        self.requests.append((self.command, self.path, self.headers.get("Host")))
        self.send_response(200)
        self.end_headers()

    do_PURGE = do_BAN = _answer  # noqa: N815 - http.server's naming

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish():
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Recorder.requests = []
    yield f"http://127.0.0.1:{server.server_port}", _Recorder.requests
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_varnish_gets_purge_and_ban_requests(news, settings, committed, varnish):
    location, requests = varnish
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "performance.frontend_cache.VarnishBackend", "LOCATION": location}
    }
    with committed():
        news.save_revision().publish()
    assert ("PURGE", f"/fr/news/{news.slug}/", "localhost") in requests
    requests.clear()
    partner = news.project.project_partners.first()
    with committed():
        if partner is not None:
            partner.partner.save_revision().publish()
        else:
            news.project.move(news.project.get_parent(), pos="first-child")
    assert ("BAN", "/", "localhost") in requests
