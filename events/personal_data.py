"""Event registrations in the privacy tools (privacy/personal_data.py): what the site holds
about an e-mail address, exported and erased on request. Registered with the
`register_personal_data` hook (events/wagtail_hooks.py)."""

from django.utils import timezone

from privacy.personal_data import REGISTRATIONS, PersonalData

from . import emails
from . import registration as rules
from .models import Registration, RegistrationStatus


def registrations_of(email):
    return (
        Registration.objects.filter(email__iexact=email)
        .select_related("shared_event", "page")
        .order_by("created_at", "pk")
    )


def export(email):
    return [
        {
            "event": registration.shared_event.title,
            "event_start": registration.shared_event.start,
            "event_page": registration.page.url if registration.page else None,
            "language": registration.language_code,
            "status": registration.status,
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation,
            "consent_text": registration.consent_text,
            "consent_version": registration.consent_version,
            "consented_at": registration.consented_at,
            "created_at": registration.created_at,
            "cancelled_at": registration.cancelled_at,
            "promoted_at": registration.promoted_at,
        }
        for registration in registrations_of(email)
    ]


def erase(email, request=None):
    """A place still held for an event to come is cancelled first (the waiting list moves
    up, and whoever moves up is told by e-mail); then the name, address and organisation
    are erased, as the retention purge does, keeping the row so that the counts of the
    event stay right. Runs in the erasure's transaction. Returns how many were erased."""
    promoted = []
    now = timezone.now()
    registrations = list(registrations_of(email))
    for registration in registrations:
        event_end = registration.shared_event.end
        to_come = event_end is None or event_end > now
        if to_come and registration.status != RegistrationStatus.CANCELLED:
            moved_up = rules.cancel(registration)
            if moved_up is not None:
                promoted.append(moved_up)
    for registration in registrations:
        Registration.objects.filter(pk=registration.pk).update(
            name="",
            organisation="",
            email=f"purged-{registration.pk}@invalid.invalid",
            purged_at=now,
        )
    for registration in promoted:
        emails.send_promoted(registration, request)
    return len(registrations)


REGISTRATIONS_DATA = PersonalData(kind=REGISTRATIONS, export=export, erase=erase)
