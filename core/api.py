"""Wagtail's read-only API v2 endpoints, with the query string checked before Wagtail reads it.

Wagtail's API passes much of its query string to the database as it comes: an `offset` or an
`id` beyond 64 bits overflows SQLite and PostgreSQL, `find/?id=abc` and `?start=tomorrow`
reach a query as they are, a NUL byte is refused by PostgreSQL, and `?search=` is handed to
the full-text backend, which builds FTS5 or tsquery syntax from it (a stray quote is a
syntax error that the 503 middleware reads as an outage; 200 words nest 200 deep and
overflow the recursion limit). Each of those answered 500 or 503.

Here every request is checked first: a malformed value is a 400 with a message, as
Wagtail answers its own checks, and `search` keeps only its words (letters and digits, at
most MAX_SEARCH_WORDS), so no operator typed by anybody reaches the search backend.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.http import Http404
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .query_params import MAX_ID, parse_int, search_words

# Integer parameters of the listing and find views, and the smallest value each accepts.
INTEGER_PARAMETERS = {
    "offset": 0,
    "limit": 0,
    "id": 1,
    "child_of": 1,
    "ancestor_of": 1,
    "descendant_of": 1,
    "translation_of": 1,
}
# Values of integer parameters that Wagtail reads as names.
NAMED_VALUES = {"child_of": {"root"}}
SEARCH_OPERATORS = {"and", "or"}
MAX_SEARCH_WORDS = 12


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filters (`?date=2024-05-06`, `?project=3`), each value checked as its
    model field reads it, so that a date that is no date is a 400 and not a database error."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name not in fields or name == "locale":
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            check_field_value(name, field, value)
        return super().filter_queryset(request, queryset, view)


def check_field_value(name, field, value):
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    if isinstance(field, (models.IntegerField, models.AutoField)):
        if parse_int(value, 0) is None:
            raise BadRequestError(f"{name} must be a whole number between 0 and {MAX_ID}")
        return
    if isinstance(field, (models.BooleanField, models.ManyToManyField)):
        return  # Wagtail parses booleans itself; tags are names
    if isinstance(field, models.Field):
        try:
            field.to_python(value)
        except ValidationError as error:
            raise BadRequestError(f"{name}: {' '.join(error.messages)}") from error


class CheckedQueryStringMixin:
    """Refuse malformed query strings with a 400 before any filter runs (see the module
    docstring), and keep only the words of `search`."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        params = request.GET
        for name, values in params.lists():
            if any("\x00" in value for value in values):
                raise BadRequestError(f"{name}: null characters are not allowed")
        for name, minimum in INTEGER_PARAMETERS.items():
            value = params.get(name)
            if value is None or value in NAMED_VALUES.get(name, ()):
                continue
            if parse_int(value, minimum) is None:
                raise BadRequestError(
                    f"{name} must be a whole number between {minimum} and {MAX_ID}"
                )
        operator = params.get("search_operator")
        if operator is not None and operator.lower() not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        if "search" in params:
            cleaned = params.copy()
            cleaned["search"] = " ".join(search_words(params["search"], MAX_SEARCH_WORDS))
            request._request.GET = cleaned  # what Wagtail's filters read

    def detail_view(self, request, pk):
        if parse_int(pk) is None:
            raise Http404("not found")
        return super().detail_view(request, pk)


def _checked(filter_backends):
    return [
        CheckedFieldsFilter if backend is FieldsFilter else backend for backend in filter_backends
    ]


class PublicPagesAPIViewSet(CheckedQueryStringMixin, PagesAPIViewSet):
    filter_backends = _checked(PagesAPIViewSet.filter_backends)


class PublicImagesAPIViewSet(CheckedQueryStringMixin, ImagesAPIViewSet):
    filter_backends = _checked(ImagesAPIViewSet.filter_backends)


class PublicDocumentsAPIViewSet(CheckedQueryStringMixin, DocumentsAPIViewSet):
    filter_backends = _checked(DocumentsAPIViewSet.filter_backends)
