"""Template tags of the listings: cards of news, events and partners with their images
and translations fetched in bulk, pagination links, and what search results show of a
page. The listings themselves are the page models' (their get_context).
"""

import functools
import re
from datetime import date

from django import template
from django.db.models import prefetch_related_objects
from django.http import QueryDict
from django.template.defaultfilters import truncatewords
from django.utils import timezone, translation
from django.utils.encoding import force_str
from django.utils.formats import localize
from django.utils.hashable import make_hashable
from django.utils.html import conditional_escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst

from core import shared_chrome
from core.templatetags.date_tags import isodate, long_date_writer
from core.utils import listing_rendition, localize_all, prefetch_renditions

register = template.Library()


@register.filter
def localized_all(objects):
    """The translations in the active language of a list/queryset of snippets or pages."""
    if hasattr(objects, "all"):
        objects = objects.all()
    objects = [obj for obj in objects if obj is not None]
    localized = localize_all(objects)
    return [localized(obj) for obj in objects]


@register.filter
def translated(obj):
    """The live translation of a page or snippet in the active language, else ``obj``."""
    if obj is None or obj == "":
        return obj
    return localize_all([obj])(obj)


# The renditions the listings use (keep in step with the templates named).
NEWS_CARD_IMAGE = "fill-640x360"  # components/news_card.html
FOOTER_LOGO = shared_chrome.FOOTER_LOGO  # components/footer.html
PARTNER_CARD_LOGO = shared_chrome.PARTNER_CARD_LOGO  # home/home_page.html

# The columns a card reads (keep in step with the templates named), for listings to load
# with `.only()`: a page row has 30 columns and a news or event row 6 to 30 more (an event
# its body), and the ORM's Python per column loaded, not the database, is most of what a
# listing's query costs. `translation_key`, `locale` and `depth` tell the page cache which
# page the card shows (performance.dependencies.record_loaded_page); `url_path`, its address.
_CARD_PAGE_FIELDS = ("title", "url_path", "translation_key", "locale", "depth")
_CARD_IMAGE_FIELDS = tuple(
    f"image__{name}"
    for name in (
        "file",
        "width",
        "height",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )
)
# components/news_card.html (with `news_cards`: its image's rendition, its address).
NEWS_CARD_FIELDS = (*_CARD_PAGE_FIELDS, "date", "summary", "image", *_CARD_IMAGE_FIELDS)
# components/event_card.html (with `event_cards`: the city in the listing's language, found
# from its translation key; its dates written by `event_when_html`).
EVENT_CARD_FIELDS = (
    *_CARD_PAGE_FIELDS,
    "start",
    "end",
    "timezone",
    "all_day",
    "is_save_the_date",
    "status",
    "event_type",
    "format",
    "summary",
    "city",
    "city__name",
    "city__translation_key",
    "city__locale",
)


@register.simple_tag(takes_context=True)
def news_cards(context, items):
    """The news items of a listing, their card images fetched in one query, each with
    what its card shows computed here once (`card_url`, `card_date`, `card_image`) rather
    than by a tag per card (`{% image %}` alone cost 0.5–0.9 ms a card)."""
    request = context.get("request")
    items = list(items)
    prefetch_renditions([getattr(item, "image", None) for item in items], NEWS_CARD_IMAGE)
    urls, write_date, numbers = sibling_urls(request), long_date_writer(), {}
    for item in items:
        item.card_url = urls(item)
        item.card_date = write_date(item.date) if item.date else ""  # as `longdate`
        image = item.image if item.image_id else None
        item.card_image = listing_rendition(image, NEWS_CARD_IMAGE) if image else None
        if item.card_image:  # its size as `{{ number }}` writes it, once per number
            item.card_size = [
                numbers.get(n) or numbers.setdefault(n, localize(n))
                for n in (item.card_image.height, item.card_image.width)
            ]
    return items


# A single digit is written the same in every language (no separator): no format to look up.
_HEADING_LEVELS = frozenset(range(1, 7))


