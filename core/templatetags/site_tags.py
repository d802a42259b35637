"""Template tags of the public site: what every page shares (header, footer, language
switcher, alternates), dates in the visitor's language and the event's time zone, and the
few queries the page templates need that the models do not offer.

The templates under site/templates load this library as ``{% load site_tags %}``.
"""

import re
from datetime import date, datetime

from django import template
from django.conf import settings
from django.db.models import Q
from django.http import QueryDict
from django.utils import dateformat, timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst
from django.utils.translation import pgettext
from wagtail.models import Locale, Page, Site

register = template.Library()

# The children of each language's home page that the footer links to, found by slug (in a
# translated tree, by the slug of the default language's page they translate).
FOOTER_SLUGS = ["about", "accessibility", "privacy", "legal-notice", "contact"]

# OpenGraph wants a territory; a language not listed here falls back to its bare code.
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "it": "it_IT", "es": "es_ES"}


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def _language_names():
    return list(getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES))


def _active_locale():
    try:
        return Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return Locale.get_default()


def _is_page(obj):
    return isinstance(obj, Page) and obj.pk is not None


def localize_many(objects, locale=None, live_only=True, select_related=()):
    """The translations of ``objects`` in ``locale`` (default: the active language), in one
    query whatever their number (``.localized`` costs two queries per object).

    Objects without a (live) translation stay as they are, like ``.localized`` does.
    Works for pages and translatable snippets alike (one model per call).
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return []
    model = type(objects[0])
    keys = {obj.translation_key for obj in objects}
    queryset = model._default_manager.filter(translation_key__in=keys)
    if select_related:
        queryset = queryset.select_related(*select_related)
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    else:
        # By language code: no separate query for the Locale row.
        language = translation.get_language() or settings.LANGUAGE_CODE
        queryset = queryset.filter(locale__language_code=language)
    if live_only and hasattr(model, "live"):
        queryset = queryset.filter(live=True)
    translations = {obj.translation_key: obj for obj in queryset}
    return [translations.get(obj.translation_key, obj) for obj in objects]


def prefetch_renditions(images, *specs):
    """Fetch the renditions ``specs`` of all ``images`` in one query, so that the
    ``{% image %}`` tags of a listing do not ask once per image."""
    from django.db.models import Prefetch, prefetch_related_objects

    images = [
        image
        for image in images
        if image is not None and not hasattr(image, "prefetched_renditions")
    ]
    if not images:
        return
    rendition_model = images[0].get_rendition_model()
    prefetch_related_objects(
        images,
        Prefetch(
            "renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=specs),
            to_attr="prefetched_renditions",
        ),
    )


def _swap_language_prefix(path, language):
    """/fr/search/ -> /it/search/ for views that are not Wagtail pages."""
    current = translation.get_language_from_path(path)
    if current and (path == f"/{current}" or path.startswith(f"/{current}/")):
        return f"/{language}" + path[len(current) + 1 :]
    return f"/{language}{path}"


# --------------------------------------------------------------------------------------
# The chrome of every page: home, menu, footer links, language switcher, alternates
# --------------------------------------------------------------------------------------


class SiteChrome:
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
        partners = localize_many([link.partner for link in links], self.locale)
        prefetch_renditions([link.partner.logo for link in links], FOOTER_LOGO)
        return [
            {"partner": partner, "logo": link.partner.logo, "role": link.role}
            for partner, link in zip(partners, links, strict=True)
        ]

    # -- languages ---------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------
# Dates, in the visitor's language (and the event's own time zone)
# --------------------------------------------------------------------------------------


def _long_date(value):
    # Translators: a PHP-style date format (Django's "date" filter), e.g. 5 May 2025.
    text = dateformat.format(value, pgettext("long date format", "j F Y"))
    # Translators: write "lowercase" if month names are written in lower case inside a
    # date in your language (Italian "1 settembre 2023"); leave "as is" otherwise.
    if pgettext("month names inside dates", "as is") == "lowercase":
        month = dateformat.format(value, "F")
        text = text.replace(month, month.lower())
    return text


def _time(value):
    # Translators: a PHP-style time format (Django's "time" filter), e.g. 09:30.
    return dateformat.format(value, pgettext("time format", "H:i"))


def _date_and_time(value):
    # Translators: how a date and a time of day are joined, e.g. "5 May 2025, 09:30".
    return pgettext("date and time", "%(date)s, %(time)s") % {
        "date": _long_date(value),
        "time": _time(value),
    }


@register.filter
def longdate(value):
    """A date such as 5 May 2025 / 5 mai 2025 / 5 de mayo de 2025.

    Aware datetimes are shown in the site's time zone; for events use event_when or
    event_datetime, which show them in the event's own time zone.
    """
    if not value:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return _long_date(value)


@register.filter
def isodate(value):
    """The machine-readable form for <time datetime="…">."""
    if not value:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@register.simple_tag
def event_when(event):
    """When an event takes place, in its own time zone.

    Returns a dict: start_text/end_text (end_text empty for a one-day all-day event),
    start_iso/end_iso for <time datetime>, tz_name, tz_abbr, and day/month/year of the
    start for the date badge.
    """
    start, end = event.local_start, event.local_end
    multi_day = start.date() != end.date()
    when = {
        "all_day": event.all_day,
        "multi_day": multi_day,
        "tz_name": event.timezone,
        "tz_abbr": start.tzname() or "",
        "day": dateformat.format(start, "j"),
        "month": dateformat.format(start, "M"),
        "year": dateformat.format(start, "Y"),
    }
    if event.all_day:
        when.update(
            start_iso=start.date().isoformat(),
            start_text=_long_date(start),
            end_iso=end.date().isoformat() if multi_day else "",
            end_text=_long_date(end) if multi_day else "",
        )
    else:
        when.update(
            start_iso=start.isoformat(timespec="minutes"),
            start_text=_date_and_time(start),
            end_iso=end.isoformat(timespec="minutes"),
            end_text=_date_and_time(end) if multi_day else _time(end),
        )
    if when["tz_abbr"] and when["tz_abbr"].startswith(("+", "-")):
        when["tz_abbr"] = "UTC" + when["tz_abbr"]
    return when


@register.simple_tag
def event_datetime(event, value):
    """Another moment of an event (registration opening, former date…) in its time zone."""
    if not value:
        return {}
    local = timezone.localtime(value, event.tz)
    return {
        "iso": local.isoformat(timespec="minutes"),
        "text": _long_date(local) if event.all_day else _date_and_time(local),
        "date_text": _long_date(local),
        "tz_abbr": "" if event.all_day else (local.tzname() or ""),
    }


# --------------------------------------------------------------------------------------
# Content the page templates need
# --------------------------------------------------------------------------------------


@register.filter
def localized_all(objects):
    """The translations in the active language of a list/queryset of snippets or pages."""
    if hasattr(objects, "all"):
        objects = objects.all()
    return localize_many(list(objects))


@register.filter
def translated(obj):
    """The live translation of a page or snippet in the active language, else ``obj``."""
    if obj is None or obj == "":
        return obj
    return localize_many([obj])[0]


# The renditions the listings use (keep in step with the templates named).
NEWS_CARD_IMAGE = "fill-640x360"  # components/news_card.html
FOOTER_LOGO = "height-56"  # components/footer.html
PARTNER_CARD_LOGO = "max-240x96"  # home/home_page.html


@register.simple_tag
def news_cards(items):
    """The news items of a listing, their card images fetched in one query."""
    items = list(items)
    prefetch_renditions([getattr(item, "image", None) for item in items], NEWS_CARD_IMAGE)
    return items


@register.simple_tag
def event_cards(events):
    """The events of a listing, each with its city in the listing's language as
    ``local_city`` (one query for all; views may have set it already)."""
    events = list(events)
    missing = [event for event in events if not hasattr(event, "local_city")]
    with_city = [event for event in missing if event.city_id]
    for event, city in zip(
        with_city, localize_many([event.city for event in with_city]), strict=True
    ):
        event.local_city = city
    for event in missing:
        if not event.city_id:
            event.local_city = None
    return events


@register.simple_tag
def partner_logos(partners):
    """Fetch the logos of a list of partners (or of (partner, link) pairs) and the
    renditions the partner cards and the footer show, in two queries."""
    from django.db.models import prefetch_related_objects

    items = [item[0] if isinstance(item, list | tuple) else item for item in partners]
    with_logo = [item for item in items if getattr(item, "logo_id", None)]
    prefetch_related_objects(with_logo, "logo")
    prefetch_renditions([item.logo for item in with_logo], PARTNER_CARD_LOGO, FOOTER_LOGO)
    return ""


@register.filter
def event_city(event):
    """An event's city in the listing's language (precomputed as ``local_city`` when the
    view did it in bulk, else looked up)."""
    if hasattr(event, "local_city"):
        return event.local_city
    return translated(event.city) if event.city_id else None


@register.filter
def event_organiser(event):
    organiser = getattr(event, "local_organiser", None)
    if organiser is not None:
        return organiser
    return translated(event.organiser) if event.organiser_id else None


@register.filter
def event_project(event):
    project = getattr(event, "local_project", None)
    if project is not None:
        return project
    return translated(event.project) if event.project_id else None


@register.simple_tag(takes_context=True)
def page_query(context, number, param="page", anchor=""):
    """The query string of the current address with one pagination parameter changed,
    keeping the filters: ``href="{% page_query 3 %}"`` -> ``?project=4&page=3``."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    query[param] = number
    return f"?{query.urlencode()}{anchor}"


