from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import City, Partner, city_name_groups


class OpenableRowsViewSet(SnippetViewSet):
    """Lists only the rows the user may open. The registered permission policy decides:
    for a translator it is the one that limits them to their language (editorial), so they
    see their language's partners and cities, not rows that would refuse them."""

    def get_queryset(self, request):
        policy = policy_registry.get_by_type(self.model)
        return policy.instances_user_has_any_permission_for(request.user, {"change", "view"})


class PartnerViewSet(OpenableRowsViewSet):
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


class CityViewSet(OpenableRowsViewSet):
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


@hooks.register("register_search_synonyms")
def city_names_for_search():
    """A city's names in every language and its other names find the same pages (the site
    search's synonyms: search/synonyms.py)."""
    return city_name_groups()
