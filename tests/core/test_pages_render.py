import re

import pytest

from tests.conftest import LANGUAGES

PAGE_KEYS = [
    "home",
    "project_index",
    "project",
    "news_index",
    "news",
    "event_index",
    "event",
    "standard",
    "contact",
]


@pytest.mark.django_db
def test_every_page_type_renders_in_every_language(client, translated_site, locales, subtests):
    # One translated site for all 36 pages: building it is the slow part.
    for language in LANGUAGES:
        for key in PAGE_KEYS:
            with subtests.test(language=language, page=key):
                page = translated_site[key].get_translation(locales[language])
                url = page.get_url()
                assert url.startswith(f"/{language}/")
                response = client.get(url)
                assert response.status_code == 200
                html = response.content.decode()
                assert re.search(rf'<html[^>]*\blang="{language}"', html)
                if language != "en":
                    assert f"[{language}]" in html  # the translated title, not the English one


@pytest.mark.django_db
def test_language_switcher_links_the_same_page_in_each_language(client, translated_site, subtests):
    assert translated_site["news"].slug == "kick-off"
    for language in LANGUAGES:
        with subtests.test(language=language):
            html = client.get(f"/{language}/news/kick-off/").content.decode()
            for other in LANGUAGES:
                link = f'href="/{other}/news/kick-off/"'
                assert re.search(rf'<a[^>]*{link}[^>]*hreflang="{other}"', html) or re.search(
                    rf'<a[^>]*hreflang="{other}"[^>]*{link}', html
                ), other
                assert re.search(rf'<link[^>]*rel="alternate"[^>]*hreflang="{other}"', html)
