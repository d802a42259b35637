"""`{% translation_state page as state %}`: is `page` available in the current language, or
shown in its source language? (core/translation_state.py; base.html shows the notice)."""

from django import template
from django.utils.translation import get_language

from core.translation_state import translation_state as get_translation_state

register = template.Library()


@register.simple_tag
def translation_state(page, language_code=None):
    """The TranslationState of `page` in the current language (or `language_code`)."""
    return get_translation_state(page, language_code or get_language())
