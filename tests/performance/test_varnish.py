"""The site behind a real Varnish with performance/varnish.vcl: what Varnish keeps is purged
after each change, so the next visitor sees it (skipped where varnishd is not installed,
Debian package `varnish`; with REQUIRE_VARNISH=1, set by .ci/run, that is a failure)."""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from news.models import NewsPage
from tests.performance.builders import build_site, grow_site

VARNISHD = shutil.which("varnishd") or next(
    (path for path in ("/usr/sbin/varnishd",) if os.path.exists(path)), None
)


@pytest.fixture(autouse=True)
def _varnishd_installed():
    if VARNISHD:
        return
    if os.environ.get("REQUIRE_VARNISH") == "1":
        pytest.fail("REQUIRE_VARNISH=1 but varnishd is not installed", pytrace=False)
    pytest.skip("varnishd is not installed (Debian package varnish)")


HOST = "localhost"  # the test site's hostname: what the purges name


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(base, path):
    request = urllib.request.Request(base + path, headers={"Host": HOST})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers.get("X-Frontend-Cache"), response.read().decode()


@pytest.fixture
def varnish(live_server, settings):
    """varnishd in front of the live test server; the site told to purge it."""
    backend_port = live_server.url.rsplit(":", 1)[1]
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix="pactesur-varnish-"))
    workdir.chmod(0o755)  # varnishd's unprivileged processes read it
    vcl = (Path(django_settings.BASE_DIR) / "performance" / "varnish.vcl").read_text()
    (workdir / "site.vcl").write_text(vcl.replace('.port = "8000"', f'.port = "{backend_port}"'))
    (workdir / "site.vcl").chmod(0o644)
    process = subprocess.Popen(
        [
            VARNISHD,
            "-F",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(workdir / "site.vcl"),
            "-n",
            str(workdir / "varnish"),
            "-s",
            "malloc,32m",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    settings.PAGE_CACHE_SECONDS = 300
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "performance.frontend_cache.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{port}/",
        }
    }
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"varnishd stopped: {process.stderr.read().decode()[-2000:]}")
            try:
                get(base, "/en/")
                break
            except (OSError, urllib.error.URLError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(workdir, ignore_errors=True)


def ensure_page_tree():
    """The root page and default site that Wagtail's migrations make. This test commits, so
    pytest-django empties the database around it; the migrations' locales come back (they
    are made after every migrate) but not the page tree, which an earlier transactional
    test (tests/events/test_concurrency.py) may have emptied."""
    from wagtail.models import Locale, Page, Site

    if Page.objects.filter(depth=1).exists():
        return
    root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    welcome = root.add_child(instance=Page(title="Welcome", slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)


@pytest.fixture
def committed_site(transactional_db, media_root):
    ensure_page_tree()
    site = build_site()
    grow_site(news=3, events=2)
    return site


def cached_by_varnish(base, path):
    get(base, path)
    state, text = get(base, path)
    assert state == "HIT", path
    return text


@pytest.mark.django_db(transaction=True)
def test_varnish_serves_pages_and_every_change_shows_at_once(committed_site, varnish):
    news = (
        NewsPage.objects.filter(slug__startswith="load-", locale__language_code="en")
        .order_by("path")
        .first()
    )
    url = news.get_url()
    for path in (url, "/en/news/", "/en/projects/pactesur2/", "/en/"):
        cached_by_varnish(varnish, path)
    # Search, and pages with a form, are never kept by Varnish.
    get(varnish, "/en/contact/")
    assert get(varnish, "/en/contact/")[0] == "MISS"

    news.title = "Published behind Varnish"
    news.save_revision().publish()  # autocommit: the purge runs after the commit
    for path in (url, "/en/news/"):
        assert "Published behind Varnish" in get(varnish, path)[1], path

    partner = committed_site["partners"][1]
    partner.name = "Renamed behind Varnish"
    partner.save_revision().publish()  # a snippet: the whole host is banned
    for path in ("/en/projects/pactesur2/", "/en/"):
        assert "Renamed behind Varnish" in get(varnish, path)[1], path

    news.unpublish()
    with pytest.raises(urllib.error.HTTPError) as gone:
        get(varnish, url)
    assert gone.value.code == 404
