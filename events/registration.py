"""Registration rules: open and close times, capacity, waiting list, verified addresses,
approval, one registration per address.

A registration form only ever makes a *request* that holds nothing: the visitor confirms
the address from the e-mailed link, and only then does the request take a place, a
waiting-list rank, or (for events that need approval) a spot in the queue staff decide on.
Unconfirmed requests expire after REGISTRATION_CONFIRM_HOURS and never count. So a script
that fetches the page and posts it many times fills nothing; on top of the form's own
protection (privacy/antispam.py: rate limit per client, signed token, question), a request
is refused when the event already has REGISTRATION_MAX_PENDING_PER_EVENT unconfirmed
requests, no new request is made for an address with REGISTRATION_MAX_PENDING_PER_ADDRESS
unconfirmed requests, and an address gets at most one e-mail about an event every
REGISTRATION_EMAIL_INTERVAL_MINUTES, so the form cannot be used to flood a mailbox.

The visitor's answer is the same whatever the address: whether it was already registered
is told only to the owner of the address, by e-mail.

Every decision about a place is taken inside one transaction that first writes to the
event's SharedEvent row. That write takes the row lock on PostgreSQL and the database
write lock on SQLite, so two people confirming for the last place are served one after
the other and exactly one of them gets it.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import HOLDING, LIVE, EventStatus, RegistrationStatus
from .registrations import Registration
from .shared import SharedEvent


class RegistrationRefused(Exception):
    """Registration is not possible; `message` says why, in the visitor's language. The
    reasons never depend on the address typed."""

    def __init__(self, message, code):
        super().__init__(str(message))
        self.message = message
        self.code = code


def confirm_hours():
    return int(getattr(settings, "REGISTRATION_CONFIRM_HOURS", 24))


def _setting(name, default):
    return int(getattr(settings, name, default))


@dataclass
class RegistrationState:
    enabled: bool
    is_open: bool
    message: str
    code: str
    capacity: int | None
    confirmed: int
    waiting: int
    opens_at: datetime.datetime | None
    closes_at: datetime.datetime | None
    waiting_list: bool
    requires_approval: bool = False

    @property
    def places_left(self):
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed, 0)

    @property
    def is_full(self):
        return self.capacity is not None and self.confirmed >= self.capacity


def counts_for(shared_event):
    """(confirmed, waiting): the registrations that hold a place or a rank."""
    rows = (
        Registration.objects.filter(shared_event=shared_event, status__in=HOLDING)
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
    # Places are only counted (two queries) where the page shows them: registration on.
    shared = None
    if event.registration_enabled:
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
        requires_approval=event.registration_requires_approval,
    )
    if state.is_open and state.is_full and not state.waiting_list:
        state.is_open = False
        state.code = "full"
        state.message = _("This event is full.")
    return state


def _lock(event):
    """Take the lock that serialises every change to this event's places."""
    shared = event.get_shared_event()
    _lock_shared(shared.pk)
    return shared


def _lock_shared(shared_event_id):
    SharedEvent.objects.filter(pk=shared_event_id).update(
        registrations_version=models.F("registrations_version") + 1
    )


def _may_email(registration, now):
    """At most one e-mail about an event to an address every few minutes."""
    interval = datetime.timedelta(minutes=_setting("REGISTRATION_EMAIL_INTERVAL_MINUTES", 10))
    return registration.last_emailed_at is None or now - registration.last_emailed_at >= interval


@dataclass
class Request:
    """What a registration request led to: the registration the e-mail is about (a new
    request, or the address's existing registration) and the e-mail to send, if any
    ("confirm_address" or "already_registered"). Never shown to the visitor."""

    registration: Registration | None
    email: str | None


def register(event, *, name, email, organisation, consent_text, consent_version, language_code):
    """Ask for a place: make an unconfirmed request and say which e-mail to send.

    Raises RegistrationRefused when registration is closed, the event is full without a
    waiting list, or too many requests await confirmation; none of these depends on the
    address. An address that already has a live request or registration gets no second one.
    """
    email = email.strip().lower()
    now = timezone.now()
    try:
        with transaction.atomic():
            shared = _lock(event)
            # Re-read the page: it may have been unpublished or cancelled meanwhile.
            event = shared.pages().get(pk=event.pk)
            reason = closed_reason(event, now)
            if reason:
                raise RegistrationRefused(reason[1], reason[0])
            confirmed, _waiting = counts_for(shared)
            if (
                event.capacity is not None
                and confirmed >= event.capacity
                and not event.waiting_list_enabled
            ):
                raise RegistrationRefused(_("This event is full."), "full")
            mine = Registration.objects.filter(shared_event=shared, email=email, status__in=LIVE)
            mine.filter(status=RegistrationStatus.UNCONFIRMED, expires_at__lte=now).delete()
            existing = mine.first()
            if existing is not None:
                return _again(existing, now)
            pending = Registration.objects.filter(
                status=RegistrationStatus.UNCONFIRMED, expires_at__gt=now
            )
            if pending.filter(shared_event=shared).count() >= _setting(
                "REGISTRATION_MAX_PENDING_PER_EVENT", 100
            ):
                raise RegistrationRefused(
                    _(
                        "Many registration requests for this event are waiting for their "
                        "confirmation. Please try again in a few hours."
                    ),
                    "busy",
                )
            if pending.filter(email=email).count() >= _setting(
                "REGISTRATION_MAX_PENDING_PER_ADDRESS", 3
            ):
                return Request(None, None)  # the address's earlier links are still valid
            registration = Registration.objects.create(
                shared_event=shared,
                page=event,
                language_code=language_code,
                status=RegistrationStatus.UNCONFIRMED,
                name=name.strip(),
                email=email,
                organisation=organisation.strip(),
                consent_text=consent_text,
                consent_version=consent_version,
                consented_at=now,
                created_at=now,
                expires_at=now + datetime.timedelta(hours=confirm_hours()),
                last_emailed_at=now,
            )
    except IntegrityError:  # a concurrent request for the same address won
        return Request(None, None)
    return Request(registration, "confirm_address")


