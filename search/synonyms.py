"""Names the site search treats as one: a place's names in every language.

A visitor searching "Torino" on the French site, or "Turin" on the Italian one, means the
city that the pages call "Turin" in French and "Torino" in Italian. Apps give such groups of
names with the `register_search_synonyms` hook: a function returning the groups (each an
iterable of names) read from the database; partners registers its cities (the names of
their translations and their other names). A query word, or several words in a row
("Monaco di Baviera"), that is a name of a group matches a page that contains any name of
the group (search/text.py: analyse_query).

The groups are data, not code: editors and translators change them in the admin. They are
read once per search (one small query per registering app, a few dozen rows), so a change
counts at once in every process, with nothing to invalidate.
"""

from wagtail import hooks

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


def current_synonyms():
    """The groups of names that the registered apps give now."""
    return Synonyms(group for hook in hooks.get_hooks(HOOK) for group in hook())
