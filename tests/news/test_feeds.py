import xml.etree.ElementTree as ET

import pytest

from tests.factories import NewsPageFactory, ProjectPageFactory
from tests.translation import translate_object


def parse_rss(response):
    assert response.status_code == 200
    assert "xml" in response["Content-Type"]
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel")


def titles(channel):
    return [item.findtext("title") for item in channel.findall("item")]


@pytest.mark.django_db
def test_news_feed_lists_live_news_newest_first(client, site_tree):
    index = site_tree["news_index"]
    NewsPageFactory(parent=index, title="Older", slug="older", date="2020-01-01")
    draft = NewsPageFactory(parent=index, title="Draft item", slug="draft-item")
    draft.unpublish()
    channel = parse_rss(client.get(f"{index.url}feed.xml"))
    assert channel.findtext("language") == "en"
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles[-1] == "Older"
    assert "Draft item" not in titles
    first = channel.find("item")
    assert first.findtext("link").endswith(site_tree["news"].url)
    assert first.findtext("description") == site_tree["news"].summary
    assert first.findtext("pubDate")


@pytest.mark.django_db
def test_feed_per_language(client, site_tree, locales):
    for key in ("home", "news_index", "news"):
        translate_object(site_tree[key], locales["it"], lambda text: f"{text} (it)")
    channel = parse_rss(client.get("/it/news/feed.xml"))
    assert channel.findtext("language") == "it"
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == [f"{site_tree['news'].title} (it)"]


@pytest.mark.django_db
def test_feed_per_project(client, site_tree):
    other = ProjectPageFactory(parent=site_tree["project_index"], slug="other")
    NewsPageFactory(parent=site_tree["news_index"], title="About the other", project=other)
    channel = parse_rss(client.get(f"{site_tree['project'].url}feed.xml"))
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == [site_tree["news"].title]
    assert client.get(f"{site_tree['event'].url}feed.xml").status_code == 404


@pytest.mark.django_db
def test_feed_in_every_language_links_to_that_language(client, translated_site):
    from wagtail.models import Site

    from tests.conftest import LANGUAGES

    site_url = Site.objects.get(is_default_site=True).root_url
    for language in LANGUAGES:
        channel = parse_rss(client.get(f"/{language}/news/feed.xml"))
        assert channel.findtext("language") == language
        assert channel.findtext("link") == f"{site_url}/{language}/news/"
        items = channel.findall("item")
        assert len(items) == 1, language
        link = items[0].findtext("link")
        assert link.startswith(f"{site_url}/{language}/news/"), link
        assert items[0].findtext("guid") == link
        expected = translated_site["news"].title
        if language != "en":
            expected = f"[{language}] {expected}"
        assert items[0].findtext("title") == expected


@pytest.mark.django_db
def test_project_feed_in_another_language(client, translated_site):
    channel = parse_rss(client.get("/fr/projects/pactesur2/feed.xml"))
    assert channel.findtext("language") == "fr"
    assert titles(channel) == [f"[fr] {translated_site['news'].title}"]


@pytest.mark.django_db
def test_feed_leaves_out_private_news(client, site_tree):
    from wagtail.models import PageViewRestriction

    index = site_tree["news_index"]
    secret = NewsPageFactory(parent=index, title="Members only", slug="members-only")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    assert "Members only" not in titles(parse_rss(client.get(f"{index.url}feed.xml")))
    project_feed = parse_rss(client.get(f"{site_tree['project'].url}feed.xml"))
    assert "Members only" not in titles(project_feed)
