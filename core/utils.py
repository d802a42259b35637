"""Small helpers shared by the listings."""

from collections import defaultdict

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import translation


def paginate(request, items, per_page, param="page"):
    """The requested page of `items`; a bad or out-of-range number gives the nearest page."""
    paginator = Paginator(items, per_page)
    return paginator.get_page(request.GET.get(param))


def localize_all(objects, locale=None, select_related=()):
    """A function giving each of `objects` its live translation in `locale` (default: the
    active language), or the object itself when it has none there, as `.localized` does;
    None stays None. One query per model whatever the number of objects (`.localized`
    costs two per object), so listings do not ask once per item. Pages and translatable
    snippets alike, several models in one call; `select_related` applies to each query."""
    by_model = defaultdict(list)
    for obj in objects:
        if obj is not None:
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


def mark_fallbacks(objects, locale):
    """Set `fallback_language` on each object shown in `locale` although it is in another
    language (it has no translation yet): its language code, so that the template can mark
    its text with `lang` (WCAG 3.1.2); None on the others. Reads `obj.locale`: fetch the
    objects with their locale (select_related) and it costs no query."""
    objects = [obj for obj in objects if obj is not None]
    for obj in objects:
        obj.fallback_language = obj.locale.language_code if obj.locale_id != locale.pk else None
    return objects


def prefetch_renditions(images, *specs):
    """Fetch the renditions ``specs`` of all ``images`` in one query, so that the
    ``{% image %}`` tags of a listing do not ask once per image."""
    images = [
        image
        for image in images
        if image is not None and not hasattr(image, "prefetched_renditions")
    ]
    if not images:
        return
    rendition_model = images[0].get_rendition_model()
    prefetch_related_objects(
        images,
        Prefetch(
            "renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=specs),
            to_attr="prefetched_renditions",
        ),
    )
