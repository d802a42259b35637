"""`manage.py send_event_reminders`: once, to confirmed registrants, with what they need."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import EventFormat, EventStatus
from tests.events.conftest import register_and_confirm
from tests.mail import deliver_outbox


def remind():
    call_command("send_event_reminders", "--hours", "48", stdout=io.StringIO())
    return deliver_outbox()


def move(event, hours_from_now, **changes):
    start = timezone.now() + datetime.timedelta(hours=hours_from_now)
    for name, value in {"start": start, "end": start + datetime.timedelta(hours=3)}.items():
        setattr(event, name, value)
    for name, value in changes.items():
        setattr(event, name, value)
    event.save_revision().publish()


@pytest.fixture
def registered(client, open_event):
    for n in range(4):  # 3 places: the 4th waits
        register_and_confirm(client, open_event, email=f"p{n}@example.org")
    deliver_outbox().clear()
    return open_event


@pytest.mark.django_db
def test_confirmed_registrants_are_reminded_once_with_the_venue(registered):
    move(registered, 24 * 10, venue="Palais des Congrès Acropolis")
    deliver_outbox().clear()  # the change e-mail
    assert remind() == []  # too early
    move(registered, 30)
    deliver_outbox().clear()
    sent = remind()
    assert sorted(m.to[0] for m in sent) == ["p0@example.org", "p1@example.org", "p2@example.org"]
    assert all("Reminder" in m.subject and "Palais des Congrès Acropolis" in m.body for m in sent)
    assert all(m.attachments for m in sent)
    sent.clear()
    assert remind() == []  # once


@pytest.mark.django_db
def test_online_events_remind_with_the_link_to_join_and_a_new_date_reminds_again(registered):
    secret = "https://meet.example.org/room-42"
    move(registered, 30, format=EventFormat.ONLINE, online_url=secret)
    deliver_outbox().clear()
    assert all(secret in m.body for m in remind())
    deliver_outbox().clear()
    move(registered, 40)  # rescheduled: the new date gets its own reminder
    deliver_outbox().clear()
    assert len(remind()) == 3


@pytest.mark.django_db
def test_cancelled_events_get_no_reminder(registered):
    move(registered, 30, status=EventStatus.CANCELLED)
    deliver_outbox().clear()
    assert remind() == []
