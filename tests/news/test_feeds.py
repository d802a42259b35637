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
