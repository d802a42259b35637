"""Language-aware text analysis shared by both search backends.

Every word goes through the same steps that PostgreSQL applies with
`to_tsvector(<language>, unaccent(text))`:

1. fold: lower case, accents and ligatures removed ("Liège" -> "liege", "Gdańsk" -> "gdansk");
2. drop the language's stop words (the Snowball lists PostgreSQL ships, in search/stopwords/);
3. stem with the language's Snowball stemmer ("sicurezze" -> "sicurezz").

The SQLite backend stores and queries text normalised here; the PostgreSQL backend lets the
database do steps 2 and 3 with the language's own text search configuration and uses this
module only to split the query into words, to build snippets and to highlight matches.

Adding a language is a settings change: any language Snowball knows is stemmed, the others
are only folded (PostgreSQL's "simple" configuration).
"""

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import mark_safe

# ISO 639-1 language code -> Snowball algorithm, which is also PostgreSQL's configuration name.
SNOWBALL_LANGUAGES = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
SIMPLE = "simple"

# Snowball conflates most singular and plural forms, but not all: Spanish "ciudad" stems to
# "ciud" and "ciudades" to "ciudad". A query word is therefore also looked up under these
# inflected forms (suffix -> replacement), on both backends.
INFLECTION_VARIANTS = {
    "es": [("es", ""), ("", "es")],  # ciudad/ciudades, lugar/lugares, taller/talleres
    "fr": [("aux", "ail"), ("ail", "aux")],  # travail/travaux
}
MIN_VARIANT_STEM = 3

# Bounds on what a visitor's query may cost.
MAX_QUERY_TERMS = 12
MAX_WORD_LENGTH = 60

# A word: letters and digits (the underscore is a separator, as in PostgreSQL and FTS5).
WORD_RE = re.compile(r"[^\W_]+")

# Letters that Unicode does not decompose into a base letter and an accent.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
    }
)

_STOPWORDS_DIR = Path(__file__).resolve().parent / "stopwords"
_local = threading.local()


def language_of(language_code):
    """The primary language subtag: "pt-br" -> "pt"."""
    return (language_code or "").lower().replace("_", "-").split("-")[0]


def snowball_algorithm(language_code):
    """The Snowball stemmer / PostgreSQL configuration for a language, or "simple"."""
    return SNOWBALL_LANGUAGES.get(language_of(language_code), SIMPLE)


def fold(text):
    """Lower case, without accents: what PostgreSQL's unaccent() + lower() give."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return text.translate(_SPECIAL_LETTERS)


fold_word = functools.lru_cache(maxsize=100_000)(fold)


def words(text):
    """The words of a text, as they are written."""
    return WORD_RE.findall(text)


@functools.lru_cache(maxsize=64)
def stopwords(algorithm):
    """A language's stop words as PostgreSQL's dictionary compares them: PostgreSQL sees
    unaccented words (we index unaccent(text)), so a folded word is compared to the list
    as written, exactly as the database does."""
    path = _STOPWORDS_DIR / f"{algorithm}.txt"
    if not path.is_file():
        return frozenset()
    return frozenset(line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines())


def _stemmer(algorithm):
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if algorithm not in stemmers:
        stemmers[algorithm] = snowballstemmer.stemmer(algorithm)
    return stemmers[algorithm]


@functools.lru_cache(maxsize=200_000)
def stem(algorithm, folded_word):
    """The stem of an already folded word (None for a stop word)."""
    if folded_word in stopwords(algorithm):
        return None
    if algorithm == SIMPLE or len(folded_word) > MAX_WORD_LENGTH:
        return folded_word
    return _stemmer(algorithm).stemWord(folded_word)


def normalise(text, language_code):
    """Text as the SQLite index stores it: folded, stemmed words, stop words dropped."""
    algorithm = snowball_algorithm(language_code)
    stems = (stem(algorithm, word) for word in words(fold(text)))
    return " ".join(s for s in stems if s)


@dataclass(frozen=True)
class QueryTerm:
    """One word of a query, or one place named in several words: its folded spellings (the
    word and its inflected variants, or the place's names) and their stems (a name of
    several words: its stems separated by spaces, matched as a phrase). A document matches
    the term when it contains any of them."""

    word: str
    forms: tuple
    stems: tuple


@dataclass(frozen=True)
class AnalysedQuery:
    language_code: str
    algorithm: str
    terms: tuple

    def __bool__(self):
        return bool(self.terms)

    @functools.cached_property
    def stems(self):
        """Every stem of every term, word by word (for highlighting)."""
        return frozenset(word for term in self.terms for s in term.stems for word in s.split())

    def matches_word(self, word):
        """Does a word of a document (as written) match one of the query's terms?"""
        return stem(self.algorithm, fold_word(word)) in self.stems


