"""Fixtures of the performance tests (the site itself is built by builders.py)."""

import pytest
from django.core.cache import cache

from core import chrome_cache
from tests.performance.builders import build_site, grow_site
from tests.shared import shared_fixture, shared_media_root


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database is rolled back between tests, so
    ids and the content generation come back, and entries of an earlier test would match."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def media_root(request, settings, tmp_path):
    """A MEDIA_ROOT of the test's own, or that of the module's `perf_site` (its images)."""
    settings.MEDIA_ROOT = shared_media_root(request) or tmp_path / "media"
    return settings.MEDIA_ROOT


@shared_fixture(media=True)
def perf_site(_parent=None):
    """builders.build_site(), built once per module (tests/shared.py); ask for `media_root`
    too where its image files are read."""
    return build_site()


@pytest.fixture
def chrome_kept(settings):
    """The chrome kept per content version, as on a served site (the tests' default is 0)."""
    settings.CHROME_CACHE_SECONDS = 300
    chrome_cache.clear()  # ids and the generation come back after each test's rollback
    yield settings
    chrome_cache.clear()


@pytest.fixture
def grow(perf_site):
    """grow(news, events): add generated news items and events (every language)."""
    return grow_site


# The page-cache tests (test_page_cache*.py) and the frontend-cache tests.


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
