"""Numbers read from a visitor's query string, one way everywhere.

A query string is whatever anybody sends: `?project=²`, `?year=٢٠٢٤`, `?city=1e3`,
`?offset=9223372036854775808`. Python is generous with such text and databases are not:
`"²".isdigit()` is true but `int("²")` fails, `int("٢٠٢٤")` succeeds, and an integer beyond
64 bits reaches SQLite as an OverflowError and PostgreSQL as an out-of-range error. Each of
those was a 500 somewhere. Every public view (listings, search, the API) therefore reads its
integer parameters through `parse_int`/`query_int`: plain ASCII decimal digits within the
bounds the caller gives, and None for anything else, which the caller treats as "no filter"
(HTML listings: a shared link with an outdated filter still shows something) or as a 400
(the API, whose clients want to know).

Free text gets the same care: `search_words` keeps only the words of a query (letters and
digits), so that no search syntax anybody types reaches a full-text engine.
"""

import re

# The largest id or offset a query may carry: far beyond any real table, and well inside a
# signed 64-bit integer, the widest that SQLite and PostgreSQL (bigint) store.
MAX_ID = 10**15
MAX_DIGITS = len(str(MAX_ID))


def parse_int(value, minimum=1, maximum=MAX_ID):
    """`value` as an int when it is plain ASCII decimal digits (surrounding spaces allowed)
    between `minimum` and `maximum` inclusive; None for anything else."""
    if value is None:
        return None
    text = str(value).strip()
    if not text or len(text) > MAX_DIGITS or not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None


def query_int(request, name, minimum=1, maximum=MAX_ID):
    """The integer query parameter `name` of `request` (see parse_int), or None."""
    return parse_int(request.GET.get(name), minimum, maximum)


def query_year(request, name="year"):
    """A four-digit year filter (1000–9999), or None."""
    return query_int(request, name, 1000, 9999)


# A word: letters and digits; the underscore separates words, as in PostgreSQL and FTS5.
WORD_RE = re.compile(r"[^\W_]+")


def search_words(value, max_words):
    """The first `max_words` words of a free-text parameter, without any punctuation,
    quote, operator or control character."""
    return WORD_RE.findall(str(value or ""))[:max_words]
