"""What changed in a source since its translations were last synced, field by field.

wagtail-localize stores the source content it translated from (`TranslationSource.content_json`
and its `StringSegment`s). Comparing it with the live object names the changed fields and
counts the texts that are new, so the translation status (editorial/status.py) and the
notice sent to translators (editorial/signals.py) say what to look at, not only "changed".
"""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.text import capfirst
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.fields import StreamField
from wagtail_localize.fields import TranslatableField, get_translatable_fields
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def serialize_for_translation(instance):
    """The source content as wagtail-localize stores it in `TranslationSource.content_json`."""
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def tracked_field_names(model):
    return [translatable.field_name for translatable in get_translatable_fields(model)]


def changed_field_names(model, old_content, new_content):
    """The translatable and synchronised fields whose stored value differs."""
    return [
        name
        for name in tracked_field_names(model)
        if old_content.get(name) != new_content.get(name)
    ]


def field_label(model, name):
    try:
        model_field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - a field removed since: show its name
        return capfirst(name.replace("_", " "))
    if model_field.is_relation and model_field.auto_created:  # child objects (inline panels)
        return capfirst(model_field.related_model._meta.verbose_name_plural)
    return capfirst(getattr(model_field, "verbose_name", name))


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    new_texts: int = 0  # texts of the source that have no translation context yet
    parts: tuple = ()  # e.g. the StreamField block types that changed

    def __str__(self):
        text = str(self.label)
        if self.parts:
            text += " (" + ", ".join(self.parts) + ")"
        return text


def _stream_block_label(stream_field, raw_blocks, block_id):
    for block in raw_blocks or []:
        if isinstance(block, dict) and block.get("id") == block_id:
            child = stream_field.stream_block.child_blocks.get(block.get("type"))
            return capfirst(child.label) if child is not None else block.get("type")
    return None


def describe_changes(source, instance, old_content=None, new_content=None):
    """Which fields of the live `instance` differ from what `source` stored, with the
    number of new texts per translatable field (segments re-extracted from the live
    instance and compared with the stored `StringSegment`s)."""
    model = type(instance)
    old_content = old_content if old_content is not None else json.loads(source.content_json)
    new_content = new_content if new_content is not None else serialize_for_translation(instance)
    names = changed_field_names(model, old_content, new_content)
    if not names:
        return []
    translated = {
        f.field_name for f in get_translatable_fields(model) if isinstance(f, TranslatableField)
    }
    new_texts = Counter()
    parts = defaultdict(list)
    if translated & set(names):
        live = Counter(
            (segment.path, segment.string.data)
            for segment in extract_segments(instance)
            if isinstance(segment, StringSegmentValue)
        )
        stored = Counter(
            source.stringsegment_set.values_list("context__path", "string__data").iterator()
        )
        added, removed = live - stored, stored - live
        for path, text in (added + removed).elements():
            top, _sep, rest = path.partition(".")
            if (path, text) in added:
                new_texts[top] += 1
            model_field = _get_field(model, top)
            if rest and isinstance(model_field, StreamField):
                block_id = rest.split(".", 1)[0]
                label = _stream_block_label(
                    model_field, _raw_stream(new_content.get(top)), block_id
                ) or _stream_block_label(model_field, _raw_stream(old_content.get(top)), block_id)
                if label and label not in parts[top]:
                    parts[top].append(label)
    return [
        FieldChange(name, field_label(model, name), new_texts[name], tuple(parts[name]))
        for name in names
    ]


def _get_field(model, name):
    try:
        return model._meta.get_field(name)
    except Exception:  # noqa: BLE001
        return None


def _raw_stream(value):
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return []
    return value or []
