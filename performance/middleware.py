"""The page cache middleware (rules in pagecache.py, invalidation in generation.py).

Place it after LocaleMiddleware (the language is part of the key) and CommonMiddleware, and
before CsrfViewMiddleware, so that it sees the CSRF cookie a form sets on the response.

A hit costs one cache read (the entry) and one read of the generations of its tags (one
query, or one Redis multi-get). A miss renders the page while collecting the tags it depends
on (core.cache_dependencies; pages loaded meanwhile are added by signals.py), then stores
it with their generations, unless some change was committed while it rendered.

Any failure of the cache (Redis down, a value that cannot be read back) is logged and the
page is served as if there were no cache: an outage slows the site, it never breaks it.
"""

import logging
import time

from django.urls import get_urlconf
from django.utils.cache import patch_vary_headers

from core import cache_dependencies

from . import conf, generation, pagecache

logger = logging.getLogger(__name__)

# Responses of URL names other than these depend on any page (the sitemap).
PAGE_URL_NAMES = frozenset({"wagtail_serve", "page_file"})


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if conf.seconds() <= 0:
            return self.get_response(request)

        key = expires_at = before = None
        try:
            if pagecache.request_is_cacheable(request):
                key = pagecache.page_key(request)
                entry = pagecache.cache().get(key)
                if entry is not None:
                    current = generation.current_many(entry.get("generations") or ())
                    if pagecache.is_fresh(entry, current):
                        return self._hit(request, entry)
                # None when the generations cannot be read: served without the cache.
                before = generation.current()
                if before is None:
                    key = None
                else:
                    expires_at = pagecache.next_transition(before)
        except Exception:  # noqa: BLE001 - see the module docstring
            logger.warning("Page cache: lookup failed, serving without the cache", exc_info=True)
            key = None

        if key is None:
            return self.get_response(request)

        with cache_dependencies.collecting() as collected:
            response = self.get_response(request)
        try:
            self._store(request, response, key, expires_at, before, collected.tags)
        except Exception:  # noqa: BLE001 - see the module docstring
            logger.warning("Page cache: could not store %s", request.path, exc_info=True)
        return response

    def _hit(self, request, entry):
        response = pagecache.response_from(entry)
        response[pagecache.HEADER] = "HIT"
        # As on a miss (the session middleware adds it there): a logged-in visitor's page
        # differs, so shared caches must not answer a request with a cookie from this one.
        patch_vary_headers(response, ("Cookie",))
        if conf.frontend_cache_enabled():
            response["Cache-Control"] = pagecache.shared_cache_control(request, entry["expires_at"])
        return response

    def _store(self, request, response, key, expires_at, before, tags):
        if not pagecache.response_is_cacheable(request, response):
            response[pagecache.HEADER] = "BYPASS"
            return
        if conf.frontend_cache_enabled():
            response["Cache-Control"] = pagecache.shared_cache_control(request, expires_at)
        timeout = int(min(conf.seconds(), expires_at - time.time()))
        response[pagecache.HEADER] = "MISS"
        if timeout < 1:
            return
        tags = set(tags) | {generation.SITE}
        if pagecache.url_name(request.path_info, _urlconf(request)) not in PAGE_URL_NAMES:
            tags.add("pages")
        current = generation.current_many([generation.EVERY, *tags])
        if current is None or current.pop(generation.EVERY) != before:
            return  # a change was committed while the page rendered: it may be stale
        pagecache.cache().set(key, pagecache.entry_for(response, expires_at, current), timeout)


def _urlconf(request):
    return getattr(request, "urlconf", None) or get_urlconf()
