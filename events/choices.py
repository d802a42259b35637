"""The kinds, formats and states of an event and of a registration, and the time zones an
event can be set in."""

import zoneinfo

from django.db import models
from django.utils.translation import gettext_lazy as _

TIMEZONE_CHOICES = [
    (name, name)
    for name in sorted(zoneinfo.available_timezones())
    if name.startswith(("Europe/", "UTC"))
]


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class EventType(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training course")
    WEBCONFERENCE = "webconference", _("Web-conference")
    POLICE_EXCHANGE = "police_exchange", _("Police exchange")
    CONFERENCE = "conference", _("Conference")
    ASSEMBLY = "assembly", _("Assembly")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")
    RESCHEDULED = "rescheduled", _("Rescheduled")


class RegistrationStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Address not confirmed yet")
    REQUESTED = "requested", _("Awaiting approval")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


# Statuses that hold a place or a waiting-list rank: only these count against capacity.
HOLDING = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]
# A request or registration still alive: one per address and event.
LIVE = [RegistrationStatus.UNCONFIRMED, RegistrationStatus.REQUESTED, *HOLDING]
