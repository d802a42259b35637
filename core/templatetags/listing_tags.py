"""Template tags of the listings: cards of news, events and partners with their images
and translations fetched in bulk, pagination links, and the few queries the page
templates need that the models do not offer.
"""

from datetime import date

from django import template
from django.db.models import prefetch_related_objects
from django.http import QueryDict
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst

from core.utils import localize_many, prefetch_renditions

register = template.Library()


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
