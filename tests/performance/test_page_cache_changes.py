"""The page cache hides no change: publishing, unpublishing, moving, deleting, renaming,
translating, restricting and registering show at once (test_page_cache.py: what it serves).

Changes are made inside `django_capture_on_commit_callbacks(execute=True)`: the content
generation changes when the transaction commits, as in production (tests run inside a
transaction that never commits).
"""

import datetime
import time

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from events.models import Registration
from performance import pagecache
from tests import factories
from tests.performance.page_cache_helpers import HEADER, cached, first_news
from tests.translation import translate_object

# ------------------------------------------------------------------------------ changes


@pytest.mark.django_db
def test_publishing_shows_at_once_everywhere(client, site, committed):
    news = first_news()
    url = news.get_url()
    for listing in (url, "/en/news/", "/en/news/feed.xml", "/sitemap.xml"):
        cached(client, listing)
    news.title = "A brand new title"
    with committed():
        news.save_revision().publish()
    for listing in (url, "/en/news/", "/en/news/feed.xml"):
        response = client.get(listing)
        assert response[HEADER] == "MISS"
        assert "A brand new title" in response.content.decode(), listing


@pytest.mark.django_db
def test_unpublishing_removes_the_page_at_once(client, site, committed):
    news = first_news()
    url = news.get_url()
    assert news.title in cached(client, "/en/news/")
    cached(client, url)
    with committed():
        news.unpublish()
    assert client.get(url).status_code == 404
    assert news.title not in client.get("/en/news/").content.decode()


@pytest.mark.django_db
def test_deleting_removes_the_page_at_once(client, site, committed):
    news = first_news()
    url, title = news.get_url(), news.title
    cached(client, url)
    cached(client, "/en/")
    with committed():
        news.delete()
    assert client.get(url).status_code == 404
    assert title not in client.get("/en/news/").content.decode()


@pytest.mark.django_db
def test_moving_a_page_changes_its_address_at_once(client, site, committed):
    about = site["standard"]
    legal = factories.StandardPageFactory(parent=site["home"], title="Legal", slug="legal")
    cached(client, "/en/about/")
    with committed():
        about.move(legal, pos="last-child")
    old = client.get("/en/about/")  # Wagtail's automatic redirect to the new address
    assert old.status_code == 301 and old["Location"] == "/en/legal/about/"
    assert client.get("/en/legal/about/").status_code == 200


@pytest.mark.django_db
def test_a_renamed_partner_shows_everywhere_at_once(client, site, committed):
    partner = site["partners"][1]
    assert partner.name in cached(client, "/en/projects/pactesur2/")
    assert partner.name in cached(client, "/en/")
    partner.name = "Città Metropolitana di Torino"
    with committed():
        partner.save_revision().publish()
    for url in ("/en/projects/pactesur2/", "/en/"):
        assert "Città Metropolitana di Torino" in client.get(url).content.decode(), url


@pytest.mark.django_db
def test_a_renamed_city_shows_at_once(client, site, committed):
    city = site["cities"][0]
    assert city.name in cached(client, "/en/projects/pactesur2/")
    city.name = "Nizza la Bella"
    with committed():
        city.save_revision().publish()
    assert "Nizza la Bella" in client.get("/en/projects/pactesur2/").content.decode()


@pytest.mark.django_db
def test_a_translation_published_by_wagtail_localize_shows_at_once(client, site, locales):
    news = first_news()
    french = news.get_translation(locales["fr"])
    cached(client, french.get_url())
    # translate_object publishes in the on-commit callbacks, as wagtail-localize does.
    translate_object(news, locales["fr"], lambda text: f"Traduit : {text}")
    response = client.get(french.get_url())
    assert response[HEADER] == "MISS"
    assert "Traduit : " in response.content.decode()


@pytest.mark.django_db
def test_a_page_made_private_is_no_longer_served(client, site, committed):
    news = first_news()
    url = news.get_url()
    cached(client, url)
    with committed():
        PageViewRestriction.objects.create(
            page=news, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    response = client.get(url)
    assert response.get(HEADER) != "HIT"
    assert news.summary not in response.content.decode()


@pytest.mark.django_db
def test_places_left_on_an_event_page_follow_each_registration(client, site, committed):
    """Registration not open yet: the page has no form, so it is cached; a registration
    (here confirmed by staff ahead of the opening) changes the places left at once."""
    now = timezone.now()
    with committed():
        event = factories.EventPageFactory(
            parent=site["event_index"],
            slug="soon-open",
            registration_enabled=True,
            registration_opens_at=now + datetime.timedelta(days=5),
            registration_closes_at=now + datetime.timedelta(days=20),
            capacity=10,
        )
        event.save_revision().publish()
    url = "/en/events/soon-open/"
    assert "10 places left" in cached(client, url)
    with committed():
        Registration.objects.create(
            shared_event=event.get_shared_event(),
            page=event,
            status="confirmed",
            name="Ana",
            email="ana@example.org",
            consent_text="I agree.",
            consent_version="1",
            consented_at=now,
        )
    assert "9 places left" in client.get(url).content.decode()


@pytest.mark.django_db
def test_pages_expire_when_an_event_starts_or_ends(client, site, committed, monkeypatch):
    """An event in the next minute: cached pages must not outlive its start. The clock is
    moved past the start instead of waiting for it (a slow machine could otherwise reach
    the start before the page is even cached)."""
    soon = timezone.now() + datetime.timedelta(seconds=60)
    with committed():
        event = factories.EventPageFactory(
            parent=site["event_index"],
            slug="starts-soon",
            start=soon,
            end=soon + datetime.timedelta(hours=2),
        )
        event.save_revision().publish()
    assert abs(pagecache.compute_next_transition() - soon.timestamp()) < 0.001
    cached(client, "/en/events/")
    real_time = time.time
    # The cache's expiry and the page cache both read time.time().
    monkeypatch.setattr(time, "time", lambda: max(real_time(), soon.timestamp() + 0.2))
    assert client.get("/en/events/")[HEADER] == "MISS"


@pytest.mark.django_db
def test_changes_made_without_signals_need_the_command(client, site):
    from django.core.management import call_command

    news = first_news()
    cached(client, "/en/news/")
    Page.objects.filter(pk=news.pk).update(title="Changed by SQL")  # no signal
    assert client.get("/en/news/")[HEADER] == "HIT"
    call_command("invalidate_page_cache", stdout=None)
    assert "Changed by SQL" in client.get("/en/news/").content.decode()