@register.simple_tag
def news_card_html(item, heading_level=3):
    """The card of a news item given by `news_cards`, written here rather than by a
    template included for each card (12 on a page of the news index): the markup that
    components/news_card.html wrote, escaped and localised the same way
    (`tests/core/test_card_tags.py` renders that template next to it)."""
    esc = conditional_escape
    html = '<article class="card card--news">\n  '
    image = item.card_image
    if image:
        sizes = getattr(item, "card_size", None) or [localize(image.height), localize(image.width)]
        height, width = sizes
        html += (
            '<div class="card__media"><img alt="" decoding="async" '
            f'height="{esc(height)}" loading="lazy" src="{esc(image.url)}" '
            f'width="{esc(width)}"></div>'
        )
    level = heading_level or 3
    level = str(level) if level in _HEADING_LEVELS else esc(localize(level))
    html += (
        f'\n  <div class="card__body">\n    <h{level} class="card__title"><a class="card__link" '
        f'href="{esc(item.card_url)}">{esc(item.title)}</a></h{level}>\n'
        f'    <p class="card__meta"><time datetime="{esc(isodate(item.date))}">'
        f"{esc(item.card_date)}</time></p>\n    "
    )
    if item.summary:
        html += f'<p class="card__text">{esc(truncatewords(item.summary, 32))}</p>'
    return mark_safe(html + "\n  </div>\n</article>\n")  # every value escaped above


@register.simple_tag(takes_context=True)
def event_cards(context, events):
    """The events of a listing, each with what its card shows computed here once: its
    city in the listing's language as ``local_city`` (one query for all, none when they
    are all in that language; views may have set it already), its address (`card_url`)
    and the labels of its type and format (`card_type`, `card_format`), rather than by a
    tag or a `get_FOO_display` per card."""
    request = context.get("request")
    events = list(events)
    missing = [event for event in events if not hasattr(event, "local_city")]
    locale = shared_chrome.active_locale(request) if missing else None
    if locale is not None and locale.language_code != translation.get_language():
        locale = None  # a language without its locale: by language code, as before
    localized = localize_all([event.city for event in missing if event.city_id], locale)
    for event in missing:
        event.local_city = localized(event.city) if event.city_id else None
    urls = sibling_urls(request)
    for event in events:
        event.card_url = urls(event)
        event.card_type = choice_label(event, "event_type")
        event.card_format = choice_label(event, "format")
    return events


_PLAIN_SLUG = re.compile(r"[A-Za-z0-9_-]+")


def sibling_urls(request):
    """A function giving a page's `get_url(request)`, which works it out once per parent:
    a listing's cards are siblings (the news of an index, the events of the events index),
    and a child's address is its parent's followed by its slug. Wagtail's costs a search
    of the site root paths, a language switch and a `reverse()` per card.

    Only for a slug that `reverse()` leaves as it is (no character to quote), below a
    parent whose address was seen to end that way, and for a page no site starts at;
    any other page is asked the Wagtail way."""
    prefixes = {}
    roots = []

    def url(page):
        parent, _slash, slug = page.url_path[:-1].rpartition("/")
        plain = _PLAIN_SLUG.fullmatch(slug) is not None
        if plain and not roots:
            roots.append({root.root_path for root in page._get_site_root_paths(request)})
        plain = plain and page.url_path not in roots[0]
        prefix = prefixes.get(parent)
        if prefix is not None and plain:
            return f"{prefix}{slug}/"
        found = page.get_url(request)
        if found and plain and found.endswith(f"/{slug}/"):
            prefixes[parent] = found[: -len(slug) - 1]
        return found

    return url


@register.filter
def choice_label(obj, name):
    """What `obj.get_<name>_display()` gives (``{{ link|choice_label:"role" }}``), without
    building the field's choices again at every call (Django's does: 0.1 ms a label)."""
    field = obj._meta.get_field(name)
    value = getattr(obj, field.attname)
    return force_str(_choice_labels(field).get(make_hashable(value), value), strings_only=True)


