"""Fixtures of the performance tests (the site itself is built by builders.py)."""

import pytest
from django.core.cache import cache

from tests.performance.builders import build_site, grow_site


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database is rolled back between tests, so
    ids and the content generation come back, and entries of an earlier test would match."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def perf_site(db, media_root):
    return build_site()


@pytest.fixture
def grow(perf_site):
    """grow(news, events): add generated news items and events (every language)."""
    return grow_site
