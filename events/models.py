"""Events: workshops, trainings, web-conferences, police exchanges, conferences, assemblies.

A "save the date" is a state of an event, not another page type: the same page is
published early with its firm title and dates and becomes the full event when the
programme is filled in, so its address never changes.
"""

import datetime
import uuid
import zoneinfo
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock
from core.models import BasePage
from core.query_params import query_int, query_year
from core.utils import localize_all, localize_by_pk, paginate
from partners.models import City, Partner
from projects.models import ProjectPage

from .forms import EventPageForm, UrgentStatusForm
from .panels import RegistrationCountsPanel

EVENTS_PER_PAGE = 12
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


class EventIndexPage(RoutablePageMixin, BasePage):
    """The events of one language: upcoming (soonest first) and past (latest first)."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def get_events(self):
        return (
            EventPage.objects.live()
            .public()
            .child_of(self)
            .select_related("image", "city", "project", "organiser")
        )

    def filter_events(self, request):
        """The events matching the filters of the query string, and the filters understood.

        Unknown or malformed values are ignored rather than failing, so a shared link with
        an outdated filter still shows events."""
        events = self.get_events()
        filters = {}
        project_id = query_int(request, "project")
        if project_id:
            keys = Page.objects.filter(pk=project_id).values("translation_key")
            events = events.filter(project__translation_key__in=keys)
            filters["project"] = project_id
        city_id = query_int(request, "city")
        if city_id:
            keys = City.objects.filter(pk=city_id).values("translation_key")
            events = events.filter(city__translation_key__in=keys)
            filters["city"] = city_id
        if request.GET.get("type") in EventType.values:
            filters["type"] = request.GET["type"]
            events = events.filter(event_type=filters["type"])
        if request.GET.get("format") in EventFormat.values:
            filters["format"] = request.GET["format"]
            events = events.filter(format=filters["format"])
        year = query_year(request)
        if year:
            events = events.filter(start__year=year)
            filters["year"] = year
        return events, filters

    def get_filter_choices(self):
        """Projects, cities and years that have events here, in this page's language."""
        events = self.get_events()
        project_keys = events.exclude(project=None).values("project__translation_key")
        city_keys = events.exclude(city=None).values("city__translation_key")
        localize = localize_all
        projects = list(ProjectPage.objects.filter(translation_key__in=project_keys).live())
        cities = list(City.objects.filter(translation_key__in=city_keys, live=True))
        pick = localize(projects + cities, self.locale)
        return {
            "projects": _unique_sorted(pick(p) for p in projects),
            "cities": _unique_sorted(pick(c) for c in cities),
            "types": EventType.choices,
            "formats": EventFormat.choices,
            "years": sorted({d.year for d in events.dates("start", "year")}, reverse=True),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events, filters = self.filter_events(request)
        upcoming = paginate(
            request,
            events.filter(end__gte=now).order_by("start", "pk"),
            EVENTS_PER_PAGE,
            param="upcoming_page",
        )
        past = paginate(
            request, events.filter(end__lt=now).order_by("-start", "-pk"), EVENTS_PER_PAGE
        )
        attach_localized_relations([*upcoming, *past], self.locale)
        query = request.GET.copy()
        for param in ("page", "upcoming_page"):
            query.pop(param, None)
        context.update(
            upcoming_events=upcoming,
            past_events=past,
            paginator=past.paginator,
            filters=filters,
            filter_choices=self.get_filter_choices(),
            filter_query=query.urlencode(),
            calendar_query=urlencode(filters),  # calendar.ics applies the same filters
        )
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    def serve_file(self, request, filename):
        """`calendar.ics`: every event of this index (filters of the query string apply)."""
        if filename != "calendar.ics":
            return None
        from .calendars import calendar_response

        events, _filters = self.filter_events(request)
        return calendar_response(
            events.order_by("start"),
            filename="pactesur-events.ics",
            request=request,
            name=f"PACTESUR – {self.title}",
        )


def _unique_sorted(objects):
    seen = {}
    for obj in objects:
        seen.setdefault(obj.pk, obj)
    return sorted(seen.values(), key=lambda obj: str(obj).lower())


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


class EventPage(RoutablePageMixin, BasePage):
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
    base_form_class = EventPageForm
    # What an editor may publish at once, without waiting for review (editorial.urgent):
    # a cancellation or a postponement, with its note.
    urgent_change_form_class = UrgentStatusForm

    class Meta:
        verbose_name = _("event")

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

    # --- One event across languages -------------------------------------------------

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

    # --- Registration -----------------------------------------------------------------

    @property
    def registration_state(self):
        from .registration import registration_state

        return registration_state(self)

    def get_context(self, request, *args, **kwargs):
        from .calendars import add_to_calendar_links
        from .forms import RegistrationForm
        from .structured_data import event_json_ld

        context = super().get_context(request, *args, **kwargs)
        # One query per relation (the foreign key and its translation at once), where
        # attach_localized_relations, made for listings, loads each first.
        self.local_city = localize_by_pk(City, self.city_id, self.locale)
        self.local_project = localize_by_pk(ProjectPage, self.project_id, self.locale)
        self.local_organiser = localize_by_pk(Partner, self.organiser_id, self.locale)
        context.setdefault("registration_form", RegistrationForm())
        context["registration"] = self.registration_state
        context["calendar_links"] = add_to_calendar_links(self, request)
        context["json_ld"] = event_json_ld(self, request)
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    def serve_file(self, request, filename):
        """`event.ics`: this event for the visitor's calendar."""
        if filename != "event.ics":
            return None
        from .calendars import calendar_response

        return calendar_response([self], filename=f"{self.slug}.ics", request=request)

    @path("register/")
    def register(self, request):
        from .views import register

        return register(request, self)

    def serves_public_form(self, route_args):
        """The registration route takes anonymous POSTs without Django's CSRF cookie, checked
        by origin and anti-spam token instead, so this page can be cached
        (privacy/public_forms.py); confirm and cancel keep Django's check."""
        return bool(route_args) and getattr(route_args[0], "__name__", "") == "register"

    @path("confirm/")
    def confirm_registration(self, request):
        from .views import confirm_registration

        return confirm_registration(request, self)

    @path("cancel/")
    def cancel_registration(self, request):
        from .views import cancel_registration

        return cancel_registration(request, self)


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


class Registration(models.Model):
    """A visitor's registration for an event, in whichever language they registered.

    It starts as a request that holds nothing (UNCONFIRMED) until the visitor opens the link
    e-mailed to the address; unconfirmed requests expire. Then it holds a place or a
    waiting-list rank, or, for events that need approval, waits for staff (REQUESTED).
    Consent is stored with the exact text shown and its version. Personal data is purged
    a set number of days after the event (see the purge_registrations command), keeping
    the row and its status so that the counts stay right.
    """

    shared_event = models.ForeignKey(
        SharedEvent, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    page = models.ForeignKey(
        EventPage,
        null=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
        help_text=_("The event page (in the visitor's language) used to register."),
    )
    language_code = models.CharField(max_length=8, default=settings.LANGUAGE_CODE)
    status = models.CharField(max_length=16, choices=RegistrationStatus.choices)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    consent_text = models.TextField()
    consent_version = models.CharField(max_length=32)
    consented_at = models.DateTimeField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("An unconfirmed request is dropped if its address is not confirmed by then."),
    )
    address_confirmed_at = models.DateTimeField(_("address confirmed"), null=True, blank=True)
    held_since = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When it first held a place or a waiting-list rank (the list's order)."),
    )
    last_emailed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("The last confirmation link or reminder of an existing registration sent."),
    )
    reminded_for = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("The start time the reminder was sent for (a new date gets a new reminder)."),
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    promoted_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the registration moved up from the waiting list.")
    )
    purged_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the personal data was erased.")
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["shared_event", "email"],
                condition=models.Q(status__in=["unconfirmed", "requested", "confirmed", "waiting"]),
                name="one_live_registration_per_email_per_event",
            )
        ]
        indexes = [models.Index(fields=["shared_event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} <{self.email}>"
