import csv
import datetime
import io
import re

from django.utils import timezone

from tests.factories import EventPageFactory
from tests.forms import antispam_fields
from tests.mail import deliver_outbox
from tests.shared import shared_fixture


@shared_fixture(parent="site_tree")
def open_event(site_tree):
    """An upcoming event taking registrations: 3 places and a waiting list. Built once per
    test process (tests/shared.py) and re-read for each test: publishing it (a revision,
    full_clean, both search indexes, the reference index) was most of each test's set-up."""
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


CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/\S+/confirm/\?token=\S+)")


def confirm_link(address):
    """The path of the last confirmation link e-mailed to `address` (delivering the outbox)."""
    for message in reversed(deliver_outbox()):
        if message.to == [address]:
            found = CONFIRM_LINK.search(message.body)
            if found:
                return found.group(1)
    raise AssertionError(f"no confirmation link was e-mailed to {address}")


def register_and_confirm(client, event, email="ana@example.org", **data):
    """A visitor's whole registration: the form, then the link from the e-mail."""
    response = client.post(f"{event.url}register/", register_data(email=email, **data))
    assert response.status_code == 200, response.content.decode()[:500]
    return client.post(confirm_link(email))


def csv_rows(response):
    """The rows of a CSV export (Wagtail streams it, with a byte-order mark)."""
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