@functools.cache
def _choice_labels(field):
    return dict(make_hashable(field.flatchoices))


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


@register.simple_tag
def select_options(options, selected, value="pk", label="label"):
    """The <option>s of a listing's filter, written here rather than by a `{% for %}` and
    an `{% if %}` per option (the news index's cities, projects and years: 1.5 ms of its
    template at 2,000 news items per language). `options`: dicts (or numbers, `value`
    None: the option is its value); `selected`: the filter's value, a text or None. The
    same markup as `<option value="{{ o.pk }}"{% if selected == o.pk|stringformat:"d" %}
    selected{% endif %}>{{ o.label }}</option>`, one after the other."""
    esc, html = conditional_escape, []
    for option in options:
        key, text = (option, option) if value is None else (option[value], option[label])
        is_selected = selected is not None and selected == f"{key:d}"
        html.append(
            f'<option value="{esc(localize(key))}"{" selected" if is_selected else ""}>'
            f"{esc(localize(text))}</option>"
        )
    return mark_safe("".join(html))  # every value escaped above


@register.simple_tag(takes_context=True)
def page_query(context, number, param="page", anchor=""):
    """The query string of the current address with one pagination parameter changed,
    keeping the filters: ``href="{% page_query 3 %}"`` -> ``?project=4&page=3``."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    query[param] = number
    return f"?{query.urlencode()}{anchor}"


@register.simple_tag(takes_context=True)
def pagination_html(context, page_obj, param="", anchor="", label=""):
    """The pagination links of a listing (components/pagination.html), written here
    rather than by a `{% for %}` with two `{% if %}`, a `{% page_query %}` and a
    `{% translate %}` per number (1.8 ms of the news index at 2,000 news items per
    language). The markup the template wrote, escaped and localised the same way
    (`tests/core/test_card_tags.py` renders that template next to it)."""
    paginator = page_obj.paginator
    if not paginator.num_pages > 1:
        return ""
    esc, param, anchor = conditional_escape, param or "page", anchor or ""
    query = context.get("request")
    query = query.GET.copy() if query is not None else QueryDict(mutable=True)

    def href(number):  # as `{% page_query %}`, escaped as a tag's output is
        query[param] = number
        return esc(f"?{query.urlencode()}{anchor}")

    page_word = esc(translation.gettext("Page"))
    html = (
        f'<nav class="pagination" aria-label="{esc(label or translation.gettext("Pages"))}">'
        '\n  <ul class="pagination__list">\n    '
    )
    if page_obj.has_previous():
        html += (
            '\n    <li class="pagination__item pagination__item--prev"><a class="pagination__link"'
            f' href="{href(page_obj.previous_page_number())}" rel="prev"><span aria-hidden="true">'
            f"‹</span> {esc(translation.gettext('Previous'))}</a></li>\n    "
        )
    html += "\n    "
    current = page_obj.number
    for number in elided_pages(page_obj):
        if number == paginator.ELLIPSIS:
            item = (
                '<li class="pagination__item pagination__item--gap"><span aria-hidden="true">'
                "…</span></li>"
            )
        else:
            mark = ' is-current"' if number == current else '"'
            aria = ' aria-current="page"' if number == current else ""
            item = (
                f'<li class="pagination__item"><a class="pagination__link{mark} '
                f'href="{href(number)}"{aria}><span class="visually-hidden">{page_word} </span>'
                f"{esc(localize(number))}</a></li>"
            )
        html += f"\n    \n    {item}\n    \n    "
    html += "\n    "
    if page_obj.has_next():
        html += (
            '\n    <li class="pagination__item pagination__item--next"><a class="pagination__link"'
            f' href="{href(page_obj.next_page_number())}" rel="next">'
            f'{esc(translation.gettext("Next"))} <span aria-hidden="true">›</span></a></li>\n    '
        )
    return mark_safe(html + "\n  </ul>\n</nav>")  # every value escaped above


@register.filter
def elided_pages(page_obj):
    """Page numbers around the current one, with ellipses (Paginator.ELLIPSIS)."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


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
