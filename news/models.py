"""News: what the projects did and what comes next, published by the communications staff."""

import datetime
import functools

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import cache_dependencies, derived, relations, routing
from core.blocks import BodyBlock
from core.models import SOCIAL_IMAGE, BasePage
from core.prepared import PreparedList, PreparedQuery
from core.query_params import query_int, query_year
from core.templatetags.listing_tags import NEWS_CARD_FIELDS
from core.utils import localize_all, localize_related, paginate
from partners.models import City
from projects.models import ProjectPage

from .feeds import NewsFeed

NEWS_PER_PAGE = 12

# Listings newest first ask for a date after this one, always true: it lets SQLite walk the
# index on the date (newest first, stopping after a page) instead of reading every page of
# the tree and sorting; without table statistics its planner does not see that by itself.
# (12 news of 2,000 per language: 0.2 ms instead of 8.5.)
NEWEST_FIRST = models.Q(date__gt=datetime.date(1, 1, 1))


class NewsIndexPage(BasePage):
    """The news list of one language: newest first, filterable by project, city and year."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def cache_dependencies(self):
        """Its news (and feed), and the projects its filter offers: in any language (a
        project not translated yet shows in its own), and kept as plain data between
        changes (core.derived), so they must be named here."""
        return [
            *cache_dependencies.list_tags(NewsPage, self.locale_id),
            *cache_dependencies.list_tags("projects.ProjectPage"),
        ]

    def serve_file(self, request, filename):
        """`feed.xml`: the RSS 2.0 feed of this language's news."""
        if filename != "feed.xml":
            return None
        return NewsFeed(self, self.get_news().prefetch_related("tags"))(request)

    def get_news(self, private=None):
        """The live news of this index that visitors may see, newest first. `private`: the
        view restrictions (`Page.objects.private_q()`, one query), when the caller has them."""
        if private is None:
            private = Page.objects.private_q()
        return (
            NewsPage.objects.live()
            .exclude(private)
            .child_of(self)
            .filter(NEWEST_FIRST)
            .select_related("image", "project")
            .order_by("-date", "-pk")
        )

    def listing_facts(self, private):
        """The number of news here and what the filter form offers, in this page's
        language: each takes a scan of the index's news (2,000 and more), so they are
        computed once per content generation (core.derived), as plain data. `private`: as
        for `get_news`."""
        return derived.remember(f"news-index:{self.pk}:facts", lambda: self._listing_facts(private))

    def _listing_facts(self, private):
        news = self.get_news(private)
        projects = ProjectPage.objects.live().exclude(private).filter(locale=self.locale)
        cities = list(City.objects.filter(news__in=news.values("pk")).distinct())
        localized = localize_all(cities, self.locale)
        unique = {city.pk: city for city in map(localized, cities)}
        return {
            "count": news.count(),
            "projects": [
                {"pk": project.pk, "label": project.acronym or project.title}
                for project in projects.order_by("-start_date")
            ],
            "cities": [
                {"pk": city.pk, "name": city.name}
                for city in sorted(unique.values(), key=lambda city: city.name.casefold())
            ],
            # Distinct years in SQL: a few rows, not a date per news item.
            "years": [day.year for day in news.dates("date", "year", order="DESC")],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        private = routing.private_q(request)  # kept per content version: no query
        facts = self.listing_facts(private)
        project_id, city_id = query_int(request, "project"), query_int(request, "city")
        year = query_year(request)
        filters = {
            name: str(value)
            for name, value in (("project", project_id), ("city", city_id), ("year", year))
            if value
        }
        paths = routing.restricted_paths(request)
        if not filters and paths is not None:
            # Unfiltered, its number known: the page asked for from SQL built once per
            # process (building it cost five times what SQLite took to run it).
            news = PreparedList(
                _prepared_page_of_news(paths),
                facts["count"],
                path=self.path,
                depth=self.depth,
                child_depth=self.depth + 1,
                pk=self.pk,
            )
        else:
            # A card reads its title, date, summary and image: only their columns are
            # loaded (NEWS_CARD_FIELDS; a row has 40 more, and making them is the ORM's
            # Python).
            news = self.get_news(private).select_related(None).select_related("image")
            news = news.only(*NEWS_CARD_FIELDS)
            if project_id:
                news = news.filter(project__translation_key__in=ProjectPageKeys(project_id))
            if city_id:
                news = news.filter(cities__translation_key__in=CityKeys(city_id)).distinct()
            if year:
                news = news.filter(date__year=year)
        items = paginate(request, news, NEWS_PER_PAGE, count=None if filters else facts["count"])
        context.update(
            news_items=items,
            paginator=items.paginator,
            filters=filters,
            filter_options=facts,
        )
        return context


def _page_of_news(path, depth, child_depth, pk, private):
    """What `get_context` asks of an unfiltered index (`get_news` narrowed to the cards'
    columns), with `child_of` written out (Wagtail's `child_of_q`) so that its values can
    be markers."""
    return (
        NewsPage.objects.live()
        .exclude(private)
        .filter(path__startswith=path, depth__gte=depth)
        .exclude(pk=pk)
        .filter(depth=child_depth)
        .filter(NEWEST_FIRST)
        .select_related("image")
        .only(*NEWS_CARD_FIELDS)
        .order_by("-date", "-pk")
    )


@functools.lru_cache(maxsize=4)
def _prepared_page_of_news(restricted):
    """One prepared query per set of restricted paths, as home.listings does: they are
    part of its SQL."""
    private = routing.private_q_of(restricted)
    return PreparedQuery(
        lambda p: _page_of_news(p["path"], p["depth"], p["child_depth"], p["pk"], private),
        path=str,
        depth=int,
        child_depth=int,
        pk=int,
    )


def ProjectPageKeys(page_id):  # noqa: N802 - reads as a query fragment
    """The translation keys of a project page, so that a filter works in every language."""
    return ProjectPage.objects.filter(pk=page_id).values("translation_key")


def CityKeys(city_id):  # noqa: N802 - reads as a query fragment
    return City.objects.filter(pk=city_id).values("translation_key")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    """One news item, dated, with a summary for listings and feeds."""

    date = models.DateField(
        default=timezone.localdate, help_text=_("Publication date shown to readers.")
    )
    summary = models.TextField(
        help_text=_("One or two sentences shown in listings, feeds and when shared.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Main picture, shown at the top and in listings."),
    )
    body = StreamField(BodyBlock(), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True)
    project = models.ForeignKey(
        "projects.ProjectPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
        help_text=_("The project this news item belongs to."),
    )
    cities = ParentalManyToManyField(
        "partners.City",
        blank=True,
        related_name="news",
        help_text=_("Cities the news item is about."),
    )
    related_events = ParentalManyToManyField(
        "events.EventPage",
        blank=True,
        related_name="related_news",
        help_text=_("Events the news item reports on or announces."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("project"),
                FieldPanel("cities"),
                FieldPanel("related_events"),
                FieldPanel("tags"),
            ],
            heading=_("Related"),
        ),
    ]

    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("date"),
        TranslatableField("summary"),
        SynchronizedField("image"),
        TranslatableField("body"),
        SynchronizedField("tags"),
        SynchronizedField("project"),
        SynchronizedField("cities"),
        SynchronizedField("related_events"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("body"),
        APIField("image"),
        APIField("tags"),
        APIField("project"),
        APIField("cities"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    # What its page shows, loaded with it when it is routed (core.models.BasePage.route).
    route_select_related = ("image", "project")
    # Its lead picture's sizes (news/news_page.html) and the social card's.
    image_renditions = ("width-480", "width-800", "width-1200", SOCIAL_IMAGE)

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        indexes = [models.Index(fields=["date"], name="news_newspage_date")]

    def cache_dependencies(self):
        return []  # its project, cities and events are recorded as they load

    def get_listing_image(self):
        return self.image or self.social_image

    def get_context(self, request, *args, **kwargs):
        """The project, cities, related events and tags in this page's language, one query
        each (each relation loaded with its translations at once, its SQL built once per
        process: core.relations)."""
        context = super().get_context(request, *args, **kwargs)
        events = relations.localized_relation(
            self, "related_events", self.locale, order_by=("start",), select_related=("city",)
        )
        context.update(
            project=localize_related(self, "project", self.locale),
            cities=relations.localized_relation(self, "cities", self.locale),
            related_events=[event for event in events if event.live],
            news_tags=relations.tags(self),
        )
        return context
