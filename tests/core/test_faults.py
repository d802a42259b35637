"""Faults survived: the database unreachable (a friendly 503 in the visitor's language,
/healthz 503, normal service again once it is back, without restart), error pages in the
visitor's language, a cache outage."""

import os
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from django.core.wsgi import get_wsgi_application
from django.db import OperationalError, connections
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Site

from config.settings.base import redis_cache
from core.views import service_unavailable
from events.models import Registration
from tests.forms import antispam_fields, contact_data
from tests.privacy.conftest import contact, open_event  # noqa: F401 - fixtures
from tests.servers import Visitor
from tests.translation import translate_page

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def quiet_client():
    """A test client that returns the error page instead of raising the exception."""
    return Client(raise_request_exception=False)


def test_the_503_page_renders_without_the_database(rf):
    # No django_db mark: any query here would fail the test.
    response = service_unavailable(rf.get("/es/eventos/"))
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert "El sitio no está disponible por un momento" in html


def test_a_form_sent_while_the_database_is_down_is_shown_back(rf):
    """Nothing could be stored: the visitor is told so, in their language, and sees what they
    typed to send it again; never a password nor the spam protection's fields."""
    request = rf.post(
        "/es/contacto/",
        {
            "your_name": "Ana <b>Martín</b>",
            "your_message": "Hola\nde nuevo",
            "password": "secret-123",
            "antispam_token": "token",
            "csrfmiddlewaretoken": "x" * 32,
        },
    )
    html = service_unavailable(request).content.decode()
    assert "Lo que ha enviado no se ha recibido" in html
    assert "<dt>Your name</dt><dd>Ana &lt;b&gt;Martín&lt;/b&gt;</dd>" in html
    assert "<dd>Hola<br>de nuevo</dd>" in html
    assert "secret-123" not in html and "token" not in html and "x" * 32 not in html
    # A plain visit says nothing of the kind.
    assert "no se ha recibido" not in service_unavailable(rf.get("/es/")).content.decode()


