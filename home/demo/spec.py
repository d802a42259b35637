"""The vocabulary of the demo data modules: what an object, a field value or a reference is.

The data modules describe objects with these types; the builder turns them into model
instances (English) and into the translation memory (French, Italian, Spanish).
"""

from dataclasses import dataclass, field
from typing import Any

from .texts import UL, P, T  # noqa: F401 - re-exported for the data modules


@dataclass(frozen=True)
class Rich:
    """A rich-text field value: P and UL items."""

    blocks: tuple

    def __init__(self, *blocks):
        object.__setattr__(self, "blocks", tuple(blocks))


@dataclass(frozen=True)
class Heading:
    """A "heading" block of a body StreamField."""

    text: T
    level: str = "h2"


@dataclass(frozen=True)
class Paragraphs:
    """A "paragraph" (rich text) block of a body StreamField."""

    blocks: tuple

    def __init__(self, *blocks):
        object.__setattr__(self, "blocks", tuple(blocks))


@dataclass(frozen=True)
class Pillar:
    """A "pillar" block (title and text)."""

    title: T
    text: T


@dataclass(frozen=True)
class Stream:
    """A StreamField value: Heading, Paragraphs or Pillar blocks, in order."""

    blocks: tuple

    def __init__(self, *blocks):
        object.__setattr__(self, "blocks", tuple(blocks))


@dataclass(frozen=True)
class Ref:
    """A reference to another demo object: kind is "partner", "city", "page" or "image"."""

    kind: str
    key: str


def partner(key):
    return Ref("partner", key)


def city(key):
    return Ref("city", key)


def page(key):
    return Ref("page", key)


def image(key):
    return Ref("image", key)


@dataclass
class SnippetSpec:
    """A Partner or City: `key` is stable across runs and gives the translation key."""

    key: str
    fields: dict[str, Any]


@dataclass
class PageSpec:
    """A page of the English tree.

    `parent` is the key of the parent page (None: under the tree root). `children` maps a
    child relation (e.g. "project_partners") to a list of dicts of the child's fields; a
    child with a "key" entry gets a stable translation key (translatable child objects).
    """

    key: str
    model: type
    slug: str
    parent: str | None
    fields: dict[str, Any]
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    show_in_menus: bool = False
