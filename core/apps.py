from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"

    def ready(self):
        from .signals import ensure_locales

        post_migrate.connect(ensure_locales, sender=self)

        from . import login_throttle  # noqa: F401 - connects its signal receivers
