"""What the card tags compute once per card (core/templatetags/listing_tags.py) is what the
templates asked for per card before."""

import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.paginator import Paginator
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Page

from core.templatetags.listing_tags import choice_label, news_card_html, sibling_urls
from events.models import EventPage
from news.models import NewsPage
from projects.models import ProjectPartner
from tests import factories
from tests.conftest import LANGUAGES


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr", "it", "es"])
def test_choice_labels_are_those_of_get_display(language):
    objects = [
        *(EventPage(event_type=value) for value, _label in EventPage.event_type.field.choices),
        *(EventPage(format=value) for value, _label in EventPage.format.field.choices),
        *(ProjectPartner(role=value) for value, _label in ProjectPartner.role.field.choices),
        EventPage(event_type="not-a-choice"),
    ]
    with translation.override(language):
        for obj in objects:
            for name in ("event_type", "format", "role"):
                if hasattr(obj, f"get_{name}_display"):
                    assert choice_label(obj, name) == getattr(obj, f"get_{name}_display")()


# components/news_card.html before the card was written in Python (news_card_html).
OLD_NEWS_CARD = (
    "{% load date_tags %}{# Fed by {% news_cards %}, which computes card_url,"
    ' card_date and card_image once. #}<article class="card card--news">\n'
    '  {% if item.card_image %}<div class="card__media"><img alt="" decoding="async"'
    ' height="{{ item.card_image.height }}" loading="lazy" src="{{'
    ' item.card_image.url }}" width="{{ item.card_image.width }}"></div>{% endif %}\n'
    '  <div class="card__body">\n'
    '    <h{{ heading_level|default:3 }} class="card__title"><a class="card__link"'
    ' href="{{ item.card_url }}">{{ item.title }}</a></h{{ heading_level|default:3'
    " }}>\n"
    '    <p class="card__meta"><time datetime="{{ item.date|isodate }}">{{'
    " item.card_date }}</time></p>\n"
    '    {% if item.summary %}<p class="card__text">{{ item.summary|truncatewords:32'
    " }}</p>{% endif %}\n"
    "  </div>\n"
    "</article>\n"
)


@pytest.mark.django_db  # a language first activated in a process may read the database
@pytest.mark.parametrize("language", ["en", "fr", "it", "es"])
def test_the_news_card_is_the_template_it_replaced(language):
    long_summary = " ".join(['Police & <mayors> "met" in Nice\'s centre.'] * 10)
    image = SimpleNamespace(url="/media/images/a&b.fill-640x360.jpg", width=640, height=1360)
    items = [
        NewsPage(title="Plain", date=datetime.date(2025, 5, 5), summary="Short."),
        NewsPage(title="<Tom> & 'Jerry'", date=datetime.date(2024, 1, 31), summary=long_summary),
        NewsPage(title="No summary", date=datetime.date(2023, 9, 1), summary=""),
    ]
    template = Template(OLD_NEWS_CARD)
    with translation.override(language):
        for number, item in enumerate(items):
            item.card_url = f"/{language}/news/item-{number}/?a=1&b=2"
            item.card_date = f"{number} <date> & co"
            item.card_image = image if number != 2 else None
            for level in (3, 4, None):
                context = Context({"item": item, "heading_level": level})
                assert news_card_html(item, level) == template.render(context)


@pytest.mark.django_db
def test_a_card_address_is_get_url(translated_site, rf):
    """`sibling_urls` gives each page of a listing what `get_url` gives, in every language,
    also for slugs that reverse() quotes and after a sibling whose address it worked out."""
    news_index = translated_site["news_index"]
    for slug in ("zz-1", "café-ü", "zz-2", "a_b", "zz-3"):
        factories.NewsPageFactory(parent=news_index, slug=slug)
    pages = list(Page.objects.live().specific().order_by("path"))
    for language in LANGUAGES:
        request = rf.get(f"/{language}/")
        with translation.override(language):
            urls = sibling_urls(request)
            for page in pages + pages:
                assert urls(page) == page.get_url(request), page.url_path


OLD_OPTIONS = (
    '{% for o in options %}<option value="{{ o.pk }}"{% if selected == o.pk|stringformat:"d" %}'
    " selected{% endif %}>{{ o.label }}</option>{% endfor %}"
    '|{% for y in years %}<option value="{{ y }}"{% if selected == y|stringformat:"d" %}'
    " selected{% endif %}>{{ y }}</option>{% endfor %}"
)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr", "it", "es"])
@pytest.mark.parametrize("separator", [False, True])
@pytest.mark.parametrize("selected", ["", "12", "2024", "1234", None])
def test_filter_options_are_the_template_they_replaced(language, separator, selected, settings):
    settings.USE_THOUSAND_SEPARATOR = separator
    options = [{"pk": 12, "label": "<Nice> & 'Torino'"}, {"pk": 1234, "label": "Liège"}]
    years = [2025, 2024, 999]
    new = Template(
        "{% load listing_tags %}{% select_options options selected %}"
        "|{% select_options years selected value=None %}"
    )
    context = {"options": options, "years": years}
    if selected is not None:
        context["selected"] = selected
    with translation.override(language):
        assert new.render(Context(context)) == Template(OLD_OPTIONS).render(Context(context))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr", "it", "es"])
@pytest.mark.parametrize("number", [1, 2, 5, 9, 10, 1500])
@pytest.mark.parametrize("query", ["", "city=3&year=2024", "q=<a>&page=4"])
def test_pagination_is_the_template_it_replaced(language, number, query, rf, settings):
    """components/pagination.html now calls `pagination_html`: the same markup as the
    template it replaced, with and without a parameter, an anchor and a label, on pages
    near either end, with gaps and thousands (separators on and off)."""
    settings.USE_THOUSAND_SEPARATOR = number == 1500
    request = rf.get(f"/x/?{query}")
    old = Template(OLD_PAGINATION)
    new = Template('{% include "components/pagination.html" %}')
    for total in (1, 12, 30, 130, 18000):
        page_obj = Paginator(range(total), 12).get_page(number)
        for extra in ({}, {"param": "upcoming_page", "anchor": "#upcoming", "label": "<Up>"}):
            context = {"request": request, "page_obj": page_obj, **extra}
            with translation.override(language):
                assert new.render(Context(context)) == old.render(Context(context))


# components/pagination.html before it called `pagination_html` (3 December 2026).
OLD_PAGINATION = (Path(__file__).parent / "old_pagination.html").read_text()