@register.filter
def elided_pages(page_obj):
    """Page numbers around the current one, with ellipses (Paginator.ELLIPSIS)."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """The ancestors of the current page between its home page and itself, top first."""
    chrome = site_chrome(context)
    page, home = chrome.page, chrome.home
    if page is None or home is None:
        return []
    ancestors = Page.objects.ancestor_of(page).filter(depth__gt=home.depth).live().order_by("depth")
    return [{"title": a.title, "url": a.get_url(chrome.request)} for a in ancestors]


@register.simple_tag
def project_news(page, limit=None):
    """Live news of a project in the page's language (news point at the English project)."""
    from news.models import NewsPage

    news = (
        NewsPage.objects.live()
        .public()
        .filter(project__translation_key=page.translation_key, locale=page.locale)
        .select_related("image")
        .order_by("-date", "-pk")
    )
    return news_cards(news[:limit] if limit else news)


@register.simple_tag
def project_events(page, limit=6):
    """Live events of a project in the page's language (events point at the English
    project): {"upcoming": [soonest first], "past": [latest first], "more": bool}."""
    from events.models import EventPage

    events = (
        EventPage.objects.live()
        .public()
        .filter(project__translation_key=page.translation_key, locale=page.locale)
        .select_related("city")
    )
    now = timezone.now()
    upcoming = list(events.filter(end__gte=now).order_by("start", "pk")[: limit + 1])
    past = list(events.filter(end__lt=now).order_by("-start", "-pk")[: limit + 1])
    return {
        "upcoming": event_cards(upcoming[:limit]),
        "past": event_cards(past[:limit]),
        "more": len(upcoming) > limit or len(past) > limit,
    }


