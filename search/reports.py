"""Admin report: the most frequent search queries, per language (Reports › Search queries)."""

import datetime

import django_filters
from django.db.models import Max, OuterRef, Subquery, Sum
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from .models import QueryStat

PERIODS = [("7", _("Last 7 days")), ("30", _("Last 30 days")), ("365", _("Last 12 months"))]
# Editors who manage search promotions are the ones who need to know what people search for.
permission_policy = ModelPermissionPolicy(SearchPromotion)
REQUIRED_PERMISSIONS = ["add", "change", "delete"]


def user_can_see_report(user):
    return permission_policy.user_has_any_permission(user, REQUIRED_PERMISSIONS)


class PeriodFilter(django_filters.ChoiceFilter):
    def filter(self, qs, value):
        if value and value.isdigit():
            since = timezone.localdate() - datetime.timedelta(days=int(value) - 1)
            return qs.filter(date__gte=since)
        return qs


class QueryStatFilterSet(WagtailFilterSet):
    locale = django_filters.ModelChoiceFilter(
        label=_("Language"),
        queryset=Locale.objects.all().order_by("language_code"),
        empty_label=_("All languages"),
    )
    period = PeriodFilter(label=_("Period"), choices=PERIODS, empty_label=_("All time"))
    no_results = django_filters.BooleanFilter(label=_("Found nothing"), method="filter_no_results")

    class Meta:
        model = QueryStat
        fields = ["locale"]

    def filter_no_results(self, qs, name, value):
        if value is True:
            return qs.filter(results=0)
        if value is False:
            return qs.filter(results__gt=0)
        return qs


class PopularQueriesView(ReportView):
    page_title = _("Search queries")
    header_icon = "search"
    index_url_name = "search_popular_queries"
    index_results_url_name = "search_popular_queries_results"
    filterset_class = QueryStatFilterSet
    model = QueryStat
    permission_policy = permission_policy
    any_permission_required = REQUIRED_PERMISSIONS
    default_ordering = "-searches"
    columns = [
        Column("query_string", label=_("Query")),
        LocaleColumn(label=_("Language"), sort_key="locale_id"),
        Column("searches", label=_("Searches"), sort_key="searches"),
        Column("results", label=_("Results (latest)"), sort_key="results"),
        DateColumn("last_searched", label=_("Last searched"), sort_key="last_searched"),
    ]
    list_export = ["query_string", "language", "searches", "results", "last_searched"]
    export_headings = {
        "query_string": _("Query"),
        "language": _("Language"),
        "searches": _("Searches"),
        "results": _("Results (latest)"),
        "last_searched": _("Last searched"),
    }

    def get_filename(self):
        return f"search-queries-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def verbose_name_plural(self):
        return _("search queries")

    def get_queryset(self):
        stats = self.filter_queryset(QueryStat.objects.all())
        latest = QueryStat.objects.filter(
            locale=OuterRef("locale"), query_string=OuterRef("query_string")
        ).order_by("-date")
        queryset = (
            stats.values("locale_id", "query_string")
            .annotate(
                searches=Sum("hits"),
                last_searched=Max("date"),
                results=Subquery(latest.values("results")[:1]),
                language=Subquery(
                    Locale.objects.filter(pk=OuterRef("locale_id")).values("language_code")[:1]
                ),
            )
            .order_by()
        )
        return self.order_queryset(queryset)

    def order_queryset(self, queryset):
        ordering = self.ordering or self.default_ordering
        return queryset.order_by(ordering, "query_string")
