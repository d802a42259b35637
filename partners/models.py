"""Partners and cities: the organisations and places the projects bring together.

They are snippets, not pages: they have no page of their own on the site but
appear on project pages, events and news; one translated record serves every
page that mentions it, so a renamed partner changes everywhere at once.
"""

import re
from collections import defaultdict

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

SNIPPET_RICH_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class PartnerKind(models.TextChoices):
    CITY = "city", _("City")
    MUNICIPAL_ASSOCIATION = "municipal_association", _("Association of municipalities")
    EUROPEAN_NETWORK = "european_network", _("European network")
    NATIONAL_AGENCY = "national_agency", _("National agency")
    RESEARCH = "research", _("University or research centre")
    OTHER = "other", _("Other organisation")


class PopulationBand(models.TextChoices):
    UNDER_50K = "lt50k", _("Under 50,000 inhabitants")
    FROM_50K = "50k-250k", _("50,000 – 250,000 inhabitants")
    FROM_250K = "250k-1m", _("250,000 – 1 million inhabitants")
    OVER_1M = "gt1m", _("Over 1 million inhabitants")


class SnippetBase(
    PreviewableMixin,
    LockableMixin,
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """Drafts, revisions, preview, locking and translation for the partner snippets."""

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["snippet"] = self
        return context


class Partner(SnippetBase):
    """An organisation of a consortium (a city council, an association, a network…).

    Its role (lead, partner…) belongs to each project it takes part in, so it is
    stored on the project, not here.
    """

    name = models.CharField(_("name"), max_length=255, help_text=_("Full official name."))
    short_name = models.CharField(
        _("short name"),
        max_length=80,
        blank=True,
        help_text=_("Acronym or short form used in lists, e.g. “Efus”. Optional."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=PartnerKind.choices)
    country = CountryField(_("country"), help_text=_("Where the organisation is based."))
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    description = RichTextField(_("description"), blank=True, features=SNIPPET_RICH_TEXT_FEATURES)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("country"), FieldPanel("website")],
            heading=_("Details"),
        ),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("description"),
        SynchronizedField("kind"),
        SynchronizedField("country"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
        index.FilterField("kind"),
    ]

    class Meta(SnippetBase.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.short_name or self.name

    @property
    def distinct_short_name(self):
        """The short name when it tells something the full name does not ("Efus" beside
        "European Forum for Urban Security"), else "" ("Nice" beside "City of Nice")."""
        short = self.short_name.strip()
        return short if short and short.casefold() not in self.name.casefold() else ""

    def get_preview_template(self, request, mode_name):
        return "partners/previews/partner.html"


class City(SnippetBase):
    """A city taking part in a project; its role (flagship, follower…) is set per project."""

    name = models.CharField(_("name"), max_length=255)
    country = CountryField(_("country"))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Decimal degrees, e.g. 43.7034 for Nice."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Decimal degrees, e.g. 7.2663 for Nice."),
    )
    population_band = models.CharField(
        _("population"), max_length=16, choices=PopulationBand.choices, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    description = RichTextField(_("description"), blank=True, features=SNIPPET_RICH_TEXT_FEATURES)
    other_names = models.TextField(
        _("other names"),
        blank=True,
        help_text=_(
            "The city's local name as the project's documents write it and its names in "
            "other languages, separated by commas or one per line, e.g. “Torino, Turim, "
            "Turijn”. Visitors who search for any of them, or for the city's name in any "
            "language of the site (from its translations), find the same pages."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("other_names"),
        FieldPanel("country"),
        MultiFieldPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Location")),
        FieldPanel("population_band"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("other_names"),
        SynchronizedField("country"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("population_band"),
        SynchronizedField("website"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
        index.FilterField("country"),
    ]

    class Meta(SnippetBase.Meta):
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_preview_template(self, request, mode_name):
        return "partners/previews/city.html"


def split_names(text):
    """The names of an "other names" field: separated by commas or new lines."""
    return [name.strip() for name in re.split(r"[,\n;]", text or "") if name.strip()]


def city_name_groups():
    """The names of each live city: its name in every language it is translated into and
    its other names, one set per city. The site search treats the names of a set as the
    same place (registered with the `register_search_synonyms` hook)."""
    groups = defaultdict(set)
    rows = City.objects.filter(live=True).values_list("translation_key", "name", "other_names")
    for key, name, other_names in rows:
        groups[key].add(name.strip())
        groups[key].update(split_names(other_names))
    return [sorted(names) for names in groups.values() if len(names) > 1]
