"""Translate a demo object through wagtail-localize, the way a translator's PO upload does.

For each English object: its TranslationSource (the snapshot that translators translate),
a Translation per target language, and for each of those the object's own PO export
(``Translation.export_po``) filled from the language's demo catalogue (``content/fr.po``…)
and uploaded with ``Translation.import_po``, as the "Upload PO file" button of the
translation editor does; then ``Translation.save_target`` writes the translated page or
snippet. A string that the catalogue lacks stays in English (wagtail-localize's fallback)
and is reported, never fatal, so that a half-translated edit never stops ``make run``.

A new translated page gets an address in its language, as a translator gives it in the
"Promote" tab of the translation editor: a slug override (wagtail-localize's
``SegmentOverride`` of the synchronised ``slug``) made of the translated title, unique among
its siblings; a page whose title is not translated (a project's acronym) keeps the source's
slug. Language home pages keep theirs (their address is the language prefix).

The target is saved as a draft and its new revision published right away, instead of with
``publish=True``, which defers publishing to the end of the outermost transaction: this
keeps the load atomic and works the same inside a test transaction.
"""

import json
from dataclasses import dataclass, field

from django.utils.text import slugify
from wagtail.models import Page
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)

TOOL_NAME = "PACTESUR demo content"


@dataclass
class TranslationResult:
    added: int = 0
    updated: int = 0
    missing: dict[str, set[str]] = field(default_factory=dict)  # language -> English strings


class Translator:
    def __init__(self, locales, catalogues):
        self.locales = locales  # language code -> Locale, target languages only
        self.catalogues = catalogues  # language code -> {msgid: msgstr}
        self.result = TranslationResult()

    def translate(self, english, *, refresh_source=True):
        """Bring the translations of `english` in line with the source and the catalogues.

        refresh_source=False (an object that people changed): the English object is not
        snapshotted again, and only missing translations are made, from the snapshot that
        the translations already follow.
        """
        model = type(english)
        source = None
        source_changed = False
        if not refresh_source:
            source = TranslationSource.objects.filter(
                object_id=english.translation_key, locale_id=english.locale_id
            ).first()
        if source is None:
            english = model.objects.get(pk=english.pk)  # the stored state, as a snapshot
            previous = (
                TranslationSource.objects.filter(
                    object_id=english.translation_key, locale_id=english.locale_id
                )
                .values_list("content_json", flat=True)
                .first()
            )
            source, created = TranslationSource.update_or_create_from_instance(english)
            source_changed = created or previous != source.content_json

        targets = {
            target.locale_id: target
            for target in model.objects.filter(translation_key=english.translation_key)
        }
        for code, locale in self.locales.items():
            target = targets.get(locale.pk)
            missing_target = target is None or getattr(target, "alias_of_id", None) is not None
            if not refresh_source and not missing_target:
                continue  # people's work: left as it is
            translation, created = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            if not translation.enabled:
                translation.enabled = True
                translation.save(update_fields=["enabled"])
                created = True
            strings_changed = self.import_strings(translation, code)
            if missing_target:
                self.give_own_slug(english, translation, code)
            stale = missing_target or not target.live or target.has_unpublished_changes
            if not (source_changed or created or strings_changed or stale):
                continue
            translation.save_target(publish=False)
            saved = translation.get_target_instance()
            revision = saved.latest_revision
            if revision is not None and saved.live_revision_id != revision.pk:
                revision.publish()
            if missing_target:
                self.result.added += 1
            else:
                self.result.updated += 1

    def give_own_slug(self, english, translation, code):
        """A slug override of the translated title for a new translation of a page."""
        if not isinstance(english, Page) or english.depth <= 2:
            return
        title = self.catalogues[code].get(english.title, "")
        slug = slugify(title)
        if not slug or title == english.title:
            return
        context = TranslationContext.objects.filter(
            object_id=translation.source.object_id, path="slug"
        ).first()
        if context is None:
            return
        parent = english.get_parent().get_translation_or_none(translation.target_locale)
        if parent is not None:
            taken = set(parent.get_children().values_list("slug", flat=True))
            candidate, number = slug, 1
            while candidate in taken:
                number += 1
                candidate = f"{slug}-{number}"
            slug = candidate
        SegmentOverride.objects.get_or_create(
            locale=translation.target_locale,
            context=context,
            defaults={"data_json": json.dumps(slug)},
        )

    def import_strings(self, translation, code):
        """Upload the filled PO export if it differs from what is stored; True if it did."""
        catalogue = self.catalogues[code]
        po = translation.source.export_po()
        stored = {
            (path, english): translated
            for path, english, translated in (
                StringTranslation.objects.filter(
                    context__object_id=translation.source.object_id,
                    locale_id=translation.target_locale_id,
                ).values_list("context__path", "translation_of__data", "data")
            )
        }
        differs = False
        for entry in po:
            entry.msgstr = catalogue.get(entry.msgid, "")
            if not entry.msgstr:
                self.result.missing.setdefault(code, set()).add(entry.msgid)
            elif stored.get((entry.msgctxt, entry.msgid)) != entry.msgstr:
                differs = True
        if differs:
            translation.import_po(po, translation_type="manual", tool_name=TOOL_NAME)
        return differs
