"""Dashboard panels: a translator's pending work, and what is waiting for review."""

from collections import Counter

from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import GroupApprovalTask, Locale, WorkflowState

from .permissions import translator_locale_ids
from .status import STATUS_LABELS, STATUS_ORDER, UP_TO_DATE, build_rows, default_language_first

MAX_ROWS = 10


class TranslationWorkPanel(Component):
    """For translators: the translations of their language that are out of date, partly
    translated or missing, most urgent first, with a link to each and to the report."""

    name = "translation_work"
    order = 105
    template_name = "editorial/panels/translation_work.html"

    def __init__(self, user, locale_ids):
        self.user = user
        self.locale_ids = locale_ids

    def get_context_data(self, parent_context):
        locales = list(Locale.objects.filter(pk__in=self.locale_ids))
        rows = [row for row in build_rows(locales=locales) if row.status != UP_TO_DATE]
        rows = default_language_first(rows, sorted(self.locale_ids))
        finder = AdminURLFinder(self.user)
        for row in rows[:MAX_ROWS]:
            row.edit_url = finder.get_edit_url(row.target) if row.target is not None else None
        counts = Counter(row.status for row in rows)
        report_url = reverse("editorial:translation_status")
        if len(locales) == 1:
            report_url += f"?language={locales[0].language_code}"
        return {
            "rows": rows[:MAX_ROWS],
            "total": len(rows),
            "counts": [(STATUS_LABELS[s], counts[s]) for s in STATUS_ORDER if counts[s]],
            "languages": ", ".join(locale.get_display_name() for locale in locales),
            "report_url": report_url,
        }


class InReviewPanel(Component):
    """For editors, who are not reviewers: every page or snippet waiting for review (Wagtail's
    own "Your pages and snippets in a workflow" only lists what they submitted themselves,
    and "Awaiting your review" is shown to the reviewers)."""

    name = "in_review"
    order = 215
    template_name = "editorial/panels/in_review.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        states = list(
            WorkflowState.objects.active()
            .select_related("requested_by", "current_task_state__task", "workflow")
            .order_by("-created_at")[:MAX_ROWS]
        )
        finder = AdminURLFinder(self.user)
        items = []
        for state in states:
            obj = state.content_object
            if obj is None:
                continue
            items.append(
                {
                    "object": obj,
                    "edit_url": finder.get_edit_url(obj),
                    "state": state,
                    "task": state.current_task_state.task if state.current_task_state else None,
                }
            )
        return {"items": items}


def is_reviewer(user):
    return (
        user.is_superuser
        or GroupApprovalTask.objects.filter(active=True, groups__user=user).exists()
    )


def add_dashboard_panels(request, panels):
    """`construct_homepage_panels` hook."""
    user = request.user
    locale_ids = translator_locale_ids(user)
    if locale_ids:
        panels.append(TranslationWorkPanel(user, locale_ids))
    if not is_reviewer(user) and user.has_perm("wagtail_localize.submit_translation"):
        panels.append(InReviewPanel(user))
