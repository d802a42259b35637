"""A city is found by any of its names, in every language (issue 13: "Search finds cities
by any of their names"): the local name as the project's documents write it ("Torino",
"Liège"), its name in the visitor's language ("Turin", "Liegi", "Lieja"), and the other names
editors give it ("Lüttich"). The names are data: the City snippet's translations and its
"other names" field.

Runs on whichever database DATABASE_URL points at (SQLite FTS5 or PostgreSQL)."""

import pytest
from wagtail.models import Locale

from tests import factories
from tests.search.conftest import news_maker, run_search, titles
from tests.shared import shared_fixture
from tests.translation import translate_object

pytestmark = pytest.mark.django_db

NAMES = {
    "Turin": {"fr": "Turin", "it": "Torino", "es": "Turín"},
    "Liège": {"fr": "Liège", "it": "Liegi", "es": "Lieja"},
    "Munich": {"fr": "Munich", "it": "Monaco di Baviera", "es": "Múnich"},
}


def city(name, other_names, locales):
    """A live city with its French, Italian and Spanish translations (wagtail-localize)."""
    source = factories.CityFactory(name=name, other_names=other_names)
    source.save_revision().publish()
    for language, translated in NAMES[name].items():
        translate_object(source, locales[language], {name: translated}.get)
    return source


@shared_fixture(parent="trees")
def cities_in_the_news(trees):
    """Turin, Liège and Munich with their names, and in each language a news item that
    names each city the way that language does. Built once per test process."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    make_news = news_maker(trees, slug_prefix="place-news")
    city("Turin", "Torino, Turim", locales)
    city("Liège", "Lüttich\nLuik", locales)
    city("Munich", "München", locales)
    news = {}
    for language in ("en", "fr", "it", "es"):
        for name, translations in NAMES.items():
            local = translations.get(language, name)
            title = f"Police exchange ({language}) — {local}"
            make_news(language, title, text=f"Officers met in {local} for three days.")
            news[language, name] = title
    make_news("fr", "Atelier à Riga", text="Rien sur ces villes.")
    return news


SEARCHES = [
    # what the visitor types, the city it names
    ("Torino", "Turin"),
    ("turin", "Turin"),
    ("Turín", "Turin"),
    ("Turim", "Turin"),  # an other name only
    ("Liège", "Liège"),
    ("liege", "Liège"),
    ("Liegi", "Liège"),
    ("Lieja", "Liège"),
    ("Lüttich", "Liège"),
    ("Luettich", None),  # not one of its names: no synonym made up
    ("Monaco di Baviera", "Munich"),
    ("München", "Munich"),
    ("Múnich", "Munich"),
]


@pytest.mark.parametrize("language", ["en", "fr", "it", "es"])
def test_any_name_of_a_city_finds_its_pages_in_every_language(
    cities_in_the_news, language, subtests
):
    for query, name in SEARCHES:
        with subtests.test(query=query):
            expected = [cities_in_the_news[language, name]] if name else []
            assert titles(run_search(language, q=query)) == expected


def test_a_place_name_combines_with_other_words(cities_in_the_news):
    assert titles(run_search("fr", q="Torino exchange")) == [cities_in_the_news["fr", "Turin"]]
    assert titles(run_search("fr", q="Torino Riga")) == []


def test_the_city_name_of_the_page_is_highlighted(cities_in_the_news):
    [result] = run_search("it", q="Turin")["search_results"]
    assert "<mark>Torino</mark>" in result.title_html
    [result] = run_search("en", q="Monaco di Baviera")["search_results"]
    assert "<mark>Munich</mark>" in result.snippet


def test_a_draft_city_gives_no_names(make_news, locales):
    draft = factories.CityFactory(name="Gdańsk", other_names="Danzig", live=False)
    make_news("en", "Port security in Gdańsk")
    assert titles(run_search("en", q="Danzig")) == []
    draft.save_revision().publish()
    assert titles(run_search("en", q="Danzig")) == ["Port security in Gdańsk"]


def test_search_page_answers_a_name_in_the_visitors_language(client, cities_in_the_news):
    """The journey: a French visitor types the Italian name and sees the French page."""
    response = client.get("/fr/search/", {"q": "Torino"})
    html = response.content.decode()
    assert "1 résultat pour « Torino »" in " ".join(html.split())
    assert "<mark>Turin</mark>" in html
