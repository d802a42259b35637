"""Links to the current page in every language: the header's language switcher and the
<link rel="alternate" hreflang> entries of the head.

A language without the page links to the page's nearest translated ancestor, so the switcher
never leads to a 404. Views that are not Wagtail pages (search, registration) swap the
language prefix of their address instead. The languages come from settings
(WAGTAIL_CONTENT_LANGUAGES, else LANGUAGES), never from a list written here.
"""

import uuid

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.models import Page, Site

from core import chrome_cache
from core.prepared import PreparedQuery

# What the links need of each translation: the URL (url_path), the language, the tree.
LINK_FIELDS = ("id", "path", "depth", "translation_key", "locale_id", "url_path", "live")


# The pages of the chrome: the home pages (depth 2) and their children (depth 3).
TOP_DEPTH = 3

# A page's live translations, with what the links need (core.prepared: the SQL is built
# once per process; building it cost more than running it).
_translations = PreparedQuery(
    lambda p: Page.objects.filter(live=True, translation_key=p["key"]).only(
        *LINK_FIELDS, "alias_of"
    ),
    key=uuid.UUID,
)


class TreeTop:
    """The pages of the chrome in every language, built once per content version
    (core.chrome_cache) with the fields the links need: the translation key of each by
    path (live or not: Wagtail serves a live page below a draft), and the live ones by
    translation key. Shared by the requests of the process: read, never changed."""

    def __init__(self):
        self.key_by_path, self.live_by_key = {}, {}
        pages = Page.objects.filter(depth__gt=1, depth__lte=TOP_DEPTH).only(
            *LINK_FIELDS, "alias_of"
        )
        for page in pages.order_by("-depth", "path"):
            self.key_by_path[page.path] = page.translation_key
            if page.live:
                self.live_by_key.setdefault(page.translation_key, []).append(page)
        # A translation moved below the chrome would be missing: such keys are asked for.
        deeper = Page.objects.filter(
            depth__gt=TOP_DEPTH, translation_key__in=set(self.key_by_path.values())
        ).values_list("translation_key", flat=True)
        self.incomplete = frozenset(deeper)


def _language_names():
    return list(getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES))


def _swap_language_prefix(path, language):
    """/fr/search/ -> /it/search/ for views that are not Wagtail pages."""
    current = translation.get_language_from_path(path)
    if current and (path == f"/{current}" or path.startswith(f"/{current}/")):
        return f"/{language}" + path[len(current) + 1 :]
    return f"/{language}{path}"


def _url_pair(page, request):
    parts = page.get_url_parts(request=request)
    if parts is None or parts[1] is None and parts[2] is None:
        return None, None
    site_id, root_url, page_path = parts
    full_url = root_url + page_path
    # As Page.get_url: relative on the request's site, or when there is only one site.
    site = Site.find_for_request(request) if request is not None else None
    if site is not None and site.pk == site_id:
        return page_path, full_url
    if len({path.site_id for path in Site.get_site_root_paths()}) == 1:
        return page_path, full_url
    return full_url, full_url


