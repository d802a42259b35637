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


@pytest.mark.django_db
def test_sitemap_alternates_point_at_each_translation(client, translated_site):
    """Every hreflang link of a URL leads to that page in that language, the same set for
    each translation, and x-default leads to the English page."""
    from wagtail.models import Site

    site_url = Site.objects.get(is_default_site=True).root_url
    root = ET.fromstring(client.get("/sitemap.xml").content)
    alternates_of = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        alternates_of[loc] = {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        assert all(link.get("rel") == "alternate" for link in url.findall("x:link", NS))
    for loc, alternates in alternates_of.items():
        language = loc.removeprefix(f"{site_url}/").split("/")[0]
        assert alternates[language] == loc
        assert alternates["x-default"] == alternates["en"]
        for code in LANGUAGES:
            assert alternates[code].startswith(f"{site_url}/{code}/")
            assert alternates_of[alternates[code]] == alternates  # reciprocal
    news = translated_site["news"]
    assert alternates_of[f"{site_url}{news.url}"]["fr"] == (
        f"{site_url}/fr{news.url.removeprefix('/en')}"
    )


@pytest.mark.django_db
def test_sitemap_leaves_out_private_pages_and_their_translations(client, translated_site):
    from wagtail.models import Page, PageViewRestriction, Site

    site_url = Site.objects.get(is_default_site=True).root_url
    news = translated_site["news"]
    french = Page.objects.get(translation_key=news.translation_key, locale__language_code="fr")
    PageViewRestriction.objects.create(page=french, restriction_type="login")
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {loc.text for loc in root.findall("s:url/s:loc", NS)}
    hrefs = {link.get("href") for link in root.findall("s:url/x:link", NS)}
    french_url = f"{site_url}{french.url}"
    assert french_url not in locations
    assert french_url not in hrefs
    # The restriction is shared with every language (core/restrictions.py), so the English
    # page is left out too, and the pages around it stay listed.
    assert f"{site_url}{news.url}" not in locations
    assert f"{site_url}{news.get_parent().url}" in locations


@pytest.mark.django_db
def test_every_page_head_has_hreflang_alternates(client, translated_site):
    """The same alternates as the sitemap, in each page's <head>."""
    import re

    for page in translated_site.values():
        html = client.get(page.url).content.decode()
        head = html.split("</head>")[0]
        links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', head))
        assert set(links) == {*LANGUAGES, "x-default"}, page.url
        assert links["en"].endswith(page.url)


def _locations(response):
    return [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", NS)]


@pytest.mark.django_db
def test_a_large_site_gets_a_sitemap_index_of_files_that_together_list_every_page(
    client, translated_site, monkeypatch
):
    """Above the URLs one file holds, /sitemap.xml is an index of numbered files; together
    they list each page once, and each URL keeps the alternates of all its translations,
    even those that fall in another file."""
    from core.sitemaps import MultilingualSitemap

    single_file = _locations(client.get("/sitemap.xml"))
    monkeypatch.setattr(MultilingualSitemap, "limit", 3)

    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    files = [loc.text for loc in ET.fromstring(index.content).findall("s:sitemap/s:loc", NS)]
    assert len(files) == -(-len(single_file) // 3)
    assert files[0] == "http://testserver/sitemap-1.xml"

    listed = []
    for file_url in files:
        response = client.get(file_url.removeprefix("http://testserver"))
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        assert len(root.findall("s:url", NS)) <= 3
        for url in root.findall("s:url", NS):
            langs = {link.get("hreflang") for link in url.findall("x:link", NS)}
            assert langs == {*LANGUAGES, "x-default"}, url.find("s:loc", NS).text
        listed.extend(_locations(response))
    assert sorted(listed) == sorted(single_file)
    assert client.get(f"/sitemap-{len(files) + 1}.xml").status_code == 404
    assert client.get("/sitemap-0.xml").status_code == 404
