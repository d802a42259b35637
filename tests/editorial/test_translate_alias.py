"""A translator starts translating a new page from its alias in their language, and sees
only the partners and cities of their language."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.synctree import create_aliases_for_new_page

from tests.editorial.conftest import client_for
from tests.factories import StandardPageFactory

PARTNERS = "/admin/snippets/partners/partner/"


@pytest.fixture
def new_english_page(small_site):
    """A page just published in English, mirrored by aliases in the other languages."""
    page = StandardPageFactory(parent=small_site["home"], title="Working with schools")
    page.save_revision().publish()
    create_aliases_for_new_page(page)
    return page


@pytest.mark.django_db
def test_translator_translates_the_french_alias_of_a_new_page(
    translator_fr, new_english_page, locales
):
    alias = Page.objects.get(translation_key=new_english_page.translation_key, locale=locales["fr"])
    assert alias.alias_of_id == new_english_page.pk
    client = client_for(translator_fr)

    html = client.get(f"/admin/pages/{alias.pk}/edit/").content.decode()

    # Not wagtail-localize's submit view, which refuses translators (it translates into
    # any language): a one-step translation into French.
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[new_english_page.pk])
    assert submit_url not in html
    assert reverse("editorial:start_translation") in html
    source = f"{new_english_page.content_type_id}:{new_english_page.pk}:{locales['fr'].pk}"
    assert f'value="{source}"' in html
    assert "Translate this page into Français" in html

    response = client.post(reverse("editorial:start_translation"), {"source": source})

    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{alias.pk}/edit/"
    alias.refresh_from_db()
    assert alias.alias_of_id is None  # a page of its own, to translate
    assert Translation.objects.get(
        source__object_id=new_english_page.translation_key, target_locale=locales["fr"]
    ).enabled
    editor_view = client.get(response["Location"])
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in editor_view.templates]


@pytest.mark.django_db
def test_translator_may_not_translate_an_alias_into_another_language(
    translator_fr, new_english_page, locales
):
    alias = Page.objects.get(translation_key=new_english_page.translation_key, locale=locales["it"])
    client = client_for(translator_fr)
    assert client.get(f"/admin/pages/{alias.pk}/edit/").status_code == 302  # refused
    source = f"{new_english_page.content_type_id}:{new_english_page.pk}:{locales['it'].pk}"
    response = client.post(reverse("editorial:start_translation"), {"source": source})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    alias.refresh_from_db()
    assert alias.alias_of_id == new_english_page.pk


@pytest.mark.django_db
def test_editors_keep_wagtail_localize_choice_of_languages(editor, new_english_page, locales):
    alias = Page.objects.get(translation_key=new_english_page.translation_key, locale=locales["fr"])
    html = client_for(editor).get(f"/admin/pages/{alias.pk}/edit/").content.decode()
    assert reverse("wagtail_localize:submit_page_translation", args=[new_english_page.pk]) in html


@pytest.mark.django_db
def test_translator_lists_only_the_partners_of_their_language(partner, translator_it, editor):
    html = client_for(translator_it).get(PARTNERS).content.decode()
    assert f"{PARTNERS}edit/{partner['it'].pk}/" in html
    for code in ("en", "fr"):
        assert f"{PARTNERS}edit/{partner[code].pk}/" not in html
    assert "1 partner" in html

    html = client_for(editor).get(PARTNERS).content.decode()
    for code in ("en", "fr", "it"):
        assert f"{PARTNERS}edit/{partner[code].pk}/" in html
