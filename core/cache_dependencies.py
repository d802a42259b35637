"""What a cached page depends on: tags collected while it renders (docs/performance.md).

The page cache (performance/) keeps each page with the tags it depends on and serves it
only while none of them has changed. A change raises only the tags it touches: publishing a
news item raises that item's own tag, the news listings of its language and the pages it
points at, so every other cached page stays warm.

Tags, as strings:

- ``page:<translation key>:<locale id>``: one page (one translation): its content, title,
  address. Recorded for the page served and, by the page cache, for every page loaded
  while rendering (a related project, an event card, a linked page).
- ``page:<translation key>``: which translations of a page are live, and where (the
  language switcher). Recorded with the former; raised when a translation is published for
  the first time, unpublished or deleted (or for a change shown in every language).
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


class Collected:
    """What a page being rendered depends on: `tags`, and the page served (translation key,
    locale id), whose other translations only show in its language switcher."""

    def __init__(self):
        self.tags = set()
        self.served = None


_collected = contextvars.ContextVar("cache_dependencies", default=None)


def record(*tags):
    """Say that the page being rendered depends on `tags`."""
    collected = _collected.get()
    if collected is not None:
        collected.tags.update(tags)


def recording():
    """The `Collected` of the page being rendered, or None when no page may be cached."""
    return _collected.get()


@contextlib.contextmanager
def collecting():
    """Collect what is recorded inside into the `Collected` this yields."""
    collected = Collected()
    token = _collected.set(collected)
    try:
        yield collected
    finally:
        _collected.reset(token)


def page_tag(translation_key, locale_id=None):
    """The tag of one translation of a page, or (no `locale_id`) of the set of them."""
    if locale_id is None:
        return f"page:{translation_key}"
    return f"page:{translation_key}:{locale_id}"


def list_tags(model, locale_id=None):
    """The listing tags of a page type (a model, or its "app.model" label), in one language
    (`locale_id`) or in any."""
    label = model.lower() if isinstance(model, str) else model._meta.label_lower
    return [f"list:{label}:{locale_id}"] if locale_id else [f"list:{label}"]


def refs_tag(translation_key, locale_id):
    return f"refs:{translation_key}:{locale_id}"


def record_page(page):
    """The page being served: itself in every language, and what it lists."""
    declared = getattr(page, "cache_dependencies", None)
    collected = _collected.get()
    if collected is not None and collected.served is None:
        collected.served = (page.translation_key, page.locale_id)
    record(
        page_tag(page.translation_key),
        page_tag(page.translation_key, page.locale_id),
        *(declared() if declared else ["pages"]),
    )
