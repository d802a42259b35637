"""The page chrome (menu, footer, locales: core/chrome_cache.py) kept as in production, for
tests whose many requests vary only what they send to a page (fuzzed fields, query strings,
tokens) or that measure what visitors get after a change.

The test settings keep no chrome (CHROME_CACHE_SECONDS = 0: tests never commit, so its
content version never changes); rebuilding it for every request was up to a third of such
tests' time and tested nothing more. It is emptied before and after: ids and the content
generation come back after each rollback, so an entry must never outlive the test.
"""

import contextlib

from django.test import override_settings

from core import chrome_cache


@contextlib.contextmanager
def chrome_kept():
    chrome_cache.clear()
    try:
        with override_settings(CHROME_CACHE_SECONDS=300):
            yield
    finally:
        chrome_cache.clear()
