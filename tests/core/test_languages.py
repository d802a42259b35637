import pytest

from tests.conftest import LANGUAGES

ACCEPT_LANGUAGE_CASES = [
    ("fr-FR,fr;q=0.9,en;q=0.5", "/fr/"),
    ("it", "/it/"),
    ("es-ES,es;q=0.8", "/es/"),
    ("en-GB,en;q=0.7", "/en/"),
    ("de-DE,de;q=0.9", "/en/"),  # unknown languages fall back to English
    ("", "/en/"),
]


@pytest.mark.django_db
def test_root_redirects_by_accept_language(client, translated_site, subtests):
    for accept_language, expected in ACCEPT_LANGUAGE_CASES:
        with subtests.test(accept_language=accept_language):
            response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
            assert response.status_code == 302
            assert response["Location"] == expected
            assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_home_page_is_served_under_each_language_prefix(client, translated_site, subtests):
    for language in LANGUAGES:
        with subtests.test(language=language):
            response = client.get(f"/{language}/")
            assert response.status_code == 200
            assert response.context["page"].locale.language_code == language


@pytest.mark.django_db
def test_unprefixed_page_url_redirects_to_a_prefixed_one(client, translated_site):
    response = client.get("/news/kick-off/", HTTP_ACCEPT_LANGUAGE="it")
    assert response.status_code == 302
    assert response["Location"] == "/it/news/kick-off/"


NOT_FOUND_PHRASES = {
    "en": "not found",
    "fr": "introuvable",
    "it": "non trovata",
    "es": "no encontrada",
}


@pytest.mark.django_db
def test_404_is_friendly_and_in_the_visitors_language(client, translated_site, subtests):
    for language, phrase in NOT_FOUND_PHRASES.items():
        with subtests.test(language=language):
            response = client.get(f"/{language}/no-such-page/")
            assert response.status_code == 404
            html = response.content.decode()
            assert f'lang="{language}"' in html
            assert phrase in html.lower()
            assert "Traceback" not in html
