"""Per-language permissions for translatable snippets, and who may work in which language.

Wagtail's snippet permissions are per model: whoever may change a partner may change every
partner, in every language. `LocaleScopedSnippetPermissionPolicy` narrows the permissions
that a user holds *through a translator group* to the instances in that group's language;
permissions held in any other way (Editors, Moderators, a permission given to the user
directly, superusers) keep applying to every language.

Pages need no such policy: translators get Wagtail page permissions on the home page of
their language only (`editorial.roles`), which Wagtail enforces everywhere.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.models import Page, PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail_localize.views import edit_translation

from .models import TranslatorGroup
from .roles import SCOPED_SNIPPETS

SCOPE_CACHE_ATTR = "_editorial_locale_scopes"


class EditorialPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, less removing content from the site.

    Translators get "change" and "publish" on their language's tree (editorial.roles),
    which in Wagtail would also let them unpublish and delete pages. Taking content off
    the site is an editorial decision: only users who may create pages there (editors,
    moderators) and superusers may. Installed as PAGE_PERMISSION_TESTER (read by
    core.models.BasePage), so Wagtail's menus, buttons and views, and wagtail-localize's
    translation editor, no longer offer what would be refused.
    """

    def may_remove_content(self):
        return self.user.is_superuser or "add" in self.permissions

    def can_unpublish(self):
        return super().can_unpublish() and self.may_remove_content()

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and self.may_remove_content()


class LocaleScopedSnippetPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the translator's language for instance actions."""

    def locale_scope(self, user, action):
        """`None` when the user may perform `action` in every language, else the set of
        locale ids where they may (empty when they may not at all)."""
        if not (user.is_authenticated and user.is_active):
            return set()
        if user.is_superuser:
            return None
        cache = user.__dict__.setdefault(SCOPE_CACHE_ATTR, {})
        key = (self.app_label, self._get_permission_codename(action))
        if key not in cache:
            cache[key] = self._compute_locale_scope(user, action)
        return cache[key]

    def _compute_locale_scope(self, user, action):
        permissions = self._get_permission_objects_for_actions([action])
        if user.user_permissions.filter(pk__in=permissions).exists():
            return None
        groups = Group.objects.filter(user=user, permissions__in=permissions)
        scoped = TranslatorGroup.objects.filter(group__in=groups)
        if groups.exclude(pk__in=scoped.values("group_id")).exists():
            return None
        return set(scoped.values_list("locale_id", flat=True))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        locale_id = getattr(instance, "locale_id", None)
        for action in actions:
            if not self.user_has_permission(user, action):
                continue
            scope = self.locale_scope(user, action)
            if scope is None or locale_id in scope:
                return True
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        objects = self.model._default_manager.all()
        locale_ids = set()
        for action in actions:
            if not self.user_has_permission(user, action):
                continue
            scope = self.locale_scope(user, action)
            if scope is None:
                return objects
            locale_ids |= scope
        return objects.filter(locale_id__in=locale_ids)

    def users_with_any_permission_for_instance(self, actions, instance):
        permissions = self._get_permission_objects_for_actions(actions)
        groups = Group.objects.filter(permissions__in=permissions).filter(
            Q(translator_language__isnull=True)
            | Q(translator_language__locale_id=instance.locale_id)
        )
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(is_superuser=True) | Q(user_permissions__in=permissions) | Q(groups__in=groups)
            )
            .distinct()
        )


def scoped_policy_for(instance_or_model):
    """Our policy for this snippet (model), or None when it has another policy."""
    model = instance_or_model if isinstance(instance_or_model, type) else type(instance_or_model)
    policy = policy_registry.get_by_type(model, fallback=False)
    return policy if isinstance(policy, LocaleScopedSnippetPermissionPolicy) else None


def register_policies():
    """Register the policy for the translatable snippets (from AppConfig.ready(), before
    Wagtail creates its fallback policies when the snippet viewsets are registered)."""
    for app_label, model_name in SCOPED_SNIPPETS:
        model = apps.get_model(app_label, model_name)
        if scoped_policy_for(model) is None:
            register_permission_policy(
                model, LocaleScopedSnippetPermissionPolicy(model), exact_class=True
            )


def require_instance_permission(user, action, instance):
    """Raise PermissionDenied when our policy refuses `action` on this snippet."""
    policy = scoped_policy_for(instance)
    if policy is not None and not policy.user_has_permission_for_instance(user, action, instance):
        raise PermissionDenied


def translator_locale_ids(user):
    """The languages the user translates into (through translator groups)."""
    if not user.is_authenticated:
        return set()
    return set(TranslatorGroup.objects.filter(group__user=user).values_list("locale_id", flat=True))


def user_works_in_every_language(user):
    """Superusers, and staff who may submit translations (Editors, Moderators)."""
    return user.is_active and (
        user.is_superuser or user.has_perm("wagtail_localize.submit_translation")
    )


def user_can_translate_into(user, locale):
    """May the user start or update translations into `locale`?"""
    if not (user.is_authenticated and user.is_active):
        return False
    return user_works_in_every_language(user) or locale.pk in translator_locale_ids(user)


def user_can_save_translation(user, target):
    """May the user re-save (and, if it is live, re-publish) this existing translation?"""
    live = getattr(target, "live", True)
    if isinstance(target, Page):
        perms = target.permissions_for_user(user)
        return perms.can_publish() if live else perms.can_edit()
    policy = policy_registry.get_by_type(type(target))
    action = "publish" if live and hasattr(target, "live") else "change"
    return policy.user_has_permission_for_instance(user, action, target)


def install_wagtail_localize_guard():
    """Make wagtail-localize's translation editor honour the language scope of snippets.

    wagtail-localize checks `user_can_edit_instance(user, instance)` before every action
    of its editor (saving a string, an override, PO download/upload, machine translation,
    preview, stopping a translation). For pages it asks Wagtail's page permissions, which
    are per language already; for snippets it only asks whether the user may edit *some*
    instance of the model. There is no hook or policy lookup to plug into, so the
    function is wrapped here (wagtail-localize 1.14; tests/editorial prove it).
    """
    original = edit_translation.user_can_edit_instance
    if getattr(original, "editorial_guard", False):
        return

    def user_can_edit_instance(user, instance):
        if not original(user, instance):
            return False
        if isinstance(instance, Page):
            return True
        policy = scoped_policy_for(instance)
        return policy is None or policy.user_has_permission_for_instance(user, "change", instance)

    user_can_edit_instance.editorial_guard = True
    user_can_edit_instance.__wrapped__ = original
    edit_translation.user_can_edit_instance = user_can_edit_instance
