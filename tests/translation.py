"""Translate an object the way a translator does in wagtail-localize, for tests."""

from django.test import TestCase
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


def translate_object(instance, locale, translate_text, publish=True):
    """Create or update the `locale` translation of `instance`: every string segment is
    translated with `translate_text(source_text)`; returns the translated instance."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": translate_text(segment.string.data)},
        )
    # wagtail-localize publishes in transaction.on_commit; tests run inside a transaction.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)
    return translation.get_target_instance()


translate_page = translate_object
