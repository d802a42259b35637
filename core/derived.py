"""Values derived from the published content that cost a scan of it to compute (a news
index's count and the options of its filter at 2,000 news items per language): computed
once per content generation and kept in the default cache, so that only the first request
after a change pays for them.

core cannot tell when content changed: the performance app registers the reader of its
content generation (performance/generation.py, raised after every change a visitor could
see: publish, unpublish, move, a view restriction, a snippet…) with `use_version`. Without
a reader, or when the generation cannot be read, values are computed on each call: never
served from an older generation. Keep only plain data here (numbers, strings, lists,
dicts): model instances would be pickled with everything they hold.
"""

from django.core.cache import cache

_version_reader = None

# Entries of older generations are never read again; they leave the cache after this.
TIMEOUT_SECONDS = 24 * 60 * 60


def use_version(reader):
    """Key values by `reader()` (a string that changes after every change of content, or
    None when it cannot be known)."""
    global _version_reader  # noqa: PLW0603 - set once, at start-up, by the performance app
    _version_reader = reader


def remember(key, compute):
    """`compute()`, or its value kept for the current content generation under `key`."""
    version = _version_reader() if _version_reader is not None else None
    if version is None:
        return compute()
    versioned_key = f"derived:{version}:{key}"
    value = cache.get(versioned_key)
    if value is None:
        value = compute()
        cache.set(versioned_key, value, TIMEOUT_SECONDS)
    return value
