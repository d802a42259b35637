"""What a publish changed in an event, for calendars (SEQUENCE) and for registrants (e-mail).

Hung off Wagtail's `page_published` signal, so every route that publishes — the editor's
Publish, the moderator's approval, scheduled publishing, an urgent change that skips review,
a translation — goes through here, once per publish, inside the publishing transaction.

Each event keeps, on its SharedEvent, what was last published: the facts all translations
share (dates, time zone, status, format, city, save-the-date) and, per language, the title
and venue. A publish compares with it:

- anything calendars show changed (date, time, place, title, status, save the date becoming
  the full event) -> SEQUENCE + 1, so calendars that hold the event update it;
- a change registrants must hear about (postponed, rescheduled, cancelled, new date or time,
  new venue or city, another format) -> everyone registered (confirmed, waiting or awaiting
  approval) is e-mailed in their language, with the updated `.ics` if they hold a place.
  Shared facts are compared once for all languages, so the translations published after
  the original never send it again; the venue, which each language writes, is followed on the
  event's original page. A re-publish that changes nothing sends nothing.
"""

import copy
from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from . import emails
from .models import (
    HOLDING,
    EventPage,
    EventStatus,
    Registration,
    RegistrationStatus,
    SharedEvent,
)

# The shared facts registrants are told about (a save the date becoming the full event
# updates calendars, but is no news for people already registered).
SHARED_FACTS = ["start", "end", "timezone", "all_day", "status", "format", "city"]
# Copied from the published page onto a registrant's page in another language, so that an
# e-mail never shows a translation that has not caught up yet.
SYNCHRONISED = [
    "start",
    "end",
    "timezone",
    "all_day",
    "status",
    "previous_start",
    "format",
    "city_id",
    "online_url",
    "is_save_the_date",
]
TOLD = [RegistrationStatus.REQUESTED, *HOLDING]
SUBJECTS = {
    EventStatus.CANCELLED: gettext_noop("Cancelled: %(title)s"),
    EventStatus.POSTPONED: gettext_noop("Postponed: %(title)s"),
    None: gettext_noop("Change to %(title)s"),
}


@dataclass
class Change:
    """What one publish changed: `facts` (shared facts, and "venue" on the original page)
    registrants are told about; `calendar` whether SEQUENCE was raised."""

    facts: set = field(default_factory=set)
    calendar: bool = False
    before: dict = field(default_factory=dict)


def record_publication(page):
    """Compare the published page with what was last published; record it; raise SEQUENCE
    when calendars must update. Returns the Change."""
    shared = page.get_shared_event()
    shared = SharedEvent.objects.select_for_update().get(pk=shared.pk)
    state = shared.published_state or {}
    locale = str(page.locale_id)
    old_facts, old_texts = state.get("shared"), state.get("texts", {}).get(locale)
    new_facts, new_texts = page.published_facts(), page.published_texts()
    changed = {key for key in new_facts if old_facts and old_facts.get(key) != new_facts[key]}
    changed_texts = {key for key in new_texts if old_texts and old_texts.get(key) != new_texts[key]}
    change = Change(calendar=bool(changed or changed_texts), before=old_facts or {})
    change.facts = changed & set(SHARED_FACTS)
    if "venue" in changed_texts and _is_original(page):
        change.facts.add("venue")
    state = {"shared": new_facts, "texts": {**state.get("texts", {}), locale: new_texts}}
    updates = {"published_state": state}
    if change.calendar:
        updates["sequence"] = models.F("sequence") + 1
    SharedEvent.objects.filter(pk=shared.pk).update(**updates)
    return change


def _is_original(page):
    """The event's first page: the language it was written in, whose venue is followed."""
    first = (
        EventPage.objects.filter(translation_key=page.translation_key)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    return first == page.pk


def worth_telling(page, change):
    """Registrants hear about a change to an event that is not over."""
    if not change.facts:
        return False
    now = timezone.now()
    ended_before = change.before.get("end")
    return page.end > now or (ended_before and ended_before > now.isoformat())


def as_published(page, published):
    """`page` (a registrant's language) with the facts of the page just published."""
    if page.pk == published.pk:
        return published
    shown = copy.copy(page)
    for name in SYNCHRONISED:
        setattr(shown, name, getattr(published, name))
    if shown.city_id != page.city_id:
        shown.city = published.city
    if page.status != published.status:
        shown.status_note = published.status_note
    return shown


def notify_registrants(published, change, request=None):
    """E-mail everyone registered for the event about `change`, each in their language."""
    registrations = Registration.objects.filter(
        shared_event__translation_key=published.translation_key, status__in=TOLD
    ).select_related("shared_event", "page")
    pages = {}
    sent = 0
    for registration in registrations:
        language = registration.language_code
        if language not in pages:
            page = emails.event_page_for(registration)
            pages[language] = as_published(page, published) if page else None
            if page is not None and "venue" in change.facts:
                pages[language].venue = published.venue  # its translation may lag behind
        if pages[language] is None:
            continue
        emails.send(
            registration,
            "event_changed",
            request,
            page=pages[language],
            extra_context={
                "changes": sorted(change.facts),
                "holds_place": registration.status == RegistrationStatus.CONFIRMED,
                "subject": SUBJECTS.get(published.status, SUBJECTS[None])
                if "status" in change.facts
                else SUBJECTS[None],
            },
        )
        sent += 1
    return sent


def on_event_published(sender, instance, **kwargs):
    """page_published handler: SEQUENCE and registrants follow every real change."""
    page = instance.specific if not isinstance(instance, EventPage) else instance
    with transaction.atomic():
        change = record_publication(page)
        if worth_telling(page, change):
            notify_registrants(page, change)
