"""No server error for anything a visitor puts in a query string (issue 14, item 5).

Property-based: hypothesis writes query strings for every public URL of the site and the
test asserts that none answers 5xx. The URLs and their parameters are found, not listed:

- URLs: every route of the URLconf outside the admin (the sitemap files, robots.txt, the
  health check, the search, the API v2 listing/detail/find endpoints of pages, images and
  documents, document downloads, the password form of private pages…); every live page of
  the fixture in every language (which must hold a page of every page type: a new type
  fails `test_the_fuzzed_site_has_every_page_type` until it is added); each page's
  sub-routes (RoutablePageMixin: an event's register/ and cancel/) and files (the
  `page_file` route's event.ics, calendar.ics, feed.xml, wherever a page serves them).
  A route the test cannot fill in fails `test_every_public_route_is_fuzzed`.
- Parameters: those the code reads. Each URL is requested once while every read of a query
  parameter is recorded, then again with those parameters set, until no new one is read;
  the API endpoints add the parameters and field filters Wagtail declares.

Values (fuzz_values.py): non-ASCII digits and numerals, 64-bit overflows, NUL and control
characters, invalid percent-encodings (sent raw), very long and many-word strings, FTS5 and
tsquery operators, and hypothesis's own text, several parameters at once, some repeated.

Examples are derandomized (the same ones on every run: a CI failure replays exactly on a
laptop, and CI time stays bounded) and bounded per route: FUZZ_EXAMPLES_PER_ROUTE (default
4) examples for each of the routes, each example setting a random subset of the route's
parameters in a random language. Raise it for a long local run, e.g.
FUZZ_EXAMPLES_PER_ROUTE=200; FUZZ_RANDOM=1 explores new examples instead of the fixed ones.
"""

import os
import re
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.http import QueryDict
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents.models import Document
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail_factories import ImageFactory

from tests import factories
from tests.chrome import chrome_kept
from tests.security.fuzz_values import VALUES, query_string

