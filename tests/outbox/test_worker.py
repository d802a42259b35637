"""The outbox and its worker: every e-mail waits in the database, in the transaction of what
it reports, and `manage.py mail_worker` sends it, defers it on failure and retries it."""

import io
import os
import signal
import smtplib
import threading

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import transaction
from mailer.models import Message, MessageLog

from outbox.worker import run_pass
from privacy import personal_data
from tests.events.conftest import register_data
from tests.forms import contact_data

FAILING = "tests.outbox.test_worker.FailingBackend"


class FailingBackend(LocmemBackend):
    """A mail server that drops the connection."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def worker_once():
    output = io.StringIO()
    call_command("mail_worker", "--once", stdout=output)
    return output.getvalue()


def queue_one(to="ana@example.org"):
    send_mail("Subject", "Body", "PACTESUR <no-reply@pactesur.eu>", [to])


@pytest.mark.django_db
def test_every_email_of_the_site_waits_in_the_outbox_until_the_worker_sends_it(
    client, open_event, django_user_model
):
    django_user_model.objects.create_user("editor", "editor@example.org", "long-password-1")
    client.post(f"{open_event.url}register/", register_data())
    client.post("/en/contact/", contact_data())  # to the contact page's to_address
    client.post("/admin/password_reset/", {"email": "editor@example.org"})
    assert mail.outbox == []  # nothing was sent while the visitors waited
    assert Message.objects.count() == 3

    assert worker_once().startswith("3 sent, 0 failed")
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ana@example.org",
        "contact@example.org",
        "editor@example.org",
    ]
    assert Message.objects.count() == 0
    assert worker_once().startswith("0 sent, 0 failed")  # sent once


@pytest.mark.django_db
def test_a_message_exists_only_if_its_transaction_commits():
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_one()
        raise RuntimeError("the change the e-mail reports failed")
    assert not Message.objects.exists()


@pytest.mark.django_db
def test_failures_are_deferred_then_retried_after_the_interval_up_to_the_maximum(settings):
    settings.MAILER_EMAIL_BACKEND = FAILING
    settings.EMAIL_RETRY_SECONDS = 3600
    settings.MAILER_EMAIL_MAX_RETRIES = 2
    queue_one()
    assert run_pass()["failed"] == 1
    assert Message.objects.deferred().count() == 1
    assert run_pass()["retried"] == 0  # the last failure is too recent

    settings.EMAIL_RETRY_SECONDS = 0
    for _attempt in range(4):
        run_pass()
    message = Message.objects.get()
    assert message.retry_count == 2  # retried twice, then given up: kept for staff to see
    assert Message.objects.deferred().count() == 1
    # The log of attempts keeps no copy of the message.
    assert MessageLog.objects.count() == 3
    assert not MessageLog.objects.exclude(message_data=None).exists()

    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MAILER_EMAIL_MAX_RETRIES = 3
    counts = run_pass()
    assert (counts["retried"], counts["sent"], counts["deferred"]) == (1, 1, 0)
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]


@pytest.mark.django_db
def test_a_pass_stops_after_a_few_failures_when_the_server_is_down(settings):
    settings.MAILER_EMAIL_BACKEND = FAILING
    for number in range(8):
        queue_one(f"p{number}@example.org")
    assert run_pass()["failed"] == settings.MAILER_EMAIL_MAX_DEFERRED
    assert Message.objects.non_deferred().count() == 8 - settings.MAILER_EMAIL_MAX_DEFERRED


@pytest.mark.django_db
def test_the_attempt_log_is_purged_after_its_retention(settings):
    settings.MAILER_EMAIL_BACKEND = FAILING
    queue_one()
    run_pass()
    assert MessageLog.objects.count() == 1
    settings.OUTBOX_LOG_RETENTION_DAYS = -1
    assert run_pass()["purged"] == 1
    assert not MessageLog.objects.exists()


@pytest.mark.django_db
def test_the_worker_loops_until_it_is_told_to_stop():
    queue_one()
    stopper = threading.Timer(0.3, os.kill, args=(os.getpid(), signal.SIGTERM))
    stopper.start()
    previous = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    try:
        call_command("mail_worker", "--interval", "0.1", stdout=io.StringIO())
    finally:
        stopper.cancel()
        signal.signal(signal.SIGTERM, previous[0])
        signal.signal(signal.SIGINT, previous[1])
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]


@pytest.mark.django_db
def test_personal_data_covers_the_outbox():
    queue_one("ana@example.org")
    queue_one("bo@example.org")
    contact = mail.EmailMessage("Contact", "Hello", to=["team@pactesur.eu"])
    contact.reply_to = ["Ana@example.org"]
    contact.send()
    exported = personal_data.collect("ana@example.org")["outgoing_emails"]
    assert [entry["subject"] for entry in exported] == ["Subject", "Contact"]
    personal_data.erase("ana@example.org")
    assert [message.to_addresses for message in Message.objects.all()] == [["bo@example.org"]]