class LanguageLinks:
    """The language part of SiteChrome (core.templatetags.chrome_tags), which provides
    ``page``, ``language``, ``request``, ``home_url``, ``locale_codes`` ({locale id:
    language code}) and the ``_languages`` and ``_alternates`` caches."""

    @property
    def languages(self):
        if self._languages is None:
            if self.page is not None:
                self._languages = self._page_languages()
            else:
                self._languages = self._path_languages()
        return self._languages

    def _page_languages(self):
        page = self.page
        # The page's own translations and those of its ancestors (below the tree root): a
        # language without this page links to its nearest translated ancestor.
        steplen = page.steplen
        ancestor_paths = [page.path[:i] for i in range(steplen * 2, len(page.path), steplen)]
        candidates = self._known_candidates(ancestor_paths)
        if candidates is None:
            ancestor_keys = Page.objects.filter(path__in=ancestor_paths).values("translation_key")
            candidates = (
                Page.objects.live()
                .filter(
                    Q(translation_key=page.translation_key) | Q(translation_key__in=ancestor_keys)
                )
                .only(*LINK_FIELDS, "alias_of")
                .order_by("-depth")
            )
        exact, nearest = {}, {}
        for candidate in candidates:
            code = self.locale_codes.get(candidate.locale_id) or candidate.locale.language_code
            if candidate.translation_key == page.translation_key:
                exact[code] = candidate
            else:
                nearest.setdefault(code, candidate)

        links, alternates = [], []
        for code, name in _language_names():
            is_current = code == self.language
            target = page if is_current else exact.get(code) or nearest.get(code)
            is_same_page = is_current or code in exact
            if target is None:
                url = self.home_url if is_current else f"/{code}/"
            else:
                url = self._urls(target)[0] or f"/{code}/"
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "is_current": is_current,
                    "is_fallback": not is_same_page,
                }
            )
            translated = page if is_current and page.live else exact.get(code)
            # An alias shows another language's text: it is no alternate in its own language.
            if translated is not None and not translated.alias_of_id:
                full_url = self._urls(translated)[1]
                if full_url:
                    alternates.append({"code": code, "url": full_url})
        self._alternates = self._with_default(alternates)
        return links

    def _known_candidates(self, ancestor_paths):
        """The translations of the page and of its ancestors, deepest first, from the
        chrome's pages kept per content version (TreeTop): none to ask for a page of the
        chrome (a home page, a section), only the page's own for a page below them; None
        when the chrome is not kept or an ancestor lies deeper (then one query asks)."""
        if not chrome_cache.enabled(self.request):
            return None
        top = chrome_cache.get_or_build(self.request, ("tree_top",), TreeTop)
        keys = [top.key_by_path.get(path) for path in reversed(ancestor_paths)]
        if None in keys or top.incomplete.intersection(keys):
            return None
        page = self.page
        if page.path in top.key_by_path and page.translation_key not in top.incomplete:
            own = top.live_by_key.get(page.translation_key, [])
        else:
            own = _translations(key=page.translation_key)
        ancestors = [candidate for key in keys for candidate in top.live_by_key.get(key, ())]
        return own + sorted(ancestors, key=lambda candidate: -candidate.depth)

    def full_url(self, page):
        """`page.get_full_url(request)`, computed once for the links and the meta tags."""
        return self._urls(page)[1]

    def _urls(self, page):
        """(Page.get_url, Page.get_full_url) of `page`, from one get_url_parts (each of them
        computes it: a reverse() in the page's language)."""
        cache = self.__dict__.setdefault("_url_pairs", {})
        if page.pk not in cache:
            cache[page.pk] = _url_pair(page, self.request)
        return cache[page.pk]

    def _path_languages(self):
        request = self.request
        path = request.path if request is not None else "/"
        query = request.GET.copy() if request is not None else None
        if query is not None:
            query.pop("page", None)
        suffix = f"?{query.urlencode()}" if query else ""
        links, alternates = [], []
        for code, name in _language_names():
            url = _swap_language_prefix(path, code) + suffix
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "is_current": code == self.language,
                    "is_fallback": False,
                }
            )
            if request is not None:
                alternates.append({"code": code, "url": request.build_absolute_uri(url)})
        self._alternates = self._with_default(alternates)
        return links

    @staticmethod
    def _with_default(alternates):
        default = next((a for a in alternates if a["code"] == settings.LANGUAGE_CODE), None)
        if default and len(alternates) > 1:
            return [*alternates, {"code": "x-default", "url": default["url"]}]
        return alternates

    @property
    def alternates(self):
        """<link rel="alternate" hreflang> entries: existing translations plus x-default."""
        if self._alternates is None:
            self.languages  # noqa: B018 - computes both
        return self._alternates or []

    @property
    def current_language_name(self):
        return dict(_language_names()).get(self.language, self.language)
