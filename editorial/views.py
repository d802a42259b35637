"""The translation status report and its actions (update translations, start a translation)."""

import json
from collections import defaultdict

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from .permissions import (
    translator_locale_ids,
    user_can_save_translation,
    user_can_translate_into,
    user_works_in_every_language,
)
from .sections import get_sections
from .source_changes import changed_field_names, serialize_for_translation
from .status import (
    MISSING,
    STATUS_LABELS,
    STATUS_ORDER,
    build_rows,
    collect_items,
    default_language_first,
)

PER_PAGE = 50


def user_can_see_translation_status(user):
    return user.is_authenticated and (
        user_works_in_every_language(user) or bool(translator_locale_ids(user))
    )


def ordered_locales():
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    return sorted(Locale.objects.all(), key=lambda locale: order.get(locale.language_code, 99))


def my_locales(user):
    ids = translator_locale_ids(user)
    return [locale for locale in ordered_locales() if locale.pk in ids]


class StatusFilterForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    section = forms.ChoiceField(label=gettext_lazy("Section"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    q = forms.CharField(label=gettext_lazy("Title contains"), required=False)

    def __init__(self, *args, locales, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All languages"))] + [
            (locale.language_code, locale.get_display_name()) for locale in locales
        ]
        self.fields["section"].choices = [("", _("All sections"))] + [
            (section.key, section.label) for section in sections
        ]
        self.fields["status"].choices = [("", _("Any status"))] + [
            (status, STATUS_LABELS[status]) for status in STATUS_ORDER
        ]


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Every page and snippet × every language: up to date, out of date (which fields),
    partly translated or not translated; filterable; translators see their language."""

    template_name = "editorial/translation_status.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_see_translation_status(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return []

    def get_filter_data(self, locales):
        data = self.request.GET.copy()
        mine = my_locales(self.request.user)
        if "language" not in data and mine:
            # A translator sees their language first (they may choose "All languages").
            data["language"] = mine[0].language_code
        return data

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        locales = ordered_locales()
        sections = get_sections()
        form = StatusFilterForm(self.get_filter_data(locales), locales=locales, sections=sections)
        filters = form.cleaned_data if form.is_valid() else {}

        chosen_sections = [s for s in sections if s.key == filters.get("section")] or sections
        chosen_locales = [
            locale for locale in locales if locale.language_code == filters.get("language")
        ] or locales
        rows = build_rows(collect_items(chosen_sections), chosen_locales)
        if filters.get("status"):
            rows = [row for row in rows if row.status == filters["status"]]
        if filters.get("q"):
            needle = filters["q"].lower()
            rows = [
                row
                for row in rows
                if needle in row.item.title.lower() or needle in row.title.lower()
            ]
        rows = default_language_first(rows, [locale.pk for locale in my_locales(user)])

        paginator = Paginator(rows, PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        finder = AdminURLFinder(user)
        for row in page:
            row.edit_url = finder.get_edit_url(row.target) if row.target is not None else None
            row.source_edit_url = finder.get_edit_url(row.item.source)
            row.user_can_update = row.can_update and user_can_save_translation(user, row.target)
            row.user_can_start = row.status == MISSING and user_can_translate_into(user, row.locale)
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            form=form,
            rows=page,
            page_obj=page,
            paginator=paginator,
            filter_query=query.urlencode(),
            next_url=self.request.get_full_path(),
            any_updatable=any(row.user_can_update for row in page),
        )
        return context


def _next_url(request):
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return reverse("editorial:translation_status")


def _parse_row_key(key):
    translation_key, _sep, locale_id = key.rpartition(":")
    if not translation_key or not locale_id.isdigit():
        return None
    return translation_key, int(locale_id)


@require_POST
def update_translations(request):
    """Bring translations up to date with their source, in one click per row or for all
    selected rows: refresh the TranslationSource from the live source once
    (`update_from_db`), then save each translation again (`save_target`), which keeps
    every text already translated and puts the source text where a text is new. A live
    translation is published again; a draft stays a draft."""
    if not user_can_see_translation_status(request.user):
        raise PermissionDenied
    keys = [request.POST["row"]] if request.POST.get("row") else request.POST.getlist("rows")
    by_source = defaultdict(list)
    refused, updated, failed = [], [], []
    for key in keys:
        parsed = _parse_row_key(key)
        if parsed is None:
            continue
        translation = (
            Translation.objects.filter(
                source__object_id=parsed[0], target_locale_id=parsed[1], enabled=True
            )
            .select_related("source", "target_locale")
            .first()
        )
        if translation is None:
            continue
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue
        if isinstance(target, Page):
            target = target.specific
        if not user_can_save_translation(request.user, target):
            refused.append(target)
            continue
        by_source[translation.source_id].append((translation, target))

    with transaction.atomic():
        for pairs in by_source.values():
            source = pairs[0][0].source
            try:
                instance = source.get_source_instance()
            except ObjectDoesNotExist:
                failed.extend(target for _translation, target in pairs)
                continue
            if changed_field_names(
                type(instance), json.loads(source.content_json), serialize_for_translation(instance)
            ):
                source.update_from_db()
            for translation, target in pairs:
                translation.source = source
                try:
                    translation.save_target(
                        user=request.user, publish=bool(getattr(target, "live", True))
                    )
                except ValidationError:
                    failed.append(target)
                else:
                    updated.append(target)

    if updated:
        messages.success(
            request,
            _("Updated %(count)s translation(s): %(items)s.")
            % {"count": len(updated), "items": _describe(updated)},
        )
    if refused:
        messages.error(
            request,
            _("You may not update %(items)s.") % {"items": _describe(refused)},
        )
    if failed:
        messages.warning(
            request,
            _(
                "Could not update %(items)s: a translated text is not valid there; "
                "open the translation to fix it."
            )
            % {"items": _describe(failed)},
        )
    return redirect(_next_url(request))


@require_POST
def start_translation(request):
    """Start translating one page or snippet into one language (its version there is
    created, or the alias converted, with the source texts until they are translated)."""
    try:
        content_type_id, pk, locale_id = (int(part) for part in request.POST["source"].split(":"))
        locale = Locale.objects.get(pk=locale_id)
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        instance = model._default_manager.get(pk=pk)
    except (KeyError, ValueError, ObjectDoesNotExist, AttributeError) as error:
        raise PermissionDenied from error
    if isinstance(instance, Page):
        instance = instance.specific
    if not user_can_translate_into(request.user, locale) or instance.locale_id == locale.pk:
        raise PermissionDenied
    translate_object(instance, [locale], user=request.user)
    target = instance.get_translation_or_none(locale)
    messages.success(
        request,
        _("“%(item)s” is ready to translate into %(language)s.")
        % {"item": _title(instance), "language": locale.get_display_name()},
    )
    edit_url = AdminURLFinder(request.user).get_edit_url(target) if target else None
    return redirect(edit_url or _next_url(request))


def _title(obj):
    return obj.get_admin_display_title() if isinstance(obj, Page) else str(obj)


def _describe(objects):
    return ", ".join(f"“{_title(obj)}” ({obj.locale.get_display_name()})" for obj in objects)
