"""Template tags of what every page shares: the header and footer (home, menu, footer
links, the featured project's partners, language switcher and hreflang alternates), the
breadcrumbs, the OpenGraph/Twitter meta tags and the subscribe links of a page's files.

``{% load chrome_tags %}`` then ``{% site_chrome as chrome %}``: computed once per request.
"""

from django import template
from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale, Page, Site

from core.language_links import LanguageLinks
from core.templatetags.listing_tags import FOOTER_LOGO, page_summary, partner_logos
from core.utils import localize_all, prefetch_renditions

register = template.Library()

# The children of each language's home page that the footer links to, found by slug (in a
# translated tree, by the slug of the default language's page they translate).
FOOTER_SLUGS = ["about", "accessibility", "privacy", "legal-notice", "contact"]

# OpenGraph wants a territory; a language not listed here falls back to its bare code.
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "it": "it_IT", "es": "es_ES"}


def _active_locale():
    try:
        return Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return Locale.get_default()


def _is_page(obj):
    return isinstance(obj, Page) and obj.pk is not None


class SiteChrome(LanguageLinks):
    """Everything the header and footer show, computed once per request."""

    def __init__(self, request, page, context=None):
        self.request = request
        self.context = context or {}
        self.page = page if _is_page(page) else None
        if self.page is not None:
            self.language = self.page.locale.language_code
            self.locale = self.page.locale
        else:
            self.language = translation.get_language() or settings.LANGUAGE_CODE
            self.locale = _active_locale()
        self.site = Site.find_for_request(request) if request is not None else None
        if self.site is None:
            self.site = (
                Site.objects.filter(is_default_site=True).select_related("root_page").first()
            )
        self._home = None
        self._children = None
        self._footer_slugs = {}
        self._languages = None
        self._alternates = None
        self._featured = False

    # -- home page and its children ----------------------------------------------------

    @property
    def home(self):
        if self._home is None and self.site is not None:
            root = self.site.root_page
            if root.locale_id == self.locale.pk:
                self._home = root
            else:
                self._home = (
                    Page.objects.live()
                    .filter(translation_key=root.translation_key, locale=self.locale)
                    .first()
                ) or root
        return self._home

    @property
    def home_url(self):
        home = self.home
        url = home.get_url(self.request) if home is not None else None
        return url or f"/{self.language}/"

    def _get_children(self):
        if self._children is None:
            self._children, self._footer_slugs = [], {}
            home = self.home
            if home is not None:
                # One query for the home page's children and, in a translated tree, the
                # default language's footer pages: a translation may have an address of its
                # own (core.translated_slugs), so the footer knows it by its original's slug.
                condition = Q(path__startswith=home.path, depth=home.depth + 1)
                root = self.site.root_page if self.site is not None else home
                if root.pk != home.pk:
                    condition |= Q(
                        path__startswith=root.path, depth=root.depth + 1, slug__in=FOOTER_SLUGS
                    )
                for page in Page.objects.live().public().filter(condition).order_by("path"):
                    if page.path.startswith(home.path):
                        self._children.append(page)
                    else:
                        self._footer_slugs[page.translation_key] = page.slug
        return self._children

    @property
    def menu(self):
        """The home page's children shown in menus, each with its state for the current page."""
        items = []
        current_path = self.page.path if self.page is not None else ""
        for child in self._get_children():
            if not child.show_in_menus:
                continue
            items.append(
                {
                    "page": child,
                    "url": child.get_url(self.request),
                    "title": child.title,
                    "is_current": bool(self.page) and child.pk == self.page.pk,
                    "is_ancestor": bool(current_path) and current_path.startswith(child.path),
                }
            )
        return items

    @property
    def footer_links(self):
        by_slug = {}
        for child in self._get_children():
            by_slug.setdefault(self._footer_slugs.get(child.translation_key, child.slug), child)
        return [
            {"slug": slug, "page": by_slug[slug], "url": by_slug[slug].get_url(self.request)}
            for slug in FOOTER_SLUGS
            if slug in by_slug
        ]

    def _child_of_type(self, model_name):
        for child in self._get_children():
            if child.specific_class and child.specific_class.__name__ == model_name:
                return child
        return None

    @property
    def projects_index(self):
        return self._child_of_type("ProjectIndexPage")

    @property
    def news_index(self):
        return self._child_of_type("NewsIndexPage")

    @property
    def events_index(self):
        return self._child_of_type("EventIndexPage")

    # -- footer: the featured project's partners -----------------------------------------

    def _home_context(self, name):
        """A variable of the home page's own context (HomePage.get_context has computed
        the featured project and its partners already), when rendering the home page."""
        if self.page is not None and self.page.depth == getattr(self.home, "depth", None):
            return self.context.get(name)
        return None

    @property
    def featured_project(self):
        if self._featured is False:
            project = self._home_context("featured_project")
            if project is None:
                home = self.home
                specific = home.specific_deferred if home is not None else None
                if specific is not None and hasattr(specific, "get_featured_project"):
                    project = specific.get_featured_project()
            self._featured = project
        return self._featured

    @property
    def footer_partners(self):
        project = self.featured_project
        if project is None:
            return []
        pairs = self._home_context("partners")
        if pairs:
            partners = [partner for partner, _link in pairs]
            partner_logos(partners)
            return [
                {
                    "partner": partner,
                    "logo": partner.logo if partner.logo_id else None,
                    "role": link.role,
                }
                for partner, link in pairs
            ]
        links = list(project.project_partners.select_related("partner", "partner__logo"))
        localized = localize_all([link.partner for link in links], self.locale)
        partners = [localized(link.partner) for link in links]
        prefetch_renditions([link.partner.logo for link in links], FOOTER_LOGO)
        return [
            {"partner": partner, "logo": link.partner.logo, "role": link.role}
            for partner, link in zip(partners, links, strict=True)
        ]


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """``{% site_chrome as chrome %}``: the header/footer data of the current request."""
    request = context.get("request")
    page = context.get("page") or context.get("self")
    cache_key = "_site_chrome"
    cached = getattr(request, cache_key, None) if request is not None else None
    page_id = page.pk if _is_page(page) else None
    if cached is not None and cached[0] == page_id:
        return cached[1]
    chrome = SiteChrome(request, page, context)
    if request is not None:
        setattr(request, cache_key, (page_id, chrome))
    return chrome


