"""The consortium's projects (PACTESUR, PACTESUR2) and who takes part in each."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import cache_dependencies
from core.blocks import BodyBlock, PillarBlock
from core.models import BasePage
from core.utils import localize_all, mark_fallbacks


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead partner")
    PARTNER = "partner", _("Partner")
    ASSOCIATED = "associated", _("Associated partner")


class CityRole(models.TextChoices):
    FLAGSHIP = "flagship", _("Flagship city")
    FOLLOWER = "follower", _("Follower city")
    WORKING_GROUP = "working_group", _("Working-group city")


# News items and events of each kind shown on a project page (the indexes list them all).
PROJECT_LISTING_COUNT = 6

CITY_ROLE_HEADINGS = {
    CityRole.FLAGSHIP: _("Flagship cities"),
    CityRole.FOLLOWER: _("Follower cities"),
    CityRole.WORKING_GROUP: _("Working-group cities"),
}


class ProjectIndexPage(BasePage):
    """The list of projects; there is one per language tree."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("project index")

    def cache_dependencies(self):
        return cache_dependencies.list_tags(ProjectPage, self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["projects"] = (
            ProjectPage.objects.live()
            .public()
            .child_of(self)
            .order_by("-start_date")
            .select_related("logo")
        )
        return context


class ProjectPage(BasePage):
    """One project: its period, funding, consortium (partners and cities with their roles)
    and its pillars of work."""

    acronym = models.CharField(max_length=40, help_text=_("E.g. “PACTESUR2”."))
    full_name = models.CharField(
        max_length=255,
        help_text=_(
            "The name the acronym stands for, e.g. “Protect Allied Cities against "
            "TErrorism in Securing Urban aReas”."
        ),
    )
    start_date = models.DateField(help_text=_("First day of the project."))
    end_date = models.DateField(help_text=_("Last day of the project."))
    funding_programme = models.CharField(
        max_length=255,
        blank=True,
        help_text=_(
            "The EU programme that co-funds the project, e.g. “Internal Security Fund – Police”."
        ),
    )
    summary = models.TextField(
        help_text=_("One or two sentences shown in listings and on the home page.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    objectives = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What the project sets out to achieve."),
    )
    pillars = StreamField(
        [("pillar", PillarBlock())],
        blank=True,
        help_text=_("The project's pillars of work, in the order to show them."),
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("acronym"),
                FieldPanel("full_name"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("funding_programme"),
                FieldPanel("logo"),
            ],
            heading=_("Project"),
        ),
        FieldPanel("summary"),
        InlinePanel("project_partners", label=_("Partners"), heading=_("Partners")),
        InlinePanel("project_cities", label=_("Cities"), heading=_("Cities")),
        FieldPanel("objectives"),
        FieldPanel("pillars"),
        FieldPanel("body"),
    ]

    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("acronym"),
        TranslatableField("full_name"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        TranslatableField("funding_programme"),
        TranslatableField("summary"),
        SynchronizedField("logo"),
        TranslatableField("objectives"),
        TranslatableField("pillars"),
        TranslatableField("body"),
        SynchronizedField("project_partners"),
        SynchronizedField("project_cities"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("acronym", boost=3),
        index.SearchField("full_name", boost=2),
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.SearchField("body"),
    ]

    api_fields = [
        APIField("acronym"),
        APIField("full_name"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("funding_programme"),
        APIField("summary"),
        APIField("objectives"),
        APIField("pillars"),
        APIField("body"),
        APIField("logo"),
    ]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("project")

    def cache_dependencies(self):
        """The news and events that point at it, in its language (and their feed and
        calendar)."""
        return [cache_dependencies.refs_tag(self.translation_key, self.locale_id)]

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The project cannot end before it starts.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = self.partners_with_roles()
        context["city_groups"] = self.cities_by_role()
        context["news"] = self.get_news()[:PROJECT_LISTING_COUNT]
        context.update(self.recent_events(PROJECT_LISTING_COUNT))
        return context

    def _pages_about(self, related_name):
        """Live public pages of the reverse relation `related_name` (news, events) in this
        page's language. They point at the source project page (a synchronised relation), so
        they are matched by translation key. News and events import this module, so the
        project reaches them through its reverse relations, never by importing them back."""
        model = self._meta.get_field(related_name).related_model
        return (
            model.objects.live()
            .public()
            .filter(locale=self.locale, project__translation_key=self.translation_key)
        )

    def get_news(self):
        """Live public news about this project in this page's language, newest first."""
        return self._pages_about("news").select_related("image").order_by("-date", "-pk")

    def get_events(self):
        """Live public events of this project in this page's language."""
        return self._pages_about("events").select_related("city")

    def recent_events(self, limit):
        """The `limit` next events (soonest first) and last ones (latest first), and whether
        there are more: two queries."""
        events, now = self.get_events(), timezone.now()
        upcoming = list(events.filter(end__gte=now).order_by("start", "pk")[: limit + 1])
        past = list(events.filter(end__lt=now).order_by("-start", "-pk")[: limit + 1])
        return {
            "upcoming_events": upcoming[:limit],
            "past_events": past[:limit],
            "more_events": len(upcoming) > limit or len(past) > limit,
        }

    def partners_with_roles(self, locale=None):
        """(partner in the page's language, or `locale`, role) pairs, lead first as ordered
        by staff; two queries whatever the number of partners. A partner not translated yet
        is the source one, marked with its `fallback_language`."""
        locale = locale or self.locale
        links = list(self.project_partners.select_related("partner__locale"))
        localized = localize_all([link.partner for link in links], locale)
        pairs = [(localized(link.partner), link) for link in links]
        mark_fallbacks([partner for partner, _link in pairs], locale)
        return pairs

    def cities(self, role=None, locale=None):
        """The project's cities (of one role, or all) in the page's language, or `locale`,
        in the order staff set, as (city, link) pairs; two queries whatever their number.
        A city not translated yet is the source one, marked with its `fallback_language`."""
        locale = locale or self.locale
        links = self.project_cities.select_related("city__locale")
        if role:
            links = links.filter(role=role)
        links = list(links)
        localized = localize_all([link.city for link in links], locale)
        pairs = [(localized(link.city), link) for link in links]
        mark_fallbacks([city for city, _link in pairs], locale)
        return pairs

    def cities_by_role(self):
        """[(heading, role, [cities in the page's language])] in the order staff set."""
        grouped = {role: [] for role in CityRole.values}
        for city, link in self.cities():
            grouped[link.role].append(city)
        return [
            (CITY_ROLE_HEADINGS[role], role, cities) for role, cities in grouped.items() if cities
        ]

    @property
    def lead_partner(self):
        link = self.project_partners.filter(role=PartnerRole.LEAD).select_related("partner").first()
        return link.partner.localized if link else None


class ProjectPartner(Orderable):
    """A partner in a project, with its role in that project."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="project_partners")
    partner = models.ForeignKey(
        "partners.Partner", on_delete=models.PROTECT, related_name="project_links"
    )
    role = models.CharField(max_length=16, choices=PartnerRole.choices, default=PartnerRole.PARTNER)

    panels = [FieldPanel("partner"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("project partner")


class ProjectCity(Orderable):
    """A city in a project, with its role in that project (flagship, follower, working group)."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="project_cities")
    city = models.ForeignKey(
        "partners.City", on_delete=models.PROTECT, related_name="project_links"
    )
    role = models.CharField(max_length=16, choices=CityRole.choices, default=CityRole.FLAGSHIP)

    panels = [FieldPanel("city"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("project city")
