"""The home page without the page cache (issue 17): what it reads from the chrome kept per
content version is what it would ask the database for, its listings load only what their
cards show, and what is published shows at once.

The page cache stays off (these are the requests it does not answer); the chrome is kept
(CHROME_CACHE_SECONDS), and changes are made inside `committed()`, as in
test_chrome_cache.py.
"""

import datetime
import re

import pytest
import wagtail_factories
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import routing
from core.templatetags.listing_tags import NEWS_CARD_FIELDS
from events.models import EventPage
from home import listings
from news.models import NewsPage
from partners.models import Partner
from tests import factories
from tests.performance.builders import LANGUAGES

HOMES = [f"/{code}/" for code in LANGUAGES]


@pytest.fixture
def site(perf_site, media_root, chrome_kept):
    return perf_site


def partner_cards(html):
    """The home page's partners section."""
    return html[html.index('id="partners-title"') : html.index('<footer class="site-footer">')]


def kept_and_built(client, settings, url):
    """The page with the chrome kept (its second request), then built without it."""
    client.get(url)
    kept = client.get(url).content.decode()
    settings.CHROME_CACHE_SECONDS = 0
    built = client.get(url).content.decode()
    settings.CHROME_CACHE_SECONDS = 300
    return kept, built


@pytest.mark.django_db
@pytest.mark.parametrize("url", HOMES)
def test_the_home_page_is_the_same_with_the_chrome_kept(client, site, settings, url):
    kept, built = kept_and_built(client, settings, url)
    assert kept == built
    assert "partner-card__logo" in partner_cards(kept)


@pytest.mark.django_db
def test_partner_cards_show_the_logo_of_the_translated_partner(client, site, settings, committed):
    """The footer shows the logo of the partner linked to the project, the home page's cards
    that of its translation (the same image unless a translator changed it): the partners
    kept with the footer carry both."""
    source = site["partners"][0]
    french = Partner.objects.get(translation_key=source.translation_key, locale__language_code="fr")
    other = wagtail_factories.ImageFactory(title="Logo de la Ville de Nice")
    french.logo = other
    with committed():
        french.save_revision().publish()
    kept, built = kept_and_built(client, settings, "/fr/")
    assert kept == built
    cards, footer = partner_cards(kept), kept[kept.index('<footer class="site-footer">') :]
    assert other.get_rendition("max-240x96").url in cards
    assert other.get_rendition("height-56").url not in footer


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/", "/fr/"])
def test_the_featured_project_and_its_partners_are_read_from_the_chrome_kept(client, site, url):
    """The featured project, its partners, their translations, logos and renditions are
    kept with the footer's: the home page asks none of them again."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    sql = " ".join(query["sql"] for query in queries)
    assert "projects_projectpage" not in sql
    assert "projects_projectpartner" not in sql
    assert 'FROM "partners_partner"' not in sql
    assert "max-240x96" not in sql


@pytest.mark.django_db
def test_the_featured_project_changed_shows_on_the_home_page_at_once(client, site, committed):
    project = site["project"]
    assert "PACTESUR2 in short" not in client.get("/en/").content.decode()
    project.summary = "PACTESUR2 in short"
    with committed():
        project.save_revision().publish()
    assert "PACTESUR2 in short" in client.get("/en/").content.decode()


def cards(html, section):
    """The titles of the cards of a section of the home page ("news" or "events")."""
    start = html.index(f'id="{section}-title"')
    end = html.index("</section>", start)
    return re.findall(r'class="card__link" href="[^"]+">([^<]+)</a>', html[start:end])


@pytest.mark.django_db
def test_a_news_item_and_an_event_published_show_on_the_home_page_at_once(client, site, committed):
    client.get("/en/")
    with committed():
        factories.NewsPageFactory(
            parent=site["news_index"], title="Fresh news", date=datetime.date.today()
        )
        start = timezone.now() + datetime.timedelta(hours=1)
        factories.EventPageFactory(
            parent=site["event_index"],
            title="Soon event",
            start=start,
            end=start + datetime.timedelta(hours=2),
        )
    html = client.get("/en/").content.decode()
    assert cards(html, "news")[0] == "Fresh news"
    assert cards(html, "events")[0] == "Soon event"


@pytest.mark.django_db
def test_the_next_events_are_found_from_the_index_on_their_end(site):
    """SQLite without the index on `EventPage.end` read every page of the site and sorted the
    events found (12.6 ms at 500 events per language, a third of the home page). The
    prepared query runs this queryset's SQL."""
    if connection.vendor != "sqlite":
        pytest.skip("the plan of PostgreSQL depends on its statistics")
    home = site["home"].specific
    query = listings._events(home.path, home.depth, home.pk, timezone.now(), Q(pk__in=[]))
    plan = query.explain()
    assert "USING INDEX events_eventpage_end" in plan, plan


@pytest.mark.django_db
def test_the_prepared_listings_find_what_the_orm_finds(site, grow):
    """The latest news and next events of the home page, their SQL built once per process
    (home.listings), are the ORM's: the same pages, in the same order, with the columns
    their cards read, for other moments and with a private page left out."""
    grow(news=4, events=4)
    home = site["home"].specific
    news = NewsPage.objects.live().descendant_of(home).order_by("-date", "-pk").first()
    event = EventPage.objects.live().descendant_of(home).order_by("start", "pk").first()
    values = {"path": home.path, "depth": home.depth, "pk": home.pk}
    for restricted in (frozenset(), frozenset({news.path, event.path})):
        private = routing.private_q_of(restricted)
        found = listings._prepared_news(restricted)(**values)
        expected = list(listings._news(home.path, home.depth, home.pk, private))
        assert [p.pk for p in found] == [p.pk for p in expected] and len(found) == 3
        assert (news.pk in {p.pk for p in found}) is not bool(restricted)
        for page, other in zip(found, expected, strict=True):
            for name in NEWS_CARD_FIELDS:
                if "__" not in name:
                    assert getattr(page, name) == getattr(other, name), name
            assert page.image == other.image
        for now in (timezone.now(), event.end, event.end + datetime.timedelta(seconds=1)):
            found = listings._prepared_events(restricted)(**values, now=now)
            expected = list(listings._events(home.path, home.depth, home.pk, now, private))
            assert [p.pk for p in found] == [p.pk for p in expected]
            assert [p.city for p in found] == [p.city for p in expected]
