"""Browser, accessibility and HTML-validity tests over the real demo content.

The demo site (``load_demo_content``: every page type in en, fr, it, es) is loaded once per run (the
shared data ``demo_loaded``, tests/demo/content.py: one pytest-xdist worker loads it, the
other copies it) into the test database and *committed*, then served by pytest-django's
live-server thread (``live_server`` below, session-scoped: one per worker). pytest-django
normally makes every test that uses ``live_server`` transactional and empties the database
after it, which would throw the demo content away after the first test:
``_live_server_helper`` is overridden here so that the content stays for the whole session.
The tests read it and talk to the server over HTTP (Chromium through Playwright, or plain
HTTP for the Nu HTML checker); what they write (a contact message, a registration) stays
too, so no test counts on a pristine database. Browser tests are moved to the end of the
session so that the committed demo content is never seen by the other tests; the test
database is destroyed when the session ends.

Needs ``/usr/bin/chromium`` (or ``$CHROMIUM``), the ``playwright`` Python package, and for
the checkers ``npm ci`` (``node_modules/axe-core`` and ``node_modules/vnu-jar``) and ``java``.
Without them the tests skip, saying what is missing; with ``REQUIRE_BROWSER=1`` (set by
``.ci/run``) they fail instead.
"""

import json
import os
import re
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

import tests.demo.content  # noqa: F401 - declares the shared data `demo_loaded`

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ["en", "fr", "it", "es"]
# What the tests check, per language: the page types of the demo content, plus the search
# results page and the "page not found" page.
PAGE_KINDS = [
    "home",
    "project_index",
    "project",
    "news_index",
    "news",
    "event_index",
    "event",
    "standard",
    "contact",
    "search",
    "not_found",
]


def require(reason):
    """Skip with `reason`, or fail when REQUIRE_BROWSER=1 (CI must not skip these)."""
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def missing_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (pip install -e '.[dev]')"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def answer_like_a_visitor(form):
    """Answer the anti-spam question ("How much is 12 + 14?") and tick the consent box,
    when the form has them, as a person would."""
    answer = form.locator("input[name=antispam_answer]")
    if answer.count():
        label = form.locator(f"label[for={answer.get_attribute('id')}]").inner_text()
        first, second = (int(n) for n in re.findall(r"\d+", label)[:2])
        answer.fill(str(first + second))
    consent = form.locator("input[type=checkbox][name=consent]")
    if consent.count() and not consent.is_checked():
        consent.check()


def wait_for_the_form_minimum_time(page, loaded_at):
    """The anti-spam check refuses a form sent back faster than a person could fill it."""
    minimum = getattr(settings, "ANTISPAM_MIN_SECONDS", 0)
    remaining = minimum - (time.monotonic() - loaded_at)
    if remaining > 0:
        page.wait_for_timeout(remaining * 1000 + 200)


def vnu_errors(vnu_command, files, names=None):
    """The Nu HTML checker's errors on `files` (one JVM), one line each; `names` maps a
    file name to what it is (a URL path) for the report."""
    names = names or {}
    result = subprocess.run(
        [*vnu_command, *map(str, files)], capture_output=True, text=True, timeout=600
    )
    report = json.loads(result.stderr or result.stdout)  # vnu writes its JSON to stderr
    return [
        f"{names.get(message.get('url', '').rsplit('/', 1)[-1], message.get('url'))} "
        f"line {message.get('lastLine')}: {message.get('message')} "
        f"[{message.get('extract', '').strip()}]"
        for message in report["messages"]
        if message.get("type") != "info"
    ]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the browser tests last: their committed demo content must not leak into others."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@dataclass