@register.simple_tag
def related_events(page):
    """The events a news item is linked to, in the page's language, soonest first."""
    events = list(page.related_events.select_related("city").order_by("start"))
    events = localize_many(events, page.locale, select_related=("city",))
    events = [event for event in events if event.live]
    return event_cards(events)


@register.simple_tag
def news_filter_options(index_page):
    """The projects and cities the news filter form offers, in the page's language."""
    from news.models import NewsPage
    from partners.models import City
    from projects.models import ProjectPage

    projects = list(
        ProjectPage.objects.live().public().filter(locale=index_page.locale).order_by("-start_date")
    )
    news = NewsPage.objects.live().public().child_of(index_page)
    cities = localize_many(list(City.objects.filter(news__in=news).distinct()), index_page.locale)
    unique = {city.pk: city for city in cities}
    return {
        "projects": projects,
        "cities": sorted(unique.values(), key=lambda city: city.name.casefold()),
    }


@register.filter
def page_type_label(page):
    """ "News item", "Event", "Project"… (the model's translated verbose name)."""
    model = getattr(page, "specific_class", None) or type(page)
    return capfirst(model._meta.verbose_name) if model else ""


@register.filter
def page_date(page):
    """The date that matters for a page in listings: news date, event start, project start."""
    specific = getattr(page, "specific_deferred", page)
    for attr in ("date", "start_date"):
        value = getattr(specific, attr, None)
        if isinstance(value, date):
            return value
    if hasattr(specific, "local_start") and getattr(specific, "start", None):
        return specific.local_start.date()
    published = getattr(page, "first_published_at", None)
    return timezone.localtime(published).date() if published else None


