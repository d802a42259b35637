"""What every page of a language shows around its content (the home page and its children,
menu, footer links, the featured project's partners, the rendered footer, the locales),
built once per process and *content version* instead of on every request.

Rebuilding that chrome was 15–39 % of the CPU time of each uncached page, and about ten of
its queries (docs/performance.md), although it changes only when content changes.

Never stale: every entry belongs to one content version, a value that changes after every
change a visitor could see, committed (the page cache's content generation: performance/
registers its reader with `use_version`, so that core imports no cache code). A request
reads the version once; entries of another version are never served, and the first request
that sees a new version drops all the old entries at once, so the store holds one version's
worth (a few entries per site and language). Entries also expire after
CHROME_CACHE_SECONDS (300), the safety net for a change made without Django's signals until
`manage.py invalidate_page_cache` changes the version.

Nothing is kept (every request builds its own, as before) when no version source is
registered or it cannot be read, when CHROME_CACHE_SECONDS is 0 (the tests: their changes
are never committed, so the version never changes), and for previews, whose page is not
what visitors see.

Per process and in memory: the values are Python objects (pages, lists, HTML), never
pickled, shared read-only by the requests of the process; whoever builds an entry must not
put anything specific to one request or one visitor in it.
"""

import threading
import time

from django.conf import settings

from core import cache_dependencies

_version_source = None
_store = {"version": None, "entries": {}}
_lock = threading.Lock()
_UNREAD = object()
# Entries per version at most (keys may hold what a request sends, e.g. its host name).
MAX_ENTRIES = 1000


def use_version(source):
    """Key the entries by `source()`: a string that changes after every visible change,
    None when it cannot be read (then nothing is kept)."""
    global _version_source
    _version_source = source
    clear()


def seconds():
    return int(getattr(settings, "CHROME_CACHE_SECONDS", 300))


def clear():
    global _store
    _store = {"version": None, "entries": {}}


def _version(request):
    """The content version for this request, read once per request."""
    value = getattr(request, "_chrome_cache_version", _UNREAD)
    if value is _UNREAD:
        value = _version_source() if _version_source is not None else None
        if request is not None:
            request._chrome_cache_version = value
    return value


def enabled(request):
    return (
        request is not None
        and _version_source is not None
        and seconds() > 0
        and not getattr(request, "is_preview", False)
    )


def get_or_build(request, key, build):
    """The value kept under `key` for the current content version, else `build()` (kept)."""
    if not enabled(request):
        return build()
    version = _version(request)
    if version is None:
        return build()
    global _store
    store = _store
    if store["version"] != version:
        with _lock:
            if _store["version"] != version:
                _store = {"version": version, "entries": {}}
            store = _store
    now = time.monotonic()
    entry = store["entries"].get(key)
    if entry is not None and entry[0] > now:
        # What the page cache must know the page depends on (core.cache_dependencies):
        # what was recorded while the entry was built (a featured project, its listing).
        cache_dependencies.record(*entry[2])
        return entry[1]
    with cache_dependencies.collecting() as collected:
        value = build()
    tags = frozenset(collected.tags)
    cache_dependencies.record(*tags)
    if len(store["entries"]) < MAX_ENTRIES:
        store["entries"][key] = (now + seconds(), value, tags)
    return value
