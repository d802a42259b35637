"""The part of the page chrome that every page of one language on one site shows alike: the
language's home page and its children (the menu, the footer links, the section indexes the
templates link to), the featured project's partners of the footer, and the locales.

`for_site(request, site, locale)` builds it once per content version and process
(core.chrome_cache) instead of on every request; what depends on the page being shown (the
menu's current item, breadcrumbs, the language switcher) is added per request by
core.templatetags.chrome_tags.SiteChrome. It is built eagerly, from the database only (never
from the request, but for the site's URLs, the same for every request of that site), and
holds nothing of the request: the requests of the process share it, read-only.
"""

from django.conf import settings
from django.db.models import Q, prefetch_related_objects
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from core import chrome_cache
from core.utils import localize_all, prefetch_renditions

# The renditions of the partners' logos in the footer (components/footer.html) and on the
# home page's partner cards (home/home_page.html); core.templatetags.listing_tags names
# them too (core.templatetags may import from here).
FOOTER_LOGO = "height-56"
PARTNER_CARD_LOGO = "max-240x96"
LOGOS = (FOOTER_LOGO, PARTNER_CARD_LOGO)

# The children of each language's home page that the footer links to, found by slug (in a
# translated tree, by the slug of the default language's page they translate).
FOOTER_SLUGS = ["about", "accessibility", "privacy", "legal-notice", "contact"]


def locales(request):
    """{"by_id": {pk: Locale}, "by_code": {language code: Locale}}: one query per version."""

    def build():
        found = list(Locale.objects.all())
        return {
            "by_id": {locale.pk: locale for locale in found},
            "by_code": {locale.language_code: locale for locale in found},
        }

    return chrome_cache.get_or_build(request, ("locales",), build)


