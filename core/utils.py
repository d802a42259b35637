"""Small helpers shared by the listings."""

import functools
from collections import defaultdict

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Case, Prefetch, Q, QuerySet, When, prefetch_related_objects
from django.utils import translation
from wagtail.images.models import Filter

from core.prepared import PreparedQuery


def paginate(request, items, per_page, param="page", count=None):
    """The requested page of `items`; a bad or out-of-range number gives the nearest page.
    `count`, when the caller knows it already, spares the query counting `items`."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: this value is used instead
    return paginator.get_page(request.GET.get(param))


def localize_all(objects, locale=None, select_related=()):
    """A function giving each of `objects` its live translation in `locale` (default: the
    active language), or the object itself when it has none there, as `.localized` does;
    None stays None. One query per model whatever the number of objects (`.localized`
    costs two per object), so listings do not ask once per item. Pages and translatable
    snippets alike, several models in one call; `select_related` applies to each query."""
    by_model = defaultdict(list)
    for obj in objects:
        # One already in `locale` is its own translation there (one object per translation
        # key and locale): nothing to ask for it.
        if obj is not None and (select_related or locale is None or obj.locale_id != locale.pk):
            by_model[type(obj)].append(obj)
    localized = {}
    for model, items in by_model.items():
        keys = {item.translation_key for item in items}
        translations = model._default_manager.filter(translation_key__in=keys)
        if locale is not None:
            translations = translations.filter(locale=locale)
        else:
            # By language code: no separate query for the Locale row.
            language = translation.get_language() or settings.LANGUAGE_CODE
            translations = translations.filter(locale__language_code=language)
        if select_related:
            translations = translations.select_related(*select_related)
        if hasattr(model, "live"):  # pages and draftable snippets: only what visitors may see
            translations = translations.filter(live=True)
        found = {item.translation_key: item for item in translations}
        for item in items:
            localized[(model, item.pk)] = found.get(item.translation_key, item)
    return lambda obj: None if obj is None else localized.get((type(obj), obj.pk), obj)


def localize_by_pk(model, pk, locale):
    """The live translation in `locale` of the `model` object whose primary key is `pk`,
    else that object itself (None when there is none), in one query.

    For a page's own foreign keys (an event's city, project, organiser): loading the related
    object and then its translation (`localize_all`) costs two queries per relation; this
    asks for both at once and never loads the foreign key on its own."""
    if pk is None:
        return None
    manager = model._default_manager
    translated = Q(translation_key__in=manager.filter(pk=pk).values("translation_key"))
    translated &= Q(locale=locale)
    if hasattr(model, "live"):
        translated &= Q(live=True)
    rows = list(manager.filter(Q(pk=pk) | translated))
    in_locale = [row for row in rows if row.locale_id == locale.pk and getattr(row, "live", True)]
    if in_locale:
        return in_locale[0]
    return next((row for row in rows if row.pk == pk), None)


def localize_related(obj, name, locale):
    """`localize_by_pk` for the foreign key `name` of `obj`, without a query when the
    related object came with `obj` (select_related) and is in `locale` already: it is then
    its own translation (one object per translation key and locale), as localize_by_pk
    would have found."""
    field = obj._meta.get_field(name)
    if field.is_cached(obj):
        related = field.get_cached_value(obj)
        if related is None or related.locale_id == locale.pk:
            return related
    return localize_by_pk(field.related_model, getattr(obj, field.attname), locale)


def localize_queryset(queryset, locale, select_related=()):
    """The objects of `queryset` (in its order), each replaced by its live translation in
    `locale` where there is one, in one query (loading them, then `localize_all`, is two).

    A page's many-to-many relation while an editor previews unsaved changes is a list in
    memory, not a query: it is localised from the objects then."""
    if not isinstance(queryset, QuerySet):
        objects = list(queryset)
        return [localize_all(objects, locale)(obj) for obj in objects]
    if locale.language_code == settings.LANGUAGE_CODE:
        # In the source language, relations point at objects in that language (the
        # translations of a page share its relations): the relation itself is the answer,
        # and a simple query costs half of the one below. The objects in another language,
        # if any, are looked up after (localize_all).
        rows = list(queryset.select_related(*select_related))
        others = [row for row in rows if row.locale_id != locale.pk]
        if not others:
            return rows
        pick = localize_all(others, locale, select_related)
        return [pick(row) for row in rows]
    rows = with_translations(queryset, locale, select_related)
    if queryset.query.order_by:
        rows = rows.order_by(*queryset.query.order_by)
    return pick_translations(rows, locale)


def with_translations(queryset, locale, select_related=()):
    """The objects of `queryset` and their live translations in `locale` (a Locale or its
    id), in one query, the former marked `is_original`: localize_queryset's query."""
    model = queryset.model
    originals = Q(pk__in=queryset.values("pk"))
    translated = Q(translation_key__in=queryset.values("translation_key"), locale=locale)
    if hasattr(model, "live"):
        translated &= Q(live=True)
    return (
        model._default_manager.filter(originals | translated)
        .annotate(is_original=Case(When(originals, then=True), default=False))
        .select_related(*select_related)
    )


