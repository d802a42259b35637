"""The results page: filters with counts, pagination, what it says, and bad input."""

import datetime

import pytest
from django.template import engines
from django.utils import translation
from django.utils.safestring import mark_safe

from core import chrome_cache
from search.models import Kind
from search.query import MAX_QUERY_LENGTH, Facet, SearchResult
from search.templatetags.search_tags import facet_options, search_result_items
from tests import factories
from tests.search.conftest import news_maker, run_search, titles
from tests.shared import shared_fixture

pytestmark = pytest.mark.django_db


@shared_fixture(parent="trees")
def mixed_results(trees):
    """'bollards' in 3 news (2023, 2024, 2024), 2 events (2025), 1 project, 1 page. Built
    once per run (tests/shared.py): ten tests read it."""
    make_news = news_maker(trees)
    make_news("en", "Bollards one", date=datetime.date(2023, 3, 1))
    make_news("en", "Bollards two", date=datetime.date(2024, 3, 1))
    make_news("en", "Bollards three", date=datetime.date(2024, 6, 1))
    for day in (1, 2):
        factories.EventPageFactory(
            parent=trees["en"]["event_index"],
            title=f"Bollards workshop {day}",
            start=datetime.datetime(2025, 2, day, 9, tzinfo=datetime.UTC),
            end=datetime.datetime(2025, 2, day, 17, tzinfo=datetime.UTC),
        )
    factories.ProjectPageFactory(
        parent=trees["en"]["project_index"],
        title="Bollards project",
        start_date=datetime.date(2022, 1, 1),
    )
    factories.StandardPageFactory(parent=trees["en"]["home"], title="Bollards explained")


@shared_fixture(parent="trees")
def bollards_in_riga(trees):
    """One English news item, "Bollards in Riga" (as `make_news("en", "Bollards in Riga")`
    makes it), built once per run: the sixty tests of bad input search for it."""
    return news_maker(trees)("en", "Bollards in Riga")


_riga_chrome = {}  # the chrome cache's store as the tests of bollards_in_riga left it


@pytest.fixture
def riga_chrome_kept(settings, bollards_in_riga):
    """The page chrome (menu, footer, locales: core/chrome_cache.py) kept as in production,
    across the tests of `bollards_in_riga` of this process, that send only a different
    query or parameters to /en/search/ over the same data (the same snapshot): built by the
    first, reused by the others, and seen by no other test (the store is put back aside
    after each). The entries still belong to one content version: another version drops
    them."""
    settings.CHROME_CACHE_SECONDS = 300
    chrome_cache.clear()
    if _riga_chrome:
        chrome_cache._store = _riga_chrome["store"]
    yield
    _riga_chrome["store"] = chrome_cache._store
    chrome_cache.clear()


def counts(facets):
    return {facet.value: facet.count for facet in facets}


def test_filters_by_type_and_year_with_counts(mixed_results):
    context = run_search("en", q="bollards")
    assert context["result_count"] == 7
    assert counts(context["type_counts"]) == {"news": 3, "event": 2, "project": 1, "page": 1}
    years = counts(context["year_counts"])
    assert years[2024] == 2 and years[2023] == 1 and years[2025] == 2 and years[2022] == 1
    assert list(years) == sorted(years, reverse=True)

    context = run_search("en", q="bollards", type="news")
    assert context["selected_type"] == "news"
    assert context["result_count"] == 3
    assert set(titles(context)) == {"Bollards one", "Bollards two", "Bollards three"}
    assert counts(context["year_counts"]) == {2024: 2, 2023: 1}  # years of the news only
    # type counts stay visible to switch type
    assert counts(context["type_counts"])["event"] == 2

    context = run_search("en", q="bollards", type="news", year="2024")
    assert context["selected_year"] == 2024
    assert titles(context) == ["Bollards three", "Bollards two"]
    assert counts(context["type_counts"])["news"] == 2  # types counted within 2024
    selected = [facet for facet in context["type_counts"] if facet.selected]
    assert [facet.value for facet in selected] == ["news"]
    assert "type=" not in selected[0].url  # selecting it again removes it
    assert "year=2024" in selected[0].url