EXAMPLES_PER_ROUTE = int(os.environ.get("FUZZ_EXAMPLES_PER_ROUTE", "4"))
FUZZ_SETTINGS = hypothesis_settings(
    max_examples=EXAMPLES_PER_ROUTE,
    deadline=None,
    derandomize=os.environ.get("FUZZ_RANDOM") != "1",
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# URL prefixes that are not public (the admin) or not served by Django in production.
PRIVATE_PREFIXES = ("admin/", "static/", "media/", "^media/")
LANGUAGES = [code for code, _name in settings.LANGUAGES]


# --------------------------------------------------------------------------- the routes


@dataclass
class Route:
    """One route of the site and the concrete URLs (one per language where it has one)
    that hypothesis picks from."""

    name: str
    urls: list
    params: set = field(default_factory=set)


def walk(patterns, prefix=""):
    """(pattern text, reverse name, view callback) of every leaf of the URLconf."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{pattern.namespace}:" if pattern.namespace else ""
            for text, name, callback in walk(pattern.url_patterns, prefix + str(pattern.pattern)):
                yield text, (namespace + name if name else None), callback
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name, pattern.callback


def reverse_in_every_language(name, arguments=None):
    """`arguments`: a dict of keyword arguments or a list of positional ones."""
    args, kwargs = (arguments, None) if isinstance(arguments, list) else (None, arguments)
    urls = []
    for code in LANGUAGES:
        with translation.override(code):
            url = reverse(name, args=args, kwargs=kwargs)
        if url not in urls:
            urls.append(url)
    return urls


def page_routes(pages):
    """Each page type, its sub-routes and its files, with the URLs of every language."""
    routes = {}
    filenames = page_file_names()
    for page in pages:
        label = page._meta.label_lower
        url = page.url
        routes.setdefault(label, []).append(url)
        if isinstance(page, RoutablePageMixin):
            for subpattern in page.get_subpage_urls():
                if not str(subpattern.pattern):
                    continue  # the page itself
                subpath = page.reverse_subpage(subpattern.name)
                routes.setdefault(f"{label} {subpath}", []).append(url + subpath.lstrip("/"))
        for filename in filenames:
            routes.setdefault(f"{label} {filename}", []).append(url + filename)
    return routes


def page_file_names():
    """The file names the `page_file` route accepts (event.ics, calendar.ics, feed.xml)."""
    for text, name, _callback in walk(get_resolver().url_patterns):
        if name == "page_file":
            alternatives = re.search(r"\(\?P<filename>([^)]*)\)", text).group(1)
            return [alternative.replace("\\", "") for alternative in alternatives.split("|")]
    raise AssertionError("no page_file route in the URLconf")


def url_samples(fixture):
    """What fills in the routes that take arguments (by reverse name)."""
    image, document = fixture["image"], fixture["document"]
    restriction = fixture["restriction"]
    return {
        "sitemap_file": {"number": 1},
        "wagtailapi:pages:detail": {"pk": fixture["news"].pk},
        "wagtailapi:images:detail": {"pk": image.pk},
        "wagtailapi:documents:detail": {"pk": document.pk},
        "wagtaildocs_serve": [document.pk, document.filename],
        "wagtaildocs_authenticate_with_password": {"restriction_id": restriction.pk},
        "wagtailcore_authenticate_with_password": {
            "page_view_restriction_id": restriction.pk,
            "page_id": restriction.page_id,
        },
    }


def url_routes(fixture):
    """Every public route of the URLconf, filled in; the unfillable ones named."""
    samples = url_samples(fixture)
    routes, unfilled = {}, []
    for text, name, _callback in walk(get_resolver().url_patterns):
        if text.startswith(PRIVATE_PREFIXES) or name in ("wagtail_serve", "page_file"):
            continue  # pages and their files: page_routes()
        if name is None:
            unfilled.append(text)
            continue
        try:
            urls = reverse_in_every_language(name, samples.get(name))
        except NoReverseMatch:
            unfilled.append(f"{text} ({name})")
            continue
        routes.setdefault(name, []).extend(url for url in urls if url not in routes.get(name, []))
    return routes, unfilled


class ParameterRecorder:
    """Records the names of the query parameters that the code reads from a QueryDict."""

    def __init__(self, monkeypatch):
        self.names = set()
        for method in ("__getitem__", "get", "getlist", "__contains__", "pop"):
            original = getattr(QueryDict, method)
            monkeypatch.setattr(QueryDict, method, self._recording(original))

    def _recording(self, original):
        def recorded(query_dict, key, *args, **kwargs):
            if isinstance(key, str):
                self.names.add(key)
            return original(query_dict, key, *args, **kwargs)

        return recorded


def declared_api_parameters(path):
    """The parameters and field filters an API endpoint declares (Wagtail reads its field
    filters by iterating over the query string, which the recorder cannot see)."""
    from django.urls import resolve

    view_class = getattr(resolve(path).func, "cls", None)
    if view_class is None or not hasattr(view_class, "known_query_parameters"):
        return set()
    names = set(view_class.known_query_parameters) | set(view_class.find_query_parameters)
    models = get_page_models() if view_class.model is Page else [view_class.model]
    for model in models:
        names |= set(view_class.get_available_fields(model, db_fields_only=True))
    return names


def discover_parameters(client, url, monkeypatch):
    """The parameters a URL reads, and its status without them: probe, set what was read,
    probe again, until no new parameter is read."""
    recorder = ParameterRecorder(monkeypatch)
    names, status = set(), None
    for _round in range(4):
        recorder.names.clear()
        response = client.get(url, dict.fromkeys(names, "1"))
        status = status or response.status_code
        if recorder.names <= names:
            break
        names |= recorder.names
    monkeypatch.undo()
    return names | declared_api_parameters(url), status


# --------------------------------------------------------------------------- the fixture


@pytest.fixture
def fuzzed_site(translated_site, locales):
    """The translated site tree with what the public outputs show: a city and a partner on
    the project, news and event, an image, a document and a password-protected page."""
    tree = translated_site
    city = factories.CityFactory(name="Torino")
    partner = factories.PartnerFactory(name="Città di Torino")
    project = tree["project"]
    project.project_cities.create(city=city)
    project.project_partners.create(partner=partner, role="lead")
    project.save_revision().publish()
    tree["news"].cities.add(city)
    tree["news"].save_revision().publish()
    event = tree["event"]
    event.city, event.organiser = city, partner
    event.save_revision().publish()
    image = ImageFactory(title="Mole Antonelliana")
    document = Document.objects.create(title="Programme", file=image.file)  # any file will do
    members = factories.StandardPageFactory(parent=tree["home"], title="Members", slug="members")
    restriction = PageViewRestriction.objects.create(
        page=members, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return {**tree, "image": image, "document": document, "restriction": restriction}


def all_routes(client, fixture, monkeypatch):
    """The routes to fuzz, with their parameters; and the URLconf routes left unfilled."""
    routes, unfilled = url_routes(fixture)
    pages = Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")
    routes.update(page_routes(pages))
    file_routes = tuple(f" {filename}" for filename in page_file_names())
    found = []
    for name, urls in sorted(routes.items()):
        params, status = discover_parameters(client, urls[0], monkeypatch)
        if name.endswith(file_routes) and status == 404:
            continue  # pages of this type do not serve this file
        found.append(Route(name, urls, params))
    return found, unfilled


def fuzz_route(client, route, requests):
    """Hypothesis over one route: URLs of any language, any subset of its parameters."""
    names = sorted(route.params) or ["q"]
    pairs = st.lists(
        st.tuples(st.one_of(st.sampled_from(names), st.text(max_size=12)), VALUES),
        min_size=1,
        max_size=max(2, len(names)),
    )

    @given(url=st.sampled_from(route.urls), pairs=pairs)
    @FUZZ_SETTINGS
    def fuzz(url, pairs):
        path = f"{url}?{query_string(pairs)}"
        response = client.get(path)
        requests.append(path)
        assert response.status_code < 500, (route.name, path, response.status_code)

    fuzz()


# --------------------------------------------------------------------------- the tests


@pytest.mark.django_db
def test_no_query_string_gives_a_server_error(client, fuzzed_site, monkeypatch, capsys):
    present = {type(page) for page in Page.objects.live().filter(depth__gt=1).specific()}
    missing = sorted(model._meta.label for model in set(get_page_models()) - present - {Page})
    assert not missing, f"add a page of each type to the fuzzed_site fixture: {missing}"
    routes, unfilled = all_routes(client, fuzzed_site, monkeypatch)
    assert not unfilled, f"give these routes a sample in url_samples(): {unfilled}"

    requests = []
    with chrome_kept():
        for route in routes:
            fuzz_route(client, route, requests)

    urls = {url for route in routes for url in route.urls}
    params = {(route.name, name) for route in routes for name in route.params}
    with capsys.disabled():
        print(
            f"\nfuzz: {len(requests)} requests over {len(routes)} routes, {len(urls)} URLs, "
            f"{len(params)} route parameters ({len({n for _r, n in params})} names)"
        )
    assert len(routes) >= 30 and len(requests) >= len(routes)
