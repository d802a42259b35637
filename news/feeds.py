"""RSS 2.0 feeds of news, per language and per project, for partner networks to re-publish."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

FEED_ITEMS = 20


class NewsFeed(Feed):
    """The latest news under `source_page` (a news index, or a project for its news)."""

    feed_type = Rss201rev2Feed

    def __init__(self, source_page, news):
        super().__init__()
        self.source_page = source_page
        self.news = news

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.language = self.source_page.locale.language_code
        return self.source_page

    def title(self, page):
        return f"PACTESUR – {page.title}"

    def link(self, page):
        return page.get_full_url(self.request)

    def feed_url(self, page):
        return f"{page.get_full_url(self.request)}feed.xml"

    def description(self, page):
        return page.search_description or getattr(page, "summary", "") or page.title

    def items(self, page):
        return self.news[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
