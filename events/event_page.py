"""The page of one event, from its "save the date" announcement to its report."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock
from core.models import SOCIAL_IMAGE, BasePage
from core.utils import localize_all, localize_related

from . import views
from .calendars import add_to_calendar_links, calendar_response
from .choices import TIMEZONE_CHOICES, EventFormat, EventStatus, EventType
from .forms import EventPageForm, RegistrationForm, UrgentStatusForm
from .panels import RegistrationCountsPanel
from .registration import registration_state
from .shared import OneEventAcrossLanguages
from .structured_data import JSON_LD_IMAGE, event_json_ld


def attach_localized_relations(events, locale):
    """Give each listed event its city, project and organiser in the listing's language
    (`local_city`, `local_project`, `local_organiser`), with one query per related model."""
    events = list(events)
    related = [e.city for e in events] + [e.project for e in events] + [e.organiser for e in events]
    pick = localize_all(related, locale)
    for event in events:
        event.local_city = pick(event.city)
        event.local_project = pick(event.project)
        event.local_organiser = pick(event.organiser)
    return events


class EventPage(OneEventAcrossLanguages, RoutablePageMixin, BasePage):
    """One event, from its "save the date" announcement to its report."""

    start = models.DateTimeField(help_text=_("When the event starts, in the event's time zone."))
    end = models.DateTimeField(help_text=_("When the event ends, in the event's time zone."))
    timezone = models.CharField(
        max_length=64,
        choices=TIMEZONE_CHOICES,
        default="Europe/Brussels",
        help_text=_("The time zone of the place where the event happens; times are shown in it."),
    )
    all_day = models.BooleanField(
        default=False, help_text=_("Tick for events without fixed hours; only the dates are shown.")
    )
    is_save_the_date = models.BooleanField(
        _("save the date"),
        default=False,
        help_text=_(
            "Tick while the programme is not final: the title and dates are shown as firm, "
            "the details as “to be confirmed”. Untick when the programme is published; "
            "the page keeps its address."
        ),
    )
    status = models.CharField(
        max_length=16,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("Postponed, cancelled and rescheduled events are shown as such everywhere."),
    )
    status_note = models.TextField(
        _("note on the status"),
        blank=True,
        help_text=_(
            "For a postponed or cancelled event: what visitors should know (why, what "
            "happens next). Shown with the status."
        ),
    )
    previous_start = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("For a rescheduled event: the date it was first planned for."),
    )
    event_type = models.CharField(max_length=24, choices=EventType.choices)
    format = models.CharField(
        max_length=16, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    venue = models.CharField(
        max_length=255, blank=True, help_text=_("Name and address of the venue, if in person.")
    )
    city = models.ForeignKey(
        "partners.City", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    online_url = models.URLField(
        blank=True, help_text=_("Where to join online (web-conference link or streaming page).")
    )
    project = models.ForeignKey(
        "projects.ProjectPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    organiser = models.ForeignKey(
        "partners.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
    )
    summary = models.TextField(help_text=_("One or two sentences for listings and calendars."))
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BodyBlock(), blank=True, help_text=_("The programme and practical details."))

    registration_enabled = models.BooleanField(
        default=False, help_text=_("Let visitors register on the site.")
    )
    registration_opens_at = models.DateTimeField(null=True, blank=True)
    registration_closes_at = models.DateTimeField(null=True, blank=True)
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Places available; leave empty for no limit.")
    )
    waiting_list_enabled = models.BooleanField(
        _("waiting list"),
        default=True,
        help_text=_(
            "When the event is full, let people join a waiting list; they move up "
            "in order when someone cancels."
        ),
    )
    registration_requires_approval = models.BooleanField(
        _("registrations need approval"),
        default=False,
        help_text=_(
            "For events not open to anyone (trainings for police officers…): requests wait "
            "in Registrations until staff approve or decline them; the visitor is told by "
            "e-mail either way."
        ),
    )

    participants_count = models.PositiveIntegerField(
        _("number of participants"),
        null=True,
        blank=True,
        help_text=_("After the event: how many people took part."),
    )
    report = models.ForeignKey(
        "news.NewsPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("After the event: the news item that reports on it."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("timezone"), FieldPanel("all_day")]),
                FieldPanel("is_save_the_date"),
                FieldRowPanel([FieldPanel("status"), FieldPanel("previous_start")]),
                FieldPanel("status_note"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_type"), FieldPanel("format")]),
                FieldPanel("venue"),
                FieldPanel("city"),
                FieldPanel("online_url"),
            ],
            heading=_("What and where"),
        ),
        FieldRowPanel([FieldPanel("project"), FieldPanel("organiser")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                RegistrationCountsPanel(),
                FieldPanel("registration_enabled"),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list_enabled")]),
                FieldPanel("registration_requires_approval"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [FieldPanel("participants_count"), FieldPanel("report")],
            heading=_("After the event"),
        ),
    ]

    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("timezone"),
        SynchronizedField("all_day"),
        SynchronizedField("is_save_the_date"),
        SynchronizedField("status"),
        TranslatableField("status_note"),
        SynchronizedField("previous_start"),
        SynchronizedField("event_type"),
        SynchronizedField("format"),
        TranslatableField("venue"),
        SynchronizedField("city"),
        SynchronizedField("online_url"),
        SynchronizedField("project"),
        SynchronizedField("organiser"),
        TranslatableField("summary"),
        SynchronizedField("image"),
        TranslatableField("body"),
        SynchronizedField("registration_enabled"),
        SynchronizedField("registration_opens_at"),
        SynchronizedField("registration_closes_at"),
        SynchronizedField("capacity"),
        SynchronizedField("waiting_list_enabled"),
        SynchronizedField("registration_requires_approval"),
        SynchronizedField("participants_count"),
        SynchronizedField("report"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("timezone"),
        APIField("all_day"),
        APIField("is_save_the_date"),
        APIField("status"),
        APIField("status_note"),
        APIField("previous_start"),
        APIField("event_type"),
        APIField("format"),
        APIField("venue"),
        APIField("city"),
        APIField("project"),
        APIField("organiser"),
        APIField("summary"),
        APIField("image"),
        APIField("body"),
        APIField("participants_count"),
        APIField("report"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    # What its page shows, loaded with it when it is routed (core.models.BasePage.route).
    route_select_related = ("image", "city", "organiser", "project")
    # Its lead picture's sizes (events/event_page.html), the social card and the JSON-LD's.
    image_renditions = ("width-480", "width-800", "width-1200", SOCIAL_IMAGE, JSON_LD_IMAGE)
    base_form_class = EventPageForm
    # What an editor may publish at once, without waiting for review (editorial.urgent):
    # a cancellation or a postponement, with its note.
    urgent_change_form_class = UrgentStatusForm

    class Meta:
        verbose_name = _("event")
        # Upcoming events (`end >= now`, soonest first: the home page, the events index):
        # without it SQLite read every page of the site and sorted the events it found
        # (12.6 ms at 500 events per language); with it, the upcoming ones only (0.7 ms).
        indexes = [models.Index(fields=["end"], name="events_eventpage_end")]

    def cache_dependencies(self):
        return []  # its project, city and organiser load; registrations raise its own tag

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if (
            self.format in (EventFormat.ONLINE, EventFormat.HYBRID)
            and not self.online_url
            and not self.is_save_the_date
        ):
            errors["online_url"] = _("Online and hybrid events need the link to join.")
        if self.status == EventStatus.RESCHEDULED and not self.previous_start:
            errors["previous_start"] = _("Give the date the event was first planned for.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at < self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Registration cannot close before it opens.")
        if errors:
            raise ValidationError(errors)

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.tz)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.tz)

    @property
    def is_multi_day(self):
        return self.local_start.date() != self.local_end.date()

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    def get_listing_image(self):
        return self.image or self.social_image

    # --- Registration -----------------------------------------------------------------

    @property
    def registration_state(self):
        return registration_state(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Routed with them (route_select_related): no query for those in the page's
        # language; one per relation otherwise (the foreign key and its translation at
        # once), where attach_localized_relations, made for listings, loads each first.
        self.local_city = localize_related(self, "city", self.locale)
        self.local_project = localize_related(self, "project", self.locale)
        self.local_organiser = localize_related(self, "organiser", self.locale)
        if self.registration_enabled:  # otherwise the page shows no form
            context.setdefault("registration_form", RegistrationForm())
        context["registration"] = self.registration_state
        path = self.get_url(request)  # once for both: each is a reverse() and a site lookup
        context["calendar_links"] = add_to_calendar_links(self, request, path)
        context["json_ld"] = event_json_ld(self, request, path)
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    def serve_file(self, request, filename):
        """`event.ics`: this event for the visitor's calendar."""
        if filename != "event.ics":
            return None
        return calendar_response([self], filename=f"{self.slug}.ics", request=request)

    @path("register/")
    def register(self, request):
        return views.register(request, self)

    def serves_public_form(self, route_args):
        """The registration route takes anonymous POSTs without Django's CSRF cookie, checked
        by origin and anti-spam token instead, so this page can be cached
        (privacy/public_forms.py); confirm and cancel keep Django's check."""
        return bool(route_args) and getattr(route_args[0], "__name__", "") == "register"

    @path("confirm/")
    def confirm_registration(self, request):
        return views.confirm_registration(request, self)

    @path("cancel/")
    def cancel_registration(self, request):
        return views.cancel_registration(request, self)
