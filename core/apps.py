from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"

    def ready(self):
        from .signals import create_cache_tables, ensure_locales

        post_migrate.connect(ensure_locales, sender=self)
        post_migrate.connect(create_cache_tables, sender=self)