def _again(existing, now):
    """A second request for an address: remind its owner, at most every few minutes."""
    if not _may_email(existing, now):
        return Request(existing, None)
    Registration.objects.filter(pk=existing.pk).update(last_emailed_at=now)
    existing.last_emailed_at = now
    if existing.status == RegistrationStatus.UNCONFIRMED:
        return Request(existing, "confirm_address")
    return Request(existing, "already_registered")


def confirm_address(registration):
    """The visitor opened the e-mailed link: the request takes a place, a waiting-list rank
    or, when the event needs approval, waits for staff. Returns the registration, updated.

    Raises RegistrationRefused when the link expired, registration closed meanwhile, or the
    event is full without a waiting list (the request is then dropped). Confirming twice
    changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        _lock_shared(registration.shared_event_id)
        registration.refresh_from_db()
        if registration.status != RegistrationStatus.UNCONFIRMED:
            return registration
        if registration.expires_at and registration.expires_at <= now:
            raise RegistrationRefused(
                _("This link has expired. Please register again: we will send you a new one."),
                "expired",
            )
        event = _live_page(registration)
        reason = closed_reason(event, now) if event else ("unpublished", "")
        if reason:
            raise RegistrationRefused(reason[1], reason[0])
        status = RegistrationStatus.REQUESTED
        if not event.registration_requires_approval:
            status = _place_for(event, registration.shared_event)
        if status is None:  # full, without a waiting list: the request is dropped
            registration.delete()
        else:
            registration.status = status
            registration.address_confirmed_at = now
            registration.expires_at = None
            if status in HOLDING:
                registration.held_since = now
            registration.save()
    if status is None:
        raise RegistrationRefused(_("This event is full."), "full")
    return registration


def _live_page(registration):
    """The live event page of the registration (in its language if still live)."""
    if registration.page_id and registration.page.live:
        return registration.shared_event.pages().get(pk=registration.page_id)
    return registration.shared_event.pages().live().order_by("pk").first()


def _place_for(event, shared_event):
    """CONFIRMED while a place is free, else WAITING (or None without a waiting list)."""
    confirmed, _waiting = counts_for(shared_event)
    if event.capacity is None or confirmed < event.capacity:
        return RegistrationStatus.CONFIRMED
    if event.waiting_list_enabled:
        return RegistrationStatus.WAITING
    return None


def approve(registration):
    """Staff approve a request: a place if one is free, else the waiting list (staff may
    still confirm it by hand beyond capacity). Returns True when something changed."""
    now = timezone.now()
    with transaction.atomic():
        _lock_shared(registration.shared_event_id)
        registration.refresh_from_db()
        if registration.status != RegistrationStatus.REQUESTED:
            return False
        event = _live_page(registration)
        status = _place_for(event, registration.shared_event) if event else None
        registration.status = status or RegistrationStatus.WAITING
        registration.held_since = now
        registration.save()
        return True


def decline(registration):
    """Staff decline a request. Returns True when something changed."""
    with transaction.atomic():
        _lock_shared(registration.shared_event_id)
        registration.refresh_from_db()
        if registration.status != RegistrationStatus.REQUESTED:
            return False
        registration.status = RegistrationStatus.DECLINED
        registration.save()
        return True


def cancel(registration):
    """Cancel a registration or a request; when it held a place, the first on the waiting
    list moves up. Returns the promoted registration, if any. Cancelling twice does nothing."""
    with transaction.atomic():
        _lock_shared(registration.shared_event_id)
        registration.refresh_from_db()
        if registration.status not in LIVE:
            return None
        held_place = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        return _fill_free_places(registration.shared_event) if held_place else None


def confirm(registration):
    """Staff confirm a registration by hand (also beyond capacity: staff decide)."""
    now = timezone.now()
    with transaction.atomic():
        _lock_shared(registration.shared_event_id)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CONFIRMED:
            return False
        if registration.status == RegistrationStatus.WAITING:
            registration.promoted_at = now
        registration.status = RegistrationStatus.CONFIRMED
        registration.cancelled_at = None
        registration.expires_at = None
        registration.held_since = registration.held_since or now
        registration.save()
        return True


def _fill_free_places(shared_event):
    """Move the first on the waiting list up if a place is free; returns who moved up."""
    event = shared_event.pages().filter(live=True).order_by("pk").first()
    capacity = event.capacity if event else None
    confirmed, _waiting = counts_for(shared_event)
    if capacity is not None and confirmed >= capacity:
        return None
    first_waiting = (
        Registration.objects.filter(shared_event=shared_event, status=RegistrationStatus.WAITING)
        .order_by("held_since", "pk")
        .first()
    )
    if first_waiting is None:
        return None
    first_waiting.status = RegistrationStatus.CONFIRMED
    first_waiting.promoted_at = timezone.now()
    first_waiting.save(update_fields=["status", "promoted_at", "updated_at"])
    return first_waiting
