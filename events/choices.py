"""The kinds, formats and states of an event, and the time zones it can be set in."""

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
