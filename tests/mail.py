"""The mail worker's part in tests: messages wait in the outbox until delivered."""

from django.core import mail
from mailer import engine


def deliver_outbox():
    """Send every queued message, as `manage.py mail_worker` does, to the in-memory
    transport of the test settings; returns django.core.mail.outbox."""
    engine.send_all()
    return mail.outbox


def take_outbox():
    """The messages delivered since the last call (delivering the outbox first)."""
    messages = list(deliver_outbox())
    mail.outbox.clear()
    return messages
