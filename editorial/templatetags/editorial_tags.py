from django import template
from django.utils.translation import get_language

from editorial.state import translation_state as get_translation_state

register = template.Library()


@register.simple_tag
def translation_state(page, language_code=None):
    """`{% translation_state page as state %}`: is `page` available in the current language
    (or `language_code`), or shown in its source language? See editorial.state."""
    return get_translation_state(page, language_code or get_language())
