"""Texts written in the four languages side by side, and the memory that pairs them.

Every translatable string of the demo content is a ``T(en=…, fr=…, it=…, es=…)``. The
builder stores the English text on the objects and records, in a ``TranslationMemory``,
what each English string becomes in the other languages, in the exact form in which
wagtail-localize extracts it (escaped plain text, or one string per rich-text block
element). Translating an object then means looking up each of its string segments in
that memory; a segment that is not there is an error, so no English can leak into a
translated page.

Rich text is written as a tuple of ``P`` (paragraph) and ``UL`` (bulleted list) items;
``**words**`` inside them becomes ``<b>words</b>``.
"""

import re
from dataclasses import dataclass
from html import escape

from wagtail_localize.strings import StringValue, extract_strings

TARGET_LANGUAGES = ("fr", "it", "es")
LANGUAGES = ("en", *TARGET_LANGUAGES)


class DemoContentError(Exception):
    """The demo data is inconsistent (a missing or conflicting translation…)."""


@dataclass(frozen=True)
class T:
    """One text in the four languages of the site."""

    en: str
    fr: str
    it: str
    es: str

    def __post_init__(self):
        for lang in LANGUAGES:
            if not getattr(self, lang).strip():
                raise DemoContentError(f"Empty {lang} text in {self!r}")

    def __getitem__(self, lang):
        return getattr(self, lang)

    @classmethod
    def same(cls, text):
        """A name that is written the same way in every language (e.g. "Madrid", "Efus")."""
        return cls(en=text, fr=text, it=text, es=text)


@dataclass(frozen=True)
class P:
    """A rich-text paragraph."""

    text: T


@dataclass(frozen=True)
class UL:
    """A rich-text bulleted list."""

    items: tuple[T, ...]


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _inline(text):
    return _BOLD.sub(r"<b>\1</b>", escape(text, quote=False))


def render_rich(blocks, lang):
    """The HTML of a rich text (a tuple of P and UL) in one language."""
    parts = []
    for block in blocks:
        if isinstance(block, P):
            parts.append(f"<p>{_inline(block.text[lang])}</p>")
        elif isinstance(block, UL):
            items = "".join(f"<li>{_inline(item[lang])}</li>" for item in block.items)
            parts.append(f"<ul>{items}</ul>")
        else:
            raise DemoContentError(f"Unknown rich-text block {block!r}")
    return "".join(parts)


def plaintext_key(text):
    """The form in which wagtail-localize stores a plain-text string segment."""
    return StringValue.from_plaintext(text).data


class TranslationMemory:
    """English string (as extracted by wagtail-localize) → its fr/it/es translations."""

    def __init__(self):
        self._memory = {}

    def __len__(self):
        return len(self._memory)

    def _add(self, en_data, translations, origin):
        known = self._memory.get(en_data)
        if known is not None and known != translations:
            raise DemoContentError(
                f"The English text {en_data!r} is translated in two different ways "
                f"({known} and {translations}, the latter in {origin}); "
                "use the same translation or reword one of them."
            )
        self._memory[en_data] = translations

    def plain(self, text):
        """Register a plain-text T and return its English text, to store on the object."""
        if not isinstance(text, T):
            raise DemoContentError(f"Expected a T(…) text, got {text!r}")
        self._add(
            plaintext_key(text.en),
            {lang: plaintext_key(text[lang]) for lang in TARGET_LANGUAGES},
            origin=repr(text),
        )
        return text.en

    def rich(self, blocks):
        """Register a rich text (tuple of P/UL) and return its English HTML."""
        english = render_rich(blocks, "en")
        en_template, en_strings = extract_strings(english)
        translated = {}
        for lang in TARGET_LANGUAGES:
            template, strings = extract_strings(render_rich(blocks, lang))
            if template != en_template or len(strings) != len(en_strings):
                raise DemoContentError(
                    f"The {lang} rich text does not have the same structure as the English "
                    f"one (paragraphs, lists, bold): {english!r}"
                )
            translated[lang] = [string.data for string, _attrs in strings]
        for index, (string, _attrs) in enumerate(en_strings):
            self._add(
                string.data,
                {lang: translated[lang][index] for lang in TARGET_LANGUAGES},
                origin=english[:80],
            )
        return english

    def lookup(self, en_data, lang, where):
        """The translation of a string segment, or a clear error naming the string."""
        try:
            return self._memory[en_data][lang]
        except KeyError:
            raise DemoContentError(
                f"No {lang} translation for the string {en_data!r} ({where}). "
                "Write it in the home.demo data modules."
            ) from None
