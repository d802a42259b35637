"""The home page's latest news and next events, their SQL built once per process.

Each is one small query (three rows), but building and compiling its SQL was most of its
CPU (1.6–1.7 ms each on the home page's profile, the database's part 0.1–0.2 ms), on every
uncached request, for SQL that only changes with its values: the home page's place in the
tree, and the moment of the request. So they are prepared (core.prepared): nothing is kept
but SQL text, every request still asks the database and sees what is published now.

The pages with a view restriction are left out in SQL (`core.routing.private_q`), so the SQL
depends on them too: a prepared query per set of restricted paths (almost always none; a
few kept at most), each made again when they change.
"""

import functools
from datetime import datetime

from django.utils import timezone

from core import routing
from core.prepared import PreparedQuery
from core.templatetags.listing_tags import EVENT_CARD_FIELDS, NEWS_CARD_FIELDS
from events.models import EventPage
from news.models import NEWEST_FIRST, NewsPage

HOME_NEWS_COUNT = 3
HOME_EVENTS_COUNT = 3


def latest_news(request, home):
    """The newest news items below `home` that visitors may see, with what their cards
    read (a list)."""
    paths = routing.restricted_paths(request)
    if paths is None:  # the chrome is not kept: the ORM's way, as before
        return _news(home.path, home.depth, home.pk, routing.private_q(request))
    return _prepared_news(paths)(path=home.path, depth=home.depth, pk=home.pk)


def next_events(request, home, now=None):
    """The events below `home` not over at `now` (default: now), by start, that visitors
    may see, with what their cards read (a list)."""
    now = now or timezone.now()
    paths = routing.restricted_paths(request)
    if paths is None:
        return _events(home.path, home.depth, home.pk, now, routing.private_q(request))
    return _prepared_events(paths)(path=home.path, depth=home.depth, pk=home.pk, now=now)


def _news(path, depth, pk, private):
    # `descendant_of(home)` written out (Wagtail's descendant_of_q), so that its values
    # can be markers; NEWEST_FIRST lets SQLite walk the index on the date.
    return (
        NewsPage.objects.live()
        .exclude(private)
        .filter(path__startswith=path, depth__gte=depth)
        .exclude(pk=pk)
        .filter(NEWEST_FIRST)
        .select_related("image")
        .only(*NEWS_CARD_FIELDS)
        .order_by("-date", "-pk")[:HOME_NEWS_COUNT]
    )


def _events(path, depth, pk, now, private):
    # Events by their end: SQLite reads the upcoming ones from the index on `end`
    # (events.0012) instead of every page of the site.
    return (
        EventPage.objects.live()
        .exclude(private)
        .filter(path__startswith=path, depth__gte=depth)
        .exclude(pk=pk)
        .filter(end__gte=now)
        .select_related("city")
        .only(*EVENT_CARD_FIELDS)
        .order_by("start", "pk")[:HOME_EVENTS_COUNT]
    )


@functools.lru_cache(maxsize=4)
def _prepared_news(restricted):
    private = routing.private_q_of(restricted)
    return PreparedQuery(
        lambda p: _news(p["path"], p["depth"], p["pk"], private), path=str, depth=int, pk=int
    )


@functools.lru_cache(maxsize=4)
def _prepared_events(restricted):
    private = routing.private_q_of(restricted)
    return PreparedQuery(
        lambda p: _events(p["path"], p["depth"], p["pk"], p["now"], private),
        path=str,
        depth=int,
        pk=int,
        now=datetime,
    )
