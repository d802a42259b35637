"""Query strings that gave 500 or 503 (issue 14, item 5), each answered at its cause: the
listings ignore a number that is no plain number, the API refuses it with a 400 and a
message, and search text reaches the full-text engines as words only.
(tests/security/test_public_query_fuzz.py generates such values for every public URL.)"""

import pytest

from core.query_params import MAX_ID, parse_int, search_words

WORDS_200 = " ".join(f"word{n}" for n in range(200))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", 12),
        (" 12 ", 12),
        ("0012", 12),
        ("²", None),  # str.isdigit() says yes, int() says no
        ("١٢", None),  # int() reads Arabic-Indic digits: not ours to guess
        ("１２", None),
        ("-3", None),
        ("+3", None),
        ("1.0", None),
        ("1e3", None),
        ("", None),
        (None, None),
        ("9223372036854775808", None),  # 2**63: beyond SQLite's and PostgreSQL's integers
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),
        ("0", None),
    ],
)
def test_parse_int_accepts_plain_ascii_numbers_in_range(value, expected):
    assert parse_int(value) == expected


def test_parse_int_bounds():
    assert parse_int("0", minimum=0) == 0
    assert parse_int("2024", 1000, 9999) == 2024
    assert parse_int("12024", 1000, 9999) is None


def test_search_words_keep_only_words():
    assert search_words('"Torino" OR NEAR(a b) -x* {title}: y\x00z', 20) == [
        "Torino",
        "OR",
        "NEAR",
        "a",
        "b",
        "x",
        "title",
        "y",
        "z",
    ]
    assert len(search_words(WORDS_200, 12)) == 12


MALFORMED_LISTING_FILTERS = [
    "project=%C2%B2",  # ²
    "city=%C2%B2",
    "year=%C2%B2%C2%B2%C2%B2%C2%B2",
    "project=99999999999999999999",  # beyond 64 bits: OverflowError on SQLite
    "city=9223372036854775808",
    "year=%D9%A2%D9%A0%D9%A2%D9%A4",  # ٢٠٢٤
    "page=%C2%B2",
]
API_REFUSALS = [
    ("/api/v2/pages/?offset=9223372036854775808", "offset must be a whole number"),
    ("/api/v2/images/?limit=%C2%B2", "limit must be a whole number"),
    ("/api/v2/documents/?offset=-1", "offset must be a whole number"),
    ("/api/v2/pages/find/?id=abc", "id must be a whole number"),
    ("/api/v2/pages/?id=99999999999999999999", "id must be a whole number"),
    ("/api/v2/pages/?child_of=%C2%B2", "child_of must be a whole number"),
    ("/api/v2/pages/?search=%00", "null characters are not allowed"),
    ("/api/v2/pages/find/?html_path=/news/%00", "null characters are not allowed"),
    ("/api/v2/pages/?search=a&search_operator=xor", "search_operator must be"),
    ("/api/v2/pages/?type=events.EventPage&start=tomorrow", "start:"),
    ("/api/v2/pages/?type=news.NewsPage&date=2024-02-30", "date:"),
    ("/api/v2/pages/?type=events.EventPage&city=%C2%B2", "city must be a whole number"),
]
API_SEARCHES = [
    '"kick',  # an unbalanced quote: an FTS5 syntax error, which answered 503
    "kick NEAR(",
    "kick AND",
    "kick:* & !(",
    "kick' OR 1=1 --",
    WORDS_200,  # 200 nested AND nodes: RecursionError
]


@pytest.mark.django_db
def test_listing_filters_ignore_numbers_that_are_not_plain(client, site_tree, subtests):
    listings = [
        ("/en/news/", site_tree["news"].title),
        ("/en/events/", site_tree["event"].title),
        ("/en/events/calendar.ics", site_tree["event"].title),
    ]
    for query in MALFORMED_LISTING_FILTERS:
        for path, shown in listings:
            with subtests.test(path=path, query=query):
                response = client.get(f"{path}?{query}")
                assert response.status_code == 200
                assert shown in response.content.decode()


@pytest.mark.django_db
def test_api_refuses_malformed_parameters_with_a_message(client, site_tree, subtests):
    for path, message in API_REFUSALS:
        with subtests.test(path=path):
            response = client.get(path)
            assert response.status_code == 400, response.content
            assert message in response.json()["message"]


@pytest.mark.django_db
def test_api_detail_of_an_id_beyond_64_bits_is_not_found(client, site_tree):
    assert client.get("/api/v2/pages/99999999999999999999/").status_code == 404
    assert client.get(f"/api/v2/pages/{site_tree['news'].pk}/").status_code == 200


@pytest.mark.django_db
def test_api_search_with_operators_or_many_words_answers(client, site_tree, subtests):
    for search in API_SEARCHES:
        with subtests.test(search=search[:20]):
            response = client.get("/api/v2/pages/", {"search": search})
            assert response.status_code == 200, response.content


@pytest.mark.django_db
def test_api_search_still_finds_by_words(client, site_tree):
    site_tree["news"].title = "Kick-off meeting in Torino"
    site_tree["news"].save_revision().publish()
    items = client.get("/api/v2/pages/", {"search": '"Torino'}).json()["items"]
    assert [item["id"] for item in items] == [site_tree["news"].pk]
