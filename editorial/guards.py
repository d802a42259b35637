"""What translators may not do, enforced where Wagtail's views offer a hook.

Snippets: Wagtail's generic snippet views check the model permission only (edit, delete,
unpublish do not ask the permission policy about the instance), so the language scope of
`LocaleScopedSnippetPermissionPolicy` is enforced in the `before_*_snippet` hooks.

Pages: Wagtail's page permissions already keep a translator in the tree of their language.
Within it, "change" and "publish" would also let them delete a (leaf) page or unpublish one;
removing content from the site is an editorial decision, so deleting and unpublishing
pages is refused to users who may not create pages there (translators), and unpublishing
snippets to users whose permission is limited to one language.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page

from .permissions import require_instance_permission, scoped_policy_for


def user_may_remove_page(user, page):
    """Delete or unpublish: superusers and users who may create pages there."""
    if user.is_superuser:
        return True
    return "add" in page.permissions_for_user(user).permissions


def _refuse(request, page, message):
    messages.error(request, message % {"title": page.get_admin_display_title()})
    return redirect(
        get_valid_next_url_from_request(request) or reverse_edit(page),
    )


def reverse_edit(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def before_delete_page(request, page):
    if user_may_remove_page(request.user, page):
        return None
    return _refuse(request, page, _("Only editors delete pages; “%(title)s” was not deleted."))


def before_unpublish_page(request, page):
    if user_may_remove_page(request.user, page):
        return None
    return _refuse(
        request, page, _("Only editors unpublish pages; “%(title)s” is still published.")
    )


def before_bulk_action(request, action_type, objects, action_class_instance):
    if action_type not in ("delete", "unpublish"):
        return None
    blocked = [
        obj
        for obj in objects
        if isinstance(obj, Page) and not user_may_remove_page(request.user, obj)
    ]
    if not blocked:
        return None
    messages.error(
        request,
        _("Only editors delete or unpublish pages; nothing was changed."),
    )
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_explore_root")


def before_edit_snippet(request, instance):
    require_instance_permission(request.user, "change", instance)


def before_delete_snippet(request, instances):
    for instance in instances:
        require_instance_permission(request.user, "delete", instance)


def before_publish_snippet(request, instance):
    require_instance_permission(request.user, "publish", instance)


def before_unpublish_snippet(request, instance):
    require_instance_permission(request.user, "publish", instance)
    policy = scoped_policy_for(instance)
    if policy is not None and policy.locale_scope(request.user, "publish") is not None:
        raise PermissionDenied


def hide_removal_actions(menu_items, request, context):
    """`construct_page_action_menu` hook: no "Unpublish"/"Delete" for translators."""
    page = context.get("page")
    if context.get("view") == "create" or page is None:
        return
    if not user_may_remove_page(request.user, page):
        menu_items[:] = [
            item for item in menu_items if item.name not in ("action-unpublish", "action-delete")
        ]
