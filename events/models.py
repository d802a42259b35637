"""Events: workshops, trainings, web-conferences, police exchanges, conferences, assemblies.

A "save the date" is a state of an event, not another page type: the same page is
published early with its firm title and dates and becomes the full event when the
programme is filled in, so its address never changes.

Django imports an app's models from here; they are defined one module per concern:
`choices` (the kinds and states of events and registrations), `shared` (what the
translations of one event share), `registrations` (visitors' registrations), `event_page`
and `index_page` (the two page types). The modules the pages use (registration rules,
calendars, e-mails, views) import the lower ones directly, never this one, so that no
import goes round in a circle (docs/architecture.md#import-rule).
"""

from .choices import (
    HOLDING,
    LIVE,
    TIMEZONE_CHOICES,
    EventFormat,
    EventStatus,
    EventType,
    RegistrationStatus,
)
from .event_page import EventPage, attach_localized_relations
from .index_page import EVENTS_PER_PAGE, EventIndexPage
from .registrations import Registration
from .shared import SharedEvent

__all__ = [
    "EVENTS_PER_PAGE",
    "HOLDING",
    "LIVE",
    "TIMEZONE_CHOICES",
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventStatus",
    "EventType",
    "Registration",
    "RegistrationStatus",
    "SharedEvent",
    "attach_localized_relations",
]