@register.simple_tag(takes_context=True)
def page_file_links(context, page, filename, query=""):
    """The addresses of a file a page serves (`calendar.ics`, `feed.xml`), for the subscribe
    links: `url`, absolute (https in production), and `webcal`, the same address with the
    webcal: scheme, which makes the browser hand it to the visitor's calendar app."""
    request = context.get("request")
    path = f"{page.get_url(request)}{filename}" + (f"?{query}" if query else "")
    url = request.build_absolute_uri(path) if request is not None else path
    return {"url": url, "webcal": "webcal://" + url.split("://", 1)[-1]}


@register.simple_tag(takes_context=True)
def social_meta(context):
    """Title, description, canonical address and image for OpenGraph/Twitter cards."""
    request = context.get("request")
    page = context.get("page")
    data = {"type": "website", "title": "", "description": "", "url": "", "image": ""}
    language = translation.get_language() or settings.LANGUAGE_CODE
    if _is_page(page):
        language = page.locale.language_code
        data["title"] = page.seo_title or page.title
        data["description"] = page_summary(page, 60)
        data["url"] = page.get_full_url(request) or ""
        data["type"] = "article" if type(page).__name__ in ("NewsPage",) else "website"
        image = None
        if hasattr(page, "get_listing_image"):
            image = page.get_listing_image()
        image = image or getattr(page, "hero_image", None) or getattr(page, "logo", None)
        if image is not None:
            try:
                rendition = image.get_rendition("fill-1200x630|format-jpeg")
                data["image"] = rendition.url
                if request is not None and data["image"].startswith("/"):
                    data["image"] = request.build_absolute_uri(data["image"])
                data["image_alt"] = image.default_alt_text
            except Exception:  # noqa: BLE001 - a missing file must not break the page
                data["image"] = ""
    data["locale"] = OG_LOCALES.get(language, translation.to_locale(language))
    return data


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """The ancestors of the current page between its home page and itself, top first."""
    chrome = site_chrome(context)
    page, home = chrome.page, chrome.home
    if page is None or home is None:
        return []
    ancestors = Page.objects.ancestor_of(page).filter(depth__gt=home.depth).live().order_by("depth")
    return [{"title": a.title, "url": a.get_url(chrome.request)} for a in ancestors]