@register.filter
def page_summary(page, words=40):
    """The search description, else the summary, else the intro, as plain text."""
    specific = getattr(page, "specific_deferred", page)
    for attr in ("search_description", "summary", "intro", "hero_text"):
        value = getattr(specific, attr, "")
        if value:
            text = " ".join(strip_tags(str(value)).split())
            return Truncator(text).words(int(words))
    return ""


# --------------------------------------------------------------------------------------
# Forms: accessible rendering of the fields of the contact form
# --------------------------------------------------------------------------------------

GROUP_WIDGETS = {"radioselect", "checkboxselectmultiple"}


@register.filter
def is_group(field):
    """Radio buttons and checkbox lists are fieldsets with a legend, not a <label>."""
    return field.widget_type in GROUP_WIDGETS


@register.filter
def is_checkbox(field):
    return field.widget_type == "checkbox"


@register.filter
def field_anchor(field):
    """The id of the first focusable element of a field, for the error summary's links."""
    if field.widget_type in GROUP_WIDGETS:
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


@register.simple_tag
def field_widget(field):
    """The field's widget with its help text and errors tied to it (aria-describedby)."""
    described_by = []
    attrs = {}
    if field.widget_type in GROUP_WIDGETS:
        # The fieldset around the choices carries the description, once for the group.
        if field.errors:
            attrs["aria-invalid"] = "true"
        return field.as_widget(attrs=attrs)
    if field.help_text:
        described_by.append(f"{field.auto_id}_help")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.widget_type == "email":
        attrs.setdefault("autocomplete", "email")
    return field.as_widget(attrs=attrs)


# --------------------------------------------------------------------------------------
# StreamField helpers
# --------------------------------------------------------------------------------------

_IFRAME_WITHOUT_TITLE = re.compile(r"<iframe(?![^>]*\stitle=)", re.IGNORECASE)


@register.simple_tag
def embed_for(value):
    """The embed of an EmbedBlock value, or None when the provider cannot be reached.

    The HTML is returned without Wagtail's responsive wrapper (which uses an inline style,
    refused by the Content Security Policy); the template sizes it with CSS classes.
    """
    from django.utils.html import escape
    from django.utils.safestring import mark_safe
    from wagtail.embeds import embeds
    from wagtail.embeds.exceptions import EmbedException

    url = getattr(value, "url", None)
    if not url:
        return None
    try:
        embed = embeds.get_embed(url, getattr(value, "max_width", None))
    except (EmbedException, OSError, ValueError):
        return None
    title = embed.title or url
    html = _IFRAME_WITHOUT_TITLE.sub(f'<iframe title="{escape(title)}"', embed.html or "")
    ratio = (embed.height / embed.width) if embed.width and embed.height else 0.5625
    if ratio > 0.9:
        shape = "square"
    elif ratio > 0.66:
        shape = "4x3"
    else:
        shape = "16x9"
    return {
        "html": mark_safe(html),  # noqa: S308 - the provider's oEmbed HTML, as Wagtail shows it
        "title": title,
        "url": url,
        "shape": shape,
        "type": embed.type,
    }
