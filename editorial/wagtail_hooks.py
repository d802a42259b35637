"""Admin wiring: the report, the dashboard panels, the review guard, the language scope of
snippets and the language-scoped choosers."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import choosers, guards, panels, urgent, urls, workflow
from .roles import EDITORS, MODERATORS
from .views import user_can_see_translation_status


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("editorial/", include(urls, namespace="editorial"))]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_see_translation_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("editorial:translation_status"),
        name="translation-status",
        icon_name="site",
        order=8900,
    )


hooks.register("construct_homepage_panels", panels.add_dashboard_panels)

# News and events: published after review (editorial.workflow).
hooks.register("before_publish_page", workflow.refuse_direct_publish)
hooks.register("construct_page_action_menu", workflow.adjust_action_menu)
hooks.register("before_bulk_action", workflow.refuse_bulk_publish)

# ...except a cancellation or postponement, which editors publish at once (editorial.urgent).
hooks.register("register_page_action_menu_item", lambda: urgent.UrgentChangeMenuItem(order=15))
hooks.register("register_log_actions", urgent.register_log_actions)

# Choosers stay in the language being edited (editorial.choosers).
hooks.register("construct_page_chooser_queryset", choosers.filter_page_chooser)
hooks.register(choosers.SNIPPET_CHOOSER_HOOK, choosers.filter_snippet_chooser)


# What translators may not do (editorial.guards). The snippet hooks run before
# wagtail-localize's, which take over the edit view of translations: hence the order.
hooks.register("before_edit_snippet", guards.before_edit_snippet, order=-100)
hooks.register("before_delete_snippet", guards.before_delete_snippet, order=-100)
hooks.register("before_publish", guards.before_publish_snippet, order=-100)
hooks.register("before_unpublish", guards.before_unpublish_snippet, order=-100)
hooks.register("before_delete_page", guards.before_delete_page)
hooks.register("before_unpublish_page", guards.before_unpublish_page)
hooks.register("before_bulk_action", guards.before_bulk_action)
hooks.register("construct_page_action_menu", guards.hide_removal_actions)


@hooks.register("filter_form_submissions_for_user")
def only_staff_read_form_submissions(user, editable_forms):
    """Form submissions hold visitors' personal data: only superusers, Editors and
    Moderators read them. Wagtail would otherwise show them to anyone who may edit the form
    page, which includes the translators of that page's language."""
    if user.is_superuser or user.groups.filter(name__in=[EDITORS, MODERATORS]).exists():
        return editable_forms
    return editable_forms.none()