@pytest.mark.django_db
def test_a_database_error_in_a_view_gives_a_503_in_the_visitors_language(client, home, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(Site, "find_for_request", down)
    response = client.get("/fr/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Le site est momentanément indisponible" in html
    assert "Traceback" not in html


@pytest.mark.django_db
def test_a_database_error_in_a_middleware_gives_a_503_too(home, monkeypatch):
    from performance.middleware import PageCacheMiddleware

    def down(self, request):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(PageCacheMiddleware, "__call__", down)
    response = quiet_client().get("/it/")
    assert response.status_code == 503
    assert "Il sito è momentaneamente non disponibile" in response.content.decode()


@pytest.mark.django_db
def test_other_errors_give_the_500_page_in_the_visitors_language(home, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(Site, "find_for_request", broken)
    response = quiet_client().get("/it/")
    assert response.status_code == 500
    assert '<html lang="it"' in response.content.decode()
    assert "Problema temporaneo" in response.content.decode()


@pytest.mark.django_db
def test_the_404_page_is_in_the_visitors_language(client, home, locales):
    translate_page(home, locales["es"], lambda text: f"[es] {text}")
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    assert '<html lang="es"' in response.content.decode()


# ------------------------------------------------------------------ the real PostgreSQL


def pg_ctl(*args):
    directory = Path(os.environ["PG_THROWAWAY_DIR"])
    command = [str(PG_BIN / "pg_ctl"), "-D", str(directory / "data"), "-w", *args]
    if os.getuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    # The server's output goes to its log: a pipe kept open by it would hang the call.
    subprocess.run(
        command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60
    )


@pytest.fixture
def throwaway_cluster():
    """(stop, start) of the PostgreSQL server every test uses: the tests that ask for it are
    `serial` (tests/conftest.py), run alone before the others."""
    if connections["default"].vendor != "postgresql":
        pytest.skip("needs the throwaway PostgreSQL of .ci/run")
    if not os.environ.get("PG_THROWAWAY_DIR"):
        message = "PG_THROWAWAY_DIR is not set: cannot stop and restart PostgreSQL"
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    log = str(Path(os.environ["PG_THROWAWAY_DIR"]) / "server.log")
    stopped = []

    def stop():
        pg_ctl("-m", "fast", "stop")
        stopped.append(True)

    def start():
        # `restart` starts a stopped server with the options of its last start
        # (postmaster.opts): the same port and socket directory.
        pg_ctl("-l", log, "restart")
        stopped.clear()

    yield stop, start
    if stopped:  # never leave the cluster down for the rest of the suite
        start()


def fetch(url, language="en"):
    """(status, headers, text) of a GET on the server, errors included."""
    request = urllib.request.Request(url, headers={"Accept-Language": language})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def wsgi_server(django_db_setup, django_db_blocker):
    """The site's WSGI application served over HTTP from a thread, on the test database,
    outside any test transaction (what it serves is what the migrations put there): every
    request goes through Django's request cycle, including its connection handling
    (close_old_connections, CONN_MAX_AGE, CONN_HEALTH_CHECKS), as under gunicorn."""
    with django_db_blocker.unblock():
        server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=QuietHandler)

        def serve():
            try:
                server.serve_forever(poll_interval=0.05)
            finally:
                connections.close_all()

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_port}"
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


@pytest.mark.postgres
@pytest.mark.parametrize("conn_max_age", [0, 600], ids=["per-request", "persistent"])
def test_postgresql_stopped_and_restarted(throwaway_cluster, wsgi_server, conn_max_age):
    stop, start = throwaway_cluster
    settings_dict = connections["default"].settings_dict  # shared with the server thread
    saved = settings_dict["CONN_MAX_AGE"], settings_dict["CONN_HEALTH_CHECKS"]
    settings_dict["CONN_MAX_AGE"], settings_dict["CONN_HEALTH_CHECKS"] = conn_max_age, True
    page = f"{wsgi_server}/fr/search/?q=nice"  # a page that reads the database
    try:
        assert fetch(page)[0] == 200
        assert fetch(f"{wsgi_server}/healthz")[0] == 200

        stop()
        for _ in range(2):  # the connection that broke, then no server at all
            status, headers, html = fetch(page)
            assert status == 503
            assert headers["Retry-After"]
            assert '<html lang="fr"' in html
            assert "Le site est momentanément indisponible" in html
            assert fetch(f"{wsgi_server}/healthz")[0] == 503
        for url in ("/fr/", "/api/v2/pages/", "/sitemap.xml", "/admin/login/"):
            assert fetch(f"{wsgi_server}{url}")[0] in (200, 503), url  # never a 500

        start()  # and nothing else: the site is not restarted
        deadline = time.monotonic() + 30
        while fetch(f"{wsgi_server}/healthz")[0] != 200:
            assert time.monotonic() < deadline, "the site did not recover"
            time.sleep(0.2)
        status, _headers, html = fetch(page)
        assert status == 200
        assert '<html lang="fr"' in html
        assert fetch(f"{wsgi_server}/api/v2/pages/")[0] == 200
    finally:
        settings_dict["CONN_MAX_AGE"], settings_dict["CONN_HEALTH_CHECKS"] = saved


# ------------------------------------------------------------------ cache outage


@pytest.mark.django_db
def test_a_redis_outage_degrades_to_uncached_pages(client, site_tree, settings):
    """The caches are Redis (as with REDIS_URL) and Redis is down: pages, the page cache,
    Wagtail's own cached lookups, the admin login and its throttle all carry on."""
    import socket

    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    down = redis_cache(f"redis://127.0.0.1:{port}/0", "test")  # as config/settings/caches.py
    settings.CACHES = {"default": down, "limits": down}
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    settings.PAGE_CACHE_SECONDS = 300
    for page in site_tree.values():
        for _ in range(2):
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert response.get("X-Page-Cache") != "HIT"
    assert client.get("/en/search/?q=workshop").status_code == 200
    assert client.get("/healthz").status_code == 200

    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("staff", "staff@example.org", "a-long-password-1")
    response = client.post("/admin/login/", {"username": "staff", "password": "wrong"})
    assert response.status_code == 200
    response = client.post("/admin/login/", {"username": "staff", "password": "a-long-password-1"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)  # what the server serves must be committed
def test_public_forms_while_postgresql_is_stopped(
    throwaway_cluster,
    contact,  # noqa: F811
    open_event,  # noqa: F811
    wsgi_server,
):
    """Each public form answers a friendly 503 within 5 seconds while PostgreSQL is stopped,
    saying that nothing was received and showing back what was typed; it works again, with
    nothing restarted, once PostgreSQL is back."""
    stop, start = throwaway_cluster
    forms = {
        "/en/contact/": lambda n: contact_data(your_e_mail=f"c{n}@example.org"),
        f"{open_event.url}register/": lambda n: {
            "name": "Ana Martín",
            "email": f"r{n}@example.org",
            "consent": "on",
            **antispam_fields(),
        },
    }
    visitor = Visitor(wsgi_server)
    try:
        stop()
        for path, fields in forms.items():
            started = time.monotonic()
            status, html = visitor.post(path, fields(1))
            seconds = time.monotonic() - started
            assert status == 503, path
            assert '<html lang="en"' in html
            assert "The site is briefly unavailable" in html
            # Nothing stored, and the visitor is told so, with what they typed shown back.
            assert "What you sent was not received" in html
            assert "<dd>Ana Martín</dd>" in html
            assert "antispam" not in html and "csrfmiddlewaretoken" not in html
            assert seconds < 5, (path, seconds)
        start()
        deadline = time.monotonic() + 30
        while fetch(f"{wsgi_server}/healthz")[0] != 200:
            assert time.monotonic() < deadline, "the site did not recover"
            time.sleep(0.2)
        for path, fields in forms.items():
            status, html = visitor.post(path, fields(2))
            assert status == 200, path
            assert "error-summary" not in html, path
    finally:
        connections.close_all()  # the test's own connection died with the server
    assert FormSubmission.objects.count() == 1
    assert Registration.objects.get().email == "r2@example.org"
