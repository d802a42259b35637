"""Wagtail's routing of a page request, from the chrome kept per content version.

Wagtail finds the page of a request (`Page.route_for_request`) from the site's root page:
`root_page.localized.specific.route(…)`. Before the page's own queries, that costs the
active `Locale` (one query), in another language than the root's the translated home page
and its specific row (two more), then the section and its specific row; and before the page
is served, its view restrictions: its ancestors, then their restrictions (two queries on
every page, although almost no page is private). About a third of the queries of an
uncached detail page, for answers that only change when content changes
(docs/performance.md).

`prime(request, path)` routes as Wagtail does, from what core.shared_chrome keeps per
content version: the locales, the language's home page and its sections (HomePage.route
routes the pages below a section from there), and the paths of the pages that have a view
restriction. It hands the result to Wagtail where Wagtail keeps it for the request
(`request._wagtail_route_for_request`, which `route_for_request` documents), with the page's
locale set (no query for `page.locale`) and, when neither the page nor an ancestor is
restricted, the answer to `get_view_restrictions` (core.models.BasePage): none, without a
query. A restricted page is checked by Wagtail as before.

Only when the chrome is kept (core.chrome_cache.enabled): previews, and the tests that turn
the chrome cache off, route the Wagtail way. Anything unusual (no site, no home page in the
language, a 404) is left to Wagtail, which answers it as before.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction, Site

from core import chrome_cache, shared_chrome


def prime(request, path):
    """Route `path` (the page path of a request served by Wagtail's `serve` view) and keep
    the result for Wagtail; does nothing when Wagtail has to do it itself."""
    if not chrome_cache.enabled(request) or hasattr(request, "_wagtail_route_for_request"):
        return
    site = Site.find_for_request(request)
    if site is None:
        return
    locale = shared_chrome.active_locale(request)
    shared = shared_chrome.for_site(request, site, locale)
    if shared.home is None:
        return
    components = [component for component in path.split("/") if component]
    home = shared.home.specific  # kept with the chrome: routed from, never served
    if not components:
        # The home page itself is served: a copy of its own (one query, as Wagtail's
        # Locale lookup was), never the shared one, with what its page shows first.
        model = type(home)
        found = model._default_manager.filter(pk=home.pk)
        found = found.select_related(*getattr(model, "route_select_related", ()))
        home = next(iter(found.order_by()[:1]), None)
        if home is None:
            return
    try:
        result = home.route(request, components)
    except Http404:
        return
    page = result[0]
    if page is shared.home or page is shared.home.specific:
        return
    known = shared_chrome.locales(request)["by_id"].get(page.locale_id)
    if known is not None and not Page.locale.is_cached(page):
        Page.locale.field.set_cached_value(page, known)
    if not is_restricted(request, page):
        page.no_view_restrictions = True  # read by BasePage.get_view_restrictions
    request._wagtail_route_for_request = result


def is_restricted(request, page):
    """Whether `page` or one of its ancestors has a view restriction (or is an alias of a
    page that has one), from the restricted paths kept per content version."""
    paths = _restricted(request)["checked"]
    if not paths:
        return False
    step = page.steplen
    return any(page.path[:end] in paths for end in range(step, len(page.path) + 1, step))


def private_q(request):
    """`Page.objects.private_q()` (the pages a listing's `.public()` leaves out: those
    with a view restriction and the pages below them), from the restricted paths kept per
    content version instead of a query for each listing."""
    paths = restricted_paths(request)
    return Page.objects.private_q() if paths is None else private_q_of(paths)


def restricted_paths(request):
    """The paths of the pages with a view restriction, as kept per content version (a
    frozenset, usually empty); None when the chrome is not kept (previews, tests)."""
    if not chrome_cache.enabled(request):
        return None
    return _restricted(request)["restricted"]


def private_q_of(paths):
    """`private_q` for the restricted `paths`: the pages at or below any of them."""
    condition = Q()
    for path in sorted(paths):
        condition |= Q(path__startswith=path) & Q(depth__gte=len(path) // Page.steplen)
    return condition if condition else Q(pk__in=[])


def _restricted(request):
    """The paths of the pages that have a view restriction ("restricted"), and with them
    those of their aliases ("checked"): Wagtail checks an alias's original instead, so a
    page below none of them has no restriction. Any change of a restriction, or of a page,
    changes the content version."""

    def build():
        restricted = set(PageViewRestriction.objects.values_list("page_id", flat=True))
        checked, new = set(restricted), set(restricted)
        while new:
            aliases = set(Page.objects.filter(alias_of_id__in=new).values_list("pk", flat=True))
            new = aliases - checked
            checked |= new
        paths = dict(Page.objects.filter(pk__in=checked).values_list("pk", "path"))
        return {
            "restricted": frozenset(paths[pk] for pk in restricted if pk in paths),
            "checked": frozenset(paths.values()),
        }

    return chrome_cache.get_or_build(request, ("restricted_paths",), build)
