"""Helpers of the page-cache tests (test_page_cache.py, test_page_cache_changes.py); their
fixtures (page_cache, site, committed) are in conftest.py."""

from news.models import NewsPage

HEADER = "X-Page-Cache"


def first_news(language="en"):
    return (
        NewsPage.objects.filter(slug__startswith="load-", locale__language_code=language)
        .order_by("path")
        .first()
    )


def cached(client, url, **extra):
    """GET twice; the second answer must come from the cache. Returns its text."""
    first = client.get(url, **extra)
    assert first.status_code == 200 and first[HEADER] == "MISS", (url, first.get(HEADER))
    second = client.get(url, **extra)
    assert second[HEADER] == "HIT", url
    assert second.content == first.content
    return second.content.decode()
