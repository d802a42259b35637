"""Names the site search treats as one: a place's names in every language.

A visitor searching "Torino" on the French site, or "Turin" on the Italian one, means the
city that the pages call "Turin" in French and "Torino" in Italian. Apps give such groups of
names with the `register_search_synonyms` hook: a function returning the groups (each an
iterable of names) read from the database; partners registers its cities (the names of
their translations and their other names). A query word, or several words in a row
("Monaco di Baviera"), that is a name of a group matches a page that contains any name of
the group (search/text.py: analyse_query).

The groups are data, not code: editors and translators change them in the admin. They are
read once per content version and process (core.chrome_cache: one small query per
registering app, a few dozen rows, after each change), not on every search: saving a city
(a snippet) changes the content version, so a change counts at once in every process.
Without the chrome cache (previews, the tests that turn it off), once per search.
"""

from wagtail import hooks

from core import chrome_cache

from .text import fold, words

HOOK = "register_search_synonyms"


class Synonyms:
    """Groups of names, looked up by the folded words of a name. Groups that share a name
    are one group."""

    def __init__(self, groups):
        self.by_words = {}
        for group in groups:
            spellings = {tuple(words(fold(name))) for name in group} - {()}
            merged = set(spellings)
            for spelling in spellings:
                merged |= self.by_words.get(spelling, frozenset())
            merged = frozenset(merged)
            for spelling in merged:
                self.by_words[spelling] = merged
        self.longest = max((len(spelling) for spelling in self.by_words), default=0)

    def __bool__(self):
        return bool(self.by_words)

    def match(self, folded_words, start):
        """(number of words matched, the group's spellings as word tuples) for the longest
        name that starts at `folded_words[start]`, or (0, None)."""
        for length in range(min(self.longest, len(folded_words) - start), 0, -1):
            group = self.by_words.get(tuple(folded_words[start : start + length]))
            if group is not None:
                return length, group
        return 0, None


NO_SYNONYMS = Synonyms([])


def current_synonyms(request=None):
    """The groups of names that the registered apps give now (kept per content version for
    the requests that keep the chrome)."""
    return chrome_cache.get_or_build(request, ("search_synonyms",), _read_synonyms)


def _read_synonyms():
    return Synonyms(group for hook in hooks.get_hooks(HOOK) for group in hook())
