"""An SMTP failure during registration keeps the registration, tells the visitor, and the
e-mail is retried by `send_pending_emails` (and shown to staff) until it is sent."""

import logging
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command

from events import registration as rules
from events.models import Registration, RegistrationStatus
from tests.events.conftest import register_data


class FailingBackend(LocmemBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


FAILING = "tests.events.test_email_failures.FailingBackend"


@pytest.fixture(autouse=True)
def _autocommit_on_commit(monkeypatch):
    """As in production, where the registration view runs in autocommit mode: the e-mail is
    sent as soon as the registration is committed, before the response is rendered (the
    test itself runs inside a transaction, which would defer it to the end of the test)."""
    monkeypatch.setattr(
        "django.db.transaction.on_commit", lambda func, using=None, robust=False: func()
    )


@pytest.mark.django_db
def test_an_smtp_failure_keeps_the_registration_and_retries_the_email(
    client, open_event, settings, caplog
):
    settings.EMAIL_BACKEND = FAILING
    with caplog.at_level(logging.ERROR, logger="events.emails"):
        response = client.post(f"{open_event.url}register/", register_data())
    # The visitor is registered, and told the e-mail will follow.
    assert response.status_code == 200
    html = response.content.decode()
    assert "Registration confirmed" in html
    assert "could not send the confirmation e-mail just now" in html
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    # The failure is logged and recorded for staff and for the retry.
    assert "Could not send the confirmed e-mail" in caplog.text
    assert registration.email_pending == "confirmed"
    assert registration.email_attempts == 1
    assert "SMTPServerDisconnected" in registration.email_last_error
    assert len(mail.outbox) == 0

    # Still down: the retry fails again and keeps it.
    call_command("send_pending_emails")
    registration.refresh_from_db()
    assert registration.email_pending == "confirmed"
    assert registration.email_attempts == 2

    # The server is back: the retry sends it, once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_emails")
    call_command("send_pending_emails")
    registration.refresh_from_db()
    assert registration.email_pending == ""
    assert registration.email_sent_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana@example.org"]
    assert "cancel/?token=" in mail.outbox[0].body
    assert mail.outbox[0].attachments[0][0].endswith(".ics")


@pytest.mark.django_db
def test_staff_see_registrations_whose_email_was_not_sent(admin_client, open_event, settings):
    settings.EMAIL_BACKEND = FAILING
    admin_client.post(f"{open_event.url}register/", register_data())
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    admin_client.post(f"{open_event.url}register/", register_data(email="bo@example.org"))
    response = admin_client.get("/admin/registrations/?email_not_sent=true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "ana@example.org" in html
    assert "bo@example.org" not in html


@pytest.mark.django_db
def test_a_pending_email_that_no_longer_makes_sense_is_dropped(client, open_event, settings):
    settings.EMAIL_BACKEND = FAILING
    client.post(f"{open_event.url}register/", register_data())
    registration = Registration.objects.get()
    rules.cancel(registration)  # cancelled by staff meanwhile (no e-mail sent here)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_emails")
    registration.refresh_from_db()
    assert registration.email_pending == ""
    assert len(mail.outbox) == 0


@pytest.mark.django_db
def test_retries_stop_after_the_maximum(client, open_event, settings):
    settings.EMAIL_BACKEND = FAILING
    client.post(f"{open_event.url}register/", register_data())
    for _ in range(3):
        call_command("send_pending_emails", "--max-attempts", "2")
    registration = Registration.objects.get()
    assert registration.email_attempts == 2
    assert registration.email_pending == "confirmed"  # still listed for staff
