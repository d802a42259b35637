"""The list items of a page of search results and the options of its filters, written in
Python.

Each result is the same dozen template nodes (its type, date, link, title and snippet), each
option of the filters half a dozen, and rendering them was the largest part of a results
page's template work: Django resolves, localises and escapes every variable node of every
item (docs/search.md). The markup is the one the template had, byte for byte
(tests/search/test_view.py compares them); change it here, not in search/search.html.
"""

import functools

from django import template
from django.utils import translation
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join

from core.templatetags.date_tags import isodate, longdate

register = template.Library()

ITEM = (
    '\n    <li class="search-result">\n'
    '      <p class="search-result__type">{}{}</p>\n'
    '      <h3 class="search-result__title"><a href="{}">{}</a></h3>\n'
    "      {}\n"
    "    </li>\n    "
)


def _when(result):
    if not result.date:
        return ""
    return _time_element(result.date, translation.get_language())


@functools.lru_cache(maxsize=4096)
def _time_element(date, language):
    """A result's date in the active language, written once per date and language in a
    process: formatting it (translated formats and month names) cost more than the rest
    of a result's markup, and a page of results often repeats dates. `date` is a plain
    date (SearchEntry.date): the same in every time zone."""
    return format_html(' · <time datetime="{}">{}</time>', isodate(date), longdate(date))


def _summary(result):
    if not result.snippet:
        return ""
    return format_html('<p class="search-result__summary">{}</p>', result.snippet)


@register.simple_tag
def search_result_items(results):
    """The <li> of each result (SearchResult: title_html and snippet are safe HTML)."""
    return format_html_join(
        "",
        ITEM,
        (
            (result.type_label, _when(result), result.url, result.title_html, _summary(result))
            for result in results
        ),
    )


@register.simple_tag
def facet_options(facets):
    """The <option> of each Facet of a filter (its count, when counted, in brackets)."""
    return format_html_join(
        "",
        '<option value="{}"{}>{}{}</option>',
        (
            (
                localize(facet.value),
                " selected" if facet.selected else "",
                facet.label,
                "" if facet.count is None else f" ({localize(facet.count)})",
            )
            for facet in facets
        ),
    )
