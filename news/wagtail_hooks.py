from wagtail import hooks

from projects.models import ProjectPage

from .feeds import NewsFeed
from .models import news_of_project


@hooks.register("serve_page_file")
def project_news_feed(page, request, filename):
    """`<project url>feed.xml`: the RSS feed of one project's news."""
    if filename == "feed.xml" and isinstance(page, ProjectPage):
        return NewsFeed(page, news_of_project(page).prefetch_related("tags"))(request)
    return None
