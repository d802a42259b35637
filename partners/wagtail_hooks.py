from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import City, Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "short_name", "kind", "country", "locale", "live"]
    list_filter = ["kind", "country", "locale", "live"]
    search_fields = ["name", "short_name"]
    search_backend_name = (
        None  # plain database lookups: the FTS backend fails on field-restricted snippet searches
    )
    ordering = ["name"]


class CityViewSet(SnippetViewSet):
    model = City
    icon = "site"
    menu_label = _("Cities")
    list_display = ["name", "country", "population_band", "locale", "live"]
    list_filter = ["country", "population_band", "locale", "live"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["name"]


class ConsortiumViewSetGroup(SnippetViewSetGroup):
    """Partners and cities under one "Consortium" menu."""

    items = (PartnerViewSet, CityViewSet)
    menu_icon = "group"
    menu_label = _("Consortium")
    menu_name = "consortium"


register_snippet(ConsortiumViewSetGroup)
