"""From a YAML value to the value a model field takes, by the field's type.

- a foreign key or many-to-many to a page, partner, city or image: the demo key(s) of the
  object(s) (``project: project-pactesur2``, ``cities: [liege]``, ``image: hero``);
- a date: ``2021-03-15``, or ``today-7`` (days from the day of the load);
- a date and time: ``"2021-05-05 09:00"`` or ``"today+42 09:00"``, a local time in the
  object's ``timezone`` field (the site's time zone if it has none);
- rich text: a string of HTML, or a list of strings (one per paragraph or list) joined;
- a StreamField: a list of one-key mappings ``{block type: value}``; a string given to a
  struct block fills its first field (``heading: Programme``), the others take their
  defaults; a rich-text block takes a list of strings like a rich-text field;
- anything else: as it is (choice values, numbers, text, URLs).
"""

import datetime
import re
import uuid
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

from partners.models import City, Partner

from .content import DemoContentError

NAMESPACE = uuid.UUID("0b6c3f7e-5d8a-4c1b-9a44-7f2a1e6d9c10")
UNRESOLVED = object()
RELATIVE_DAY = re.compile(r"^today(?:([+-]\d+))?$")


def demo_uuid(name):
    """The stable UUID of a demo object (translation key, StreamField block id)."""
    return uuid.uuid5(NAMESPACE, f"pactesur-demo:{name}")


def relative_date(value, today):
    if isinstance(value, datetime.date):
        return value
    match = RELATIVE_DAY.match(str(value).strip())
    if match:
        return today + datetime.timedelta(days=int(match.group(1) or 0))
    return datetime.date.fromisoformat(str(value))


def local_datetime(value, today, tz_name):
    day, _, time = str(value).strip().partition(" ")
    hour, minute = (int(part) for part in time.split(":"))
    return datetime.datetime.combine(
        relative_date(day, today), datetime.time(hour, minute), tzinfo=zoneinfo.ZoneInfo(tz_name)
    )


def rich_text(value):
    return "".join(value) if isinstance(value, list) else value


class Resolver:
    """Turns an object's YAML values into field values; knows the demo objects by key."""

    def __init__(self, *, today, source_locale, images, snippets, pages):
        self.today = today
        self.source_locale = source_locale
        self.images = images  # key -> Image
        self.snippets = snippets  # Partner/City -> {key: object}
        self.pages = pages  # key -> English page (filled as they are made)

    def reference(self, target_model, key):
        if issubclass(target_model, Page):
            if key in self.pages:
                return self.pages[key]
            page = Page.objects.filter(
                translation_key=demo_uuid(f"page:{key}"), locale=self.source_locale
            ).first()
            return page.specific if page else UNRESOLVED
        if target_model is get_image_model():
            return self.images.get(key)  # None when the images are skipped
        for model in (Partner, City):
            if issubclass(target_model, model):
                try:
                    return self.snippets[model][key]
                except KeyError:
                    raise DemoContentError(f"No {model.__name__.lower()} {key!r}") from None
        raise DemoContentError(f"Cannot refer to a {target_model.__name__} by key ({key!r})")

    def value(self, model, name, raw, row, owner_key):
        """The value of field `name` of `model`, or UNRESOLVED (a page not made yet)."""
        field = model._meta.get_field(name)
        if raw is None:
            return None
        if isinstance(field, models.ManyToManyField) or field.many_to_many:
            resolved = [self.reference(field.related_model, key) for key in raw]
            return UNRESOLVED if UNRESOLVED in resolved else resolved
        if isinstance(field, models.ForeignKey):
            return self.reference(field.related_model, raw)
        if isinstance(field, StreamField):
            return self.stream(field, raw, f"{owner_key}:{name}")
        if isinstance(field, RichTextField):
            return rich_text(raw)
        if isinstance(field, models.DateTimeField):
            return local_datetime(raw, self.today, row.get("timezone") or settings.TIME_ZONE)
        if isinstance(field, models.DateField):
            return relative_date(raw, self.today)
        if isinstance(field, models.DecimalField):
            return Decimal(str(raw))
        return raw

    def stream(self, field, raw, id_prefix):
        stream_block = field.stream_block
        result = []
        for index, item in enumerate(raw):
            if not isinstance(item, dict) or len(item) != 1:
                raise DemoContentError(f"{id_prefix}: a block is a one-key mapping, not {item!r}")
            [(block_type, value)] = item.items()
            try:
                block = stream_block.child_blocks[block_type]
            except KeyError:
                raise DemoContentError(f"{id_prefix}: no block type {block_type!r}") from None
            result.append(
                {
                    "type": block_type,
                    "value": self.block_value(block, value),
                    "id": str(demo_uuid(f"{id_prefix}:{index}")),
                }
            )
        return result

    def block_value(self, block, value):
        if isinstance(block, blocks.StructBlock):
            if not isinstance(value, dict):
                first = next(iter(block.child_blocks))
                value = {first: value}
            return {
                name: self.block_value(child, value[name])
                if name in value
                else child.get_prep_value(child.get_default())
                for name, child in block.child_blocks.items()
            }
        if isinstance(block, blocks.RichTextBlock):
            return rich_text(value)
        return value
