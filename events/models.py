"""Events: workshops, trainings, web-conferences, police exchanges, conferences, assemblies.

A "save the date" is a state of an event, not another page type: the same page is
published early with its firm title and dates and becomes the full event when the
programme is filled in, so its address never changes.
"""

import zoneinfo

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock
from core.models import BasePage

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


class EventIndexPage(BasePage):
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
            .select_related("image", "city", "project")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.get_events()
        upcoming = events.filter(end__gte=now).order_by("start", "pk")
        past = events.filter(end__lt=now).order_by("-start", "-pk")
        page_number = request.GET.get("page", 1)
        paginator = Paginator(past, EVENTS_PER_PAGE)
        try:
            past_page = paginator.page(page_number)
        except PageNotAnInteger:
            past_page = paginator.page(1)
        except EmptyPage:
            past_page = paginator.page(paginator.num_pages)
        context.update(upcoming_events=upcoming, past_events=past_page, paginator=paginator)
        return context


class EventPage(BasePage):
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
                FieldPanel("registration_enabled"),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
                FieldPanel("capacity"),
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
        SynchronizedField("participants_count"),
        SynchronizedField("report"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

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
