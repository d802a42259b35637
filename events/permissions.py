"""Who sees and manages which registrations in the admin.

Two things are needed, as for any personal data in the admin:

- the **role**: the model permissions on registrations (`events.view_registration` to see
  and export them, `events.change_registration` to approve, decline, confirm or cancel).
  `editorial.roles` gives them to Editors and Moderators, who run the events; translators
  do not get them (translating an event needs no registrant's name or address), and see the
  counts on the event's edit view like everyone who may edit it;
- the **event**: the registrations of the events whose page (in any language) the user may
  edit, with Wagtail's page permissions. Editors and moderators may edit every event; a group
  given the permissions on one section of the tree sees the registrations of that section.

Superusers see everything.
"""

from django.db.models import Exists, OuterRef
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import EventPage, Registration

SCOPE_CACHE_ATTR = "_events_editable_registrations"


def editable_events(user):
    """The event pages `user` may edit (any language)."""
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return EventPage.objects.filter(pk__in=pages.values("pk"))


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Model permissions (the role), narrowed to the registrations of editable events."""

    def __init__(self):
        super().__init__(Registration)

    def instances_user_has_any_permission_for(self, user, actions):
        objects = self.model._default_manager.all()
        if not any(self.user_has_permission(user, action) for action in actions):
            return objects.none()
        if user.is_superuser:
            return objects
        events = editable_events(user).filter(
            translation_key=OuterRef("shared_event__translation_key")
        )
        return objects.filter(Exists(events))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return (
            self.instances_user_has_any_permission_for(user, actions)
            .filter(pk=instance.pk)
            .exists()
        )

    def may_see_registrations_of(self, user, page):
        """Whether `user` may list the registrations of the event `page`."""
        if not self.user_has_permission(user, "view"):
            return False
        return (
            user.is_superuser
            or editable_events(user).filter(translation_key=page.translation_key).exists()
        )


registration_policy = RegistrationPermissionPolicy()
