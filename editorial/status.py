"""Translation status of every page and snippet in every language.

For each translatable object (a page, a partner, a city…) one version is its *source*:
the one wagtail-localize translates from (its `TranslationSource`), or else the version in
the default language. For every other language the status is one of:

- **missing**: no version in that language, or only the alias that wagtail-localize's
  tree synchronisation creates (visitors see the source language there);
- **out of date**: the source changed since the translation was last synced. The live
  source is compared with the content that wagtail-localize stored when it last synced
  (`TranslationSource.content_json` and its `StringSegment`s): the changed fields are
  named, and for translatable fields the texts that are new are counted. A source that
  was refreshed ("Sync translated pages" without publishing, or the update of another
  language) but whose translation in this language was not saved again since is out of
  date too (`PendingSourceChange` keeps the fields that changed);
- **incomplete**: in step with the source, but some texts are not translated yet (they
  show in the source language);
- **up to date**.

A version of the object edited directly in its language, without the translation editor,
is reported as up to date unless the source was published after it.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from .sections import PAGE_SECTIONS, Section, get_sections, page_section
from .source_changes import FieldChange, describe_changes, field_label

UP_TO_DATE = "up_to_date"
INCOMPLETE = "incomplete"
OUT_OF_DATE = "out_of_date"
MISSING = "missing"
STATUS_LABELS = {
    OUT_OF_DATE: _("Out of date"),
    MISSING: _("Not translated"),
    INCOMPLETE: _("Partly translated"),
    UP_TO_DATE: _("Up to date"),
}
STATUS_ORDER = [OUT_OF_DATE, MISSING, INCOMPLETE, UP_TO_DATE]


# ---------------------------------------------------------------- the table


@dataclass
class SourceItem:
    """One translatable object: its source version and its versions by language."""

    section: Section
    source: object
    versions: dict  # locale_id -> instance
    translation_source: TranslationSource | None = None

    @property
    def key(self):
        return f"{self.source_content_type_id}:{self.source.translation_key}"

    @property
    def source_content_type_id(self):
        return ContentType.objects.get_for_model(type(self.source)).pk

    @property
    def title(self):
        if isinstance(self.source, Page):
            return self.source.get_admin_display_title()
        return str(self.source)

    @cached_property
    def changes(self):
        if self.translation_source is None:
            return []
        return describe_changes(self.translation_source, self.source)


@dataclass
class StatusRow:
    item: SourceItem
    locale: Locale
    target: object | None
    status: str
    translation: Translation | None = None
    changes: list = field(default_factory=list)
    untranslated: int = 0
    note: str = ""

    @property
    def key(self):
        return f"{self.item.key}:{self.locale.pk}"

    @property
    def update_key(self):
        """What the "update translations" action receives for this row."""
        return f"{self.item.source.translation_key}:{self.locale.pk}"

    @property
    def start_key(self):
        """What the "translate" action receives for this row."""
        return f"{self.item.source_content_type_id}:{self.item.source.pk}:{self.locale.pk}"

    @property
    def has_own_title(self):
        return self.target is not None and not getattr(self.target, "alias_of_id", None)

    @property
    def title(self):
        """The title in this language when there is a version in it, else the source's."""
        if not self.has_own_title:
            return self.item.title
        if isinstance(self.target, Page):
            return self.target.get_admin_display_title()
        return str(self.target)

    @property
    def title_language_code(self):
        locale = self.locale if self.has_own_title else self.item.source.locale
        return locale.language_code

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def can_update(self):
        return self.translation is not None and self.status in (OUT_OF_DATE, INCOMPLETE)


def _pick_source(versions, sources, default_locale_id):
    """(source instance, its TranslationSource or None) among the versions of one object."""
    candidates = [s for s in sources if s.locale_id in versions]
    if candidates:
        candidates.sort(
            key=lambda s: (-s.enabled_translations, s.locale_id != default_locale_id, s.pk)
        )
        chosen = candidates[0]
        return versions[chosen.locale_id], chosen
    originals = {
        locale_id: obj
        for locale_id, obj in versions.items()
        if not getattr(obj, "alias_of_id", None)
    }
    if not originals:
        return None, None
    if default_locale_id in originals:
        return originals[default_locale_id], None
    return min(originals.values(), key=lambda obj: obj.pk), None


def collect_items(sections=None):
    """Every translatable page and snippet, as SourceItems, in tree/name order."""
    sections = sections or get_sections()
    default_locale_id = Locale.get_default().pk
    groups = []  # (section, {locale_id: instance})

    wanted_page_sections = [s for s in sections if s in PAGE_SECTIONS]
    if wanted_page_sections:
        all_sections = get_sections()
        by_key = defaultdict(dict)
        order = []
        for page in Page.objects.filter(depth__gt=1).order_by("path").specific():
            if page.translation_key not in by_key:
                order.append(page.translation_key)
            by_key[page.translation_key][page.locale_id] = page
        for key in order:
            versions = by_key[key]
            section = page_section(type(next(iter(versions.values()))), all_sections)
            if section in wanted_page_sections:
                groups.append((section, versions))

    for section in sections:
        if section in PAGE_SECTIONS:
            continue
        model = section.model_classes()[0]
        by_key = defaultdict(dict)
        for obj in model._default_manager.order_by(*(model._meta.ordering or ["pk"])):
            by_key[obj.translation_key][obj.locale_id] = obj
        groups.extend((section, versions) for versions in by_key.values())

    keys = [next(iter(versions.values())).translation_key for _section, versions in groups]
    sources_by_key = defaultdict(list)
    for source in TranslationSource.objects.filter(object_id__in=keys).annotate(
        enabled_translations=Count("translations", filter=Q(translations__enabled=True))
    ):
        sources_by_key[source.object_id].append(source)

    items = []
    for section, versions in groups:
        key = next(iter(versions.values())).translation_key
        source, translation_source = _pick_source(versions, sources_by_key[key], default_locale_id)
        if source is None:
            continue
        if translation_source is not None and type(source) is not (
            translation_source.specific_content_type.model_class()
        ):
            translation_source = None
        items.append(SourceItem(section, source, versions, translation_source))
    return items


