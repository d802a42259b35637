"""Links to the current page in every language: the header's language switcher and the
<link rel="alternate" hreflang> entries of the head.

A language without the page links to the page's nearest translated ancestor, so the switcher
never leads to a 404. Views that are not Wagtail pages (search, registration) swap the
language prefix of their address instead. The languages come from settings
(WAGTAIL_CONTENT_LANGUAGES, else LANGUAGES), never from a list written here.
"""

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.models import Page


def _language_names():
    return list(getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES))


def _swap_language_prefix(path, language):
    """/fr/search/ -> /it/search/ for views that are not Wagtail pages."""
    current = translation.get_language_from_path(path)
    if current and (path == f"/{current}" or path.startswith(f"/{current}/")):
        return f"/{language}" + path[len(current) + 1 :]
    return f"/{language}{path}"


class LanguageLinks:
    """The language part of SiteChrome (core.templatetags.chrome_tags), which provides
    ``page``, ``language``, ``request``, ``home_url`` and the ``_languages`` and
    ``_alternates`` caches."""

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
        # The page's own translations and those of its ancestors (below the tree root), in
        # one query: a language without this page links to its nearest translated ancestor.
        steplen = page.steplen
        ancestor_paths = [page.path[:i] for i in range(steplen * 2, len(page.path), steplen)]
        ancestor_keys = Page.objects.filter(path__in=ancestor_paths).values("translation_key")
        candidates = (
            Page.objects.live()
            .filter(Q(translation_key=page.translation_key) | Q(translation_key__in=ancestor_keys))
            .select_related("locale")
            .order_by("-depth")
        )
        exact, nearest = {}, {}
        for candidate in candidates:
            code = candidate.locale.language_code
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
                url = target.get_url(self.request) or f"/{code}/"
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
                full_url = translated.get_full_url(self.request)
                if full_url:
                    alternates.append({"code": code, "url": full_url})
        self._alternates = self._with_default(alternates)
        return links

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
