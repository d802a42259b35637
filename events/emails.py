"""E-mails to registrants, each in the language they registered in.

Every e-mail is queued in the outbox (outbox/worker.py) by `send()`, in the transaction of
the change it reports. Only those who hold a place get the event's `.ics` and, for an
online or hybrid event, the link to join: a waiting-list e-mail has neither (no calendar
entry for a place one does not have; see docs/events.md).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from .calendars import build_calendar
from .choices import EventFormat, EventStatus, RegistrationStatus
from .registration import confirm_hours
from .tokens import cancel_url, confirm_url


@dataclass(frozen=True)
class Kind:
    template: str
    subject: str  # marked with gettext_noop, translated when the e-mail is built; %(title)s
    cancel_link: bool = True
    holds_place: bool = False  # the .ics and the link to join


KINDS = {
    "confirm_address": Kind(
        "confirm_address", gettext_noop("Confirm your registration: %(title)s"), cancel_link=False
    ),
    "already_registered": Kind(
        "already_registered", gettext_noop("Your registration for %(title)s")
    ),
    "confirmed": Kind(
        "confirmed", gettext_noop("Registration confirmed: %(title)s"), holds_place=True
    ),
    "waiting_list": Kind("waiting_list", gettext_noop("On the waiting list: %(title)s")),
    "request_received": Kind(
        "request_received", gettext_noop("Registration request received: %(title)s")
    ),
    "declined": Kind(
        "declined", gettext_noop("Your registration request: %(title)s"), cancel_link=False
    ),
    "promoted": Kind("promoted", gettext_noop("A place is yours: %(title)s"), holds_place=True),
    "cancelled": Kind(
        "cancelled", gettext_noop("Registration cancelled: %(title)s"), cancel_link=False
    ),
    # The event changed (events/changes.py): the subject comes with the change.
    "event_changed": Kind("event_changed", gettext_noop("Change to %(title)s")),
    # A set time before the start (send_event_reminders), to those with a place.
    "reminder": Kind("reminder", gettext_noop("Reminder: %(title)s"), holds_place=True),
}


def event_page_for(registration):
    """The event page in the registrant's language (falling back to the one they used)."""
    pages = registration.shared_event.pages().filter(live=True).select_related("locale", "city")
    by_language = {page.locale.language_code: page for page in pages}
    return (
        by_language.get(registration.language_code)
        or registration.page
        or next(iter(by_language.values()), None)
    )


def holds_place(registration):
    return registration.status == RegistrationStatus.CONFIRMED


def build_message(registration, kind, request=None, page=None, extra_context=None):
    """The e-mail of `kind` for `registration`, in its language, or None without a page.

    `page` is the event as the e-mail should show it (by default its live page in the
    registrant's language)."""
    spec = KINDS[kind] if isinstance(kind, str) else kind
    page = page or event_page_for(registration)
    if page is None:
        return None
    with translation.override(registration.language_code):
        page_url = request.build_absolute_uri(page.url) if request else page.full_url
        place = spec.holds_place or (extra_context or {}).get("holds_place", False)
        online = page.format in (EventFormat.ONLINE, EventFormat.HYBRID)
        online = online and page.status != EventStatus.CANCELLED
        context = {
            "registration": registration,
            "page": page,
            "page_url": page_url,
            "cancel_url": cancel_url(page_url, registration) if spec.cancel_link else None,
            "confirm_url": confirm_url(page_url, registration),
            "confirm_hours": confirm_hours(),
            "join_url": page.online_url if place and online else "",
            **(extra_context or {}),
        }
        body = render_to_string(f"events/emails/{spec.template}.txt", context)
        message = EmailMessage(
            subject=gettext(context.get("subject") or spec.subject) % {"title": page.title},
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[registration.email],
        )
        if place:
            calendar = build_calendar([page], request=request)
            message.attach(f"{page.slug}.ics", calendar.to_ical(), "text/calendar; method=PUBLISH")
    return message


def send(registration, kind, request=None, **options):
    """Queue the e-mail of `kind` for `registration` in the outbox (outbox/worker.py), in
    the current transaction: call it inside the transaction that made the change it
    reports, so that the message exists exactly when the change was committed."""
    message = build_message(registration, kind, request, **options)
    if message is not None:
        message.send()
    return message


def send_status(registration, request=None):
    """The e-mail that tells a registrant where they now stand."""
    kind = {
        RegistrationStatus.CONFIRMED: "confirmed",
        RegistrationStatus.WAITING: "waiting_list",
        RegistrationStatus.REQUESTED: "request_received",
        RegistrationStatus.DECLINED: "declined",
        RegistrationStatus.CANCELLED: "cancelled",
    }[registration.status]
    return send(registration, kind, request)


def send_promoted(registration, request=None):
    return send(registration, "promoted", request)
