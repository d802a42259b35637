import os

import pytest
from _pytest import runner
from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from tests import factories
from tests.dbtemplate import _migrations_from_template, django_db_setup  # noqa: F401
from tests.frame_stack import call_with_room
from tests.shared import (  # noqa: F401 - fixtures
    _django_db_helper,
    _shared_database,
    _shared_state,
    exclusive,
    only_database_tests,
    order_by_shared_data,
    shared_fixture,
)
from tests.translation import translate_page

LANGUAGES = ["en", "fr", "it", "es"]


def pytest_addoption(parser):
    parser.addoption(
        "--only-database-tests",
        action="store_true",
        help="Only the tests that can reach a database (CI's PostgreSQL run: the others "
        "cannot depend on the engine and run on SQLite).",
    )


# Fixtures that stop or restart a server every test uses: the tests asking for them are
# marked `serial` (make test runs them alone, first).
SERIAL_FIXTURES = {"throwaway_cluster"}


def pytest_itemcollected(item):
    if SERIAL_FIXTURES & set(getattr(item, "fixturenames", ())):
        item.add_marker(pytest.mark.serial)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    """pytest's own protocol (set-up, call, tear-down, reports), run with room on the frame
    stack (tests/frame_stack.py: on Python 3.11 a test database's migrations took 27 s
    instead of 19 s in a pytest-xdist worker without it), and never beside another test
    marked with the same `exclusive("name")` (tests/shared.py). The first result ends the
    hook: pytest's implementation is not run a second time."""
    with exclusive(item):
        return call_with_room(runner.pytest_runtest_protocol, item, nextitem)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The order of the tests (tests/shared.py); REQUIRE_POSTGRES=1 (set by .ci/run) turns
    a skipped PostgreSQL test into a failure."""
    if config.getoption("--only-database-tests"):
        only_database_tests(config, items)
    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        # Skipped before their fixtures: not a test database made only to be skipped.
        for item in items:
            if SERIAL_FIXTURES & set(getattr(item, "fixturenames", ())):
                item.add_marker(
                    pytest.mark.skip(reason="needs the throwaway PostgreSQL of .ci/run")
                )
    order_by_shared_data(items)
    if os.environ.get("REQUIRE_POSTGRES") != "1":
        return
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(pytest.mark.usefixtures("_require_postgres"))


@pytest.fixture
def _require_postgres(db):
    if connection.vendor != "postgresql":
        pytest.fail("REQUIRE_POSTGRES=1 but the tests are not running on PostgreSQL")


@pytest.fixture(autouse=True)
def _fresh_limits():
    """Each test starts with nothing counted: rate limits and answered anti-spam questions
    (the `limits` cache, local memory in the tests; login failures are in the database);
    and with an empty default cache: no page cache entry, no site root paths or content
    generation of data an earlier test built or changed, then rolled back."""
    caches["limits"].clear()
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a test (or a request it makes) that
    activates another one must not leave it to the next test in the same process (under
    xdist the order varies, and a label read outside a request came out in Spanish)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _mail_through_the_outbox():
    """E-mail goes through the outbox, as in production: Django's test setup replaces
    EMAIL_BACKEND with the in-memory one, which would send in the request.
    `tests.mail.deliver_outbox()` plays the mail worker."""
    with override_settings(EMAIL_BACKEND="mailer.backend.DbBackend"):
        yield


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get(language_code=code) for code in LANGUAGES}


@shared_fixture()
def home(_parent=None):
    """An English home page as the default site's root, like the demo content builds it.
    Built once per module (tests/shared.py); each test gets it re-read. (After a test that
    committed, the database is copied back from the migrated template: Wagtail's root page
    and default site are there.)"""
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root, slug="pactesur-home")
    site = Site.objects.get(is_default_site=True)
    welcome_page = site.root_page
    site.root_page = home
    site.save()
    welcome_page.delete()  # Wagtail's "Welcome to your new Wagtail site!" page
    return home


@shared_fixture(parent="home")
def site_tree(home):
    """One page of every type under the English home page."""
    projects = factories.ProjectIndexPageFactory(parent=home)
    project = factories.ProjectPageFactory(parent=projects, title="PACTESUR2", slug="pactesur2")
    news_index = factories.NewsIndexPageFactory(parent=home)
    news = factories.NewsPageFactory(parent=news_index, slug="kick-off", project=project)
    events = factories.EventIndexPageFactory(parent=home)
    event = factories.EventPageFactory(parent=events, slug="workshop", project=project)
    about = factories.StandardPageFactory(parent=home, title="About", slug="about")
    contact = factories.ContactPageFactory(parent=home)
    factories.ContactFormFieldFactory(page=contact, label="Your name", field_type="singleline")
    factories.ContactFormFieldFactory(page=contact, label="Your message")
    return {
        "home": home,
        "project_index": projects,
        "project": project,
        "news_index": news_index,
        "news": news,
        "event_index": events,
        "event": event,
        "standard": about,
        "contact": contact,
    }


@shared_fixture(parent="site_tree")
def translated_site(site_tree):
    """site_tree translated into fr, it and es through wagtail-localize (parents first);
    the same dict as `site_tree` in a test that asks for both."""
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    for code in ("fr", "it", "es"):
        for page in site_tree.values():
            translate_page(page, locales[code], lambda text, code=code: f"[{code}] {text}")
    return site_tree