def _variants(folded_word, language):
    forms = [folded_word]
    for suffix, replacement in INFLECTION_VARIANTS.get(language, ()):
        if folded_word.endswith(suffix):
            base = folded_word[: len(folded_word) - len(suffix)] if suffix else folded_word
            if len(base) >= MIN_VARIANT_STEM:
                forms.append(base + replacement)
    return forms


def _word_term(word, algorithm, language):
    """A word and its inflected variants; None for a stop word."""
    if stem(algorithm, word) is None:
        return None
    forms, stems = [], []
    for form in _variants(word, language):
        form_stem = stem(algorithm, form)
        if form_stem and form_stem not in stems:
            forms.append(form)
            stems.append(form_stem)
    return QueryTerm(word=word, forms=tuple(forms), stems=tuple(stems))


def _place_term(written, spellings, algorithm):
    """A place named in the query (`written`: its words), matched by any of its names."""
    forms, stems = [], []
    for spelling in sorted(spellings):
        phrase = " ".join(s for s in (stem(algorithm, word) for word in spelling) if s)
        if phrase and phrase not in stems:
            forms.append(" ".join(spelling))
            stems.append(phrase)
    if not stems:
        return None
    return QueryTerm(word=" ".join(written), forms=tuple(forms), stems=tuple(stems))


def analyse_query(query, language_code, synonyms=None):
    """Split a visitor's query into terms. Only words survive: quotes, operators and
    punctuation are dropped here, so nothing the visitor types ever reaches FTS5 or
    tsquery syntax. Stop words and repeated words are dropped; at most MAX_QUERY_TERMS.

    `synonyms` (search/synonyms.py) turns the name of a place, in one word or several, into
    one term that any of the place's names matches: "Torino" finds "Turin"."""
    algorithm = snowball_algorithm(language_code)
    language = language_of(language_code)
    folded = [word[:MAX_WORD_LENGTH] for word in words(fold(query))]
    terms, seen = [], set()
    position = 0
    while position < len(folded) and len(terms) < MAX_QUERY_TERMS:
        length, spellings = synonyms.match(folded, position) if synonyms else (0, None)
        if length:
            term = _place_term(folded[position : position + length], spellings, algorithm)
            position += length
        else:
            term = _word_term(folded[position], algorithm, language)
            position += 1
        if term is None or term.stems[0] in seen:
            continue
        seen.update(term.stems)
        terms.append(term)
    return AnalysedQuery(language_code=language_code, algorithm=algorithm, terms=tuple(terms))


SNIPPET_LENGTH = 240
SNIPPET_LEAD = 60
SNIPPET_SCAN_LIMIT = 50_000


def highlight(text, analysed):
    """The whole (short) text, escaped, with the query's words wrapped in <mark>."""
    return _render(text, 0, len(text), _matches(text, analysed), ellipses=False)


def snippet(text, analysed, length=SNIPPET_LENGTH):
    """An extract of `text` around the first match of the query (or its beginning), built
    from escaped text with the matched words wrapped in <mark>: safe to show as HTML."""
    text = " ".join(text.split())
    matches = _matches(text[:SNIPPET_SCAN_LIMIT], analysed) if analysed else []
    start = 0
    if matches and matches[0][0] > SNIPPET_LEAD:
        start = matches[0][0] - SNIPPET_LEAD
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < matches[0][0] else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    else:
        end = len(text)
    return _render(text, start, end, matches, ellipses=True)


def _matches(text, analysed):
    """The spans of the words of `text` that match the query, in order: each distinct word
    is checked once, then one regular expression finds where the matching ones are. The
    same spans as checking every word of WORD_RE.finditer(text) in turn, without a Python
    step per word of the text (that was the largest cost of a page of results)."""
    if not analysed:
        return []
    found = frozenset(word for word in set(WORD_RE.findall(text)) if analysed.matches_word(word))
    if not found:
        return []
    return [match.span() for match in _words_pattern(found).finditer(text)]


@functools.lru_cache(maxsize=1024)
def _words_pattern(found):
    """A whole word (a run WORD_RE would find, neither preceded nor followed by a letter or
    digit) that is one of `found`, written exactly so."""
    alternatives = "|".join(re.escape(word) for word in sorted(found, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def _render(text, start, end, matches, ellipses):
    parts = ["…"] if ellipses and start > 0 else []
    position = start
    for match_start, match_end in matches:
        if match_end <= start:
            continue
        if match_start >= end:
            break
        parts.append(escape(text[position:match_start]))
        parts.append(f"<mark>{escape(text[match_start:match_end])}</mark>")
        position = match_end
    parts.append(escape(text[position:end]))
    if ellipses and end < len(text):
        parts.append("…")
    return mark_safe("".join(parts))  # every piece of text was escaped above