def _progress_by_source_and_locale(source_ids, locales):
    """{(source_id, locale_id): (total texts, translated texts)} in one query per language."""
    progress = {}
    for locale in locales:
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale.pk,
            has_error=False,
        )
        rows = (
            StringSegment.objects.filter(source_id__in=source_ids)
            .annotate(done=Exists(translated))
            .values("source_id")
            .annotate(total=Count("id"), translated=Count("id", filter=Q(done=True)))
        )
        for row in rows:
            progress[(row["source_id"], locale.pk)] = (row["total"], row["translated"])
    return progress


def build_rows(items=None, locales=None):
    """A StatusRow for every item in every language other than its source's."""
    items = collect_items() if items is None else items
    locales = list(Locale.objects.all()) if locales is None else list(locales)
    source_ids = [item.translation_source.pk for item in items if item.translation_source]
    translations = {
        (t.source_id, t.target_locale_id): t
        for t in Translation.objects.filter(source_id__in=source_ids).select_related(
            "editorial_pending_change"
        )
    }
    last_saved = {
        (row["source_id"], row["locale_id"]): row["last"]
        for row in TranslationLog.objects.filter(source_id__in=source_ids)
        .values("source_id", "locale_id")
        .annotate(last=Max("created_at"))
    }
    progress = _progress_by_source_and_locale(source_ids, locales)

    rows = []
    for item in items:
        for locale in locales:
            if locale.pk == item.source.locale_id:
                continue
            rows.append(_row(item, locale, translations, last_saved, progress))
    return rows


def _row(item, locale, translations, last_saved, progress):
    target = item.versions.get(locale.pk)
    source_language = item.source.locale.get_display_name()
    if target is None:
        return StatusRow(item, locale, None, MISSING, note=_("No version in this language."))
    if getattr(target, "alias_of_id", None):
        return StatusRow(
            item,
            locale,
            target,
            MISSING,
            note=_("Shown in %(language)s until it is translated.") % {"language": source_language},
        )
    source = item.translation_source
    translation = translations.get((source.pk, locale.pk)) if source else None
    if translation is None or not translation.enabled:
        return _unmanaged_row(item, locale, target)

    changes = list(item.changes)
    pending = getattr(translation, "editorial_pending_change", None)
    if pending is not None:
        known = {change.name for change in changes}
        changes += [
            FieldChange(name, field_label(type(item.source), name))
            for name in pending.fields
            if name not in known
        ]
    saved_at = last_saved.get((source.pk, locale.pk))
    if changes:
        return StatusRow(item, locale, target, OUT_OF_DATE, translation, changes)
    if saved_at is None or saved_at < source.last_updated_at:
        return StatusRow(
            item,
            locale,
            target,
            OUT_OF_DATE,
            translation,
            note=_("The source was synced but this translation was not saved since."),
        )
    total, done = progress.get((source.pk, locale.pk), (0, 0))
    if done < total:
        return StatusRow(
            item,
            locale,
            target,
            INCOMPLETE,
            translation,
            untranslated=total - done,
            note=_("%(count)s of %(total)s texts still in %(language)s.")
            % {"count": total - done, "total": total, "language": source_language},
        )
    return StatusRow(item, locale, target, UP_TO_DATE, translation)


def _unmanaged_row(item, locale, target):
    source_published = getattr(item.source, "last_published_at", None)
    target_published = getattr(target, "last_published_at", None)
    if source_published and target_published and source_published > target_published:
        return StatusRow(
            item,
            locale,
            target,
            OUT_OF_DATE,
            note=_("Edited outside the translation editor; the source was published after it."),
        )
    return StatusRow(
        item, locale, target, UP_TO_DATE, note=_("Edited outside the translation editor.")
    )


def default_language_first(rows, preferred_locale_ids=()):
    """Sort: the preferred languages first, then by status urgency, section, title."""
    preferred = list(preferred_locale_ids)
    section_order = {section.key: index for index, section in enumerate(get_sections())}
    language_order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}

    def sort_key(row):
        return (
            preferred.index(row.locale.pk) if row.locale.pk in preferred else len(preferred),
            language_order.get(row.locale.language_code, 99),
            STATUS_ORDER.index(row.status),
            section_order.get(row.item.section.key, 99),
            row.item.title.lower(),
        )

    return sorted(rows, key=sort_key)
