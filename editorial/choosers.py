"""Choosers that stay in the language being edited.

When an editor edits a French page (or a French partner), the page and snippet choosers
offer French items; for snippets, items that have no French version yet are offered in
the default (source) language instead, so that nothing is missing and no item appears
twice. An explicit choice in the chooser's own language selector is respected.

Wagtail's chooser requests do not say which page is being edited, but they are made from
the edit view, so the editing context is read from the request's ``Referer`` (the admin
sets ``Referrer-Policy: same-origin``; a missing or foreign referrer changes nothing).

Images and documents are not translatable in Wagtail: they are shared by every language
and their choosers show them all (alt texts are written per page, in its language).
"""

from urllib.parse import parse_qs, urlsplit

from django.contrib.admin.utils import unquote
from django.db.models import Q
from django.urls import Resolver404, resolve
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.views.chooser import BaseSnippetChooseView

SNIPPET_CHOOSER_HOOK = "construct_snippet_chooser_queryset"
NO_LOCALE = object()


def editing_locale(request):
    """The Locale of the page or snippet being edited when this (chooser) request was made,
    or None when it cannot be told."""
    cached = getattr(request, "_editorial_editing_locale", NO_LOCALE)
    if cached is not NO_LOCALE:
        return cached
    locale = _locale_from_referer(request)
    request._editorial_editing_locale = locale
    return locale


def _locale_from_referer(request):
    referer = request.headers.get("referer")
    if not referer:
        return None
    parts = urlsplit(referer)
    if parts.netloc and parts.netloc != request.get_host():
        return None
    query = parse_qs(parts.query)
    if query.get("locale"):
        return Locale.objects.filter(language_code=query["locale"][0]).first()
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    kwargs = match.kwargs
    for name in ("page_id", "parent_page_id"):
        if name in kwargs:
            locale_id = Page.objects.filter(pk=kwargs[name]).values_list("locale_id", flat=True)
            return Locale.objects.filter(pk__in=locale_id).first()
    model = getattr(match.func, "view_initkwargs", {}).get("model")
    if (
        "pk" in kwargs
        and isinstance(model, type)
        and issubclass(model, TranslatableMixin)
        and match.namespace.startswith("wagtailsnippets_")
    ):
        locale_id = model._default_manager.filter(pk=unquote(str(kwargs["pk"]))).values("locale_id")
        return Locale.objects.filter(pk__in=locale_id).first()
    return None


def filter_page_chooser(pages, request):
    """`construct_page_chooser_queryset` hook.

    - Browsing from the root without a language chosen: Wagtail shows the language of the
      admin interface; the language being edited is selected instead (by setting the
      ``locale`` parameter that Wagtail's own language selector uses).
    - Browsing below the root: Wagtail already shows the language of that branch.
    - Searching: Wagtail searches every language; the results are narrowed to the chosen
      or edited language.
    """
    url_name = getattr(request.resolver_match, "url_name", "")
    if url_name == "wagtailadmin_choose_page" and not request.GET.get("locale"):
        locale = editing_locale(request)
        if locale is not None:
            params = request.GET.copy()
            params["locale"] = locale.language_code
            request.GET = params
        return pages
    if url_name == "wagtailadmin_choose_page_search":
        code = request.GET.get("locale")
        locale = (
            Locale.objects.filter(language_code=code).first() if code else editing_locale(request)
        )
        if locale is not None:
            return pages.filter(locale=locale)
    return pages


def in_language_with_fallback(objects, locale):
    """Items in `locale`, plus those in the default language that have no version in it."""
    model = objects.model
    default = Locale.get_default()
    translated_keys = model._default_manager.filter(locale=locale).values("translation_key")
    return objects.filter(
        Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated_keys))
    )


def filter_snippet_chooser(objects, request):
    """`construct_snippet_chooser_queryset` hook: translatable snippets in the language
    being edited (with the source-language fallback), unless one is chosen in the chooser."""
    if not issubclass(objects.model, TranslatableMixin) or request.GET.get("locale"):
        return objects
    locale = editing_locale(request)
    if locale is None:
        return objects
    return in_language_with_fallback(objects, locale)


def enable_snippet_chooser_hook():
    """Wagtail 8's generic choosers run a `construct_…_chooser_queryset` hook named by
    their view class (images, documents, pages) but the snippet chooser names none; give
    it one. Called once from AppConfig.ready(); leaves a name Wagtail may set alone."""
    if BaseSnippetChooseView.construct_queryset_hook_name is None:
        BaseSnippetChooseView.construct_queryset_hook_name = SNIPPET_CHOOSER_HOOK
