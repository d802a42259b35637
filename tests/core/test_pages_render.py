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
@pytest.mark.parametrize("key", PAGE_KEYS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_renders_in_every_language(client, translated_site, key, language):
    page = translated_site[key].get_translation(
        translated_site[key].locale.__class__.objects.get(language_code=language)
    )
    url = page.get_url()
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(rf'<html[^>]*\blang="{language}"', html)
    if language != "en":
        assert f"[{language}]" in html  # the translated title, not the English one


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_links_the_same_page_in_each_language(client, translated_site, language):
    news = translated_site["news"]
    response = client.get(f"/{language}/news/kick-off/")
    html = response.content.decode()
    for other in LANGUAGES:
        assert re.search(
            rf'<a[^>]*href="/{other}/news/kick-off/"[^>]*hreflang="{other}"', html
        ) or re.search(rf'<a[^>]*hreflang="{other}"[^>]*href="/{other}/news/kick-off/"', html), (
            other
        )
        assert re.search(rf'<link[^>]*rel="alternate"[^>]*hreflang="{other}"', html)
    assert news.slug == "kick-off"
