"""Choosers stay in the language of the page or snippet being edited."""

import json

import pytest
from django.test import override_settings
from wagtail.models import Collection

from tests.editorial.conftest import client_for
from tests.factories import PartnerFactory

PAGE_CHOOSER = "/admin/choose-page/"
PARTNER_CHOOSER = "/admin/snippets/choose/partners/partner/results/"
CITY_CHOOSER = "/admin/snippets/choose/partners/city/results/"


def edit_url(page):
    return f"http://testserver/admin/pages/{page.pk}/edit/"


def chooser_html(response):
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]
    return response.content.decode()


@pytest.fixture
def efus(locales):
    """A partner that exists in English only."""
    partner = PartnerFactory(name="Efus network", short_name="Efus")
    partner.save_revision().publish()
    return partner


@pytest.mark.django_db
def test_page_chooser_opens_in_the_language_being_edited(small_site, locales, editor):
    french_news = small_site["news"].get_translation(locales["fr"])
    response = client_for(editor).get(PAGE_CHOOSER, HTTP_REFERER=edit_url(french_news))
    html = chooser_html(response)
    assert response.context["selected_locale"] == locales["fr"]
    assert "[fr] PACTESUR" in html
    assert "[it] PACTESUR" not in html
    assert ">PACTESUR<" not in html.replace("\n", "").replace(" ", "")


@pytest.mark.django_db
def test_page_chooser_keeps_an_explicit_language_choice(small_site, locales, editor):
    french_news = small_site["news"].get_translation(locales["fr"])
    response = client_for(editor).get(
        PAGE_CHOOSER, {"locale": "it"}, HTTP_REFERER=edit_url(french_news)
    )
    html = chooser_html(response)
    assert response.context["selected_locale"] == locales["it"]
    assert "[it] PACTESUR" in html and "[fr] PACTESUR" not in html


@pytest.mark.django_db
def test_page_chooser_without_context_is_unchanged(small_site, locales, editor):
    response = client_for(editor).get(PAGE_CHOOSER)
    # Wagtail's default at the root: no language selected, every language's home page.
    assert response.context["selected_locale"] is None
    html = chooser_html(response)
    assert "[fr] PACTESUR" in html and "[it] PACTESUR" in html


@pytest.mark.django_db
def test_page_chooser_when_adding_a_page_uses_the_parent_language(small_site, locales, editor):
    italian_index = small_site["news_index"].get_translation(locales["it"])
    referer = f"http://testserver/admin/pages/add/news/newspage/{italian_index.pk}/"
    response = client_for(editor).get(PAGE_CHOOSER, HTTP_REFERER=referer)
    assert response.context["selected_locale"] == locales["it"]


@pytest.mark.django_db
def test_page_chooser_search_stays_in_the_language(small_site, locales, editor):
    french_news = small_site["news"].get_translation(locales["fr"])
    response = client_for(editor).get(
        f"{PAGE_CHOOSER}search/", {"q": "News"}, HTTP_REFERER=edit_url(french_news)
    )
    pages = list(response.context["pages"])
    assert pages, "the search found nothing"
    assert {page.locale_id for page in pages} == {locales["fr"].pk}


@pytest.mark.django_db
def test_snippet_chooser_offers_french_items_or_the_source_where_untranslated(
    small_site, partner, efus, locales, editor
):
    french_news = small_site["news"].get_translation(locales["fr"])
    response = client_for(editor).get(PARTNER_CHOOSER, HTTP_REFERER=edit_url(french_news))
    html = chooser_html(response)
    assert "[fr] City of Nice" in html
    assert "Efus network" in html  # no French version: the English one
    assert "[it] City of Nice" not in html
    assert "City of Nice</a>" not in html.replace("[fr] City of Nice</a>", "")


@pytest.mark.django_db
def test_snippet_chooser_follows_the_snippet_being_edited(partner, city, locales, editor):
    referer = f"http://testserver/admin/snippets/partners/partner/edit/{partner['it'].pk}/"
    html = chooser_html(client_for(editor).get(CITY_CHOOSER, HTTP_REFERER=referer))
    # Liège has no Italian version: offered in English, once.
    assert html.count("Liège") == 1 and "[fr] Liège" not in html


@pytest.mark.django_db
def test_snippet_chooser_keeps_an_explicit_language_filter(partner, locales, editor, small_site):
    french_news = small_site["news"].get_translation(locales["fr"])
    response = client_for(editor).get(
        PARTNER_CHOOSER, {"locale": "it"}, HTTP_REFERER=edit_url(french_news)
    )
    html = chooser_html(response)
    assert "[it] City of Nice" in html and "[fr] City of Nice" not in html


@pytest.mark.django_db
def test_foreign_referer_is_ignored(partner, editor):
    html = chooser_html(
        client_for(editor).get(PARTNER_CHOOSER, HTTP_REFERER="https://elsewhere.example/admin/")
    )
    assert "[fr] City of Nice" in html and "[it] City of Nice" in html


@pytest.mark.django_db
def test_image_chooser_shows_the_shared_images(
    small_site, locales, editor, translator_it, tmp_path
):
    """Images are not translatable in Wagtail: shared by every language, all offered."""
    import wagtail_factories

    with override_settings(MEDIA_ROOT=tmp_path):
        image = wagtail_factories.ImageFactory(
            title="Promenade des Anglais", collection=Collection.get_first_root_node()
        )
        french_news = small_site["news"].get_translation(locales["fr"])
        for user in (editor, translator_it):
            response = client_for(user).get(
                "/admin/images/chooser/", HTTP_REFERER=edit_url(french_news)
            )
            assert response.status_code == 200
            assert image in list(response.context["results"])