def active_locale(request):
    """The Locale of the active language, as Wagtail's `Locale.get_active()` finds it (the
    default language's when there is none), from the locales kept: no query."""
    known = locales(request)["by_code"]
    try:
        code = get_supported_content_language_variant(
            translation.get_language() or settings.LANGUAGE_CODE
        )
    except LookupError:
        code = None
    locale = known.get(code) or known.get(
        get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    return locale or Locale.get_default()


def for_site(request, site, locale, home_context=None):
    """The SharedChrome of `site` in `locale` for the current content version.

    `home_context`: the home page's own context when it is the page being rendered
    (HomePage.get_context has found the featured project and its partners already)."""
    return chrome_cache.get_or_build(
        request,
        ("shared", site.pk if site is not None else None, locale.pk),
        lambda: SharedChrome(request, site, locale, home_context),
    )


def section_for_route(request, home, slug):
    """The child `slug` of the home page `home` as kept with the shared chrome (specific;
    live and public), or None: the pages below a section (news, events…) are routed from it
    without the two queries that finding the section costs (HomePage.route). Never served
    itself: the requests of the process share it."""
    shared = kept_for_home(request, home)
    if shared is None:
        return None
    child = shared.children_by_slug.get(slug)
    return child.specific if child is not None else None


def kept_for_home(request, home):
    """The SharedChrome kept for the language of the home page `home` on the request's
    site, or None when nothing is kept (previews, tests) or it is another home page.

    The home page shows what the footer of every page shows, its featured project and
    that project's partners: kept there with the footer's (`featured_project`,
    `partner_cards`), it asks no query for them (it asked 1 to 5)."""
    if not chrome_cache.enabled(request):
        return None
    site = Site.find_for_request(request)
    locale = locales(request)["by_id"].get(home.locale_id)
    if site is None or locale is None:
        return None
    shared = for_site(request, site, locale)
    if shared.home is None or shared.home.pk != home.pk:
        return None
    return shared


class SharedChrome:
    def __init__(self, request, site, locale, home_context=None):
        self.locale = locale
        self.language = locale.language_code
        self.home = self._find_home(site, locale)
        self.home_url = (self.home.get_url(request) if self.home is not None else None) or (
            f"/{self.language}/"
        )
        self.children, footer_slugs = self._find_children(site)
        self.children_by_slug = {child.slug: child for child in self.children}
        # {path: {"title", "url"}} of the children: the first breadcrumb of most pages.
        self.child_links = {
            child.path: {"title": child.title, "url": child.get_url(request)}
            for child in self.children
        }
        self.menu = [
            {"page": child, **self.child_links[child.path]}
            for child in self.children
            if child.show_in_menus
        ]
        self.footer_links = self._footer_links(request, footer_slugs)
        self.projects_index = self._child_of_type("ProjectIndexPage")
        self.news_index = self._child_of_type("NewsIndexPage")
        self.events_index = self._child_of_type("EventIndexPage")
        self.featured_project = self._featured_project(home_context or {})
        self.footer_partners = self._footer_partners()

    # -- the home page and its children ------------------------------------------------

    @staticmethod
    def _find_home(site, locale):
        if site is None:
            return None
        root = site.root_page
        if root.locale_id == locale.pk:
            return root
        return (
            Page.objects.live().filter(translation_key=root.translation_key, locale=locale).first()
        ) or root

    def _find_children(self, site):
        """The home page's live public children and, in a translated tree, the footer slug
        of each (in one query): a translation may have an address of its own
        (core.translated_slugs), so the footer knows it by its original's slug."""
        children, footer_slugs = [], {}
        home = self.home
        if home is None:
            return children, footer_slugs
        condition = Q(path__startswith=home.path, depth=home.depth + 1)
        root = site.root_page if site is not None else home
        if root.pk != home.pk:
            condition |= Q(path__startswith=root.path, depth=root.depth + 1, slug__in=FOOTER_SLUGS)
        for page in Page.objects.live().public().filter(condition).order_by("path"):
            if page.path.startswith(home.path):
                children.append(page)
            else:
                footer_slugs[page.translation_key] = page.slug
        return children, footer_slugs

    def _footer_links(self, request, footer_slugs):
        by_slug = {}
        for child in self.children:
            by_slug.setdefault(footer_slugs.get(child.translation_key, child.slug), child)
        return [
            {"slug": slug, "page": by_slug[slug], "url": by_slug[slug].get_url(request)}
            for slug in FOOTER_SLUGS
            if slug in by_slug
        ]

    def _child_of_type(self, model_name):
        for child in self.children:
            if child.specific_class and child.specific_class.__name__ == model_name:
                return child
        return None

    # -- the footer: the featured project's partners -------------------------------------

    def _featured_project(self, home_context):
        project = home_context.get("featured_project")
        if project is None and self.home is not None:
            specific = self.home.specific_deferred
            if hasattr(specific, "get_featured_project"):
                project = specific.get_featured_project()
        return project

    def _footer_partners(self):
        """The footer's partners, and the home page's partner cards (`partner_cards`) from
        the same query: the partners in this language with their role in the project. The
        footer shows the logo of the partner linked to the project, the cards the logo of
        its translation (the same image unless a translator changed it)."""
        project = self.featured_project
        self.partner_cards = []
        if project is None:
            return []
        links = list(project.project_partners.select_related("partner", "partner__logo"))
        localized = localize_all([link.partner for link in links], self.locale)
        partners = [localized(link.partner) for link in links]
        self.partner_cards = list(zip(partners, links, strict=True))
        logos = [link.partner.logo for link in links]
        for partner, link in self.partner_cards:
            if partner.logo_id and partner.logo_id == link.partner.logo_id:
                partner._meta.get_field("logo").set_cached_value(partner, link.partner.logo)
        prefetch_related_objects([partner for partner in partners if partner.logo_id], "logo")
        logos += [partner.logo for partner in partners]
        prefetch_renditions(list({id(logo): logo for logo in logos}.values()), *LOGOS)
        return [
            {"partner": partner, "logo": link.partner.logo, "role": link.role}
            for partner, link in self.partner_cards
        ]
