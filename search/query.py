"""A visitor's search: results, facets, promotions, in one locale."""

import datetime
import logging
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from .backends import get_backend
from .backends.base import Filters
from .models import Kind, QueryStat, SearchEntry
from .synonyms import NO_SYNONYMS, current_synonyms
from .text import analyse_query, highlight, snippet, words

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
TYPE_LABELS = {
    Kind.NEWS: _("News"),
    Kind.EVENT: _("Event"),
    Kind.PROJECT: _("Project"),
    Kind.PAGE: _("Page"),
}


def clean_query(raw):
    """What a visitor typed, made safe to work with: no control characters (NUL included),
    whitespace collapsed, at most MAX_QUERY_LENGTH characters."""
    raw = "".join(char if char.isprintable() else " " for char in (raw or "")[:2000])
    return " ".join(raw.split())[:MAX_QUERY_LENGTH].strip()


@dataclass
class SearchResult:
    page: Page | None
    type: str | None
    date: object
    title: str
    title_html: str
    snippet: str
    url: str = ""
    promoted: bool = False
    description: str = ""

    @property
    def type_label(self):
        return TYPE_LABELS.get(self.type, "")


@dataclass
class Facet:
    value: object
    label: str
    count: int
    selected: bool


class ResultList:
    """The ranked results as a sequence a Django Paginator can slice: each slice runs one
    ranked query for just that page of results."""

    def __init__(self, search, count):
        self.search = search
        self._count = count

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        start, stop = item.start or 0, min(item.stop or self._count, self._count)
        if stop <= start:
            return []
        return self.search.load(start, stop - start)


class SiteSearch:
    def __init__(self, locale, query, kind=None, year=None, request=None):
        self.locale = locale
        self.query = clean_query(query)
        self.kind = kind if kind in Kind.values else None
        self.year = year
        self.request = request
        self.backend = get_backend()
        # A city's names in every language match each other (one query, when there are words).
        self.synonyms = current_synonyms() if self.query else NO_SYNONYMS
        self.analysed = analyse_query(self.query, locale.language_code, self.synonyms)

    # Promotions -------------------------------------------------------------------------

    @cached_property
    def promotions(self):
        """Pages editors promoted for this query (Wagtail's search promotions), in this
        locale: a promoted page of another language is replaced by its translation here,
        and left out when it has none that is live and public. Filters apply to them too."""
        if not self.query:
            return []
        from wagtail.contrib.search_promotions.models import SearchPromotion

        promotions = (
            SearchPromotion.objects.filter(
                query__query_string=normalise_query_string(self.query)[:255]
            )
            .select_related("page")
            .order_by("sort_order", "pk")
        )
        results, seen = [], set()
        for promotion in promotions:
            if promotion.page_id is None:
                if promotion.external_link_url and not (self.kind or self.year):
                    text = promotion.external_link_text or promotion.external_link_url
                    results.append(
                        SearchResult(
                            page=None,
                            type=None,
                            date=None,
                            title=text,
                            title_html=escape(text),
                            snippet=escape(promotion.description),
                            url=promotion.external_link_url,
                            promoted=True,
                            description=promotion.description,
                        )
                    )
                continue
            page = promotion.page
            if page.locale_id != self.locale.pk:
                page = page.get_translation_or_none(self.locale)
            if page is None or page.pk in seen:
                continue
            entry = SearchEntry.objects.filter(page_id=page.pk).first()
            if entry is None or (self.kind and entry.kind != self.kind):
                continue
            if self.year and entry.year != self.year:
                continue
            seen.add(page.pk)
            result = self._result(entry, Page.objects.get(pk=page.pk).specific, promoted=True)
            if promotion.description:
                result.description = promotion.description
                result.snippet = escape(promotion.description)
            results.append(result)
        return results

    @cached_property
    def promoted_page_ids(self):
        return tuple(result.page.pk for result in self.promotions if result.page is not None)

    # Facets and counts ------------------------------------------------------------------

    @cached_property
    def _facet_rows(self):
        filters = Filters(locale_id=self.locale.pk, exclude_page_ids=self.promoted_page_ids)
        return self.backend.facets(self.analysed, filters)

    def _selected(self, kind, year):
        return (not self.kind or kind == self.kind) and (not self.year or year == self.year)

    @cached_property
    def count(self):
        """Matching results under the selected filters (promotions not included)."""
        return sum(row[2] for row in self._facet_rows if self._selected(row[0], row[1]))

    @cached_property
    def title_hits(self):
        """How many of them match the whole query in their title (None if not known)."""
        rows = [row for row in self._facet_rows if self._selected(row[0], row[1])]
        if any(row[3] is None for row in rows):
            return None
        return sum(row[3] for row in rows)

    @property
    def total_count(self):
        return self.count + len(self.promotions)

    @cached_property
    def type_counts(self):
        """Counts by type, under the selected year: every type with results, and the selected
        one even without."""
        counts = dict.fromkeys(Kind.values, 0)
        for kind, year, n, _title_hits in self._facet_rows:
            if not self.year or year == self.year:
                counts[kind] = counts.get(kind, 0) + n
        return [
            Facet(kind, Kind(kind).label, n, kind == self.kind)
            for kind, n in counts.items()
            if n or kind == self.kind
        ]

    @cached_property
    def year_counts(self):
        """Counts by year (latest first), under the selected type."""
        counts = {}
        for kind, year, n, _title_hits in self._facet_rows:
            if year and (not self.kind or kind == self.kind):
                counts[year] = counts.get(year, 0) + n
        if self.year and self.year not in counts:
            counts[self.year] = 0
        return [
            Facet(year, str(year), n, year == self.year)
            for year, n in sorted(counts.items(), reverse=True)
        ]

    # Results ----------------------------------------------------------------------------

    @cached_property
    def results(self):
        return ResultList(self, self.count)

    def load(self, offset, limit):
        filters = Filters(
            locale_id=self.locale.pk,
            kind=self.kind,
            year=self.year,
            exclude_page_ids=self.promoted_page_ids,
        )
        ids = self.backend.ranked_entry_ids(
            self.analysed, filters, offset, limit, title_hits=self.title_hits
        )
        entries = SearchEntry.objects.in_bulk(ids)
        pages = Page.objects.filter(pk__in=[e.page_id for e in entries.values()]).specific()
        pages = {page.pk: page for page in pages}
        results = []
        for entry_id in ids:
            entry = entries.get(entry_id)
            page = pages.get(entry.page_id) if entry else None
            if page is not None:
                results.append(self._result(entry, page))
        return results

    def _result(self, entry, page, promoted=False):
        url = page.get_url(self.request) if self.request is not None else page.url
        return SearchResult(
            page=page,
            type=entry.kind,
            date=entry.date,
            title=entry.title,
            title_html=highlight(entry.title, self.analysed),
            snippet=snippet(entry.body, self.analysed),
            url=url or "",
            promoted=promoted,
        )

    def count_in(self, locale):
        """How many results the same words find in another locale's index."""
        analysed = analyse_query(self.query, locale.language_code, self.synonyms)
        rows = self.backend.facets(analysed, Filters(locale_id=locale.pk))
        return sum(row[2] for row in rows)