def test_year_filter_without_results_keeps_the_year_to_unselect(mixed_results):
    context = run_search("en", q="bollards", year="1999")
    assert context["result_count"] == 0
    assert [(f.value, f.count, f.selected) for f in context["year_counts"]][-1] == (1999, 0, True)
    assert "year" not in context["clear_filters_url"]


@pytest.mark.parametrize(
    ("params", "expected_type", "expected_year"),
    [
        ({"type": "bogus"}, None, None),
        ({"type": "<script>"}, None, None),
        ({"year": "abcd"}, None, None),
        ({"year": "99999"}, None, None),
        ({"year": "-2024"}, None, None),
        ({"year": "２０２４"}, None, None),  # full-width digits
        ({"type": "event", "year": "2025"}, "event", 2025),
    ],
)
def test_unknown_filter_values_are_ignored(mixed_results, params, expected_type, expected_year):
    context = run_search("en", q="bollards", **params)
    assert context["selected_type"] == expected_type
    assert context["selected_year"] == expected_year
    if expected_type is None and expected_year is None:
        assert context["result_count"] == 7


def test_pagination(make_news):
    for n in range(23):
        make_news("en", f"Bollards {n:02d}", date=datetime.date(2020, 1, 1) + datetime.timedelta(n))
    first = run_search("en", q="bollards")
    assert first["paginator"].num_pages == 3
    assert first["result_count"] == 23
    assert titles(first)[0] == "Bollards 22"  # newest first when relevance ties
    second = run_search("en", q="bollards", page="2")
    third = run_search("en", q="bollards", page="3")
    assert len(titles(second)) == 10 and len(titles(third)) == 3
    seen = titles(first) + titles(second) + titles(third)
    assert len(set(seen)) == 23
    assert titles(run_search("en", q="bollards", page="999999")) == titles(third)
    assert titles(run_search("en", q="bollards", page="abc")) == titles(first)
    assert titles(run_search("en", q="bollards", page="0")) == titles(first)
    assert titles(run_search("en", q="bollards", page="-3")) == titles(first)


BAD_QUERIES = [
    "",
    "   ",
    "\t\n",
    "a" * 10_000,
    "bollards " * 2_000,
    "\x00",
    "bollards\x00",
    '"',
    "'",
    '"bollards',
    "bollards'",
    "AND",
    "OR",
    "NOT",
    "bollards AND",
    "OR bollards",
    "NOT bollards",
    "*",
    "bollard*",
    "-",
    "-bollards",
    "(",
    "bollards)",
    ":",
    "title:bollards",
    "title_norm:bollards",
    "{title_norm}:bollards",
    "NEAR(bollards riga)",
    "bollards ^ riga",
    "bollards + riga",
    "!bollards",
    "bollards & riga | x",
    "bollards <-> riga",
    "bollards:*",
    "\\",
    "%",
    "%%",
    "%s",
    "100%",
    "'; DROP TABLE search_searchentry; --",
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "💥 émoji",
    "ﬁ ligature",
    "Ⅻ ² ①",
    "x" * 201,
]


@pytest.mark.parametrize("query", BAD_QUERIES)
@pytest.mark.usefixtures("riga_chrome_kept")
def test_bad_queries_get_a_page_not_an_error(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert len(response.context["search_query"]) <= MAX_QUERY_LENGTH


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%00",
        "q=bollards%00",
        "q=%FF%FE",
        "q=bollards&page=abc",
        "q=bollards&page=999999",
        "q=bollards&page=99999999999999999999999999",
        "q=bollards&page=1.5",
        "q=bollards&type=unknown&year=x",
        "q=bollards&q=riga",
        "q[]=bollards",
        "page=2",
        "",
    ],
)
@pytest.mark.usefixtures("riga_chrome_kept")
def test_bad_parameters_get_a_page_not_an_error(client, query_string):
    response = client.get("/en/search/?" + query_string)
    assert response.status_code == 200


