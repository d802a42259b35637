"""What a cached page depends on: tags collected while it renders (docs/performance.md).

The page cache (performance/) keeps each page with the tags it depends on and serves it
only while none of them has changed. A change raises only the tags it touches: publishing a
news item raises that item's own tag, the news listings of its language and the pages it
points at, so every other cached page stays warm.

Tags, as strings:

- ``page:<translation key>``: a page in every language (its content, title, address, and
  which translations are live). Recorded for the page served and, by the page cache, for
  every page loaded while rendering (a related project, an event card, a linked page).
- ``list:<app.model>:<locale id>`` and ``list:<app.model>``: a listing of pages of that
  type (in one language, or any): it changes when any of them is published, unpublished
  or deleted, even one it does not show yet.
- ``refs:<translation key>:<locale id>``: the pages of a language that point at that page
  (a project's news and events).

Languages are named by locale id, which every page row holds: no query to name them.
- ``pages``: any page at all (the sitemap; the default of a page type that does not say
  what it lists, see ``BasePage.cache_dependencies``).
- ``site``: everything (the menu, the footer, settings, snippets, images…). Every cached
  page depends on it.

Code that lists pages records the listing when it builds the query (``record``); it does
not matter that the query runs later, while the template renders. Outside a page being
cached, ``record`` does nothing.

Kept in core (and free of any cache code) so that content apps can say what they list
without importing the page cache.
"""

import contextlib
import contextvars

_collected = contextvars.ContextVar("cache_dependencies", default=None)


def record(*tags):
    """Say that the page being rendered depends on `tags`."""
    collected = _collected.get()
    if collected is not None:
        collected.update(tags)


def recording():
    """True while a page that may be cached renders (callers can skip work otherwise)."""
    return _collected.get() is not None


@contextlib.contextmanager
def collecting():
    """Collect what is recorded inside into the set this yields."""
    tags = set()
    token = _collected.set(tags)
    try:
        yield tags
    finally:
        _collected.reset(token)


def page_tag(translation_key):
    return f"page:{translation_key}"


def list_tags(model, locale_id=None):
    """The listing tags of a page type, in one language (`locale_id`) or in any."""
    label = model._meta.label_lower
    return [f"list:{label}:{locale_id}"] if locale_id else [f"list:{label}"]


def refs_tag(translation_key, locale_id):
    return f"refs:{translation_key}:{locale_id}"


def record_page(page):
    """The page being served: itself in every language, and what it lists."""
    declared = getattr(page, "cache_dependencies", None)
    record(page_tag(page.translation_key), *(declared() if declared else ["pages"]))
