"""The news index without the page cache (issue 17): an unfiltered page of news comes from
SQL built once per process (news.models._prepared_page_of_news, `LIMIT`/`OFFSET` as
parameters), the same pages, in the same order, as the ORM's, and the same HTML as when
the chrome is not kept (the ORM's way)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import routing
from core.templatetags.listing_tags import NEWS_CARD_FIELDS
from news.models import NEWS_PER_PAGE, NewsPage, _page_of_news, _prepared_page_of_news


@pytest.fixture
def site(perf_site, media_root, chrome_kept):
    return perf_site


@pytest.mark.django_db
def test_an_unfiltered_page_of_news_is_the_same_as_the_orms(client, site, settings, grow):
    grow(news=26, events=0)
    index = site["news_index"]
    total = NewsPage.objects.live().child_of(index).count()
    last = total - NEWS_PER_PAGE * ((total - 1) // NEWS_PER_PAGE)  # the last page's cards
    assert total > 2 * NEWS_PER_PAGE and last < NEWS_PER_PAGE
    addresses = [index.url] + [f"{index.url}?page={n}" for n in ("2", "3", "99", "abc", "0")]
    for url in addresses + [f"{index.url}?year=abc", f"{index.url}?page=2&city=x"]:
        client.get(url)
        kept = client.get(url).content.decode()
        settings.CHROME_CACHE_SECONDS = 0
        built = client.get(url).content.decode()
        settings.CHROME_CACHE_SECONDS = 300
        assert kept == built, url
        assert kept.count('class="card card--news"') in (NEWS_PER_PAGE, last), url


@pytest.mark.django_db
def test_the_prepared_page_of_news_finds_what_the_orm_finds(site, grow):
    """Every page of the index, with and without a private news item left out."""
    grow(news=26, events=0)
    index = site["news_index"]
    private_item = NewsPage.objects.child_of(index).order_by("-date", "-pk")[5]
    values = {"path": index.path, "depth": index.depth, "pk": index.pk}
    for restricted in (frozenset(), frozenset({private_item.path})):
        query = _prepared_page_of_news(restricted)
        expected = list(
            _page_of_news(
                index.path, index.depth, index.depth + 1, index.pk, routing.private_q_of(restricted)
            )
        )
        assert expected == list(
            index.get_news(routing.private_q_of(restricted))
            .select_related(None)
            .select_related("image")
            .only(*NEWS_CARD_FIELDS)
        )
        assert (private_item in expected) is not bool(restricted)
        for offset in range(0, len(expected) + NEWS_PER_PAGE, NEWS_PER_PAGE):
            with CaptureQueriesContext(connection) as queries:
                found = query.slice(offset, NEWS_PER_PAGE, **values, child_depth=index.depth + 1)
            assert len(queries) == 1
            assert found == expected[offset : offset + NEWS_PER_PAGE]
            for page, other in zip(found, expected[offset:], strict=False):
                for name in NEWS_CARD_FIELDS:
                    if "__" not in name:
                        assert getattr(page, name) == getattr(other, name), name
                assert page.image == other.image
