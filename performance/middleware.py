"""The page cache middleware (rules in pagecache.py, invalidation in generation.py).

Place it after LocaleMiddleware (the language is part of the key) and CommonMiddleware, and
before CsrfViewMiddleware, so that it sees the CSRF cookie a form sets on the response.

Any failure of the cache (Redis down, a value that cannot be read back) is logged and the
page is served as if there were no cache: an outage slows the site, it never breaks it.
"""

import logging
import time

from django.utils.cache import patch_vary_headers

from . import conf, generation, pagecache

logger = logging.getLogger(__name__)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if conf.seconds() <= 0:
            return self.get_response(request)

        key = expires_at = None
        try:
            if pagecache.request_is_cacheable(request):
                current = generation.current()
                if current is not None:
                    key = pagecache.page_key(request, current)
                    entry = pagecache.cache().get(key)
                    if entry is not None:
                        return self._hit(request, entry)
                    expires_at = pagecache.next_transition(current)
        except Exception:  # noqa: BLE001 - see the module docstring
            logger.warning("Page cache: lookup failed, serving without the cache", exc_info=True)
            key = None

        response = self.get_response(request)

        if key is not None:
            try:
                self._store(request, response, key, expires_at)
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

    def _store(self, request, response, key, expires_at):
        if not pagecache.response_is_cacheable(request, response):
            response[pagecache.HEADER] = "BYPASS"
            return
        if conf.frontend_cache_enabled():
            response["Cache-Control"] = pagecache.shared_cache_control(request, expires_at)
        timeout = int(min(conf.seconds(), expires_at - time.time()))
        response[pagecache.HEADER] = "MISS"
        if timeout >= 1:
            pagecache.cache().set(key, pagecache.entry_for(response, expires_at), timeout)
