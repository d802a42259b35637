"""E-mails to registrants, each in the language they registered in, with the event's .ics."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from .calendars import build_calendar
from .tokens import cancel_url


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


def send(registration, kind, request=None):
    """Queue the e-mail of `kind` for `registration` in the outbox (outbox/worker.py), in
    the current transaction: call it inside the transaction that made the change it
    reports, so that the message exists exactly when the change was committed."""
    message = build_message(registration, kind, request)
    if message is not None:
        message.send()
    return message


def send_registration_received(registration, request):
    kind = "waiting_list" if registration.status == "waiting" else "confirmed"
    send(registration, kind, request)


def send_promoted(registration, request):
    send(registration, "promoted", request)


def send_cancellation_confirmed(registration, request):
    send(registration, "cancelled", request)
