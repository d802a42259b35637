"""A page translated by a person gets an address in its language; the old one redirects."""

import pytest
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationContext,
)
from wagtail_localize.operations import translate_object

from tests.editorial.conftest import make_user, translator_group
from tests.factories import StandardPageFactory
from tests.translation import translate_object as translate_without_a_person


@pytest.fixture
def english_page(site_tree):
    page = StandardPageFactory(
        parent=site_tree["home"], title="Working with schools", slug="working-with-schools"
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def translator(locales):
    return make_user("translator-fr", translator_group(locales["fr"]))


def translate_title(page, locale, text, user, on_commit):
    """What the translator does in the translation editor: translate the title, publish."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=locale,
        context=segment.context,
        defaults={"data": text, "last_translated_by": user},
    )
    with on_commit(execute=True):
        translation.save_target(user=user, publish=True)
    return Page.objects.get(translation_key=page.translation_key, locale=locale)


@pytest.mark.django_db
def test_translated_page_gets_a_slug_of_its_title_and_the_old_address_redirects(
    english_page, site_tree, locales, translator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(english_page, [locales["fr"]], user=translator)
    started = Page.objects.get(translation_key=english_page.translation_key, locale=locales["fr"])
    assert started.live and started.slug == "working-with-schools"  # nothing translated yet
    old_url = started.url

    french = translate_title(
        english_page,
        locales["fr"],
        "Travailler avec les écoles",
        translator,
        django_capture_on_commit_callbacks,
    )

    assert french.slug == "travailler-avec-les-ecoles"
    assert french.url.endswith("/travailler-avec-les-ecoles/")
    response = Client().get(old_url)
    assert response.status_code in (301, 302)
    assert response["Location"].endswith(french.url)
    assert Redirect.objects.filter(redirect_page=french).exists()

    # Saved again (sync, another text translated): the address stays.
    french = translate_title(
        english_page,
        locales["fr"],
        "Travailler avec les écoles de la ville",
        translator,
        django_capture_on_commit_callbacks,
    )
    assert french.slug == "travailler-avec-les-ecoles"


@pytest.mark.django_db
def test_a_slug_set_by_the_translator_is_kept(
    english_page, locales, translator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(english_page, [locales["fr"]], user=translator)
    context = TranslationContext.objects.get(object_id=english_page.translation_key, path="slug")
    SegmentOverride.objects.create(locale=locales["fr"], context=context, data_json='"ecoles"')

    french = translate_title(
        english_page,
        locales["fr"],
        "Travailler avec les écoles",
        translator,
        django_capture_on_commit_callbacks,
    )

    assert french.slug == "ecoles"


@pytest.mark.django_db
def test_translations_saved_without_a_person_keep_the_source_slug(english_page, locales):
    french = translate_without_a_person(english_page, locales["fr"], lambda text: f"[fr] {text}")
    assert french.slug == "working-with-schools"


@pytest.mark.django_db
def test_the_footer_still_links_a_translated_page_with_its_own_address(
    site_tree, locales, translator, django_capture_on_commit_callbacks
):
    about = site_tree["standard"]  # slug "about": one of the footer's pages
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(about, [locales["fr"]], user=translator)
    french = translate_title(
        about, locales["fr"], "À propos", translator, django_capture_on_commit_callbacks
    )
    assert french.slug == "a-propos"

    html = Client().get(french.url).content.decode()

    footer = html[html.index("<footer") :]
    assert f'href="{french.url}"' in footer
