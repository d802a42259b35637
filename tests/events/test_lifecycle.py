import datetime
import json
import re
import zoneinfo

import pytest

from events.models import EventFormat, EventStatus
from tests.factories import CityFactory, EventPageFactory, PartnerFactory

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


@pytest.mark.django_db
def test_save_the_date_becomes_the_full_event_at_the_same_url(client, site_tree):
    event = EventPageFactory(
        parent=site_tree["event_index"],
        slug="training-torino",
        is_save_the_date=True,
        title="Training in Torino",
        venue="Campus Luigi Einaudi",
    )
    event.save_revision().publish()
    url = event.url
    html = client.get(url).content.decode()
    assert "to be confirmed" in html.lower()
    listing = client.get(site_tree["event_index"].url).content.decode()
    assert "to be confirmed" in listing.lower()

    event.is_save_the_date = False
    event.save_revision().publish()
    assert event.url == url
    assert "to be confirmed" not in client.get(url).content.decode().lower()


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["postponed", "cancelled", "rescheduled"])
def test_status_is_shown_on_the_page_and_in_listings(client, site_tree, status):
    event = site_tree["event"]
    event.status = status
    if status == "rescheduled":
        event.previous_start = event.start - datetime.timedelta(days=10)
    event.save_revision().publish()
    label = {"postponed": "Postponed", "cancelled": "Cancelled", "rescheduled": "Rescheduled"}
    assert label[status] in client.get(event.url).content.decode()
    assert label[status] in client.get(site_tree["event_index"].url).content.decode()
    assert label[status] in client.get(site_tree["home"].url).content.decode()


@pytest.mark.django_db
def test_times_are_shown_in_the_events_timezone_with_its_name(client, site_tree, settings):
    settings.TIME_ZONE = "UTC"
    event = EventPageFactory(
        parent=site_tree["event_index"],
        slug="madrid",
        start=datetime.datetime(2031, 3, 10, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Madrid")),
        end=datetime.datetime(2031, 3, 10, 13, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Madrid")),
        timezone="Europe/Madrid",
    )
    html = client.get(event.url).content.decode()
    assert "10:00" in html and "13:30" in html
    assert "Europe/Madrid" in html or "CET" in html
    french = client.get(event.url.replace("/en/", "/fr/"))
    assert french.status_code in (200, 404)


@pytest.mark.django_db
def test_past_event_shows_participants_and_report(client, site_tree):
    event = EventPageFactory(
        parent=site_tree["event_index"],
        slug="past",
        start=datetime.datetime(2021, 5, 5, 9, tzinfo=BRUSSELS),
        end=datetime.datetime(2021, 5, 6, 17, tzinfo=BRUSSELS),
        participants_count=90,
        report=site_tree["news"],
    )
    html = client.get(event.url).content.decode()
    assert "90" in html
    assert site_tree["news"].url in html


@pytest.mark.django_db
def test_event_json_ld(client, site_tree):
    city = CityFactory(name="Liège", country="BE", latitude="50.632557", longitude="5.579666")
    organiser = PartnerFactory(name="Ville de Liège", website="https://www.liege.be/")
    event = EventPageFactory(
        parent=site_tree["event_index"],
        slug="hybrid",
        city=city,
        organiser=organiser,
        venue="Palais des Congrès",
        format=EventFormat.HYBRID,
        online_url="https://meet.example.org/x",
        status=EventStatus.RESCHEDULED,
        start=datetime.datetime(2031, 5, 5, 9, tzinfo=BRUSSELS),
        end=datetime.datetime(2031, 5, 5, 17, tzinfo=BRUSSELS),
        previous_start=datetime.datetime(2031, 4, 1, 9, tzinfo=BRUSSELS),
    )
    data = json_ld(client.get(event.url).content.decode())
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["startDate"] == "2031-05-05T09:00:00+02:00"
    assert data["endDate"] == "2031-05-05T17:00:00+02:00"
    assert data["previousStartDate"] == "2031-04-01T09:00:00+02:00"
    types = {location["@type"] for location in data["location"]}
    assert types == {"Place", "VirtualLocation"}
    assert data["organizer"]["name"] == "Ville de Liège"


@pytest.mark.django_db
def test_json_ld_cannot_break_out_of_its_script(client, site_tree):
    event = site_tree["event"]
    event.title = "</script><script>alert(1)</script>"
    event.save_revision().publish()
    html = client.get(event.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>"


@pytest.mark.django_db
def test_admin_times_are_entered_in_the_events_timezone(admin_client, site_tree, settings):
    from events.models import EventPage

    settings.TIME_ZONE = "UTC"
    index = site_tree["event_index"]
    response = admin_client.post(
        f"/admin/pages/add/events/eventpage/{index.pk}/",
        {
            "title": "Workshop in Torino",
            "slug": "torino-ws",
            "start": "2031-09-10 09:00",
            "end": "2031-09-10 17:00",
            "timezone": "Europe/Rome",
            "status": "scheduled",
            "event_type": "workshop",
            "format": "in_person",
            "summary": "A workshop.",
            "body-count": "0",
            "waiting_list_enabled": "on",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(slug="torino-ws", locale__language_code="en")
    rome = zoneinfo.ZoneInfo("Europe/Rome")
    assert event.start == datetime.datetime(2031, 9, 10, 9, 0, tzinfo=rome)
    edit = admin_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert "2031-09-10 09:00" in edit
