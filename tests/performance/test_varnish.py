"""The site behind a real Varnish with performance/varnish.vcl: what Varnish keeps is purged
after each change, so the next visitor sees it (skipped where varnishd is not installed,
Debian package `varnish`; with REQUIRE_VARNISH=1, set by .ci/run, that is a failure)."""

import datetime
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from events.models import Registration
from events.registration import confirm_address
from news.models import NewsPage
from tests import factories

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


@pytest.fixture
def committed_site(transactional_db, _shared_database, settings):
    """`perf_site_with_news` (tests/performance/conftest.py: builders.build_site() and three
    generated news items and events per language), committed: its snapshot, made once per
    test run for every module that reads it, copied into the database, which this test
    then changes in autocommit like the site does. These tests commit, so they cannot read
    it in a transaction of their own (tests/shared.py); after each, the database is copied
    back as the migrations made it, as after any test that commits."""
    site = _shared_database.prepare_shared("perf_site_with_news")
    settings.MEDIA_ROOT = str(_shared_database.media_root)  # its images
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
    # Search is never kept by Varnish.
    get(varnish, "/en/search/?q=news")
    assert get(varnish, "/en/search/?q=news")[0] == "MISS"

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


def post(base, path, data):
    """A form sent from the site's own page, as a browser sends it (with its Origin)."""
    request = urllib.request.Request(
        base + path,
        data=urllib.parse.urlencode(data).encode(),
        headers={"Host": HOST, "Origin": f"http://{HOST}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode()


def answered(html):
    token = re.search(r'name="antispam_token" value="([^"]+)"', html).group(1)
    first, second = re.search(r"How much is (\d+) \+ (\d+)\?", html).groups()
    return {"antispam_token": token, "antispam_answer": str(int(first) + int(second))}


@pytest.mark.django_db(transaction=True)
def test_varnish_keeps_the_pages_with_a_form_and_the_places_left_follow(
    committed_site, varnish, settings
):
    """The contact page and an event page open for registration are kept like any page (no
    CSRF cookie: privacy/public_forms.py); a registration sent from Varnish's copy works,
    and its confirmation shows on the page at once."""
    settings.ANTISPAM_MIN_SECONDS = 0  # Varnish's copy was made a moment ago
    now = timezone.now()
    event = factories.EventPageFactory(
        parent=committed_site["event_index"],
        slug="open-behind-varnish",
        registration_enabled=True,
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=20),
        capacity=2,
    )
    event.save_revision().publish()
    assert "Send the message" in cached_by_varnish(varnish, "/en/contact/")
    html = cached_by_varnish(varnish, event.url)
    assert "2 places left" in html

    fields = {"name": "Ana", "email": "ana@example.org", "consent": "on", **answered(html)}
    assert "Check your inbox" in post(varnish, f"{event.url}register/", fields)
    assert "2 places left" in cached_by_varnish(varnish, event.url)  # a request holds none
    confirm_address(Registration.objects.get(email="ana@example.org"))  # commits: purges
    assert "1 place left" in get(varnish, event.url)[1]
    assert "1 place left" in cached_by_varnish(varnish, event.url)
