"""Full-page cache for anonymous visitors: what is cached, under which key, for how long.

A page is served from the cache only when all of these hold (docs/performance.md):

- the request is a GET or HEAD of a Wagtail page, a page's file (feed.xml, calendar.ics,
  event.ics) or the sitemap, and not of an event's registration routes;
- it carries no cookie other than the CSRF and language ones (a session cookie means a
  logged-in editor, or a visitor with something in their session) and no Authorization;
- the response was a 200, not streamed, set no cookie (a form rendered for a logged-in user
  sets the CSRF cookie; anonymous visitors' public forms need none: privacy/public_forms.py),
  did not modify the session,
  is not marked private/no-cache/no-store, and varies on nothing but Cookie,
  Accept-Language or Accept-Encoding.

The key holds the scheme, host, language and full path with the query string. The entry
holds the generation of each tag the page depends on (core.cache_dependencies,
generation.py) and is served only while they are all unchanged. An entry lives
PAGE_CACHE_SECONDS at most, and never past the next moment when a page could change by
itself (an event starting or ending, registration opening or closing, midnight): see
`next_transition`.
"""

import datetime
import functools
import hashlib
import logging
import re
import time

from django.apps import apps
from django.core.cache import caches
from django.db.models import Min, Q
from django.http import HttpResponse
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import timezone
from django.utils.cache import cc_delim_re

from . import conf

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"
ALLOWED_VARY = frozenset({"cookie", "accept-language", "accept-encoding"})
UNCACHEABLE_CONTROL = frozenset({"private", "no-cache", "no-store"})
# Headers the cache adds or that belong to one response only.
SKIPPED_HEADERS = frozenset({HEADER.lower(), "set-cookie", "date", "age"})


def cache():
    return caches[conf.alias()]


# ------------------------------------------------------------------------------ requests


def request_is_cacheable(request):
    if request.method not in ("GET", "HEAD"):
        return False
    ignored = conf.ignored_cookies()
    if any(name not in ignored for name in request.COOKIES):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    urlconf = getattr(request, "urlconf", None) or get_urlconf()
    if url_name(request.path_info, urlconf) not in conf.url_names():
        return False
    return not any(re.search(pattern, request.path_info) for pattern in conf.excluded_paths())


@functools.lru_cache(maxsize=4096)
def url_name(path, urlconf=None):
    """The URL name `path` resolves to (None for a 404), remembered for the paths asked
    most: resolving costs more than the rest of a cache hit. The URL patterns never change
    while a process runs (Wagtail pages are all behind one pattern)."""
    try:
        return resolve(path, urlconf).url_name
    except Resolver404:
        return None


def page_key(request):
    language = getattr(request, "LANGUAGE_CODE", "")
    identity = "|".join(
        [request.scheme, request.get_host(), language, request.get_full_path()]
    ).encode()
    return f"pagecache:page:{hashlib.sha256(identity).hexdigest()}"


# ------------------------------------------------------------------------------ responses


def response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
        if part.strip()
    }
    if control & UNCACHEABLE_CONTROL:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", ""))}
    vary.discard("")
    return vary <= ALLOWED_VARY


def entry_for(response, expires_at, generations):
    """What is stored: the response, and the generations of the tags it depends on."""
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in SKIPPED_HEADERS
    ]
    return {
        "status": response.status_code,
        "content": response.content,
        "headers": headers,
        "expires_at": expires_at,
        "generations": generations,
    }


def is_fresh(entry, current):
    """True when none of the entry's tags has changed since it was stored."""
    generations = entry.get("generations")
    return (
        bool(generations)
        and current is not None
        and all(current.get(tag) == value for tag, value in generations.items())
    )


def response_from(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response.headers[name] = value
    return response


# ------------------------------------------------------------------------------ expiry


def _next_midnight(now):
    local = timezone.localtime(now)
    tomorrow = local.date() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))


def compute_next_transition(now=None):
    """The next moment (epoch seconds) after `now` when a live page may change by itself."""
    now = now or timezone.now()
    moments = [_next_midnight(now)]
    for label, fields in conf.transition_fields().items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        queryset = model._default_manager.all()
        if hasattr(model, "live"):
            queryset = queryset.filter(live=True)
        aggregates = {field: Min(field, filter=Q(**{f"{field}__gt": now})) for field in fields}
        moments.extend(value for value in queryset.aggregate(**aggregates).values() if value)
    return min(moments).timestamp()


def next_transition(generation):
    """`compute_next_transition`, remembered per generation (of generation.EVERY: it
    changes with every change, an event published included) until it has passed."""
    key = f"pagecache:transition:{generation}"
    now = time.time()
    store = cache()
    value = store.get(key)
    if value is None or value <= now:
        value = compute_next_transition()
        store.set(key, value, timeout=max(1, min(conf.seconds(), int(value - now) + 1)))
    return value


# ------------------------------------------------------------------------------ CDN


def shared_cache_control(request, expires_at):
    """Cache-Control for a CDN/Varnish in front (only when one is configured).

    Pages without a query string may stay there FRONTEND_CACHE_SECONDS, as they are purged
    on every change (frontend_cache.py); the same page with a query string (filters,
    pagination) cannot be purged by URL, so shared caches must not keep it. Browsers always
    revalidate (max-age=0)."""
    if request.META.get("QUERY_STRING"):
        return "public, max-age=0, s-maxage=0"
    seconds = int(min(conf.frontend_cache_seconds(), max(0, expires_at - time.time())))
    return f"public, max-age=0, s-maxage={seconds}"