def pick_translations(rows, locale):
    """The originals among the rows of `with_translations`, each replaced by its translation
    in `locale` where the rows hold one."""
    rows = list(rows)
    translations = {
        row.translation_key: row
        for row in rows
        if row.locale_id == locale.pk and getattr(row, "live", True)
    }
    return [translations.get(row.translation_key, row) for row in rows if row.is_original]


def mark_fallbacks(objects, locale):
    """Set `fallback_language` on each object shown in `locale` although it is in another
    language (it has no translation yet): its language code, so that the template can mark
    its text with `lang` (WCAG 3.1.2); None on the others. Reads `obj.locale`: fetch the
    objects with their locale (select_related) and it costs no query."""
    objects = [obj for obj in objects if obj is not None]
    for obj in objects:
        obj.fallback_language = obj.locale.language_code if obj.locale_id != locale.pk else None
    return objects


_FILTERS = {}


def listing_rendition(image, spec):
    """The rendition `spec` of `image` from the renditions prefetched for a listing
    (`prefetch_renditions`), else found or made as `{% image %}` would.

    The tag costs 0.5–0.9 ms an image even with the rendition prefetched (a Filter parsed,
    the rendition written back to the rendition cache at every use, the attributes built):
    a listing of twelve cards spent more on its images than on its query."""
    image_filter = _FILTERS.get(spec)
    if image_filter is None:
        image_filter = _FILTERS[spec] = Filter(spec=spec)
    focal_point_key = image_filter.get_cache_key(image)
    for rendition in getattr(image, "prefetched_renditions", ()):
        if rendition.filter_spec == spec and rendition.focal_point_key == focal_point_key:
            return rendition
    return image.get_rendition(image_filter)


def prefetch_renditions(images, *specs):
    """Fetch the renditions ``specs`` of all ``images`` in one query, so that the
    ``{% image %}`` tags of a listing do not ask once per image. Its SQL is built once per
    process for each number of images up to 32 (rounded up: `_PREPARED_SIZES`; building it
    took the ORM four times what the database takes to answer it)."""
    images = [
        image
        for image in images
        if image is not None and not hasattr(image, "prefetched_renditions")
    ]
    if not images:
        return
    rendition_model = images[0].get_rendition_model()
    ids = list(dict.fromkeys(image.pk for image in images))
    size = next((size for size in _PREPARED_SIZES if size >= len(ids)), None)
    if size is None:
        prefetch_related_objects(
            images,
            Prefetch(
                "renditions",
                queryset=rendition_model.objects.filter(filter_spec__in=specs),
                to_attr="prefetched_renditions",
            ),
        )
        return
    ids += ids[-1:] * (size - len(ids))  # the same id again changes nothing in `IN`
    found = defaultdict(list)
    query = _prepared_renditions(rendition_model, tuple(specs), size)
    for rendition in query(**{f"image{i}": pk for i, pk in enumerate(ids)}):
        found[rendition.image_id].append(rendition)
    image_field = rendition_model._meta.get_field("image")
    for image in images:
        # As the prefetch did: each image its list, each rendition its image.
        image.prefetched_renditions = renditions = list(found.get(image.pk, ()))
        for rendition in renditions:
            image_field.set_cached_value(rendition, image)


# Numbers of images a prepared query of renditions is made for (a listing: 3 to 12 cards,
# the footer's and the partners' logos).
_PREPARED_SIZES = (4, 8, 16, 32)


@functools.lru_cache(maxsize=32)
def _prepared_renditions(rendition_model, specs, size):
    return PreparedQuery(
        lambda p: rendition_model.objects.filter(
            filter_spec__in=specs, image_id__in=[p[f"image{i}"] for i in range(size)]
        ),
        **{f"image{i}": int for i in range(size)},
    )
