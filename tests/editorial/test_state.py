"""translation_state(page, language_code) (core/translation_state.py, used by base.html):
available, shown in the source language, missing."""

import pytest
from django.template import Context, Template

from core.translation_state import AVAILABLE, MISSING, UNTRANSLATED, translation_state


@pytest.mark.django_db
def test_translated_page_is_available(small_site, locales):
    news = small_site["news"]
    state = translation_state(news, "fr")
    assert state.status == AVAILABLE and state.is_available and not state.is_fallback
    assert state.page == news.get_translation(locales["fr"])
    assert state.notice == "" and state.content_language_code == "fr"
    assert translation_state(news, "en").page == news


@pytest.mark.django_db
def test_alias_of_an_untranslated_source_is_shown_in_the_source_language(small_site, locales):
    about = small_site["standard"]
    alias = about.copy_for_translation(locales["es"], copy_parents=True, alias=True)
    for page in (about, alias):
        state = translation_state(page, "es")
        assert state.status == UNTRANSLATED and state.is_alias and state.is_fallback
        assert state.page == alias
        assert state.source_page == about
        assert state.content_language_code == "en"
    assert (state.language_name, state.content_language_name) == ("español", "inglés")
    assert state.notice == "Esta página aún no está disponible en español; se muestra en inglés."
    assert translation_state(alias, "en").notice == ""


@pytest.mark.django_db
def test_page_missing_in_a_language(small_site):
    project = small_site["project"]  # not translated, no alias
    state = translation_state(project, "it")
    assert state.status == MISSING and state.is_fallback
    assert state.page == project and state.source_page == project
    assert state.content_language_code == "en"


@pytest.mark.django_db
def test_template_tag(small_site, locales):
    from django.utils import translation

    about = small_site["standard"]
    about.copy_for_translation(locales["es"], copy_parents=True, alias=True)
    template = Template(
        "{% load translation_tags %}{% translation_state page as state %}"
        "{{ state.status }}|{{ state.content_language_code }}"
    )
    with translation.override("es"):
        assert template.render(Context({"page": about})) == "untranslated|en"
    with translation.override("fr"):
        assert template.render(Context({"page": about})) == "available|fr"
