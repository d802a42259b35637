"""News and events go through review: only their reviewers publish them directly.

Wagtail lets anyone with "publish" permission publish a page even when a workflow is
assigned to it; the workflow is then only a suggestion. Editors may publish in every
language, so for pages that have a workflow (news and events, see `editorial.roles`) the
direct "Publish" is refused to everyone but the reviewers of that workflow (Moderators)
and superusers: the page editor offers "Submit to News and events review" instead, and a
publish attempt (page editor, bulk action) saves the draft and explains what to do.

Translations made in wagtail-localize's translation editor are published by their
translator without a second review: the review is on the original content.
"""

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import GroupApprovalTask, Page


def reviewers_can_publish(user, page):
    """May `user` publish `page` directly, outside its workflow?"""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    workflow = page.get_workflow()
    if workflow is None:
        return True
    return GroupApprovalTask.objects.filter(
        workflow_tasks__workflow=workflow, active=True, groups__user=user
    ).exists()


def refuse_direct_publish(request, page):
    """`before_publish_page` hook: the draft is saved already; explain and go back to it."""
    if reviewers_can_publish(request.user, page):
        return None
    if getattr(request.resolver_match, "url_name", "") == "add":
        _keep_new_page_as_draft(request, page)
    workflow = page.get_workflow()
    messages.warning(
        request,
        _(
            "“%(title)s” was saved as a draft, not published: %(type)s pages are published "
            "after review. Choose “Submit to %(workflow)s” to send it to the moderators."
        )
        % {
            "title": page.get_admin_display_title(),
            "type": page.specific_class._meta.verbose_name,
            "workflow": workflow.name,
        },
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def _keep_new_page_as_draft(request, page):
    """The create view adds a page that is about to be published as live; as it is not
    published, make it the draft that "Save draft" would have made (and let the hooks that
    follow a creation run, e.g. wagtail-localize's aliases in the other languages)."""
    Page.objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
    page.live = False
    page.has_unpublished_changes = True
    for hook in hooks.get_hooks("after_create_page"):
        hook(request, page)


def adjust_action_menu(menu_items, request, context):
    """`construct_page_action_menu` hook: no "Publish" for pages under review; make
    "Submit for moderation" the main button instead."""
    page = context.get("page")
    if context.get("view") == "create":
        page = context.get("parent_page")
    if page is None or reviewers_can_publish(request.user, page):
        return
    menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
    submit = [item for item in menu_items if item.name == "action-submit"]
    if submit:
        menu_items.remove(submit[0])
        menu_items.insert(0, submit[0])


def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    """`before_bulk_action` hook: bulk publishing is refused when a page needs review."""
    if action_type != "publish":
        return None
    blocked = [
        obj
        for obj in objects
        if isinstance(obj, Page) and not reviewers_can_publish(request.user, obj)
    ]
    if not blocked:
        return None
    messages.error(
        request,
        _("Nothing was published: %(titles)s must go through review first.")
        % {"titles": ", ".join(f"“{page.get_admin_display_title()}”" for page in blocked)},
    )
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_explore_root")
