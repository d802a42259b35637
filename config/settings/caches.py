"""Caches: the page cache, the shared "limits" cache, and the CDN or Varnish in front.

Imported by base.py; the environment variables are in docs/configuration.md.
"""

import os

from .environment import env_list

# Caches. "default" (the page cache, Wagtail's lookups): Redis when REDIS_URL is set, local
# memory otherwise (per process; the page cache stays correct through its generation, below).
# "limits" (rate limits and the anti-spam replay check, core/limits.py) must be shared by every
# worker process and server, or each process counts on its own: Redis when REDIS_URL is set,
# the database cache otherwise (its table is created by `migrate`: core/apps.py). Redis errors
# are ignored (an outage serves pages uncached and skips the limits), and a Redis that does
# not answer is given up after REDIS_TIMEOUT_SECONDS, so that it never holds a request long.
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_TIMEOUT_SECONDS = float(os.environ.get("REDIS_TIMEOUT_SECONDS", "0.5"))
REDIS_RETRY_SECONDS = float(os.environ.get("REDIS_RETRY_SECONDS", "5"))
LIMITS_CACHE_TABLE = "pactesur_limits_cache"


def redis_cache(url, key_prefix, timeout_seconds=REDIS_TIMEOUT_SECONDS, retry_seconds=None):
    """A django-redis cache that never fails nor holds a request: errors ignored, a call
    given up after `timeout_seconds`, and Redis left alone for REDIS_RETRY_SECONDS after a
    failure (core/cache.py; tests/core/test_outages.py)."""
    return {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": timeout_seconds,
            "SOCKET_TIMEOUT": timeout_seconds,
            "RETRY_SECONDS": REDIS_RETRY_SECONDS if retry_seconds is None else retry_seconds,
        },
    }


if REDIS_URL:
    CACHES = {
        "default": redis_cache(REDIS_URL, "pactesur"),
        "limits": redis_cache(REDIS_URL, "pactesur-limits"),
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True  # core.cache logs when Redis stops answering
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pactesur",
            # Room for the page cache (about 30 KB a page, per process).
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
        "limits": {
            "BACKEND": "core.cache.CounterSafeDatabaseCache",
            "LOCATION": LIMITS_CACHE_TABLE,
            # Room for many clients: counters pushed out early would let a flood through.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
    }
# django-ratelimit counts in the shared cache and lets requests through when it fails.
RATELIMIT_USE_CACHE = "limits"
RATELIMIT_FAIL_OPEN = True
# django-ratelimit warns about every backend it does not list; ResilientRedisCache is
# django-redis', CounterSafeDatabaseCache is shared and increments atomically (core/cache.py).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

# Full-page cache for anonymous visitors (performance/): at most PAGE_CACHE_SECONDS, and
# emptied on every publish, unpublish, move, delete or snippet change (0 disables it).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Where the "content generation" that invalidates it lives: "cache" (shared: Redis) or
# "database"; empty = "database" with the per-process local-memory cache, else "cache".
PAGE_CACHE_GENERATION_STORE = os.environ.get("PAGE_CACHE_GENERATION_STORE", "")
# The page chrome (menu, footer…) kept per process and content generation, for uncached
# pages too (core/chrome_cache.py); at most this long (0 disables it).
CHROME_CACHE_SECONDS = 300

# A CDN or Varnish in front, purged after every change by performance/ with the backends
# of wagtail.contrib.frontend_cache. That app is not installed on purpose: its own signal
# handlers purge inside the publishing transaction, before the commit, so the CDN could
# fetch and keep the old page again; performance/ purges after the commit, and more URLs.
WAGTAILFRONTENDCACHE = {}
FRONTEND_CACHE_HOSTNAMES = env_list("FRONTEND_CACHE_HOSTNAMES", "*")
if os.environ.get("FRONTEND_CACHE_VARNISH_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "performance.frontend_cache.VarnishBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_VARNISH_URL"],
        "HOSTNAMES": FRONTEND_CACHE_HOSTNAMES,
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "performance.frontend_cache.CloudflareBackend",
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN") or None,
        "EMAIL": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_EMAIL") or None,
        "API_KEY": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_API_KEY") or None,
        "HOSTNAMES": FRONTEND_CACHE_HOSTNAMES,
    }
# How long the CDN may keep a page (s-maxage) between purges.
FRONTEND_CACHE_SECONDS = int(os.environ.get("FRONTEND_CACHE_SECONDS", "3600"))
