"""The site search: live public pages of the visitor's language only.

`/{lang}/search/?q=…&type=news|event|project|page&year=2024&page=2`

Context for search/search.html:
- search_query: the query as understood (cleaned, at most 200 characters)
- search_results: a Django paginator Page of SearchResult (.page (its Page, with only
  what its address needs; a promotion's is specific), .type, .type_label, .date, .title,
  .title_html and .snippet (safe HTML with <mark>), .url)
- paginator, result_count (promotions included), promotions (SearchResult, .promoted=True,
  shown first, on the first page)
- count_limit, counts_are_exact: False when there are more than count_limit
  (SEARCH_COUNT_LIMIT) results: they were not all counted, nor are they all reachable
- type_counts, year_counts: lists of Facet (.value, .label, .count (None: not counted),
  .selected, .url)
- selected_type, selected_year, clear_filters_url
- other_languages: when nothing is found, the other languages in which the same words find
  something ({"code", "name", "count", "more" (more than count), "url"})
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import pgettext

from core import shared_chrome
from core.query_params import query_int, query_year

from .models import Kind
from .query import SiteSearch, clean_query
from .stats import record_query

RESULTS_PER_PAGE = 10


def _active_locale(request):
    """Locale.get_active() (the default one when the active language has none), from the
    locales the chrome keeps: no query."""
    return shared_chrome.active_locale(request)


def _url(request, params, **changes):
    """The search URL with some parameters changed (None removes one); always back to the
    first page of results."""
    params = {**params, **changes}
    query = urlencode({key: value for key, value in params.items() if value not in (None, "")})
    return f"{request.path}?{query}" if query else request.path


def language_name_in_text(code):
    """A language's name as it is written inside a sentence of the active language: "see
    the 2 results in English", "voir les 2 résultats en anglais". Django's catalog names the
    language in the visitor's language, capitalised as in a menu; translators say whether
    their language writes it in lower case inside a sentence (French, Italian, Spanish do)."""
    try:
        name = str(translation.get_language_info(code)["name_translated"])
    except KeyError:  # a language Django does not know: the name the settings give it
        return dict(settings.LANGUAGES).get(code, code)
    # Translators: write "lowercase" if language names are written in lower case inside a
    # sentence in your language ("en anglais"); leave "as is" otherwise ("in English").
    if pgettext("language names inside sentences", "as is") == "lowercase":
        return name.lower()
    return name


def _other_languages(request, site_search, locale):
    suggestions = []
    known = shared_chrome.locales(request)["by_code"]
    for code in sorted(known):
        other = known[code]
        if other.pk == locale.pk:
            continue
        counts = site_search.count_in(other)
        if counts.total:
            with translation.override(other.language_code):
                url = reverse("search") + "?" + urlencode({"q": site_search.query})
            suggestions.append(
                {
                    "code": other.language_code,
                    "name": language_name_in_text(other.language_code),
                    "count": counts.total,
                    "more": not counts.exact,
                    "url": url,
                }
            )
    return suggestions


def search(request):
    locale = _active_locale(request)
    query = clean_query(request.GET.get("q", ""))
    selected_type = request.GET.get("type", "")
    selected_type = selected_type if selected_type in Kind.values else None
    selected_year = query_year(request)
    page_number = query_int(request, "page") or 1

    site_search = SiteSearch(locale, query, kind=selected_type, year=selected_year, request=request)
    paginator = Paginator(site_search.results, RESULTS_PER_PAGE)
    results_page = paginator.page(min(page_number, paginator.num_pages))
    promotions = site_search.promotions if results_page.number == 1 else []

    if query and page_number == 1 and not (selected_type or selected_year):
        record_query(locale, query, site_search.total_count, site_search.analysed)

    params = {"q": query, "type": selected_type, "year": selected_year}
    type_counts = site_search.type_counts if query else []
    for facet in type_counts:
        facet.url = _url(request, params, type=None if facet.selected else facet.value)
    year_counts = site_search.year_counts if query else []
    for facet in year_counts:
        facet.url = _url(request, params, year=None if facet.selected else facet.value)

    result_count = site_search.total_count if query else 0
    other_languages = (
        _other_languages(request, site_search, locale) if query and not result_count else []
    )
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": results_page,
            "paginator": paginator,
            "result_count": result_count,
            "count_limit": site_search.limit,
            "counts_are_exact": site_search.count_is_exact if query else True,
            "promotions": promotions,
            "type_counts": type_counts,
            "year_counts": year_counts,
            "selected_type": selected_type,
            "selected_year": selected_year,
            "clear_filters_url": _url(request, params, type=None, year=None),
            "other_languages": other_languages,
        },
    )
    # Results change with every publication and each search is counted: no shared caching.
    patch_cache_control(response, private=True)
    return response
