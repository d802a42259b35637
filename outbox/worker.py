"""The outbox: every e-mail of the site waits in the database until the mail worker sends it.

Whatever sends an e-mail (registrations, the contact form, Wagtail's moderation
notifications, password resets) goes through Django's mail API to django-mailer's database
backend (``EMAIL_BACKEND``). That backend only INSERTs the message, attachments included,
in the current transaction: the visitor's answer never waits on the mail server, and a
message exists exactly when what it reports was committed.

``manage.py mail_worker`` sends the queue with the real transport (``MAILER_EMAIL_BACKEND``:
SMTP in production), with ``EMAIL_TIMEOUT`` on every connection. A message the server
refuses or does not answer is deferred; deferred messages go back into the queue once the
last failure is ``EMAIL_RETRY_SECONDS`` old, at most ``MAILER_EMAIL_MAX_RETRIES`` times (then
they stay, deferred, for staff to see). A pass stops after ``MAILER_EMAIL_MAX_DEFERRED``
failures: the server is down, and trying every message against it would only take longer.
Several workers may run at once: each message is sent under a row lock (NOWAIT).
"""

import datetime

from django.conf import settings
from django.utils import timezone
from mailer import engine
from mailer.models import RESULT_FAILURE, RESULT_SUCCESS, Message, MessageLog


def retry_seconds():
    return int(getattr(settings, "EMAIL_RETRY_SECONDS", 300))


def retry_deferred_if_due(now=None):
    """Put the deferred messages back in the queue when the last failure is old enough.

    The time of the last failure is read from the log, so this holds across passes, worker
    processes and cron runs alike. Returns how many messages were put back."""
    now = now or timezone.now()
    if not Message.objects.deferred().exists():
        return 0
    last_failure = (
        MessageLog.objects.filter(result=RESULT_FAILURE)
        .order_by("-when_attempted")
        .values_list("when_attempted", flat=True)
        .first()
    )
    if last_failure and now - last_failure < datetime.timedelta(seconds=retry_seconds()):
        return 0
    return Message.objects.retry_deferred()


def purge_log(now=None):
    """Forget log entries older than OUTBOX_LOG_RETENTION_DAYS (the log keeps no message
    text, but an error may quote an address)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=int(settings.OUTBOX_LOG_RETENTION_DAYS))
    deleted, _by_model = MessageLog.objects.filter(when_attempted__lt=cutoff).delete()
    return deleted


def run_pass():
    """Retry what is due, send every queued message, purge the old log. Returns counts."""
    started = timezone.now()
    retried = retry_deferred_if_due(started)
    engine.send_all()
    attempts = MessageLog.objects.filter(when_attempted__gte=started)
    return {
        "retried": retried,
        "sent": attempts.filter(result=RESULT_SUCCESS).count(),
        "failed": attempts.filter(result=RESULT_FAILURE).count(),
        "queued": Message.objects.non_deferred().count(),
        "deferred": Message.objects.deferred().count(),
        "purged": purge_log(),
    }


# ------------------------------------------------------------------------ personal data


def _addresses(message):
    """Every address a queued message names: recipients and Reply-To."""
    email = message.email
    if email is None:
        return set()
    named = [*email.to, *email.cc, *email.bcc, *email.reply_to]
    return {address.strip().lower() for address in named}


def messages_naming(address):
    """The messages still in the outbox that are sent to, or name as Reply-To, `address`.
    The queue is short (it is emptied every few seconds), so each message is read."""
    address = address.strip().lower()
    return [
        message
        for message in Message.objects.order_by("when_added").iterator(chunk_size=200)
        if any(address in named for named in _addresses(message))
    ]


def unsent_addresses():
    """The addresses of every message not sent yet (queued or deferred), lower case."""
    found = set()
    for message in Message.objects.iterator(chunk_size=200):
        found |= _addresses(message)
    return found


def erase_messages_naming(address):
    """Delete what the outbox holds about `address`: its messages and the log lines that
    quote it. Returns the number of messages deleted."""
    messages = messages_naming(address)
    Message.objects.filter(pk__in=[message.pk for message in messages]).delete()
    MessageLog.objects.filter(log_message__icontains=address.strip()).delete()
    return len(messages)