# What a visitor's query must look like to be counted (see worth_recording).
MAX_RECORDED_LENGTH = 100
MAX_RECORDED_WORDS = 8
MAX_RECORDED_WORD_LENGTH = 40


def worth_recording(query, analysed):
    """Does a query look like something a person searched for? At least one word that is
    not a stop word or a number, at most MAX_RECORDED_WORDS words of at most
    MAX_RECORDED_WORD_LENGTH letters, MAX_RECORDED_LENGTH characters in all. Scripts that
    search random strings, numbers or whole paragraphs are not counted."""
    query_words = words(query)
    return (
        bool(analysed)
        and len(query) <= MAX_RECORDED_LENGTH
        and len(query_words) <= MAX_RECORDED_WORDS
        and all(len(word) <= MAX_RECORDED_WORD_LENGTH for word in query_words)
        and not all(word.isdigit() for word in query_words)
    )


def record_query(locale, query, results, analysed):
    """Count a search in QueryStat (one row per language, query and day) and in Wagtail's
    own query log (which the search promotions admin offers as popular searches). Never
    fails a search.

    Bounded: only queries worth_recording(); a query not yet counted today is added only
    while the language has fewer than SEARCH_STATS_MAX_QUERIES_PER_DAY distinct queries that
    day (those already counted go on being counted); `manage.py purge_search_stats` deletes
    the days older than SEARCH_STATS_RETENTION_DAYS."""
    query_string = normalise_query_string(query)[:255]
    if not query_string or not worth_recording(query, analysed):
        return
    today = timezone.localdate()
    try:
        with transaction.atomic():
            stats = QueryStat.objects.filter(locale=locale, query_string=query_string, date=today)
            if not stats.update(hits=F("hits") + 1, results=results):
                counted_today = QueryStat.objects.filter(locale=locale, date=today).count()
                if counted_today >= settings.SEARCH_STATS_MAX_QUERIES_PER_DAY:
                    return
                try:
                    with transaction.atomic():
                        QueryStat.objects.create(
                            locale=locale,
                            query_string=query_string,
                            date=today,
                            hits=1,
                            results=results,
                        )
                except IntegrityError:  # another request created it meanwhile
                    stats.update(hits=F("hits") + 1, results=results)
            Query.get(query_string).add_hit(date=today)
    except DatabaseError:
        logger.warning("search: could not record the query %r", query_string, exc_info=True)


def purge_query_stats(days=None):
    """Delete the counts older than `days` (SEARCH_STATS_RETENTION_DAYS), and Wagtail's
    daily hits older than WAGTAILSEARCH_HITS_MAX_AGE with the queries left without hits or
    promotions. Returns the number of QueryStat rows deleted."""
    days = settings.SEARCH_STATS_RETENTION_DAYS if days is None else days
    oldest_kept = timezone.localdate() - datetime.timedelta(days=days - 1)
    deleted, _by_model = QueryStat.objects.filter(date__lt=oldest_kept).delete()
    QueryDailyHits.garbage_collect()
    Query.garbage_collect()
    return deleted
