"""The demo content files: what to build (YAML, in English) and its translations (PO).

``content/`` holds one YAML file per kind of object (snippets, pages, news, events, images,
registrations) and one PO file per target language (``fr.po``, ``it.po``, ``es.po``). The
PO files are ordinary gettext catalogues whose ``msgid`` is a string exactly as
wagtail-localize extracts it from an English object (plain text escaped as HTML, rich text
one block element at a time) and ``msgstr`` its translation: the loader fills each
object's own PO export from them and uploads it with wagtail-localize's ``import_po``, as a
translator would. docs/development.md describes the format.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polib
import yaml
from django.apps import apps
from django.conf import settings

CONTENT_DIR = Path(__file__).resolve().parent / "content"
PAGE_FILES = ("pages.yaml", "news.yaml", "events.yaml")
SNIPPET_MODELS = {"partners": "partners.Partner", "cities": "partners.City"}


class DemoContentError(Exception):
    """The demo content files are inconsistent (an unknown field, page or reference…)."""


@dataclass
class Spec:
    """One object of the demo: a snippet or a page of the English tree.

    ``key`` is stable across runs and gives the object's translation key; ``values`` are
    the YAML values by field name (child relations, such as a project's partners, are lists
    of dicts); ``parent`` is the key of a page's parent (None: under the tree root).
    """

    key: str
    model: type
    values: dict[str, Any]
    origin: str
    parent: str | None = None
    is_page: bool = False
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def read_yaml(name):
    path = CONTENT_DIR / name
    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.safe_load(stream)
    except yaml.YAMLError as error:
        raise DemoContentError(f"{path}: {error}") from error


def _model(label, origin):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError) as error:
        raise DemoContentError(f"{origin}: unknown type {label!r}") from error


def _split_children(model, values):
    """Child relations (a ParentalKey's reverse side) apart from the field values."""
    children = {}
    for name in list(values):
        try:
            field_ = model._meta.get_field(name)
        except Exception as error:
            raise DemoContentError(f"{model.__name__} has no field {name!r}") from error
        if field_.one_to_many:
            children[name] = values.pop(name)
    return children


def snippet_specs():
    specs = []
    for group, label in SNIPPET_MODELS.items():
        model = apps.get_model(label)
        for item in read_yaml("snippets.yaml")[group]:
            values = dict(item)
            key = values.pop("key")
            specs.append(Spec(key=key, model=model, values=values, origin=f"snippets.yaml:{key}"))
    return specs


def page_specs():
    """Every page, parents before children (the files' own order)."""
    specs = []
    for name in PAGE_FILES:
        for item in read_yaml(name):
            values = dict(item)
            key = values.pop("key")
            origin = f"{name}:{key}"
            model = _model(values.pop("type"), origin)
            parent = values.pop("parent")
            try:
                children = _split_children(model, values)
            except DemoContentError as error:
                raise DemoContentError(f"{origin}: {error}") from error
            specs.append(
                Spec(
                    key=key,
                    model=model,
                    values=values,
                    origin=origin,
                    parent=parent,
                    is_page=True,
                    children=children,
                )
            )
    return specs


def target_languages():
    """The site's languages other than the default one (fr, it, es)."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue(language):
    """{English string: translation} from ``content/<language>.po`` (empty ones left out)."""
    path = CONTENT_DIR / f"{language}.po"
    if not path.exists():
        return {}
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }
