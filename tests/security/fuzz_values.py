"""The hostile values of the query-string fuzz test (test_public_query_fuzz.py): non-ASCII
digits and numerals, 64-bit overflows, NUL and control characters, invalid
percent-encodings (sent raw), very long and many-word strings, FTS5 and tsquery operators,
and hypothesis's own text; and how a query string is written from them."""

from dataclasses import dataclass
from urllib.parse import quote

from hypothesis import strategies as st


@dataclass(frozen=True)
class Raw:
    """Text put into the query string as it is: percent-encodings a browser never sends."""

    text: str


UNICODE_NUMERALS = [
    "²",
    "¹²",
    "١٢",
    "٢٠٢٤",
    "۱۴۰۳",
    "२०२४",
    "๒๕๖๗",
    "１２",
    "𝟐𝟎𝟐𝟒",
    "Ⅻ",
    "ⅻ",
    "½",
    "〇",
    "二〇二四",
    "௧",
    "⑫",
    "➓",
]
OVERFLOWS = [
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551616",
    "1" + "0" * 40,
    "-1",
    "0",
    "00000000000000000000000000001",
    "+1",
    " 1 ",
    "1.5",
    "1e309",
    "0x1F",
    "NaN",
    "-inf",
]
CONTROL = ["\x00", "1\x00", "\x00abc", "a\r\nb", "\t", "\x1b[2J", "\u202e", "\ufeff", "\ud7ff"]
SEARCH_SYNTAX = [
    '"',
    '""',
    '"unterminated phrase',
    "*",
    "a*",
    "NEAR(a b)",
    "a NEAR/2 b",
    "a AND",
    "OR b",
    "NOT",
    "AND OR NOT NEAR",
    "(a",
    "a)",
    "{title body}: a",
    "title:a",
    "-a",
    "+a",
    "^a",
    "a:*",
    "a & b",
    "a | b",
    "!a",
    "a <-> b",
    "a <2> b",
    "'a'",
    "a''b",
    "\\",
    "\\'",
    "%",
    "_",
    "' OR 1=1 --",
    "a:* & !b | (c <-> 'd')",
]
LONG = [
    "x" * 5000,
    " ".join(["word"] * 200),
    " ".join(f"w{n}" for n in range(300)),
    "é" * 3000,
    "a " * 2000,
]
RAW_ENCODINGS = [
    Raw(text)
    for text in ("%", "%zz", "%C3", "%C3%28", "%ff%fe", "%00", "%%", "%u0041", "%E2%82", "a%2")
]
EVERYTHING = UNICODE_NUMERALS + OVERFLOWS + CONTROL + SEARCH_SYNTAX + LONG + RAW_ENCODINGS

VALUES = st.one_of(
    st.sampled_from(EVERYTHING),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.text(st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=8),
    st.text(max_size=30),
)


def encode(value):
    return value.text if isinstance(value, Raw) else quote(value, safe="")


def query_string(pairs):
    return "&".join(f"{quote(name, safe='')}={encode(value)}" for name, value in pairs)
