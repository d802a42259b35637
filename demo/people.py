"""Which demo objects people have changed since the loader made them.

The loader saves revisions without a user; an editor, moderator or translator working in
the admin always leaves one with their name (a draft, a submission for moderation, a
publication, a translation), or unpublishes a page, or edits a translation in
wagtail-localize's editor. An object counts as changed by people when any of its language
versions shows one of these: the loader then leaves it as it is.
"""

from wagtail.models import Page, Revision, get_default_page_content_type
from wagtail_localize.models import StringTranslation


def changed_by_people(model, translation_keys):
    """The translation keys, among `translation_keys`, of objects that people changed."""
    rows = list(
        model.objects.filter(translation_key__in=translation_keys).values_list(
            "pk", "translation_key", "live"
        )
    )
    key_of = {str(pk): key for pk, key, _live in rows}
    changed = {key for _pk, key, live in rows if not live}
    if issubclass(model, Page):
        base_type = get_default_page_content_type()
    else:
        base_type = model.get_base_content_type()
    revised = Revision.objects.filter(
        base_content_type=base_type, object_id__in=list(key_of), user__isnull=False
    ).values_list("object_id", flat=True)
    changed.update(key_of[object_id] for object_id in revised)
    translated = StringTranslation.objects.filter(
        context__object_id__in=translation_keys, last_translated_by__isnull=False
    ).values_list("context__object_id", flat=True)
    changed.update(translated)
    return changed
