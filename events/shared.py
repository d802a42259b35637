"""One event across languages: the row its translations share, and what each page keeps in it."""

import datetime
import uuid

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


def _utc_iso(value):
    """An instant as text, the same whatever zone the value came in (forms give the event's)."""
    return value.astimezone(datetime.UTC).isoformat() if value else None


class SharedEvent(models.Model):
    """What all the translations of one event share: its calendar identity and its places.

    The English, French, Italian and Spanish pages of an event are one event: one UID in
    calendars, one SEQUENCE that grows when the event changes, and one capacity that
    registrations from every language count against. The row is also the lock taken when
    a registration decides between a confirmed place and the waiting list.
    """

    translation_key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    title = models.CharField(max_length=255, blank=True, help_text=_("The source page's title."))
    start = models.DateTimeField(null=True, blank=True)
    end = models.DateTimeField(null=True, blank=True)
    sequence = models.PositiveIntegerField(
        default=0,
        help_text=_(
            "iCalendar SEQUENCE: raised when the date, time, place, title or status changes."
        ),
    )
    published_state = models.JSONField(
        default=dict,
        blank=True,
        help_text=_("What was last published (events/changes.py): the reference for changes."),
    )
    registrations_version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("event")
        ordering = ["-start"]

    def __str__(self):
        when = self.start.date().isoformat() if self.start else ""
        return f"{self.title} ({when})" if when else self.title or str(self.translation_key)

    def pages(self):
        """The event's pages, one per language (drafts too). The page model is looked up in
        the app registry: it is defined above this module (EventPage keeps this row)."""
        page_model = apps.get_model("events", "EventPage")
        return page_model.objects.filter(translation_key=self.translation_key)


class OneEventAcrossLanguages:
    """For EventPage: keeps the SharedEvent row of the page's translations up to date."""

    def published_facts(self):
        """What every translation of the event shows alike, as compared between publishes."""
        return {
            "start": _utc_iso(self.start),
            "end": _utc_iso(self.end),
            "timezone": self.timezone,
            "all_day": self.all_day,
            "status": self.status,
            "format": self.format,
            # The city in any language: a translation points at the city's translation.
            "city": str(self.city.translation_key) if self.city_id else None,
            "is_save_the_date": self.is_save_the_date,
        }

    def published_texts(self):
        """What each language writes itself, as compared between publishes."""
        return {"title": self.title, "venue": self.venue}

    def get_shared_event(self):
        shared, _created = SharedEvent.objects.get_or_create(translation_key=self.translation_key)
        return shared

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Full saves are creations and publications; draft saves only touch revision fields.
        if kwargs.get("update_fields") is None and self.start and self.end:
            self._record_shared_event()

    def _record_shared_event(self):
        """Keep the shared row's title and dates (the source page's) and, for a new page or
        translation, its published values as the reference that later publishes are
        compared with (events/changes.py)."""
        shared = self.get_shared_event()
        updates = {}
        if self.locale_id == Locale.get_default().pk or not shared.title:
            updates.update(title=self.title[:255], start=self.start, end=self.end)
        state = dict(shared.published_state or {})
        state.setdefault("shared", self.published_facts())
        state["texts"] = {str(self.locale_id): self.published_texts(), **state.get("texts", {})}
        if state != shared.published_state:
            updates["published_state"] = state
        if updates:
            SharedEvent.objects.filter(pk=shared.pk).update(**updates)
