from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"

    def ready(self):
        # Imported here: they import models, which Django loads after the apps' configs.
        from wagtail_localize.models import TranslationLog

        from . import restrictions
        from .signals import create_cache_tables, ensure_locales
        from .translated_slugs import give_own_slug

        post_migrate.connect(ensure_locales, sender=self)
        post_migrate.connect(create_cache_tables, sender=self)
        post_save.connect(give_own_slug, sender=TranslationLog, dispatch_uid="core_own_slug")
        post_migrate.connect(restrictions.share_existing_restrictions, sender=self)
        restrictions.connect()
