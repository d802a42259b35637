from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Roles (editors, moderators, translators per language), the review workflow of news
    and events, the translation status report and language-scoped choosers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = _("Editorial roles and translation status")

    def ready(self):
        # Imported here: they import models, which Django loads after the apps' configs.
        from wagtail_localize.models import TranslationLog, TranslationSource

        from . import choosers, permissions, signals

        # Before Wagtail registers the snippet viewsets (wagtail.snippets' ready(), later in
        # INSTALLED_APPS), which would otherwise create the default model-level policies.
        permissions.register_policies()
        permissions.install_wagtail_localize_guard()
        choosers.enable_snippet_chooser_hook()

        post_migrate.connect(
            signals.sync_roles_after_migrate, sender=self, dispatch_uid="editorial_sync_roles"
        )
        post_save.connect(signals.sync_roles_for_new_page, dispatch_uid="editorial_new_page")
        pre_save.connect(
            signals.remember_changed_source_fields,
            sender=TranslationSource,
            dispatch_uid="editorial_source_changes",
        )
        post_save.connect(
            signals.forget_applied_source_changes,
            sender=TranslationLog,
            dispatch_uid="editorial_translation_saved",
        )
