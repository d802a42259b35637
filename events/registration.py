"""Registration rules: open and close times, capacity, waiting list, one place per e-mail.

All decisions about a place are taken inside one transaction that first writes to the
event's SharedEvent row. That write takes the row lock on PostgreSQL and the database
write lock on SQLite, so two people racing for the last place are served one after the
other and exactly one of them gets it.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import EventPage, EventStatus, Registration, RegistrationStatus, SharedEvent

ACTIVE = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]


class RegistrationRefused(Exception):
    """Registration is not possible; `message` says why, in the visitor's language."""

    def __init__(self, message, code):
        super().__init__(str(message))
        self.message = message
        self.code = code


@dataclass
class RegistrationState:
    enabled: bool
    is_open: bool
    message: str
    code: str
    capacity: int | None
    confirmed: int
    waiting: int
    opens_at: datetime | None
    closes_at: datetime | None
    waiting_list: bool

    @property
    def places_left(self):
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed, 0)

    @property
    def is_full(self):
        return self.capacity is not None and self.confirmed >= self.capacity


def counts_for(shared_event):
    rows = (
        Registration.objects.filter(shared_event=shared_event, status__in=ACTIVE)
        .values("status")
        .annotate(n=models.Count("pk"))
    )
    counts = {row["status"]: row["n"] for row in rows}
    return counts.get(RegistrationStatus.CONFIRMED, 0), counts.get(RegistrationStatus.WAITING, 0)


def closed_reason(event, now=None):
    """Why `event` does not take registrations now, as (code, message), or None if it does."""
    now = now or timezone.now()
    if not event.registration_enabled:
        return "disabled", _("This event has no registration on this site.")
    if not event.live:
        return "unpublished", _("This event is not published, so registration is not possible.")
    if event.status == EventStatus.CANCELLED:
        return "cancelled", _("This event has been cancelled: registration is closed.")
    if event.status == EventStatus.POSTPONED:
        return "postponed", _(
            "This event has been postponed: registration will reopen with the new date."
        )
    if event.start <= now:
        return "past", _("This event has already taken place: registration is closed.")
    if event.registration_opens_at and now < event.registration_opens_at:
        return "not_open", _("Registration is not open yet.")
    if event.registration_closes_at and now >= event.registration_closes_at:
        return "closed", _("Registration for this event is closed.")
    return None


def registration_state(event):
    shared = SharedEvent.objects.filter(translation_key=event.translation_key).first()
    confirmed, waiting = counts_for(shared) if shared else (0, 0)
    reason = closed_reason(event)
    state = RegistrationState(
        enabled=event.registration_enabled,
        is_open=reason is None,
        message=reason[1] if reason else "",
        code=reason[0] if reason else "open",
        capacity=event.capacity,
        confirmed=confirmed,
        waiting=waiting,
        opens_at=event.registration_opens_at,
        closes_at=event.registration_closes_at,
        waiting_list=event.waiting_list_enabled,
    )
    if state.is_open and state.is_full and not state.waiting_list:
        state.is_open = False
        state.code = "full"
        state.message = _("This event is full.")
    return state


def _lock(event):
    """Take the lock that serialises every change to this event's places."""
    shared = event.get_shared_event()
    SharedEvent.objects.filter(pk=shared.pk).update(
        registrations_version=models.F("registrations_version") + 1
    )
    return shared


def register(event, *, name, email, organisation, consent_text, consent_version, language_code):
    """Register a visitor: a confirmed place while there is one, else the waiting list.

    Raises RegistrationRefused when registration is closed, the event is full without a
    waiting list, or this e-mail address already holds a place or a waiting-list spot.
    """
    email = email.strip().lower()
    try:
        with transaction.atomic():
            shared = _lock(event)
            # Re-read the page: it may have been unpublished or cancelled meanwhile.
            event = EventPage.objects.get(pk=event.pk)
            reason = closed_reason(event)
            if reason:
                raise RegistrationRefused(reason[1], reason[0])
            if Registration.objects.filter(
                shared_event=shared, email=email, status__in=ACTIVE
            ).exists():
                raise RegistrationRefused(
                    _("This e-mail address is already registered for this event."), "duplicate"
                )
            confirmed, _waiting = counts_for(shared)
            if event.capacity is None or confirmed < event.capacity:
                status = RegistrationStatus.CONFIRMED
            elif event.waiting_list_enabled:
                status = RegistrationStatus.WAITING
            else:
                raise RegistrationRefused(_("This event is full."), "full")
            now = timezone.now()
            registration = Registration.objects.create(
                shared_event=shared,
                page=event,
                language_code=language_code,
                status=status,
                name=name.strip(),
                email=email,
                organisation=organisation.strip(),
                consent_text=consent_text,
                consent_version=consent_version,
                consented_at=now,
                created_at=now,
            )
    except IntegrityError as error:  # the unique constraint caught a concurrent duplicate
        raise RegistrationRefused(
            _("This e-mail address is already registered for this event."), "duplicate"
        ) from error
    return registration


def cancel(registration):
    """Cancel a registration; when it held a place, the first on the waiting list moves up.

    Returns the promoted registration, if any. Cancelling twice does nothing."""
    with transaction.atomic():
        _lock_shared(registration.shared_event_id)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            return None
        held_place = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        return _fill_free_places(registration.shared_event) if held_place else None


def confirm(registration):
    """Staff confirm a registration by hand (also beyond capacity: staff decide)."""
    with transaction.atomic():
        _lock_shared(registration.shared_event_id)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CONFIRMED:
            return False
        was_waiting = registration.status == RegistrationStatus.WAITING
        registration.status = RegistrationStatus.CONFIRMED
        registration.cancelled_at = None
        if was_waiting:
            registration.promoted_at = timezone.now()
        registration.save()
        return True


def _lock_shared(shared_event_id):
    SharedEvent.objects.filter(pk=shared_event_id).update(
        registrations_version=models.F("registrations_version") + 1
    )


def _fill_free_places(shared_event):
    """Move the first on the waiting list up if a place is free; returns who moved up."""
    event = (
        EventPage.objects.filter(translation_key=shared_event.translation_key, live=True)
        .order_by("pk")
        .first()
    )
    capacity = event.capacity if event else None
    confirmed, _waiting = counts_for(shared_event)
    if capacity is not None and confirmed >= capacity:
        return None
    first_waiting = (
        Registration.objects.filter(shared_event=shared_event, status=RegistrationStatus.WAITING)
        .order_by("created_at", "pk")
        .first()
    )
    if first_waiting is None:
        return None
    first_waiting.status = RegistrationStatus.CONFIRMED
    first_waiting.promoted_at = timezone.now()
    first_waiting.save(update_fields=["status", "promoted_at", "updated_at"])
    return first_waiting
