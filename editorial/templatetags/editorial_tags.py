from django import template
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from editorial.permissions import user_can_translate_into

register = template.Library()


@register.simple_tag(takes_context=True)
def start_translation_key(context, source, locale):
    """`{% start_translation_key page locale as key %}`: what `editorial:start_translation`
    needs to translate `source` into `locale` for the current user, or None when they may
    not (see editorial.permissions.user_can_translate_into)."""
    user = context["request"].user
    if not user_can_translate_into(user, locale):
        return None
    if isinstance(source, Page):
        content_type_id = source.content_type_id  # the specific type, without a query
    else:
        content_type_id = ContentType.objects.get_for_model(type(source)).pk
    return f"{content_type_id}:{source.pk}:{locale.pk}"
