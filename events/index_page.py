"""The events index of one language: listings, filters and the calendar of all events."""

from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from core import cache_dependencies
from core.models import BasePage
from core.query_params import query_int, query_year
from core.utils import localize_all, paginate
from partners.models import City
from projects.models import ProjectPage

from .calendars import calendar_response
from .choices import EventFormat, EventType
from .event_page import EventPage, attach_localized_relations

EVENTS_PER_PAGE = 12


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

    def cache_dependencies(self):
        """Its events (and calendar), and the projects its filter offers (any language:
        they are picked by translation key)."""
        return [
            *cache_dependencies.list_tags(EventPage, self.locale_id),
            *cache_dependencies.list_tags(ProjectPage),
        ]

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
