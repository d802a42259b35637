"""The language analysis shared by both backends (no database)."""

import pytest

from search.text import analyse_query, fold, highlight, normalise, snippet, snowball_algorithm


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Liège", "liege"),
        ("GDAŃSK", "gdansk"),
        ("Sécurité", "securite"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("Œuvre", "oeuvre"),
        ("ﬁnance", "finance"),
        ("Città", "citta"),
        ("Málaga", "malaga"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [
        ("en", "trainings", "training"),
        ("fr", "formations", "formation"),
        ("it", "sicurezze", "sicurezza"),
        ("es", "ciudades", "ciudad"),
        ("fr", "sécurité", "securite"),
    ],
)
def test_query_words_match_inflected_forms(language, one, other):
    assert analyse_query(one, language).matches_word(other)
    assert analyse_query(other, language).matches_word(one)


def test_each_language_has_its_stemmer():
    assert [snowball_algorithm(code) for code in ("en", "fr", "it", "es", "pt-br", "xx")] == [
        "english",
        "french",
        "italian",
        "spanish",
        "portuguese",
        "simple",
    ]
    # Stop words are PostgreSQL's (its French list has "de" but not "les").
    assert normalise("Les formations de Liège", "fr") == "le format lieg"
    assert normalise("Les formations de Liège", "xx") == "les formations de liege"


def test_operators_and_punctuation_never_survive_the_analysis():
    analysed = analyse_query('"bollards" AND (riga OR -turin) title:x* NEAR/2 \\ %s', "en")
    forms = [form for term in analysed.terms for form in term.forms]
    assert all(form.isalnum() for form in forms)
    assert "and" not in forms and "or" not in forms  # English stop words
    assert [term.word for term in analysed.terms] == [
        "bollards",
        "riga",
        "turin",
        "title",
        "x",
        "near",
        "2",
    ]  # "s" is an English stop word


def test_repeated_words_and_too_many_words():
    assert len(analyse_query("bollard bollards Bollards", "en").terms) == 1
    assert len(analyse_query(" ".join(f"word{n}" for n in range(100)), "en").terms) == 12


def test_stop_words_only():
    assert not analyse_query("the and of", "en")
    assert not analyse_query("le la de", "fr")
    assert not analyse_query("", "en")


def test_spanish_query_words_carry_their_plural_and_singular_forms():
    [term] = analyse_query("ciudad", "es").terms
    assert term.forms == ("ciudad", "ciudades")


def test_snippet_is_escaped_and_marks_the_words():
    text = "Intro <b>bold</b> & more. " + "filler " * 50 + "Bollards & <script>x</script>."
    html = snippet(text, analyse_query("bollard", "en"))
    assert "<mark>Bollards</mark>" in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert html.startswith("…")
    assert len(html) < 400


def test_snippet_without_a_match_shows_the_beginning():
    html = snippet("First words. " + "more " * 100, analyse_query("zebra", "en"))
    assert html.startswith("First words.") and html.endswith("…")


def test_highlight_marks_accented_words_for_an_unaccented_query():
    html = highlight("Atelier à Liège <i>", analyse_query("liege", "fr"))
    assert html == "Atelier à <mark>Liège</mark> &lt;i&gt;"


def test_marks_only_whole_words_in_every_place_they_occur():
    """Each distinct word is checked once and found again by a regular expression: the same
    words as checking them one by one, never part of a longer word."""
    analysed = analyse_query("security", "en")
    text = "Security; insecurity, securities_security SECURITY secure 2security security"
    assert highlight(text, analysed) == (
        "<mark>Security</mark>; insecurity, <mark>securities</mark>_<mark>security</mark> "
        "<mark>SECURITY</mark> <mark>secure</mark> 2security <mark>security</mark>"
    )
