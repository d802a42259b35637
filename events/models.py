"""Events: workshops, trainings, web-conferences, police exchanges, conferences, assemblies.

A "save the date" is a state of an event, not another page type: the same page is
published early with its firm title and dates and becomes the full event when the
programme is filled in, so its address never changes.

One module per concern: `choices` (the event's kinds and states), `shared` (what the
translations of one event share), `registrations` (visitors' registrations), `event_page`
and `index_page` (the two page types). Import the names from `events.models`.
"""

from .choices import TIMEZONE_CHOICES, EventFormat, EventStatus, EventType
from .event_page import EventPage, attach_localized_relations
from .index_page import EVENTS_PER_PAGE, EventIndexPage
from .registrations import HOLDING, LIVE, Registration, RegistrationStatus
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
