"""Urgent changes: an editor publishes a cancellation or a postponement at once.

News and events are published after the moderators' review (editorial.workflow), but a
cancelled event cannot wait for a moderator: registrants would travel for nothing. A page
type opts in by naming the form of what may be published that way
(``urgent_change_form_class``, e.g. events.forms.UrgentStatusForm: the status and its
note). This view applies that form, and only it, to the *live* version of the page and
to each of its translations, and publishes them through Wagtail's normal path
(``Revision.publish``), so that everything that follows a publish happens (registrants'
e-mails, calendars, caches). Other unpublished changes stay a draft, for review; the
change is in the page history and the reviewers of the page's workflow are e-mailed.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogContext, LogFormatter, log
from wagtail.models import GroupApprovalTask, Page

LOG_ACTION = "editorial.urgent_publish"


def urgent_form_class(page):
    return getattr(page.specific_class, "urgent_change_form_class", None)


def user_may_publish_urgently(user, page):
    """Editors and moderators (who may create pages there and publish them), on a live
    page that offers urgent changes and that nobody else has locked."""
    if urgent_form_class(page) is None or not page.live:
        return False
    permissions = page.permissions_for_user(user)
    if not permissions.can_publish():
        return False
    if not (user.is_superuser or "add" in permissions.permissions):
        return False
    return not (page.locked and page.locked_by_id != user.pk)


class UrgentChangeView(WagtailAdminTemplateMixin, FormView):
    template_name = "editorial/urgent_change.html"
    header_icon = "warning"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not user_may_publish_urgently(request.user, self.page):
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return _("Publish a cancellation or postponement now")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return []

    def get_form_class(self):
        return urgent_form_class(self.page)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.page}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.page,
            action_url=self.request.path,
            submit_button_label=_("Publish now, without review"),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            translations=list(live_translations(self.page)),
            reviewers=reviewers_of(self.page),
        )
        return context

    def form_valid(self, form):
        published = publish_urgent_change(self.page, form, self.request.user)
        notify_reviewers(self.request, self.page, form, published)
        messages.success(
            self.request,
            _("“%(title)s” is published: %(change)s")
            % {"title": self.page.get_admin_display_title(), "change": form.describe()},
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)


def live_translations(page):
    """The other live versions of the page that are its own (not aliases, which Wagtail
    updates with their original)."""
    return (
        page.get_translations()
        .live()
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .specific()
    )


@transaction.atomic
def publish_urgent_change(page, form, user):
    """Publish the change on the live version of `page` and of each translation, keeping
    any other unpublished change as the latest draft. Returns the pages published."""
    published = []
    for version in [page, *live_translations(page)]:
        # One log context per page: Wagtail's history shows, for each (uuid, action), only
        # the latest entry of all pages, so a shared request uuid would hide all but one.
        with LogContext(user=user):
            _publish_on_live_version(version, form, user)
        published.append(version)
    return published


def _publish_on_live_version(page, form, user):
    pending = page.get_latest_revision() if page.has_unpublished_changes else None
    live = page.live_revision.as_object() if page.live_revision_id else page
    form.apply(live)
    revision = live.save_revision(user=user, log_action=False, clean=False)
    revision.publish(user=user)
    log(
        instance=page,
        action=LOG_ACTION,
        user=user,
        revision=revision,
        data={"change": form.describe()},
    )
    if pending is not None and pending.pk != revision.pk:
        # The draft waiting for review gets the change too, so that approving it later
        # does not undo the cancellation.
        draft = pending.as_object()
        form.apply(draft)
        draft.save_revision(user=user, log_action=False, clean=False)


def reviewers_of(page):
    """The active users who review the page's workflow (the Moderators)."""
    workflow = page.get_workflow()
    if workflow is None:
        return get_user_model().objects.none()
    tasks = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow, active=True)
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__in=tasks.values("groups"))
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def notify_reviewers(request, page, form, published):
    recipients = [user.email for user in reviewers_of(page) if user.pk != request.user.pk]
    if not recipients:
        return
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    context = {
        "page": page,
        "change": form.describe(),
        "editor": request.user.get_full_name() or request.user.get_username(),
        "published": published,
        "edit_url": base_url + reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "history_url": base_url + reverse("wagtailadmin_pages:history", args=[page.pk]),
    }
    subject = _("Published without review: %(title)s") % {"title": page.title}
    body = render_to_string("editorial/emails/urgent_change.txt", context)
    send_mail(subject, body, None, recipients)


class UrgentChangeMenuItem(ActionMenuItem):
    """In the edit view's action menu of pages that offer urgent changes."""

    label = gettext_lazy("Cancel or postpone now")
    name = "action-urgent-change"
    icon_name = "warning"

    def is_shown(self, context):
        if context["view"] != "edit":
            return False
        return user_may_publish_urgently(context["request"].user, context["page"])

    def get_url(self, parent_context):
        return reverse("editorial:urgent_change", args=[parent_context["page"].pk])


class UrgentPublishFormatter(LogFormatter):
    label = gettext_lazy("Published at once, without review")

    def format_message(self, log_entry):
        change = (log_entry.data or {}).get("change")
        if change:
            return _("Published at once, without review: %(change)s") % {"change": change}
        return _("Published at once, without review")


def register_log_actions(actions):
    actions.register_action(LOG_ACTION)(UrgentPublishFormatter)
