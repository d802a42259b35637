"""E-mails to registrants, each in the language they registered in, with the event's .ics."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
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


def _send(registration, template, subject, request, with_cancel_link=True, attach_calendar=True):
    page = _event_page(registration)
    if page is None:
        return
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

    def deliver():
        try:
            message.send()
        except Exception:  # the registration stands; the failure is logged for staff
            logger.exception(
                "Could not send the %s e-mail for registration %s", template, registration.pk
            )

    transaction.on_commit(deliver)


def send_registration_received(registration, request):
    if registration.status == "waiting":
        _send(
            registration,
            "waiting_list",
            lambda page: gettext("On the waiting list: %(title)s") % {"title": page.title},
            request,
        )
    else:
        _send(
            registration,
            "confirmed",
            lambda page: gettext("Registration confirmed: %(title)s") % {"title": page.title},
            request,
        )


def send_promoted(registration, request):
    _send(
        registration,
        "promoted",
        lambda page: gettext("A place is yours: %(title)s") % {"title": page.title},
        request,
    )


def send_cancellation_confirmed(registration, request):
    _send(
        registration,
        "cancelled",
        lambda page: gettext("Registration cancelled: %(title)s") % {"title": page.title},
        request,
        with_cancel_link=False,
        attach_calendar=False,
    )
