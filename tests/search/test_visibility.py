"""Only live, public, non-alias pages of the current language are found."""

import pytest
from wagtail.models import Page, PageViewRestriction

from search.models import SearchEntry
from tests import factories
from tests.search.conftest import run_search, titles
from tests.translation import translate_object

pytestmark = pytest.mark.django_db


def test_draft_pages_are_not_found(trees):
    factories.NewsPageFactory(parent=trees["en"]["news_index"], title="Secret bollards", live=False)
    assert titles(run_search("en", q="bollards")) == []


def test_draft_changes_of_a_live_page_are_not_found(make_news):
    news = make_news("en", "Published bollards")
    news.title = "Unpublished turnstiles"
    news.save_revision()  # a draft, not published
    assert titles(run_search("en", q="turnstiles")) == []
    assert titles(run_search("en", q="bollards")) == ["Published bollards"]


@pytest.mark.parametrize(
    "restriction_type",
    [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS],
)
def test_private_pages_are_not_found(make_news, restriction_type):
    news = make_news("en", "Restricted bollards")
    PageViewRestriction.objects.create(
        page=news, restriction_type=restriction_type, password="secret-password"
    )
    assert titles(run_search("en", q="bollards")) == []


def test_pages_under_a_private_page_are_not_found_until_it_is_public_again(trees, make_news):
    news = make_news("en", "Bollards under a private index")
    restriction = PageViewRestriction.objects.create(
        page=trees["en"]["news_index"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret-password",
    )
    assert titles(run_search("en", q="bollards")) == []
    restriction.delete()
    assert titles(run_search("en", q="bollards")) == [news.title]


def test_new_page_under_a_private_page_is_not_found(trees):
    PageViewRestriction.objects.create(
        page=trees["en"]["news_index"], restriction_type=PageViewRestriction.LOGIN
    )
    factories.NewsPageFactory(parent=trees["en"]["news_index"], title="Private bollards")
    assert titles(run_search("en", q="bollards")) == []


def test_aliases_are_not_indexed(make_news, locales):
    """wagtail-localize fills the other trees with aliases of untranslated pages; they show
    the source language's text and must not leak into another language's results."""
    news = make_news("en", "Bollards in Riga")
    alias = news.copy_for_translation(locales["fr"], copy_parents=True, alias=True)
    assert alias.live and alias.alias_of_id == news.pk
    assert not SearchEntry.objects.filter(page=alias).exists()
    assert titles(run_search("fr", q="bollards")) == []
    assert titles(run_search("en", q="bollards")) == ["Bollards in Riga"]
    # Publishing the source updates its aliases (page_published with alias=True): still out.
    news.title = "Bollards in Riga and Turin"
    news.save_revision().publish()
    assert titles(run_search("fr", q="turin")) == []
    assert titles(run_search("en", q="turin")) == ["Bollards in Riga and Turin"]


def test_an_alias_turned_into_a_wagtail_localize_translation_is_found_in_its_language(
    make_news, locales
):
    news = make_news("en", "Bollards in Riga", summary="Road blockers.")
    news.copy_for_translation(locales["fr"], copy_parents=True, alias=True)
    translations = {"Bollards in Riga": "Bornes à Riga", "Road blockers.": "Des obstacles."}
    translated = translate_object(news, locales["fr"], lambda text: translations.get(text, text))
    assert translated.locale == locales["fr"] and translated.live
    assert titles(run_search("fr", q="bornes")) == ["Bornes à Riga"]
    assert titles(run_search("fr", q="obstacle")) == ["Bornes à Riga"]
    assert titles(run_search("fr", q="bollards")) == []
    assert titles(run_search("en", q="bollards")) == ["Bollards in Riga"]


def test_a_draft_wagtail_localize_translation_is_not_found(make_news, locales):
    news = make_news("en", "Bollards in Riga")
    translate_object(news, locales["fr"], lambda text: "Bornes à Riga", publish=False)
    assert titles(run_search("fr", q="bornes")) == []


def test_translated_pages_of_every_language_are_found_in_their_own(make_news, locales):
    news = make_news("en", "Bollards in Riga")
    words = {"fr": "Bornes", "it": "Dissuasori", "es": "Bolardos"}
    for code, word in words.items():
        translate_object(news, locales[code], lambda text, word=word: f"{word} a Riga")
    for code, word in words.items():
        [result] = list(run_search(code, q=word)["search_results"])
        assert result.page.locale.language_code == code
        assert result.title == f"{word} a Riga"
        assert titles(run_search("en", q=word)) == []


def test_root_page_is_never_indexed(trees):
    assert not SearchEntry.objects.filter(page__depth=1).exists()
    assert SearchEntry.objects.filter(page=Page.get_first_root_node()).count() == 0
