import datetime

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale
from wagtail.rich_text import RichText

from search.views import search
from tests import factories
from tests.shared import shared_fixture

LANGUAGES = ["en", "fr", "it", "es"]


def run_search(language, **params):
    """The search view's context for /{language}/search/?params (not rendered)."""
    request = RequestFactory().get(f"/{language}/search/", params)
    with translation.override(language):
        response = search(request)
    return response.context_data


def titles(context):
    return [result.title for result in context["search_results"]]


def paragraph(html):
    return [("paragraph", RichText(html))]


@shared_fixture(parent="site_tree")
def trees(site_tree):
    """The home page and indexes in every language: {language: {"home", "news_index",
    "event_index", "project_index"}}; fr/it/es are published translations (Wagtail's
    copy_for_translation, quicker than wagtail-localize; tests of wagtail-localize
    translations use tests.translation.translate_object). Built once per module."""
    keys = ("home", "news_index", "event_index", "project_index")
    result = {"en": {key: site_tree[key] for key in keys}}
    for code in LANGUAGES[1:]:
        locale = Locale.objects.get(language_code=code)
        result[code] = {}
        for key in keys:
            page = site_tree[key].copy_for_translation(locale)
            page.title = f"[{code}] {page.title}"
            page.save_revision().publish()
            page.refresh_from_db()
            result[code][key] = page.specific
    return result


def news_maker(trees, slug_prefix="search-news"):
    """make(language, title, text="", date=…, **fields): a live news item in that
    language's tree."""
    counter = iter(range(1, 10_000))

    def make(language, title, text="", date=None, **fields):
        n = next(counter)
        return factories.NewsPageFactory(
            parent=trees[language]["news_index"],
            title=title,
            slug=f"{slug_prefix}-{n}",
            summary=fields.pop("summary", "Summary."),
            body=paragraph(f"<p>{text}</p>") if text else [],
            date=date or datetime.date(2023, 1, 1) + datetime.timedelta(days=n),
            **fields,
        )

    return make


@pytest.fixture
def make_news(trees):
    """make_news(language, title, text="", date=…, **fields): a live news item in that
    language's tree."""
    return news_maker(trees)
