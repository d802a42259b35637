"""A visitor's search: results, facets, promotions, in one locale."""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db import connection
from django.db.models import Subquery
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from core import chrome_cache

from .backends import get_backend
from .backends.base import Filters
from .models import Kind, SearchEntry
from .synonyms import NO_SYNONYMS, current_synonyms
from .text import analyse_query, highlight, snippet

MAX_QUERY_LENGTH = 200
# What a result reads of its entry and of its page (SiteSearch.load): the entry's own
# title, text, type and date, and of its page only the address (Wagtail's get_url reads
# `url_path`; no page type of the site changes how its URL is made).
RESULT_ENTRY_COLUMNS = ("id", "kind", "title", "body", "date")
RESULT_PAGE_FIELDS = ("id", "locale_id", "url_path")  # in Page's field order (from_db)
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
    count: int | None  # None: not counted (more matches than SEARCH_COUNT_LIMIT)
    selected: bool


@dataclass(frozen=True)
class Counts:
    """Matches by (kind, year), counted over at most `limit` + 1 of them: `exact` says
    whether that was all of them; otherwise there are more than `limit`."""

    rows: tuple
    limit: int

    @property
    def exact(self):
        return sum(row[2] for row in self.rows) <= self.limit

    @property
    def total(self):
        return min(sum(row[2] for row in self.rows), self.limit)


def promoted_queries(request):
    """The query strings editors promoted something for, kept per content version
    (core.chrome_cache) so that the searches for anything else (nearly all of them) ask
    nothing about promotions. Never stale: performance/ counts a change of a promotion as
    a change of content (its CONTENT_MODELS)."""
    return chrome_cache.get_or_build(request, ("search_promoted_queries",), _read_promoted)


def _read_promoted():
    return frozenset(SearchPromotion.objects.values_list("query__query_string", flat=True))


class ResultList:
    """The ranked results as a sequence a Django Paginator can slice: each slice runs one
    ranked query for just that page of results. Its length is the count, capped at
    SEARCH_COUNT_LIMIT: the pages go no further than that."""

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


