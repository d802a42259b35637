"""Build the demo site: English objects first, then their wagtail-localize translations.

Idempotent: every object has a stable key, from which its translation key is derived
(``uuid5``), so a rerun finds what an earlier run made. An object whose content has not
changed is left alone (no new revision); one that has changed gets a new published
revision, and its translations are brought up to date.

Translations go through wagtail-localize exactly as a translator's would: a
TranslationSource for the English object, a Translation per target locale, a
StringTranslation for every string segment (looked up in the translation memory that the
data modules fill; a missing one is an error), then ``Translation.save_target``. The
target is saved as a draft and its new revision published right away, instead of with
``publish=True``, which defers publishing to the end of the outermost transaction: this
keeps the command atomic (all or nothing) and works the same inside a test transaction.
"""

import datetime
import json
import uuid
from collections import Counter
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site, TranslatableMixin
from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from partners.models import City, Partner

from . import data_news_events, data_pages, data_snippets
from .images import ensure_images
from .registrations import DEMO_EVENT_KEY, ensure_demo_registrations
from .spec import Heading, PageSpec, Paragraphs, Pillar, Ref, Rich, Stream
from .texts import TARGET_LANGUAGES, DemoContentError, T, TranslationMemory

NAMESPACE = uuid.UUID("0b6c3f7e-5d8a-4c1b-9a44-7f2a1e6d9c10")
UNRESOLVED = object()


def demo_uuid(name):
    """The stable UUID of a demo object (translation key, StreamField block id)."""
    return uuid.uuid5(NAMESPACE, f"pactesur-demo:{name}")


def page_specs(today):
    return [
        data_pages.HOME,
        data_pages.PROJECT_INDEX,
        data_pages.PACTESUR,
        data_pages.PACTESUR2,
        data_pages.NEWS_INDEX,
        data_pages.EVENT_INDEX,
        *data_news_events.news(today),
        *data_news_events.events(today),
        data_pages.ABOUT,
        data_pages.ACCESSIBILITY,
        data_pages.PRIVACY,
        data_pages.LEGAL_NOTICE,
        data_pages.CONTACT,
    ]


