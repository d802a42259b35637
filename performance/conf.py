"""The page cache's settings, with their defaults (docs/performance.md)."""

from django.conf import settings

# URL names (see config/urls.py and wagtail/urls.py) whose GET responses may be cached:
# Wagtail pages, the files of pages (feed.xml, calendar.ics, event.ics) and the
# sitemap (or its index) with its numbered files.
DEFAULT_URL_NAMES = ("wagtail_serve", "page_file", "sitemap", "sitemap_file")

# Paths never cached even under those URL names: the registration routes of event pages
# (they show a visitor's own registration).
DEFAULT_EXCLUDED_PATHS = (r"/register/$", r"/cancel/$")

# Cookies that do not change what an anonymous visitor sees. Any other cookie (a session,
# the messages cookie, whatever a proxy adds) sends the request past the cache.
DEFAULT_IGNORED_COOKIES = ("csrftoken", "django_language")

# Fields of live pages whose moments change what pages show without anyone publishing
# (an event becomes past, registration opens or closes): cached pages expire at the next one.
DEFAULT_TRANSITION_FIELDS = {
    "events.EventPage": ("start", "end", "registration_opens_at", "registration_closes_at"),
}


def seconds():
    """PAGE_CACHE_SECONDS: how long a cached page may live at most; 0 disables the cache."""
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 300))


def alias():
    return getattr(settings, "PAGE_CACHE_ALIAS", "default")


def url_names():
    return frozenset(getattr(settings, "PAGE_CACHE_URL_NAMES", DEFAULT_URL_NAMES))


def excluded_paths():
    return tuple(getattr(settings, "PAGE_CACHE_EXCLUDED_PATHS", DEFAULT_EXCLUDED_PATHS))


def ignored_cookies():
    names = set(getattr(settings, "PAGE_CACHE_IGNORED_COOKIES", DEFAULT_IGNORED_COOKIES))
    names.update({settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME})
    return frozenset(names)


def transition_fields():
    return getattr(settings, "PAGE_CACHE_TRANSITION_FIELDS", DEFAULT_TRANSITION_FIELDS)


def generation_store():
    """Where the content generation lives: "cache" (a cache that every app process shares:
    Redis, Memcached…) or "database" (one row; right for the per-process local-memory cache,
    where a counter in the cache would only be bumped in the process that saw the change)."""
    store = getattr(settings, "PAGE_CACHE_GENERATION_STORE", "") or ""
    if store in ("cache", "database"):
        return store
    backend = settings.CACHES.get(alias(), {}).get("BACKEND", "")
    per_process = backend.endswith(("LocMemCache", "DummyCache"))
    return "database" if per_process else "cache"


def frontend_cache_seconds():
    """FRONTEND_CACHE_SECONDS: the s-maxage given to a CDN/Varnish for purgeable pages."""
    return int(getattr(settings, "FRONTEND_CACHE_SECONDS", 3600))


def frontend_cache_enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def prerender_renditions_on_save():
    """PRERENDER_RENDITIONS_ON_SAVE: make an image's renditions when it is uploaded."""
    return bool(getattr(settings, "PRERENDER_RENDITIONS_ON_SAVE", True))
