import xml.etree.ElementTree as ET

import pytest

from tests.conftest import LANGUAGES

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.mark.django_db
def test_sitemap_lists_every_live_page_in_every_language(client, translated_site):
    draft = translated_site["news"].copy(update_attrs={"slug": "draft-item", "title": "Draft"})
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.findall("s:url/s:loc", NS)]
    for language in LANGUAGES:
        in_language = [loc for loc in locations if f"/{language}/" in loc]
        assert len(in_language) == len(translated_site), (language, in_language)
    assert not any("draft-item" in loc for loc in locations)
    assert len(locations) == len(set(locations))


@pytest.mark.django_db
def test_sitemap_gives_hreflang_alternates(client, translated_site):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    for url in root.findall("s:url", NS):
        langs = {link.get("hreflang") for link in url.findall("x:link", NS)}
        assert langs == {*LANGUAGES, "x-default"}, url.find("s:loc", NS).text
