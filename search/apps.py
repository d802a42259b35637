from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # Imported here (and in _after_migrate): they import models, which Django loads
        # after the apps' configs.
        from . import signals

        signals.connect()
        post_migrate.connect(_after_migrate, sender=self, dispatch_uid="search_after_migrate")


def _after_migrate(sender, using="default", verbosity=1, **kwargs):
    from .schema import ensure_schema

    ensure_schema(using, verbosity)