@pytest.mark.usefixtures("bollards_in_riga")
def test_queries_with_operators_still_find_the_words():
    for query in ['"bollards"', "bollards AND riga", "-bollards", "(bollards)", "riga:bollards*"]:
        assert titles(run_search("en", q=query)) == ["Bollards in Riga"], query


@pytest.mark.usefixtures("bollards_in_riga")
def test_the_query_is_escaped_when_shown_back(client):
    response = client.get("/en/search/", {"q": "<b>bollards</b> & <script>x</script>"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<b>bollards</b>" not in html
    assert "&lt;b&gt;bollards&lt;/b&gt;" in html
    assert "<script>x</script>" not in html


def test_page_says_how_many_results_and_shows_type_date_and_snippet(client, make_news):
    make_news(
        "en",
        "Bollards in Riga",
        text="Riga installed <b>retractable</b> bollards.",
        date=datetime.date(2024, 5, 17),
    )
    make_news("en", "Bollards in Turin")
    response = client.get("/en/search/", {"q": "bollard"})
    html = response.content.decode()
    assert "2 results" in html
    assert "<mark>Bollards</mark> in Riga" in html
    assert "installed retractable <mark>bollards</mark>" in html
    assert 'datetime="2024-05-17"' in html
    assert "News" in html
    assert 'href="/en/news/' in html
    assert '<option value="news">News (2)</option>' in html  # the type filter, with its count


def test_results_page_is_in_the_visitors_language(client, make_news):
    make_news("fr", "Bornes à Riga")
    response = client.get("/fr/search/", {"q": "bornes"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr"' in html
    assert response.context["result_count"] == 1
    assert "1 résultat pour « bornes »" in html
    assert "Filtrer les résultats" in html
    assert "Actualités (1)" in html
    response = client.get("/it/search/", {"q": "nulla"})
    assert "0 risultati per «nulla»" in response.content.decode()
    assert "controllare l’ortografia" in response.content.decode()


def test_no_results_suggests_what_to_do(client, make_news):
    make_news("fr", "Bornes à Riga")
    response = client.get("/en/search/", {"q": "bornes"})
    html = response.content.decode()
    assert response.context["result_count"] == 0
    assert "0 results" in html
    assert "check the spelling" in html
    [other] = response.context["other_languages"]
    assert other["code"] == "fr" and other["count"] == 1
    assert other["url"] == "/fr/search/?q=bornes"
    assert 'href="/fr/search/?q=bornes"' in html


def test_no_results_under_filters_offers_to_remove_them(client, make_news):
    make_news("en", "Bollards in Riga", date=datetime.date(2024, 1, 1))
    response = client.get("/en/search/", {"q": "bollards", "year": "2020"})
    assert response.context["result_count"] == 0
    assert 'href="/en/search/?q=bollards"' in response.content.decode()


def test_empty_query_shows_the_form_without_results(client, trees):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert response.context["result_count"] == 0
    assert response.context["type_counts"] == []
    assert 'name="q"' in response.content.decode()


def test_pagination_across_title_and_body_matches(make_news):
    for n in range(7):
        make_news("en", f"Bollards {n}", date=datetime.date(2020, 1, 1) + datetime.timedelta(n))
    for n in range(8):
        make_news(
            "en",
            f"Report {n}",
            text="About bollards.",
            date=datetime.date(2021, 1, 1) + datetime.timedelta(n),
        )
    first = titles(run_search("en", q="bollards"))
    second = titles(run_search("en", q="bollards", page="2"))
    assert first == [f"Bollards {n}" for n in range(6, -1, -1)] + [
        "Report 7",
        "Report 6",
        "Report 5",
    ]
    assert second == ["Report 4", "Report 3", "Report 2", "Report 1", "Report 0"]


def test_other_languages_are_named_in_the_visitors_language(client, make_news):
    """Issue 13, item 8: French search said "voir le résultat en English"."""
    make_news("en", "Bollards in Riga")
    make_news("it", "Dissuasori a Riga")
    cases = {
        "fr": ("bollards", "voir le résultat en anglais"),
        "es": ("bollards", "ver el resultado en inglés"),
        "en": ("dissuasori", "see the 1 result in Italian"),
    }
    for language, (query, expected) in cases.items():
        html = client.get(f"/{language}/search/", {"q": query}).content.decode()
        assert expected in " ".join(html.split()), language


# The markup of a result as search/search.html wrote it before search_result_items did.
RESULT_TEMPLATE = """{% load date_tags %}{% for result in search_results %}
    <li class="search-result">
      <p class="search-result__type">{{ result.type_label }}{% if result.date %} · <time datetime="{{ result.date|isodate }}">{{ result.date|longdate }}</time>{% endif %}</p>
      <h3 class="search-result__title"><a href="{{ result.url }}">{{ result.title_html }}</a></h3>
      {% if result.snippet %}<p class="search-result__summary">{{ result.snippet }}</p>{% endif %}
    </li>
    {% endfor %}"""  # noqa: E501


@pytest.mark.parametrize("language", ["en", "fr", "it", "es"])
def test_results_are_written_as_the_template_wrote_them(language):
    """search_result_items writes in Python what the template's loop wrote: byte for byte,
    escaped the same way, dates in the visitor's language, with and without a date or a
    snippet."""
    results = [
        SearchResult(
            page=None,
            type="news",
            date=datetime.date(2024, 9, 1),
            title="A & B",
            title_html=mark_safe("A &amp; <mark>B</mark>"),
            snippet=mark_safe("…about <mark>B</mark> &lt;i&gt;…"),
            url='/en/news/a-b/?x=1&y="2"',
        ),
        SearchResult(
            page=None,
            type="page",
            date=None,
            title="C",
            title_html=mark_safe("C"),
            snippet=mark_safe(""),
            url="/en/c/",
        ),
        SearchResult(
            page=None,
            type="event",
            date=datetime.datetime(2025, 2, 1, 9, tzinfo=datetime.UTC),
            title="D",
            title_html=mark_safe("D"),
            snippet=mark_safe("d"),
            url="/en/events/d/",
        ),
    ]
    template = engines["django"].from_string(RESULT_TEMPLATE)
    with translation.override(language):
        expected = template.render({"search_results": results})
        assert search_result_items(results) == expected
    assert search_result_items([]) == ""


# The options of a filter as search/search.html wrote them before facet_options did.
FACETS_TEMPLATE = """{% for facet in facets %}<option value="{{ facet.value }}"{% if facet.selected %} selected{% endif %}>{{ facet.label }}{% if facet.count is not None %} ({{ facet.count }}){% endif %}</option>{% endfor %}"""  # noqa: E501


@pytest.mark.parametrize("grouping", [False, True])
@pytest.mark.parametrize("language", ["en", "fr", "it", "es"])
def test_filter_options_are_written_as_the_template_wrote_them(language, grouping, settings):
    """Numbers localised as the template localised them, thousands separator or not."""
    settings.USE_THOUSAND_SEPARATOR = grouping
    facets = [
        Facet("news", Kind.NEWS.label, 1000, False),
        Facet("event", Kind.EVENT.label, None, True),
        Facet("page", "<Pages> & co", 0, False),
        Facet(2024, "2024", 12, True),
        Facet(2023, "2023", None, False),
    ]
    template = engines["django"].from_string(FACETS_TEMPLATE)
    with translation.override(language):
        assert facet_options(facets) == template.render({"facets": facets})
    assert facet_options([]) == ""
