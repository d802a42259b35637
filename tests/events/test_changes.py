"""Calendars and registrants follow what a publish changes (events/changes.py)."""

import datetime

import pytest
from icalendar import Calendar

from events.models import EventFormat, EventStatus, Registration
from tests.events.conftest import register_and_confirm
from tests.factories import CityFactory
from tests.mail import take_outbox
from tests.translation import translate_object


def vevent(client, page):
    response = client.get(f"{page.url}event.ics")
    assert response.status_code == 200
    return Calendar.from_ical(response.content).walk("VEVENT")[0]


def sequence(client, page):
    return int(vevent(client, page)["SEQUENCE"])


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def ics_of(message):
    (_name, content, _type) = next(a for a in message.attachments if a[0].endswith(".ics"))
    return Calendar.from_ical(content).walk("VEVENT")[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change",
    [
        {"is_save_the_date": False},  # the save the date becomes the full event
        {"venue": "Salle des fêtes, 3 place Masséna"},
        {"title": "Training on crowd safety (new programme)"},
        {"start": +1},
        {"status": EventStatus.POSTPONED},
    ],
)
def test_calendars_follow_date_time_place_title_and_status(client, open_event, change):
    publish(open_event, is_save_the_date=True)
    before = sequence(client, open_event)
    publish(open_event)  # a re-publish changes nothing
    assert sequence(client, open_event) == before
    if "start" in change:
        hours = datetime.timedelta(hours=change["start"])
        change = {"start": open_event.start + hours, "end": open_event.end + hours}
    publish(open_event, **change)
    assert sequence(client, open_event) == before + 1


@pytest.mark.django_db
def test_a_cancelled_event_still_offers_its_calendar_file(client, open_event):
    publish(open_event, status=EventStatus.CANCELLED)
    page = client.get(open_event.url).content.decode()
    assert f'href="{open_event.url}event.ics"' in page
    assert "marks the event as cancelled" in page
    assert str(vevent(client, open_event)["STATUS"]) == "CANCELLED"


@pytest.mark.django_db
def test_registrants_are_told_once_in_their_language_with_the_updated_calendar(
    client, open_event, locales
):
    for page in (open_event.get_parent().get_parent(), open_event.get_parent()):
        translate_object(page.specific, locales["fr"], lambda text: f"{text} (fr)")
    french = translate_object(open_event, locales["fr"], lambda text: f"{text} (fr)")
    for n in range(3):
        register_and_confirm(client, open_event, email=f"p{n}@example.org")
    register_and_confirm(client, french, email="marie@example.org")  # 4th: waiting list
    take_outbox()
    before = sequence(client, open_event)

    publish(open_event, venue="Centre universitaire Méditerranéen", city=CityFactory())
    sent = take_outbox()
    assert sorted(m.to[0] for m in sent) == [
        "marie@example.org",
        "p0@example.org",
        "p1@example.org",
        "p2@example.org",
    ]
    confirmed = next(m for m in sent if m.to == ["p0@example.org"])
    assert "Change to Training on crowd safety" in confirmed.subject
    assert "Centre universitaire Méditerranéen" in confirmed.body
    after_move = int(ics_of(confirmed)["SEQUENCE"])
    assert after_move > before
    waiting = next(m for m in sent if m.to == ["marie@example.org"])
    assert "(fr)" in waiting.subject and "nouveau lieu" in waiting.body
    assert "Centre universitaire Méditerranéen" in waiting.body  # ahead of its translation
    assert waiting.attachments == []  # no calendar entry without a place

    # Publishing again, or the French translation catching up, tells nobody again.
    publish(open_event)
    translate_object(open_event, locales["fr"], lambda text: f"{text} (fr)")
    publish(open_event, summary="A better summary")  # not something registrants must hear
    assert take_outbox() == []

    publish(open_event, status=EventStatus.CANCELLED, status_note="The venue is closed.")
    sent = take_outbox()
    assert len(sent) == 4
    cancelled = next(m for m in sent if m.to == ["p1@example.org"])
    assert cancelled.subject.startswith("Cancelled:")
    assert "has been cancelled" in cancelled.body and "The venue is closed." in cancelled.body
    assert str(ics_of(cancelled)["STATUS"]) == "CANCELLED"
    assert int(ics_of(cancelled)["SEQUENCE"]) > after_move
    french_mail = next(m for m in sent if m.to == ["marie@example.org"])
    assert french_mail.subject.startswith("Annulé")


@pytest.mark.django_db
def test_past_events_and_changes_nobody_needs_send_nothing(client, open_event):
    register_and_confirm(client, open_event)
    take_outbox()
    publish(open_event, participants_count=12, summary="Shorter")
    assert take_outbox() == []
    Registration.objects.update(status="cancelled")
    publish(open_event, status=EventStatus.CANCELLED)
    assert take_outbox() == []


@pytest.mark.django_db
def test_the_join_link_goes_only_to_confirmed_registrants(client, open_event):
    secret = "https://meet.example.org/pactesur-secret-room"
    publish(open_event, format=EventFormat.HYBRID, online_url=secret)
    public = [
        client.get(open_event.url).content.decode(),
        client.get(f"{open_event.url}event.ics").content.decode(),
        client.get(f"{open_event.get_parent().url}calendar.ics").content.decode(),
        client.get(f"/api/v2/pages/{open_event.pk}/").content.decode(),
        client.get("/api/v2/pages/?type=events.EventPage&fields=*").content.decode(),
        client.get("/en/search/?q=secret").content.decode(),
    ]
    for text in public:
        assert "secret-room" not in text
    for n in range(4):  # 3 places: the 4th waits
        register_and_confirm(client, open_event, email=f"p{n}@example.org")
    sent = take_outbox()
    with_link = sorted(m.to[0] for m in sent if secret in m.body)
    assert with_link == ["p0@example.org", "p1@example.org", "p2@example.org"]
    for message in sent:
        for _name, content, _type in message.attachments:
            text = content.decode() if isinstance(content, bytes) else content
            assert "secret-room" not in text
