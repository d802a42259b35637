"""Admin: the search queries report (Reports menu), filterable by language."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import PopularQueriesView, user_can_see_report


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path(
            "reports/search-queries/",
            PopularQueriesView.as_view(),
            name="search_popular_queries",
        ),
        path(
            "reports/search-queries/results/",
            PopularQueriesView.as_view(results_only=True),
            name="search_popular_queries_results",
        ),
    ]


class SearchQueriesMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchQueriesMenuItem(
        _("Search queries"),
        reverse("search_popular_queries"),
        name="search-queries",
        icon_name="search",
        order=1300,
    )
