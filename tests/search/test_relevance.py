"""Relevance in the four languages: stemming, accents, case, ranking, locale isolation.

Runs on whichever database DATABASE_URL points at (SQLite FTS5 or PostgreSQL full-text
search): both backends must give the same answers.
"""

import datetime

import pytest

from tests import factories
from tests.search.conftest import run_search, titles

pytestmark = pytest.mark.django_db

STEMMING = [
    # language, text in the page, query
    ("en", "Police trainings in Riga", "training"),
    ("en", "A training for police officers", "trainings"),
    ("fr", "Des formations pour les polices municipales", "formation"),
    ("fr", "Une formation pour les polices municipales", "formations"),
    ("it", "La sicurezza degli spazi pubblici", "sicurezze"),
    ("it", "Le sicurezze urbane", "sicurezza"),
    ("es", "Ciudades más seguras", "ciudad"),
    ("es", "Una ciudad más segura", "ciudades"),
    ("es", "Los lugares públicos", "lugar"),
    ("fr", "Les travaux du groupe", "travail"),
]


@pytest.mark.parametrize(("language", "title", "query"), STEMMING)
def test_inflected_forms_match(make_news, language, title, query):
    make_news(language, title)
    make_news(language, "Something else entirely")
    assert titles(run_search(language, q=query)) == [title]


ACCENTS = [
    ("en", "Workshop in Liège", "liege"),
    ("en", "Exchange visit to Gdańsk", "gdansk"),
    ("fr", "La sécurité des espaces publics", "securite"),
    ("fr", "La securite des espaces publics", "sécurité"),
    ("es", "Reunión en Málaga", "malaga"),
    ("it", "Città più sicure", "citta"),
    ("en", "Strasse and Straße", "strasse"),
]


@pytest.mark.parametrize(("language", "title", "query"), ACCENTS)
def test_accents_do_not_matter(make_news, language, title, query):
    make_news(language, title)
    assert titles(run_search(language, q=query)) == [title]


@pytest.mark.parametrize("query", ["LIÈGE", "Liège", "liÈgE", "  liege  "])
def test_case_does_not_matter(make_news, query):
    make_news("en", "Workshop in Liège")
    assert titles(run_search("en", q=query)) == ["Workshop in Liège"]


def test_body_text_is_searched(make_news):
    make_news(
        "fr", "Rencontre annuelle", text="Les villes partenaires ont parlé de vidéoprotection."
    )
    assert titles(run_search("fr", q="videoprotection")) == ["Rencontre annuelle"]


def test_summary_and_search_description_are_searched(make_news):
    make_news("en", "Annual meeting", summary="Mayors discussed bollards.")
    make_news("en", "Other meeting", search_description="About crowd management.")
    assert titles(run_search("en", q="bollard")) == ["Annual meeting"]
    assert titles(run_search("en", q="crowd")) == ["Other meeting"]


def test_every_word_must_match(make_news):
    make_news("en", "Training in Riga")
    make_news("en", "Training in Turin")
    assert titles(run_search("en", q="training riga")) == ["Training in Riga"]


def test_title_match_ranks_above_body_match(make_news):
    make_news(
        "en",
        "Annual report",
        text="Bollards, bollards and more bollards: bollards everywhere.",
        date=datetime.date(2025, 1, 1),
    )
    make_news("en", "Bollards protect squares", date=datetime.date(2020, 1, 1))
    assert titles(run_search("en", q="bollards")) == ["Bollards protect squares", "Annual report"]


def test_recent_news_ranks_above_old_news_when_relevance_ties(make_news):
    make_news("en", "Vehicle barriers", text="Same text.", date=datetime.date(2019, 5, 1))
    make_news("en", "Vehicle barriers", text="Same text.", date=datetime.date(2025, 5, 1))
    make_news("en", "Vehicle barriers", text="Same text.", date=datetime.date(2022, 5, 1))
    results = list(run_search("en", q="barrier")["search_results"])
    assert [r.date.year for r in results] == [2025, 2022, 2019]


def test_results_come_from_the_current_language_only(make_news):
    make_news("en", "Workshop in Liège")
    make_news("fr", "Atelier à Liège")
    make_news("it", "Laboratorio a Liegi")
    assert titles(run_search("en", q="liege")) == ["Workshop in Liège"]
    assert titles(run_search("fr", q="liege")) == ["Atelier à Liège"]
    assert titles(run_search("es", q="liege")) == []
    for result in run_search("fr", q="liege")["search_results"]:
        assert result.page.locale.language_code == "fr"
        assert result.url.startswith("/fr/")


def test_each_language_stems_with_its_own_rules(make_news):
    # Italian stemming applies to Italian pages, not to English ones.
    make_news("it", "Sicurezza urbana")
    make_news("en", "Sicurezza urbana")
    assert titles(run_search("it", q="sicurezze")) == ["Sicurezza urbana"]
    assert titles(run_search("en", q="sicurezze")) == []


def test_stop_words_alone_find_nothing(make_news):
    make_news("en", "The and of")
    context = run_search("en", q="the and of")
    assert context["result_count"] == 0


def test_stop_words_are_ignored_around_real_words(make_news):
    make_news("en", "Training in Riga")
    assert titles(run_search("en", q="the training of the")) == ["Training in Riga"]


def test_every_page_type_is_found_with_its_type_and_date(trees, site_tree):
    context = run_search("en", q="PACTESUR2")
    [result] = list(context["search_results"])
    assert result.type == "project"
    assert result.date == datetime.date(2023, 9, 1)
    event = site_tree["event"]
    [result] = list(run_search("en", q=event.title)["search_results"])
    assert result.type == "event"
    assert result.date == event.local_start.date()
    factories.StandardPageFactory(parent=trees["en"]["home"], title="Accessibility statement")
    [result] = list(run_search("en", q="accessibility")["search_results"])
    assert result.type == "page"


def test_snippet_highlights_the_query_words_and_is_escaped(make_news):
    make_news(
        "en",
        "Meeting",
        text="Intro. " + "Filler words here. " * 20 + "Cities &amp; &lt;b&gt;trainings&lt;/b&gt;.",
    )
    [result] = list(run_search("en", q="training")["search_results"])
    assert "<mark>trainings</mark>" in result.snippet
    assert "&lt;b&gt;" in result.snippet
    assert "<b>" not in result.snippet
    assert result.snippet.startswith("…")
