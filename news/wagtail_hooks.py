from wagtail import hooks

from projects.models import ProjectPage

from .feeds import NewsFeed


@hooks.register("serve_page_file")
def project_news_feed(page, request, filename):
    """`<project url>feed.xml`: the RSS feed of one project's news."""
    if filename == "feed.xml" and isinstance(page, ProjectPage):
        return NewsFeed(page, page.get_news().prefetch_related("tags"))(request)
    return None
