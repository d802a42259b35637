"""Is this page available in that language, or shown in its source language?

Part of the visitor's site (base.html shows the notice), so in core: the editorial app
builds on it, never the other way round (docs/architecture.md#import-rule).

wagtail-localize keeps the page tree of every language in step with the default one:
a page that is not translated yet exists in the other trees as an *alias* of its source
(same content, in the source language, at the translated URL). Templates use
`translation_state(page, language_code)` to say so to visitors:

    {% load translation_tags %}
    {% translation_state page as state %}
    {% if state.is_fallback %}
      <p class="notice">{{ state.notice }}</p>
      <div lang="{{ state.content_language_code }}"> … the page content … </div>
    {% endif %}

`content_language_code` is the language the visitor actually reads, for the ``lang``
attribute (WCAG 3.1.2, language of parts).
"""

from dataclasses import dataclass

from django.utils.translation import get_language, get_language_info, override
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

AVAILABLE = "available"  # the page exists in the language, translated or written in it
UNTRANSLATED = "untranslated"  # only an alias of the source exists in the language
MISSING = "missing"  # no version at all in the language


@dataclass(frozen=True)
class TranslationState:
    language_code: str
    status: str
    page: Page  # what to show: the page in the language (an alias shows the source content)
    source_page: Page | None = None  # for the fallbacks: the page whose content is shown

    @property
    def is_available(self):
        return self.status == AVAILABLE

    @property
    def is_fallback(self):
        return self.status != AVAILABLE

    @property
    def is_alias(self):
        return self.status == UNTRANSLATED

    @property
    def content_language_code(self):
        """The language of the text the visitor sees."""
        if self.is_fallback and self.source_page is not None:
            return self.source_page.locale.language_code
        return self.language_code

    @property
    def language_name(self):
        """The requested language, named in that language ("italiano")."""
        with override(self.language_code):
            return translated_language_name(self.language_code)

    @property
    def content_language_name(self):
        """The language of the content shown, named in the requested language ("inglese")."""
        with override(self.language_code):
            return translated_language_name(self.content_language_code)

    @property
    def notice(self):
        """“This page is not yet available in Italian; shown in English.”, written in the
        requested language (interface translations in site/locale)."""
        if self.is_available:
            return ""
        with override(self.language_code):
            return _("This page is not yet available in %(language)s; shown in %(source)s.") % {
                "language": translated_language_name(self.language_code),
                "source": translated_language_name(self.content_language_code),
            }


# Languages that write language names in lower case within a sentence.
LOWER_CASE_LANGUAGE_NAMES = {"fr", "it", "es", "pt", "ca", "ro"}


def translated_language_name(code):
    """The name of a language in the active language, as written within a sentence
    ("inglese" in Italian, "English" in English)."""
    try:
        name = str(get_language_info(code)["name_translated"])
    except KeyError:  # a language Django does not know: its code
        name = code
    if (get_language() or "").split("-")[0] in LOWER_CASE_LANGUAGE_NAMES:
        name = name.lower()
    return name


def _locale(page, language_code):
    """The Locale of `language_code`: the page's own when it is loaded already and in that
    language (most pages are read in their own language; the chrome loads their locale),
    without a query."""
    if Page.locale.is_cached(page) and page.locale.language_code == language_code:
        return page.locale
    return Locale.objects.filter(language_code=language_code).first()


def translation_state(page, language_code):
    """The state of `page` for a visitor reading `language_code` (see module docstring)."""
    page = page.specific if type(page) is Page else page
    locale = _locale(page, language_code)
    if locale is None:
        return TranslationState(language_code, MISSING, page, page)
    target = page if page.locale_id == locale.pk else page.get_translation_or_none(locale)
    if target is None:
        source = page.alias_of.specific if page.alias_of_id else page
        return TranslationState(language_code, MISSING, page, source)
    if target.alias_of_id:
        source = Page.objects.select_related("locale").get(pk=target.alias_of_id).specific
        if source.locale_id != target.locale_id:
            return TranslationState(language_code, UNTRANSLATED, target.specific, source)
    return TranslationState(language_code, AVAILABLE, target.specific, None)