class DemoBuilder:
    def __init__(self, *, today=None, with_images=True):
        self.today = today or timezone.localdate()
        self.with_images = with_images
        self.memory = TranslationMemory()
        self.stats = Counter()
        self.images = {}
        self.snippets = {"partner": {}, "city": {}}
        self.pages = {}

    # ------------------------------------------------------------------ entry point

    def build(self):
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        missing = [
            code for code in (settings.LANGUAGE_CODE, *TARGET_LANGUAGES) if code not in self.locales
        ]
        if missing:
            raise DemoContentError(f"Locales missing: {missing}; run `manage.py migrate` first.")
        self.source_locale = self.locales[settings.LANGUAGE_CODE]

        if self.with_images:
            self.images, created = ensure_images()
            if created:
                self.stats["image created"] += created
            if len(self.images) > created:
                self.stats["image unchanged"] += len(self.images) - created

        for spec in data_snippets.PARTNERS:
            self.snippets["partner"][spec.key] = self.ensure_snippet(Partner, spec)
        for spec in data_snippets.CITIES:
            self.snippets["city"][spec.key] = self.ensure_snippet(City, spec)

        specs = page_specs(self.today)
        deferred = [spec for spec in specs if not self.ensure_page(spec)]
        for spec in deferred:  # their references to pages created later in the first run
            if not self.ensure_page(spec):
                raise DemoContentError(f"Unresolved page reference in {spec.key}")

        self.point_site_at_home()
        self.remove_welcome_pages()

        for obj in [*self.snippets["partner"].values(), *self.snippets["city"].values()]:
            self.translate(obj)
        for english in sorted(self.pages.values(), key=lambda page: page.path):
            self.translate(english)

        created = ensure_demo_registrations(self.pages[DEMO_EVENT_KEY])
        if created:
            self.stats["registration created"] += created
        return self.stats

    # ------------------------------------------------------------------ values

    def stream_raw(self, owner_key, field_name, stream):
        raw = []
        for index, block in enumerate(stream.blocks):
            block_id = str(demo_uuid(f"{owner_key}:{field_name}:{index}"))
            if isinstance(block, Heading):
                value = {"text": self.memory.plain(block.text), "level": block.level}
                raw.append({"type": "heading", "value": value, "id": block_id})
            elif isinstance(block, Paragraphs):
                value = self.memory.rich(block.blocks)
                raw.append({"type": "paragraph", "value": value, "id": block_id})
            elif isinstance(block, Pillar):
                value = {
                    "title": self.memory.plain(block.title),
                    "text": self.memory.plain(block.text),
                }
                raw.append({"type": "pillar", "value": value, "id": block_id})
            else:
                raise DemoContentError(f"Unknown stream block {block!r} in {owner_key}")
        return raw

    def resolve_ref(self, ref):
        if ref.kind == "image":
            return self.images.get(ref.key)  # None when images are skipped
        if ref.kind in self.snippets:
            return self.snippets[ref.kind][ref.key]
        if ref.kind == "page":
            if ref.key in self.pages:
                return self.pages[ref.key]
            page = Page.objects.filter(
                translation_key=demo_uuid(f"page:{ref.key}"), locale=self.source_locale
            ).first()
            return page.specific if page else UNRESOLVED
        raise DemoContentError(f"Unknown reference {ref!r}")

    def resolve(self, owner_key, field_name, value):
        if isinstance(value, T):
            return self.memory.plain(value)
        if isinstance(value, Rich):
            return self.memory.rich(value.blocks)
        if isinstance(value, Stream):
            return self.stream_raw(owner_key, field_name, value)
        if isinstance(value, Ref):
            return self.resolve_ref(value)
        if isinstance(value, list) and value and isinstance(value[0], Ref):
            resolved = [self.resolve_ref(ref) for ref in value]
            return UNRESOLVED if UNRESOLVED in resolved else resolved
        return value

    @staticmethod
    def normalise(field, value):
        """A comparable form of a field value (as stored, or as about to be assigned)."""
        if isinstance(field, ParentalManyToManyField | models.ManyToManyField):
            return sorted(item.pk for item in value)
        if isinstance(field, models.ForeignKey):
            return value.pk if value is not None else None
        if isinstance(field, StreamField):
            if isinstance(value, list):
                value = field.to_python(value)
            return json.dumps(field.get_prep_value(value), cls=DjangoJSONEncoder, sort_keys=True)
        if value is None:
            return None
        if isinstance(field, models.DateTimeField):
            return value.astimezone(datetime.UTC).isoformat()
        if isinstance(field, models.DecimalField):
            return Decimal(value).quantize(Decimal(1).scaleb(-field.decimal_places))
        if field.get_internal_type() == "CharField" and hasattr(value, "code"):
            return value.code  # django-countries Country
        return value

    def apply(self, obj, values):
        """Assign values to obj; True if any of them differs from what obj had."""
        changed = False
        for name, value in values.items():
            field = obj._meta.get_field(name)
            if isinstance(field, ParentalManyToManyField | models.ManyToManyField):
                current = list(getattr(obj, name).all())
            elif isinstance(field, models.ForeignKey):
                current = getattr(obj, name)
            else:
                current = field.value_from_object(obj)
            if self.normalise(field, current) == self.normalise(field, value):
                continue
            changed = True
            if isinstance(field, ParentalManyToManyField | models.ManyToManyField):
                getattr(obj, name).set(value)
            else:
                setattr(obj, name, value)
        return changed

    # ------------------------------------------------------------------ snippets

    def ensure_snippet(self, model, spec):
        key = demo_uuid(f"{model._meta.model_name}:{spec.key}")
        values = {name: self.resolve(spec.key, name, value) for name, value in spec.fields.items()}
        label = model._meta.verbose_name
        obj = model.objects.filter(translation_key=key, locale=self.source_locale).first()
        if obj is None:
            obj = model(translation_key=key, locale=self.source_locale, live=False)
            self.apply(obj, values)
            obj.save()
            obj.save_revision().publish()
            self.stats[f"{label} created"] += 1
        elif self.apply(obj, values) or not obj.live or obj.has_unpublished_changes:
            obj.save_revision().publish()
            self.stats[f"{label} updated"] += 1
        else:
            self.stats[f"{label} unchanged"] += 1
        return model.objects.get(pk=obj.pk)

    # ------------------------------------------------------------------ pages

    def parent_of(self, spec):
        if spec.parent is None:
            return Page.get_first_root_node()
        return self.pages[spec.parent]

    def find_page(self, spec, parent):
        key = demo_uuid(f"page:{spec.key}")
        page = spec.model.objects.filter(translation_key=key, locale=self.source_locale).first()
        if page is None:  # made before the keys were stable, or by hand: reuse it
            page = (
                spec.model.objects.child_of(parent)
                .filter(locale=self.source_locale, slug=spec.slug)
                .first()
            )
        return page

    def child_values(self, spec, relation, rows):
        """The child objects (e.g. project partners, form fields) the spec asks for."""
        resolved = []
        for index, row in enumerate(rows):
            values = {"sort_order": index}
            for name, value in row.items():
                if name == "key":
                    values["translation_key"] = demo_uuid(f"{spec.key}:{relation}:{value}")
                else:
                    values[name] = self.resolve(spec.key, name, value)
            resolved.append(values)
        return resolved

    def apply_children(self, page, spec):
        changed = False
        for relation, rows in spec.children.items():
            child_model = page._meta.get_field(relation).related_model
            wanted = self.child_values(spec, relation, rows)
            existing = list(getattr(page, relation).all())
            fields = [name for name in wanted[0] if name != "sort_order"] if wanted else []

            def signature(values, fields=fields, child_model=child_model):
                return [
                    tuple(
                        self.normalise(child_model._meta.get_field(name), row[name])
                        for name in fields
                    )
                    for row in values
                ]

            current = [{name: getattr(child, name) for name in fields} for child in existing]
            if signature(current) == signature(wanted):
                continue
            changed = True
            by_key = {
                child.translation_key: child
                for child in existing
                if isinstance(child, TranslatableMixin)
            }
            children = []
            for values in wanted:
                child = by_key.get(values.get("translation_key")) or child_model()
                if isinstance(child, TranslatableMixin):
                    child.locale = self.source_locale
                for name, value in values.items():
                    setattr(child, name, value)
                children.append(child)
            setattr(page, relation, children)
        return changed

    def ensure_page(self, spec: PageSpec):
        """Create or update the English page; False if some page reference is not made yet."""
        parent = self.parent_of(spec)
        values = {}
        complete = True
        for name, value in spec.fields.items():
            resolved = self.resolve(spec.key, name, value)
            if resolved is UNRESOLVED:
                complete = False
            else:
                values[name] = resolved
        page = self.find_page(spec, parent)
        if page is None:
            page = spec.model(
                slug=spec.slug,
                locale=self.source_locale,
                translation_key=demo_uuid(f"page:{spec.key}"),
                show_in_menus=spec.show_in_menus,
            )
            self.apply(page, values)
            self.apply_children(page, spec)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.stats[f"{spec.model._meta.verbose_name} created"] += 1
        else:
            changed = self.apply(page, {**values, "show_in_menus": spec.show_in_menus})
            changed = self.apply_children(page, spec) or changed
            if changed or not page.live or page.has_unpublished_changes:
                page.save_revision().publish()
                self.stats[f"{spec.model._meta.verbose_name} updated"] += 1
            else:
                self.stats[f"{spec.model._meta.verbose_name} unchanged"] += 1
        self.pages[spec.key] = spec.model.objects.get(pk=page.pk)
        return complete

    def point_site_at_home(self):
        home = self.pages["home"]
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                is_default_site=True,
                root_page=home,
                site_name=settings.WAGTAIL_SITE_NAME,
            )
            return
        if site.root_page_id != home.pk or not site.site_name:
            site.root_page = home
            site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
            site.save()

    def remove_welcome_pages(self):
        """Wagtail's "Welcome to your new Wagtail site!" page and its aliases in other locales."""
        plain_page = ContentType.objects.get_for_model(Page)
        candidates = Page.objects.filter(depth=2, content_type=plain_page, numchild=0).exclude(
            pk__in=Site.objects.values("root_page")
        )
        # Aliases first: the page they copy cannot go while they point at it.
        for page in sorted(candidates, key=lambda page: page.alias_of_id is None):
            page.delete()
            self.stats["welcome pages removed"] += 1

    # ------------------------------------------------------------------ translations

    def ensure_string_translations(self, source, locale):
        """One StringTranslation per string segment; the number created or changed."""
        changed = 0
        where = f"{source.specific_content_type.name} “{source.object_repr}”"
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            data = self.memory.lookup(
                segment.string.data, locale.language_code, f"{where}, {segment.context.path}"
            )
            translation = StringTranslation.objects.filter(
                translation_of=segment.string, locale=locale, context=segment.context
            ).first()
            if translation is None:
                translation = StringTranslation.objects.create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    data=data,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                )
                changed += 1
            elif translation.data != data or translation.has_error:
                translation.data = data
                translation.has_error = False
                translation.field_error = ""
                translation.save()
                changed += 1
            translation.refresh_from_db(fields=["has_error"])
            if translation.has_error:
                raise DemoContentError(
                    f"The {locale.language_code} translation of {segment.string.data!r} "
                    f"({where}) is not valid: {data!r}"
                )
        return changed

    def translate(self, english):
        """Create or update the fr/it/es translations of an English page or snippet."""
        model = type(english)
        english = model.objects.get(pk=english.pk)  # the stored state, as a source snapshot
        previous = (
            TranslationSource.objects.filter(
                object_id=english.translation_key, locale=self.source_locale
            )
            .values_list("content_json", flat=True)
            .first()
        )
        source, created = TranslationSource.update_or_create_from_instance(english)
        source_changed = created or previous != source.content_json

        for code in TARGET_LANGUAGES:
            locale = self.locales[code]
            translation, translation_created = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            if not translation.enabled:
                translation.enabled = True
                translation.save(update_fields=["enabled"])
                translation_created = True
            strings_changed = self.ensure_string_translations(source, locale)
            target = model.objects.filter(
                translation_key=english.translation_key, locale=locale
            ).first()
            stale = (
                target is None
                or getattr(target, "alias_of_id", None) is not None
                or not target.live
                or target.has_unpublished_changes
            )
            if source_changed or translation_created or strings_changed or stale:
                translation.save_target(publish=False)
                target = translation.get_target_instance()
                revision = target.latest_revision
                if revision is not None and target.live_revision_id != revision.pk:
                    revision.publish()
                self.stats[f"{code} translations saved"] += 1
            else:
                self.stats[f"{code} translations unchanged"] += 1


def content_counts():
    """What the demo site holds: pages per locale, snippets, translations, strings."""
    counts = {}
    for locale in Locale.objects.order_by("language_code"):
        code = locale.language_code
        counts[f"pages {code}"] = Page.objects.filter(locale=locale, depth__gt=1).count()
        counts[f"live pages {code}"] = (
            Page.objects.filter(locale=locale, depth__gt=1).live().count()
        )
        counts[f"partners {code}"] = Partner.objects.filter(locale=locale).count()
        counts[f"cities {code}"] = City.objects.filter(locale=locale).count()
    counts["translation sources"] = TranslationSource.objects.count()
    counts["translations"] = Translation.objects.count()
    counts["strings"] = String.objects.count()
    counts["string translations"] = StringTranslation.objects.count()
    return counts