def _result_rows(ids):
    """The entries of a page of results with their pages' addresses, in one query of the
    columns they show (issue 17.2). Plain rows rather than the ORM's model instances for
    the entry and a deferred page: building those cost more than the query itself (about
    2 ms of a 20 ms search at 10,000 news items per language, docs/search.md)."""
    if not ids:
        return []
    entry, page = SearchEntry._meta.db_table, Page._meta.db_table
    columns = [f"e.{name}" for name in RESULT_ENTRY_COLUMNS]
    columns += [f"p.{name}" for name in RESULT_PAGE_FIELDS]
    placeholders = ", ".join(["%s"] * len(ids))
    sql = (
        f"SELECT {', '.join(columns)} FROM {entry} e JOIN {page} p ON p.id = e.page_id "
        f"WHERE e.id IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, list(ids))
        return cursor.fetchall()


def _entry_and_page(row):
    """A result row as the unsaved SearchEntry and the Page (only its address's fields
    loaded: any other is read from the database if asked for) that _result shows."""
    entry_values, page_values = row[: len(RESULT_ENTRY_COLUMNS)], row[len(RESULT_ENTRY_COLUMNS) :]
    entry = SearchEntry(**dict(zip(RESULT_ENTRY_COLUMNS, entry_values, strict=True)))
    page = Page.from_db(connection.alias, RESULT_PAGE_FIELDS, page_values)
    return entry, page


class SiteSearch:
    def __init__(self, locale, query, kind=None, year=None, request=None):
        self.locale = locale
        self.query = clean_query(query)
        self.kind = kind if kind in Kind.values else None
        self.year = year
        self.request = request
        self.backend = get_backend()
        # A city's names in every language match each other (one query, when there are words).
        self.synonyms = current_synonyms(request) if self.query else NO_SYNONYMS
        self.analysed = analyse_query(self.query, locale.language_code, self.synonyms)
        self._counts_cache = {}

    # Promotions -------------------------------------------------------------------------

    @cached_property
    def promotions(self):
        """Pages editors promoted for this query (Wagtail's search promotions), in this
        locale: a promoted page of another language is replaced by its translation here,
        and left out when it has none that is live and public. Filters apply to them too."""
        if not self.query:
            return []
        query_string = normalise_query_string(self.query)[:255]
        if chrome_cache.enabled(self.request) and query_string not in promoted_queries(
            self.request
        ):
            return []
        promotions = (
            SearchPromotion.objects.filter(query__query_string=query_string)
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
    #
    # Counted up to SEARCH_COUNT_LIMIT matches: past it, a search says "more than 1,000
    # results" and its filters list the types and years without numbers, so that a common
    # word costs no more than a rare one (issue 17.2). Each count is one query, for the
    # filters it is shown under: the results' own (type and year), the type menu's (the
    # year only) and the year menu's (the type only).

    @cached_property
    def limit(self):
        return settings.SEARCH_COUNT_LIMIT

    def _counts(self, kind, year):
        key = (kind, year)
        if key not in self._counts_cache:
            filters = Filters(
                locale_id=self.locale.pk,
                kind=kind,
                year=year,
                exclude_page_ids=self.promoted_page_ids,
            )
            rows = self.backend.counts(self.analysed, filters, self.limit + 1)
            self._counts_cache[key] = Counts(tuple(rows), self.limit)
        return self._counts_cache[key]

    @property
    def count(self):
        """Matching results under the selected filters (promotions not included), at most
        SEARCH_COUNT_LIMIT."""
        return self._counts(self.kind, self.year).total

    @property
    def count_is_exact(self):
        return self._counts(self.kind, self.year).exact

    @property
    def total_count(self):
        return self.count + len(self.promotions)

    @cached_property
    def type_counts(self):
        """Counts by type, under the selected year: every type with results, and the selected
        one even without. Past the limit: every type, uncounted."""
        counts = self._counts(None, self.year)
        if not counts.exact:
            return [Facet(kind, Kind(kind).label, None, kind == self.kind) for kind in Kind.values]
        by_kind = dict.fromkeys(Kind.values, 0)
        for kind, _year, n in counts.rows:
            by_kind[kind] = by_kind.get(kind, 0) + n
        return [
            Facet(kind, Kind(kind).label, n, kind == self.kind)
            for kind, n in by_kind.items()
            if n or kind == self.kind
        ]

    @cached_property
    def year_counts(self):
        """Counts by year (latest first), under the selected type. Past the limit: every year
        of this language's entries of that type, uncounted."""
        counts = self._counts(self.kind, None)
        if counts.exact:
            by_year = {}
            for _kind, year, n in counts.rows:
                if year:
                    by_year[year] = by_year.get(year, 0) + n
        else:
            by_year = dict.fromkeys(self._years(), None)
        if self.year and self.year not in by_year:
            by_year[self.year] = 0 if counts.exact else None
        return [
            Facet(year, str(year), n, year == self.year)
            for year, n in sorted(by_year.items(), reverse=True)
        ]

    def _years(self):
        """The years of this language's entries (of the selected type): the year menu when
        the matches are too many to count. They change only with content: kept per content
        version with the chrome (building the query took longer than running it)."""
        key = ("search_years", self.locale.pk, self.kind)
        return chrome_cache.get_or_build(self.request, key, self._read_years)

    def _read_years(self):
        """One query of index look-ups: the first and last year of each type, from the ends
        of the facets index (locale, kind, year)."""
        entries = SearchEntry.objects.filter(locale_id=self.locale.pk, year__isnull=False)
        bounds = {}
        for kind in [self.kind] if self.kind else Kind.values:
            years = entries.filter(kind=kind).values("year")
            bounds[f"first_{kind}"] = Subquery(years.order_by("year")[:1])
            bounds[f"last_{kind}"] = Subquery(years.order_by("-year")[:1])
        row = Locale.objects.filter(pk=self.locale.pk).values(**bounds).first() or {}
        firsts = [year for key, year in row.items() if key.startswith("first_") and year]
        lasts = [year for key, year in row.items() if key.startswith("last_") and year]
        if not firsts:
            return []
        return range(min(firsts), max(lasts) + 1)

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
            self.analysed, filters, offset, limit, candidates=max(self.limit, offset + limit)
        )
        rows = {row[0]: row for row in _result_rows(ids)}
        return [self._result(*_entry_and_page(rows[pk])) for pk in ids if pk in rows]

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
        """How many results the same words find in another locale's index (Counts)."""
        analysed = analyse_query(self.query, locale.language_code, self.synonyms)
        rows = self.backend.counts(analysed, Filters(locale_id=locale.pk), self.limit + 1)
        return Counts(tuple(rows), self.limit)