class DemoSite:
    url: str
    # {language: {kind: [path, …]}}
    pages: dict = field(default_factory=dict)
    # {language: path} of the event that takes registrations
    registration_event: dict = field(default_factory=dict)
    # {language: path} of the accessibility statement (translated slugs: /es/declaracion-…/)
    accessibility_statement: dict = field(default_factory=dict)

    def paths(self, language, kind):
        return self.pages[language][kind]

    def first(self, language, kind):
        return self.pages[language][kind][0]

    def get(self, path, **headers):
        """(status, content type, body) of a GET on the live server, errors included."""
        request = urllib.request.Request(self.url + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.headers["Content-Type"], response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers["Content-Type"], error.read()


def _catalogue():
    from wagtail.models import Page

    from events.models import EventIndexPage, EventPage
    from home.models import ContactPage, HomePage, StandardPage
    from news.models import NewsIndexPage, NewsPage
    from projects.models import ProjectIndexPage, ProjectPage

    models = {
        "home": HomePage,
        "project_index": ProjectIndexPage,
        "project": ProjectPage,
        "news_index": NewsIndexPage,
        "news": NewsPage,
        "event_index": EventIndexPage,
        "event": EventPage,
        "standard": StandardPage,
        "contact": ContactPage,
    }
    pages, registration_event, accessibility_statement = {}, {}, {}
    statement_key = StandardPage.objects.get(
        locale__language_code="en", slug="accessibility"
    ).translation_key
    for language in LANGUAGES:
        by_kind = {}
        for kind, model in models.items():
            queryset = model.objects.live().public().filter(locale__language_code=language)
            by_kind[kind] = [page.get_url() for page in queryset.order_by("path")]
        # Listings filtered down to nothing: the empty state, with the filters kept.
        for kind in ("news_index", "event_index"):
            by_kind[kind] += [f"{url}?year=1990" for url in by_kind[kind][:1]]
        # Results, no results (with suggestions), and the empty search page.
        search = f"/{language}/search/"
        by_kind["search"] = [
            f"{search}?q=PACTESUR",
            f"{search}?q=PACTESUR&type=event",
            f"{search}?q=xyzzy-nothing",
            search,
        ]
        by_kind["not_found"] = [f"/{language}/no-such-page/"]
        pages[language] = by_kind
        event = (
            EventPage.objects.live()
            .filter(locale__language_code=language, registration_enabled=True)
            .order_by("path")
            .first()
        )
        registration_event[language] = event.get_url() if event else None
        statement = StandardPage.objects.filter(
            locale__language_code=language, translation_key=statement_key
        ).first()
        accessibility_statement[language] = statement.get_url() if statement else None
    assert Page.objects.live().filter(depth__gt=2).exists()
    return pages, registration_event, accessibility_statement


@pytest.fixture(scope="session")
def live_server(request, django_db_setup, django_db_blocker, _shared_database):
    """pytest-django's live server, once per session (per pytest-xdist worker), over the
    demo content: loaded once per run as the shared data `demo_loaded`
    (tests/demo/content.py), and copied into the test database, committed, by the other
    worker.

    Overrides pytest-django's ``live_server`` (same name, so that pytest-django still sets
    up the test database for these tests); its ``DemoSite`` value knows every demo page.
    """
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    # Never load the demo content into a real database (pytest-django sets up the test
    # database only when a collected test asks for one).
    name = str(connection.settings_dict["NAME"])
    with django_db_blocker.unblock():
        in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    test_name = connection.settings_dict.get("TEST", {}).get("NAME")
    on_test_database = in_memory or name.startswith("test_") or name == test_name
    assert on_test_database, f"not a test database: {name}"
    media = override_settings(
        MEDIA_ROOT=str(_shared_database.media_root),
        # The anti-spam minimum time stays on, at one second instead of three: every form a
        # journey sends waits for it (tests/browser/conftest.py), and the three seconds of
        # production are tested in tests/privacy/test_antispam.py.
        ANTISPAM_MIN_SECONDS=1,
        # The page chrome and the routing kept per content version, as in production (the
        # test settings keep none: most tests never commit). Here every change is committed.
        CHROME_CACHE_SECONDS=300,
    )
    media.enable()
    try:
        _shared_database.prepare_shared("demo_loaded")
        with django_db_blocker.unblock():
            pages, registration_event, accessibility_statement = _catalogue()
        addr = (
            request.config.getvalue("liveserver")
            or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
            or "localhost"
        )
        server = LiveServer(addr, start=False)
        static_handler = server.thread.static_handler
        server.thread.static_handler = lambda application: OneRequestAtATime(
            static_handler(application)
        )
        server.start()
        try:
            # The server thread, and the tests' own look-ups, query the test database.
            with django_db_blocker.unblock():
                yield DemoSite(
                    url=server.url,
                    pages=pages,
                    registration_event=registration_event,
                    accessibility_statement=accessibility_statement,
                )
        finally:
            _wait_for_the_requests_in_flight()
            server.stop()
    finally:
        media.disable()


def _wait_for_the_requests_in_flight(timeout=10):
    """Let the server's request threads end before the server stops sharing the database.

    The in-memory SQLite connection is shared with the server's threads only while the
    server runs (`LiveServer.stop` makes it unshareable again). Each request thread closes
    the connections when its client hangs up, which for Chromium's keep-alive sockets is
    just after the last test closed its browser context: a thread that got there after the
    stop raised "DatabaseWrapper objects created in a thread can only be used in that same
    thread" at the end of the session.
    """
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(max(0.0, deadline - time.monotonic()))


class OneRequestAtATime:
    """The live server's requests one after the other, each with its whole response.

    Its request threads share one connection to the in-memory SQLite database (pytest-django
    passes it to the server: another connection would see another, empty, database). Two
    requests at once, which a browser makes (Wagtail's editor posts a preview while it pings
    its editing session), interleaved their transactions on it: "no such savepoint", then
    every later query of the session refused. In production each request has its own
    connection; here they take turns. The response is read to its end (and closed: Django
    then ends the request) before the next one starts.
    """

    def __init__(self, application):
        self.application = application
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.application(environ, start_response)
            try:
                return list(response)
            finally:
                close = getattr(response, "close", None)
                if close is not None:
                    close()


@pytest.fixture(autouse=True)
def _live_server_helper():
    """Replaces pytest-django's helper, which would empty the database after each test."""
    yield


@pytest.fixture
def demo_site(live_server):
    return live_server


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """Debian's Chromium driven by Playwright (never `playwright install`)."""
    reason = missing_browser()
    if reason:
        require(reason)
    from playwright.sync_api import sync_playwright

    home = tmp_path_factory.mktemp("chromium-home")
    env = {**os.environ, "XDG_CONFIG_HOME": str(home), "XDG_CACHE_HOME": str(home)}
    # Playwright's sync API keeps an event loop in the test thread, which makes Django
    # refuse ORM calls there ("async context"), even though nothing runs concurrently.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=env, headless=True
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_context(chromium, demo_site):
    """Factory of fresh browser contexts (own cookies, locale, JavaScript on or off)."""
    contexts = []

    def make(**options):
        options.setdefault("base_url", demo_site.url)
        options.setdefault("locale", "en-GB")
        context = chromium.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_JS.exists():
        require(f"{AXE_JS.relative_to(ROOT)} is missing (run `npm ci` at the repository root)")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def vnu_command():
    java = shutil.which("java")
    if not java:
        require("java is not installed (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        require(f"{VNU_JAR.relative_to(ROOT)} is missing (run `npm ci` at the repository root)")
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


# ------------------------------------------------------------------ the admin, as its users

# The demo accounts (`editorial_demo_users`: editor, moderator, translator-<language>) get this
# password in the browser tests (the command reads DEMO_USER_PASSWORD).
DEMO_USER_PASSWORD = "browser-tests-demo-password"


@pytest.fixture(scope="session")
def demo_users(live_server, django_db_blocker):
    """The demo accounts of `make run`, created in the test database with a known password:
    {username: password}."""
    from demo.management.commands.editorial_demo_users import demo_accounts

    previous = os.environ.get("DEMO_USER_PASSWORD")
    os.environ["DEMO_USER_PASSWORD"] = DEMO_USER_PASSWORD
    try:
        with django_db_blocker.unblock():
            call_command("editorial_demo_users", force=True, stdout=StringIO())
            usernames = [username for username, _group, _text in demo_accounts()]
    finally:
        if previous is None:
            del os.environ["DEMO_USER_PASSWORD"]
        else:
            os.environ["DEMO_USER_PASSWORD"] = previous
    return dict.fromkeys(usernames, DEMO_USER_PASSWORD)


@pytest.fixture(scope="session")
def _admin_sessions():
    """{username: Playwright storage state} of the demo users logged in once per session."""
    return {}


@pytest.fixture
def log_in_as(new_context, demo_users, _admin_sessions):
    """`log_in_as("editor")`: a new browser page logged in to the admin as that demo user.

    The first time for each user it logs in through the admin's login form, as a person
    does; the session cookie is then reused (Playwright storage state), so each test starts
    on a fresh page in one step. Extra keyword arguments go to `new_context`.
    """

    def open_page(username, **context_options):
        if username not in demo_users:
            raise KeyError(f"{username} is not a demo account ({', '.join(demo_users)})")
        state = _admin_sessions.get(username)
        if state is None:
            login_context = new_context()
            page = login_context.new_page()
            page.goto("/admin/login/")
            page.get_by_label("Username").fill(username)
            page.get_by_label("Password").fill(demo_users[username])
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(re.compile(r"/admin/$"))
            state = _admin_sessions[username] = login_context.storage_state()
            login_context.close()
        return new_context(storage_state=state, **context_options).new_page()

    return open_page
