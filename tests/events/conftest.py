import datetime

import pytest
from django.utils import timezone

from tests.factories import EventPageFactory
from tests.forms import antispam_fields


@pytest.fixture
def open_event(site_tree):
    """An upcoming event taking registrations: 3 places and a waiting list."""
    now = timezone.now()
    event = EventPageFactory(
        parent=site_tree["event_index"],
        title="Training on crowd safety",
        slug="crowd-safety",
        registration_enabled=True,
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=20),
        capacity=3,
    )
    event.save_revision().publish()
    return event


def register_data(email="ana@example.org", **overrides):
    data = {
        "name": "Ana Martín",
        "email": email,
        "organisation": "Ayuntamiento de Madrid",
        "consent": "on",
        **antispam_fields(),
    }
    data.update(overrides)
    return data
