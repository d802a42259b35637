"""E-mails to registrants, each in the language they registered in, with the event's .ics."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from .calendars import build_calendar
from .tokens import cancel_url

logger = logging.getLogger(__name__)


def _event_page(registration):
    """The event page in the registrant's language (falling back to the one they used)."""
    from .models import EventPage

    pages = EventPage.objects.filter(
        translation_key=registration.shared_event.translation_key, live=True
    ).select_related("locale", "city")
    by_language = {page.locale.language_code: page for page in pages}
    return (
        by_language.get(registration.language_code)
        or registration.page
        or next(iter(by_language.values()), None)
    )


KINDS = {
    # kind: (template, subject, with a cancel link, with the .ics)
    "confirmed": (
        "confirmed",
        lambda page: gettext("Registration confirmed: %(title)s") % {"title": page.title},
        True,
        True,
    ),
    "waiting_list": (
        "waiting_list",
        lambda page: gettext("On the waiting list: %(title)s") % {"title": page.title},
        True,
        True,
    ),
    "promoted": (
        "promoted",
        lambda page: gettext("A place is yours: %(title)s") % {"title": page.title},
        True,
        True,
    ),
    "cancelled": (
        "cancelled",
        lambda page: gettext("Registration cancelled: %(title)s") % {"title": page.title},
        False,
        False,
    ),
}


def build_message(registration, kind, request=None):
    """The e-mail of `kind` for `registration`, in its language, or None without a page."""
    template, subject, with_cancel_link, attach_calendar = KINDS[kind]
    page = _event_page(registration)
    if page is None:
        return None
    with translation.override(registration.language_code):
        page_url = request.build_absolute_uri(page.url) if request else page.full_url
        context = {
            "registration": registration,
            "page": page,
            "page_url": page_url,
            "cancel_url": cancel_url(page_url, registration) if with_cancel_link else None,
        }
        body = render_to_string(f"events/emails/{template}.txt", context)
        message = EmailMessage(
            subject=subject(page),
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[registration.email],
        )
        if attach_calendar:
            calendar = build_calendar([page], request=request)
            message.attach(f"{page.slug}.ics", calendar.to_ical(), "text/calendar; method=PUBLISH")
    return message


def deliver(registration, kind, request=None):
    """Send the e-mail now; on success it is no longer pending, on failure (SMTP server
    down, address refused…) it stays pending with the error, for `send_pending_emails` and
    for staff (the Registrations listing). Returns True when it was sent."""
    from .models import Registration

    pending = Registration.objects.filter(pk=registration.pk, email_pending=kind)
    try:
        message = build_message(registration, kind, request)
        if message is not None:
            message.send()
    except Exception as error:  # the registration stands; the e-mail is retried later
        logger.exception("Could not send the %s e-mail for registration %s", kind, registration.pk)
        text = f"{type(error).__name__}: {error}"[:255]
        pending.update(email_attempts=models.F("email_attempts") + 1, email_last_error=text)
        registration.email_pending = kind
        registration.email_last_error = text
        return False
    now = timezone.now()
    pending.update(email_pending="", email_last_error="", email_sent_at=now)
    registration.email_pending = ""
    registration.email_sent_at = now
    return True


def _send(registration, kind, request):
    """Mark the e-mail as pending (in the same transaction as the change it reports, so a
    crash after the commit cannot lose it), then send it once the transaction commits."""
    from .models import Registration

    Registration.objects.filter(pk=registration.pk).update(
        email_pending=kind, email_attempts=0, email_last_error=""
    )
    registration.email_pending = kind
    transaction.on_commit(lambda: deliver(registration, kind, request))


def send_registration_received(registration, request):
    kind = "waiting_list" if registration.status == "waiting" else "confirmed"
    _send(registration, kind, request)


def send_promoted(registration, request):
    _send(registration, "promoted", request)


def send_cancellation_confirmed(registration, request):
    _send(registration, "cancelled", request)
