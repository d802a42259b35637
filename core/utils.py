"""Small helpers shared by the listings."""

from collections import defaultdict

from django.core.paginator import Paginator


def paginate(request, items, per_page, param="page"):
    """The requested page of `items`; a bad or out-of-range number gives the nearest page."""
    paginator = Paginator(items, per_page)
    return paginator.get_page(request.GET.get(param))


def localize_all(objects, locale):
    """{object pk: its translation in `locale`, or the object itself when untranslated},
    in one query per model, so listings do not ask once per item (`.localized` does)."""
    by_model = defaultdict(list)
    for obj in objects:
        if obj is not None:
            by_model[type(obj)].append(obj)
    localized = {}
    for model, items in by_model.items():
        keys = {item.translation_key for item in items}
        translations = model._default_manager.filter(translation_key__in=keys, locale=locale)
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
