"""Template tags of what every page shares: the header and footer (home, menu, footer
links, the featured project's partners, language switcher and hreflang alternates), the
breadcrumbs, the OpenGraph/Twitter meta tags and the subscribe links of a page's files.

``{% load chrome_tags %}`` then ``{% site_chrome as chrome %}``: computed once per request.
"""

from django import template
from django.conf import settings
from django.utils import timezone, translation
from wagtail.models import Page, Site

from core import chrome_cache, shared_chrome
from core.language_links import LanguageLinks
from core.models import SOCIAL_IMAGE
from core.templatetags.listing_tags import page_summary
from core.utils import listing_rendition

register = template.Library()

# OpenGraph wants a territory; a language not listed here falls back to its bare code.
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "it": "it_IT", "es": "es_ES"}


def _is_page(obj):
    return isinstance(obj, Page) and obj.pk is not None


def _locale_of(request, page, known):
    """The page's locale, from the locales kept per content version (no query), also set
    on the page so that the templates' `page.locale` costs none."""
    if page is not None:
        locale = known["by_id"].get(page.locale_id)
        if locale is None:
            return page.locale
        if not Page.locale.is_cached(page):
            Page.locale.field.set_cached_value(page, locale)
        return locale
    return shared_chrome.active_locale(request)


class SiteChrome(LanguageLinks):
    """Everything the header and footer show: what every page of the language shares
    (core.shared_chrome, kept per content version), with the state of the current page."""

    def __init__(self, request, page, context=None):
        self.request = request
        self.page = page if _is_page(page) else None
        locales = shared_chrome.locales(request)
        self.locale_codes = {pk: locale.language_code for pk, locale in locales["by_id"].items()}
        self.locale = _locale_of(request, self.page, locales)
        self.language = self.locale.language_code
        self.site = Site.find_for_request(request) if request is not None else None
        if self.site is None:
            self.site = (
                Site.objects.filter(is_default_site=True).select_related("root_page").first()
            )
        self.shared = shared_chrome.for_site(
            request, self.site, self.locale, self._home_context(context or {})
        )
        self._languages = None
        self._alternates = None

    def _home_context(self, context):
        """The home page's own context, when it is the page rendered (HomePage.get_context
        has found the featured project and its partners already)."""
        root = self.site.root_page if self.site is not None else None
        if self.page is not None and root is not None and self.page.depth == root.depth:
            return context
        return None

    @property
    def home(self):
        return self.shared.home

    @property
    def home_url(self):
        return self.shared.home_url

    @property
    def menu(self):
        """The home page's children shown in menus, each with its state for the current page."""
        current_path = self.page.path if self.page is not None else ""
        current_pk = self.page.pk if self.page is not None else None
        return [
            {
                **item,
                "is_current": item["page"].pk == current_pk,
                "is_ancestor": bool(current_path) and current_path.startswith(item["page"].path),
            }
            for item in self.shared.menu
        ]

    @property
    def menu_state(self):
        """What the menu shows of the current page (the item it is or is below): with the
        language, all that the rendered menu depends on (components/header.html)."""
        return tuple((item["is_current"], item["is_ancestor"]) for item in self.menu)

    @property
    def footer_links(self):
        return self.shared.footer_links

    @property
    def projects_index(self):
        return self.shared.projects_index

    @property
    def news_index(self):
        return self.shared.news_index

    @property
    def events_index(self):
        return self.shared.events_index

    @property
    def featured_project(self):
        return self.shared.featured_project

    @property
    def footer_partners(self):
        return self.shared.footer_partners


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
        data["url"] = site_chrome(context).full_url(page) or ""
        data["type"] = "article" if type(page).__name__ in ("NewsPage",) else "website"
        image = None
        if hasattr(page, "get_listing_image"):
            image = page.get_listing_image()
        image = image or getattr(page, "hero_image", None) or getattr(page, "logo", None)
        if image is not None:
            try:
                rendition = listing_rendition(image, SOCIAL_IMAGE)
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
    """The ancestors of the current page between its home page and itself, top first
    (no query when they are children of the home page, kept with the shared chrome)."""
    chrome = site_chrome(context)
    page, home = chrome.page, chrome.home
    if page is None or home is None:
        return []
    paths = [page.path[: page.steplen * depth] for depth in range(home.depth + 1, page.depth)]
    known = chrome.shared.child_links
    if all(path in known for path in paths):
        return [known[path] for path in paths]
    ancestors = Page.objects.ancestor_of(page).filter(depth__gt=home.depth).live().order_by("depth")
    return [{"title": a.title, "url": a.get_url(chrome.request)} for a in ancestors]


@register.simple_tag(takes_context=True)
def shared_fragment(context, template_name, *variant):
    """``{% shared_fragment "components/footer.html" %}``: an include whose HTML is the same
    on every page of the language and site (the footer: its partners' logos alone cost
    0.5 ms each to render), rendered once per content version (core.chrome_cache) and year
    (its ©). `variant`: what else the HTML depends on (the state of the menu)."""
    chrome = site_chrome(context)
    key = (
        "fragment",
        template_name,
        chrome.site.pk if chrome.site is not None else None,
        chrome.locale.pk,
        translation.get_language(),  # its {% translate %} and {% url %}
        timezone.localdate().year,
        *variant,
    )

    def render():
        template = context.template.engine.get_template(template_name)
        with context.push():
            return template.render(context)

    return chrome_cache.get_or_build(chrome.request, key, render)
