import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from events.models import EventStatus
from tests.factories import EventPageFactory
from tests.translation import translate_object

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


@pytest.fixture
def liege_workshop(site_tree):
    event = EventPageFactory(
        parent=site_tree["event_index"],
        title="Local governance workshop",
        slug="liege",
        start=datetime.datetime(2031, 5, 5, 9, 0, tzinfo=BRUSSELS),
        end=datetime.datetime(2031, 5, 6, 17, 0, tzinfo=BRUSSELS),
        timezone="Europe/Brussels",
        venue="Palais des Congrès",
        summary="Two days on local governance.",
    )
    event.save_revision().publish()
    return event


@pytest.mark.django_db
def test_event_ics_is_valid_rfc5545_in_the_events_timezone(client, liege_workshop):
    calendar = parse(client.get(f"{liege_workshop.url}event.ics"))
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"{liege_workshop.translation_key}@pactesur.eu"
    assert vevent["DTSTAMP"]
    start = vevent.decoded("DTSTART")
    assert start == datetime.datetime(2031, 5, 5, 9, 0, tzinfo=BRUSSELS)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    assert str(vevent["SUMMARY"]) == "Local governance workshop"
    assert "Two days on local governance." in str(vevent["DESCRIPTION"])
    assert str(vevent["URL"]).endswith("/en/events/liege/")
    assert "Palais des Congrès" in str(vevent["LOCATION"])
    assert vevent["STATUS"] == "CONFIRMED"
    assert int(vevent["SEQUENCE"]) == 0


@pytest.mark.django_db
def test_uid_is_the_same_in_every_language_and_text_is_translated(client, liege_workshop, locales):
    for page in (liege_workshop.get_parent().get_parent(), liege_workshop.get_parent()):
        translate_object(page.specific, locales["es"], lambda text: f"{text} (es)")
    spanish = translate_object(liege_workshop, locales["es"], lambda text: f"{text} (es)")
    english = parse(client.get(f"{liege_workshop.url}event.ics")).walk("VEVENT")[0]
    spanish_event = parse(client.get(f"{spanish.url}event.ics")).walk("VEVENT")[0]
    assert english["UID"] == spanish_event["UID"]
    assert str(spanish_event["SUMMARY"]) == "Local governance workshop (es)"
    assert str(spanish_event["URL"]).endswith("/es/events/liege/")


@pytest.mark.django_db
def test_rescheduling_and_cancelling_raise_the_sequence(client, liege_workshop, locales):
    def sequence_and_status():
        vevent = parse(client.get(f"{liege_workshop.url}event.ics")).walk("VEVENT")[0]
        return int(vevent["SEQUENCE"]), str(vevent["STATUS"])

    assert sequence_and_status() == (0, "CONFIRMED")
    # A draft change does not reach calendars.
    liege_workshop.title = "Renamed draft"
    liege_workshop.save_revision()
    assert sequence_and_status() == (0, "CONFIRMED")

    liege_workshop.previous_start = liege_workshop.start
    liege_workshop.start += datetime.timedelta(days=7)
    liege_workshop.end += datetime.timedelta(days=7)
    liege_workshop.status = EventStatus.RESCHEDULED
    liege_workshop.save_revision().publish()
    assert sequence_and_status() == (1, "CONFIRMED")

    # Translating (which saves every language) does not count as another change.
    for page in (liege_workshop.get_parent().get_parent(), liege_workshop.get_parent()):
        translate_object(page.specific, locales["fr"], lambda text: text)
    translate_object(liege_workshop, locales["fr"], lambda text: text)
    assert sequence_and_status() == (1, "CONFIRMED")

    liege_workshop.status = EventStatus.CANCELLED
    liege_workshop.save_revision().publish()
    sequence, status = sequence_and_status()
    assert (sequence, status) == (2, "CANCELLED")
    vevent = parse(client.get(f"{liege_workshop.url}event.ics")).walk("VEVENT")[0]
    assert "Cancelled" in str(vevent["SUMMARY"])


@pytest.mark.django_db
def test_all_day_multi_day_event_uses_dates(client, site_tree):
    event = EventPageFactory(
        parent=site_tree["event_index"],
        slug="assembly",
        all_day=True,
        start=datetime.datetime(2031, 6, 1, 0, 0, tzinfo=BRUSSELS),
        end=datetime.datetime(2031, 6, 3, 23, 59, tzinfo=BRUSSELS),
    )
    vevent = parse(client.get(f"{event.url}event.ics")).walk("VEVENT")[0]
    assert vevent.decoded("DTSTART") == datetime.date(2031, 6, 1)
    assert vevent.decoded("DTEND") == datetime.date(2031, 6, 4)  # exclusive end


@pytest.mark.django_db
def test_index_calendar_lists_every_event_of_the_language(client, site_tree, liege_workshop):
    response = client.get(f"{site_tree['event_index'].url}calendar.ics")
    calendar = parse(response)
    uids = {str(vevent["UID"]) for vevent in calendar.walk("VEVENT")}
    assert uids == {
        f"{site_tree['event'].translation_key}@pactesur.eu",
        f"{liege_workshop.translation_key}@pactesur.eu",
    }
    # One VTIMEZONE per zone used, never repeated.
    zones = [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")]
    assert len(zones) == len(set(zones))


@pytest.mark.django_db
def test_add_to_calendar_links(client, liege_workshop):
    response = client.get(liege_workshop.url)
    links = response.context["calendar_links"]
    assert links["ics"] == f"{liege_workshop.url}event.ics"
    assert "calendar.google.com" in links["google"]
    assert "dates=20310505T070000Z%2F20310506T150000Z" in links["google"]
    assert "outlook.live.com" in links["outlook"]
    html = response.content.decode()
    assert f'href="{liege_workshop.url}event.ics"' in html


@pytest.mark.django_db
def test_draft_and_private_events_have_no_calendar_file(client, liege_workshop):
    from wagtail.models import PageViewRestriction

    url = f"{liege_workshop.url}event.ics"
    PageViewRestriction.objects.create(page=liege_workshop, restriction_type="login")
    assert client.get(url).status_code == 404
    PageViewRestriction.objects.all().delete()
    assert client.get(url).status_code == 200
    liege_workshop.unpublish()
    assert client.get(url).status_code == 404
    assert client.get("/en/events/no-such-event/event.ics").status_code == 404
    assert client.get("/en/news/calendar.ics").status_code == 404  # not an events index


@pytest.mark.django_db
def test_a_venue_that_names_its_city_is_not_followed_by_the_city_again(client, site_tree):
    """Issue 13, item 8: the calendar said "Lingotto Fiere, Turin, Turin" (escaped in the
    .ics as `Turin\\, Turin`) when the venue's address already named the event's city."""
    from tests.factories import CityFactory

    turin = CityFactory(name="Turin")
    turin.save_revision().publish()
    common = {"parent": site_tree["event_index"], "city": turin}
    named = EventPageFactory(**common, slug="assembly", venue="Lingotto Fiere, Turin")
    unnamed = EventPageFactory(**common, slug="course", venue="Palazzo Civico")
    location = {}
    for event in (named, unnamed):
        (vevent,) = parse(client.get(f"{event.url}event.ics")).walk("VEVENT")
        location[event.slug] = str(vevent["LOCATION"])
        links = client.get(event.url).context["calendar_links"]
        assert location[event.slug].replace(" ", "+").replace(",", "%2C") in links["google"]
    assert location == {"assembly": "Lingotto Fiere, Turin", "course": "Palazzo Civico, Turin"}
