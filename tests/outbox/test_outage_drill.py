"""Outage drill: the mail server accepts connections and never answers.

With the mail settings production derives from EMAIL_HOST, every public form still answers
at once, /healthz too, nothing is lost, and the messages leave once a real SMTP server
answers again, each exactly once. The servers are real sockets (tests/outbox/conftest.py).
"""

import contextlib
import email
import email.policy
import signal

import pytest
from django.core.management import call_command
from mailer.models import Message
from wagtail.contrib.forms.models import FormSubmission

from events.models import Registration
from tests import factories
from tests.events.conftest import register_data
from tests.forms import contact_data
from tests.outbox.conftest import production_mail_settings

ANSWER_WITHIN_SECONDS = 5
CONTACT_URL = "/en/contact/"


class TooSlow(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` swallows it."""


@contextlib.contextmanager
def answered_within(seconds, what):
    """Fail if the block takes longer than `seconds` (SIGALRM interrupts a blocked socket)."""

    def too_slow(signum, frame):
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(seconds)
    try:
        yield
    except TooSlow:
        pytest.fail(f"{what}: no answer within {seconds} s (waiting on the mail server)")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def contact_page(site_tree):
    """The test contact form with an e-mail field, e-mailing staff."""
    contact = site_tree["contact"]
    factories.ContactFormFieldFactory(
        page=contact, label="Your e-mail", field_type="email", required=True, sort_order=1
    )
    contact.to_address = "team@pactesur.eu"
    contact.save_revision().publish()
    return contact


@pytest.fixture
def autocommit_on_commit(monkeypatch):
    """As in production, where views run in autocommit: on-commit work runs when the view's
    transaction ends, inside the request (the test itself runs in one transaction)."""
    monkeypatch.setattr(
        "django.db.transaction.on_commit", lambda func, using=None, robust=False: func()
    )


def received(inbox):
    return [
        email.message_from_bytes(content, policy=email.policy.default)
        for _sender, _recipients, content in inbox.messages
    ]


@pytest.mark.django_db
def test_a_mail_server_that_never_answers_costs_visitors_nothing(
    client, settings, open_event, contact_page, black_hole, smtp_server, autocommit_on_commit
):
    for name, value in production_mail_settings("127.0.0.1", black_hole.port).items():
        setattr(settings, name, value)
    settings.EMAIL_RETRY_SECONDS = 0

    with answered_within(ANSWER_WITHIN_SECONDS, "registration"):
        response = client.post(f"{open_event.url}register/", register_data())
    assert response.status_code == 200
    with answered_within(ANSWER_WITHIN_SECONDS, "contact form"):
        response = client.post(
            CONTACT_URL, contact_data(your_name="Bea Visitor", your_e_mail="bea@example.org")
        )
    assert response.status_code == 200
    with answered_within(ANSWER_WITHIN_SECONDS, "/healthz"):
        assert client.get("/healthz").status_code == 200

    # Nothing lost: what the visitors sent is stored, and so are the e-mails about it.
    assert Registration.objects.count() == 1
    assert FormSubmission.objects.count() == 1
    assert Message.objects.count() == 2

    # The worker meets the silent server: it gives up within EMAIL_TIMEOUT per message and
    # keeps the messages for later.
    with answered_within(ANSWER_WITHIN_SECONDS, "mail worker"):
        call_command("mail_worker", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Message.objects.deferred().count() == 2
    assert smtp_server.inbox.messages == []

    # The mail server answers again: everything leaves, once.
    settings.EMAIL_PORT = smtp_server.port
    call_command("mail_worker", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("mail_worker", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Message.objects.count() == 0
    messages = received(smtp_server.inbox)
    assert sorted(message["To"] for message in messages) == [
        "ana@example.org",
        "team@pactesur.eu",
    ]
    to_staff = next(message for message in messages if message["To"] == "team@pactesur.eu")
    assert to_staff["Reply-To"] == "bea@example.org"
    to_registrant = next(message for message in messages if message["To"] == "ana@example.org")
    assert "/confirm/?token=" in to_registrant.get_body().get_content()
