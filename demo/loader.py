"""Build the demo site from the content files: English objects, then their translations.

Idempotent and respectful of people's work. Every object has a stable key, from which its
translation key is derived (``uuid5``), so a rerun finds what an earlier run made. Then:

- an object that is missing (never made, or deleted) is made and published, with its
  translations;
- an object that people changed in the admin (see people.py) is left as it is, in every
  language; only its missing translations are made again, from the snapshot its
  translations already follow;
- any other object follows the content files: when they say something else (new texts,
  or the dates of the upcoming events, which move with the day of the load) it gets a new
  published revision and its translations are brought up to date.
"""

import datetime
import json
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

from partners.models import City, Partner

from . import content
from .content import DemoContentError
from .images import ensure_images
from .people import changed_by_people
from .registrations import ensure_registrations
from .translations import Translator
from .values import UNRESOLVED, Resolver, demo_uuid


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


def apply(obj, values):
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
        if normalise(field, current) == normalise(field, value):
            continue
        changed = True
        if isinstance(field, ParentalManyToManyField | models.ManyToManyField):
            getattr(obj, name).set(value)
        else:
            setattr(obj, name, value)
    return changed


class DemoLoader:
    def __init__(self, *, today=None, with_images=True):
        self.today = today or timezone.localdate()
        self.with_images = with_images
        self.stats = Counter()
        self.status = {}  # "snippet:key" or "page:key" -> added, updated, up to date…
        self.pages = {}
        self.snippets = {Partner: {}, City: {}}

    # ------------------------------------------------------------------ entry point

    def load(self):
        snippet_specs, page_specs = content.snippet_specs(), content.page_specs()
        languages = content.target_languages()
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        missing = [code for code in (settings.LANGUAGE_CODE, *languages) if code not in locales]
        if missing:
            raise DemoContentError(f"Locales missing: {missing}; run `manage.py migrate` first.")
        self.source_locale = locales[settings.LANGUAGE_CODE]
        self.translator = Translator(
            {code: locales[code] for code in languages},
            {code: content.catalogue(code) for code in languages},
        )
        images = {}
        if self.with_images:
            images, self.stats["images added"] = ensure_images(content.read_yaml("images.yaml"))
        self.resolver = Resolver(
            today=self.today,
            source_locale=self.source_locale,
            images=images,
            snippets=self.snippets,
            pages=self.pages,
        )
        self.changed = changed_by_people(
            Page, [demo_uuid(f"page:{spec.key}") for spec in page_specs]
        )
        for model in (Partner, City):
            self.changed |= changed_by_people(
                model,
                [self.snippet_key(spec) for spec in snippet_specs if spec.model is model],
            )

        for spec in snippet_specs:
            self.snippets[spec.model][spec.key] = self.ensure_snippet(spec)
        deferred = [spec for spec in page_specs if not self.ensure_page(spec)]
        for spec in deferred:  # their references to pages made later in the first run
            if not self.ensure_page(spec):
                raise DemoContentError(f"{spec.origin}: a page it refers to does not exist")
        self.point_site_at_home()
        self.remove_welcome_pages()

        english = [
            *self.snippets[Partner].values(),
            *self.snippets[City].values(),
            *sorted(self.pages.values(), key=lambda page: page.path),
        ]
        for obj in english:
            self.translator.translate(obj, refresh_source=obj.translation_key not in self.changed)
        self.stats.update(Counter(self.status.values()))
        self.stats["translations added"] = self.translator.result.added
        self.stats["translations updated"] = self.translator.result.updated
        self.stats["registrations added"] = ensure_registrations(
            content.read_yaml("registrations.yaml"), self.pages
        )
        return self.stats

    @property
    def missing_translations(self):
        return self.translator.result.missing

    # ------------------------------------------------------------------ objects

    def resolve(self, spec, model, raw_values):
        values, complete = {}, True
        for name, raw in raw_values.items():
            value = self.resolver.value(model, name, raw, raw_values, spec.key)
            if value is UNRESOLVED:
                complete = False
            else:
                values[name] = value
        return values, complete

    def record(self, key, obj, created, changed):
        """What happened to the object (a page can pass twice: its references come later)."""
        if created:
            status = "added"
        elif obj.translation_key in self.changed:
            status = "changed by people"
        elif changed or not obj.live or obj.has_unpublished_changes:
            status = "updated"
        else:
            status = "up to date"
        if self.status.get(key, "up to date") == "up to date":
            self.status[key] = status

    @staticmethod
    def snippet_key(spec):
        return demo_uuid(f"{spec.model._meta.model_name}:{spec.key}")

    def ensure_snippet(self, spec):
        model = spec.model
        key = self.snippet_key(spec)
        record_key = f"{model._meta.model_name}:{spec.key}"
        obj = model.objects.filter(translation_key=key, locale=self.source_locale).first()
        if obj is not None and key in self.changed:
            self.record(record_key, obj, False, False)
            return obj
        values, _complete = self.resolve(spec, model, spec.values)
        if obj is None:
            obj = model(translation_key=key, locale=self.source_locale, live=False)
            apply(obj, values)
            obj.save()
            obj.save_revision().publish()
            self.record(record_key, obj, True, True)
        else:
            changed = apply(obj, values)
            self.record(record_key, obj, False, changed)
            if changed or not obj.live or obj.has_unpublished_changes:
                obj.save_revision().publish()
        return model.objects.get(pk=obj.pk)

    def find_page(self, spec, parent):
        key = demo_uuid(f"page:{spec.key}")
        page = spec.model.objects.filter(translation_key=key, locale=self.source_locale).first()
        if page is None and parent is not None:  # made before the keys were stable: reuse it
            page = (
                spec.model.objects.child_of(parent)
                .filter(locale=self.source_locale, slug=spec.values["slug"])
                .first()
            )
        return page

    def parent_of(self, spec):
        if spec.parent is None:
            return Page.get_first_root_node()
        return self.pages[spec.parent]

    def child_rows(self, spec, relation, child_model, rows):
        resolved = []
        for index, row in enumerate(rows):
            values = {"sort_order": index}
            for name, raw in row.items():
                if name == "key":
                    values["translation_key"] = demo_uuid(f"{spec.key}:{relation}:{raw}")
                else:
                    values[name] = self.resolver.value(child_model, name, raw, row, spec.key)
            resolved.append(values)
        return resolved

    def apply_children(self, page, spec):
        changed = False
        for relation, rows in spec.children.items():
            child_model = page._meta.get_field(relation).related_model
            wanted = self.child_rows(spec, relation, child_model, rows)
            existing = list(getattr(page, relation).all())
            fields = [name for name in wanted[0] if name != "sort_order"] if wanted else []

            def signature(values, fields=fields, child_model=child_model):
                return [
                    tuple(
                        normalise(child_model._meta.get_field(name), row[name]) for name in fields
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

    def ensure_page(self, spec):
        """Make or update the English page; False if a page it refers to is not made yet."""
        parent = self.pages.get(spec.parent) if spec.parent else Page.get_first_root_node()
        page = self.find_page(spec, parent)
        if page is not None and page.translation_key in self.changed:
            self.record(f"page:{spec.key}", page, False, False)
            self.pages[spec.key] = page.specific
            return True
        values, complete = self.resolve(spec, spec.model, spec.values)
        if page is None:
            page = spec.model(
                locale=self.source_locale, translation_key=demo_uuid(f"page:{spec.key}")
            )
            apply(page, values)
            self.apply_children(page, spec)
            self.parent_of(spec).add_child(instance=page)
            page.save_revision().publish()
            self.record(f"page:{spec.key}", page, True, True)
        else:
            changed = apply(page, values)
            changed = self.apply_children(page, spec) or changed
            self.record(f"page:{spec.key}", page, False, changed)
            if changed or not page.live or page.has_unpublished_changes:
                page.save_revision().publish()
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
