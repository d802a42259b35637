"""A page's many-to-many relations (a news item's cities and related events), each object
in the page's language, with their SQL built once per process (core.prepared).

`localize_queryset(page.cities.all(), locale)` asks one query, but Django built that query
anew on every request: on a news page, building the SQL of its cities, related events and
tags cost more than running them (4.5 ms of CPU against well under 1 ms of database,
docs/performance.md). The queries here are those same queries, prepared; the answers are
the same, object for object and in the same order.

A relation being edited (a preview: modelcluster keeps it in memory) is not in the
database: it is localised from the objects, as `localize_queryset` does.
"""

from functools import cache

from django.conf import settings

from core.prepared import PreparedQuery
from core.utils import localize_all, localize_queryset, pick_translations, with_translations


def localized_relation(obj, name, locale, order_by=(), select_related=()):
    """The objects of the many-to-many relation `name` of `obj` (ordered by `order_by`,
    else by their model's ordering), each replaced by its live translation in `locale`
    where there is one: `localize_queryset(getattr(obj, name)…, locale, select_related)`."""
    if not obj.pk or name in getattr(obj, "_cluster_related_objects", {}):
        related = getattr(obj, name)
        related = related.order_by(*order_by) if order_by else related.all()
        return localize_queryset(related, locale, select_related)
    field = type(obj)._meta.get_field(name)
    shape = (field.related_model, field.related_query_name(), tuple(order_by))
    if locale.language_code == settings.LANGUAGE_CODE:
        # The relation itself (localize_queryset: in the source language relations point
        # at objects in that language), then the rare object in another language.
        rows = _related(*shape, tuple(select_related))(pk=obj.pk)
        others = [row for row in rows if row.locale_id != locale.pk]
        if not others:
            return rows
        pick = localize_all(others, locale, select_related)
        return [pick(row) for row in rows]
    rows = _related_with_translations(*shape, tuple(select_related))(pk=obj.pk, locale=locale.pk)
    return pick_translations(rows, locale)


def tags(page):
    """`page.tags.all()` (django-taggit through modelcluster), prepared; the tags being
    edited in a preview as they are in memory."""
    if not page.pk or page.tagged_items.is_deferring:
        return list(page.tags.all())
    return _tags(type(page))(pk=page.pk)


def _related_queryset(model, lookup, order_by, pk):
    """What `obj.<relation>.all()` asks (Django's many-to-many manager filters the related
    model on its reverse relation), ordered as the caller orders it."""
    queryset = model._default_manager.filter(**{lookup: pk})
    return queryset.order_by(*order_by) if order_by else queryset


@cache
def _related(model, lookup, order_by, select_related):
    return PreparedQuery(
        lambda p: _related_queryset(model, lookup, order_by, p["pk"]).select_related(
            *select_related
        ),
        pk=int,
    )


@cache
def _related_with_translations(model, lookup, order_by, select_related):
    """localize_queryset's query in another language than the source's: the related objects
    and their live translations in the locale, the originals marked."""

    def build(p):
        related = _related_queryset(model, lookup, (), p["pk"])
        rows = with_translations(related, p["locale"], select_related)
        return rows.order_by(*order_by) if order_by else rows

    return PreparedQuery(build, pk=int, locale=int)


@cache
def _tags(model):
    field = model._meta.get_field("tags")
    through = field.through
    lookup = f"{through.tag_relname()}__content_object"
    return PreparedQuery(lambda p: through.tag_model().objects.filter(**{lookup: p["pk"]}), pk=int)
