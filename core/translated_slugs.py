"""Translated pages get addresses in their own language.

The slug is a synchronised field (core.models.PAGE_TRANSLATABLE_FIELDS): wagtail-localize
copies the source's slug into every translation each time it saves one, and a translator
may override it in the translation editor ("Promote" tab). Left at that, /fr/… addresses
keep English words. Two rules give a translation its own slug:

- When a person saves a translation (in the translation editor, or "Update" in the
  translation status report) whose slug is still the source's, and that they have not
  overridden, the slug becomes a slug of the translated title (unique among its
  siblings). It is written into the revision being saved (and into the live page when
  that revision is already published), so the address changes when it is published;
  Wagtail then redirects the old address to the new one (wagtail.contrib.redirects
  creates a redirect when a live page's slug changes).
  Translations saved without a person (scripts, tests' fixtures) keep the source's slug;
  the demo loader sets a slug override, as a translator would (demo/translations.py).
- A translation that has its own slug keeps it: the next save by wagtail-localize, which
  copies the source's slug again, does not put it back (`keep_own_slug`, called by
  BasePage.save). So an address, once published, only changes when the translator sets a
  slug in the translation editor.
"""

from django.utils.text import slugify
from wagtail.models import Page
from wagtail_localize.models import SegmentOverride, Translation


def _source_slug(page):
    """The slug of the version this page is translated from (an enabled wagtail-localize
    translation into its language), or None when it is not such a translation."""
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )
    if translation is None or translation.source.locale_id == page.locale_id:
        return None
    return (
        Page.objects.filter(
            translation_key=page.translation_key, locale_id=translation.source.locale_id
        )
        .values_list("slug", flat=True)
        .first()
    )


def _slug_overridden(page):
    return SegmentOverride.objects.filter(
        context__object_id=page.translation_key, context__path="slug", locale_id=page.locale_id
    ).exists()


def keep_own_slug(page):
    """Before `page` is saved: if wagtail-localize is putting the source's slug back over
    the translation's own one, keep the own one."""
    if page.pk is None or page.alias_of_id:
        return
    stored = Page.objects.filter(pk=page.pk).values_list("slug", flat=True).first()
    if stored is None or stored == page.slug:
        return
    if page.slug == _source_slug(page) and not _slug_overridden(page):
        page.slug = stored


def give_own_slug(sender, instance, created, raw=False, **kwargs):
    """`post_save` of wagtail-localize's TranslationLog, written after each save of a
    translation with the revision it made."""
    if raw or not created or instance.revision_id is None:
        return
    revision = instance.revision
    if revision.user_id is None or revision.base_content_type.model_class() is not Page:
        return
    page = Page.objects.filter(pk=revision.object_id).first()
    if page is None or page.alias_of_id:
        return
    slug = revision.content.get("slug")
    if not slug or slug != _source_slug(page) or _slug_overridden(page):
        return
    own = slugify(revision.content.get("title", ""))
    if not own or own == slug:
        return
    own = _available_slug(page, own)
    revision.content["slug"] = own
    revision.save(update_fields=["content"])
    if page.live_revision_id == revision.pk:
        # Published already (wagtail-localize publishes when its own atomic block commits,
        # before it logs): move the live page too; Wagtail redirects the old address.
        live = page.specific
        live.slug = own
        live.save(update_fields=["slug", "url_path"])


def _available_slug(page, slug):
    taken = set(
        page.get_siblings(inclusive=False)
        .filter(slug__startswith=slug)
        .values_list("slug", flat=True)
    )
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate
