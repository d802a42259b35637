"""Fifty people confirm their address at the same moment for ten places: exactly ten get
one, forty wait. PostgreSQL only, because that is where concurrent transactions really run
side by side."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from events import registration as rules
from events.models import EventPage, Registration
from tests.factories import EventPageFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_no_overbooking_under_concurrency(site_tree):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://…)")
    now = timezone.now()
    event = EventPageFactory(
        parent=site_tree["event_index"],
        slug="race",
        registration_enabled=True,
        registration_opens_at=now - datetime.timedelta(days=1),
        capacity=10,
    )
    event.save_revision().publish()
    event = EventPage.objects.get(pk=event.pk)
    requests = [
        rules.register(
            event,
            name=f"P{n}",
            email=f"p{n}@example.org",
            organisation="",
            consent_text="ok",
            consent_version="1",
            language_code="en",
        ).registration
        for n in range(50)
    ]
    assert Registration.objects.filter(status__in=["confirmed", "waiting"]).count() == 0
    barrier = threading.Barrier(50)
    errors = []

    def attempt(n):
        try:
            barrier.wait(timeout=30)
            rules.confirm_address(Registration.objects.get(pk=requests[n].pk))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert Registration.objects.filter(status="confirmed").count() == 10
    assert Registration.objects.filter(status="waiting").count() == 40
