from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerformanceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "performance"
    verbose_name = _("Performance")

    def ready(self):
        # Imported here: they import models, which Django loads after the apps' configs.
        from core import chrome_cache, derived

        from . import generation, signals

        signals.connect()
        # Values derived from content (core/derived.py) are kept per content generation.
        derived.use_version(generation.current)
        # So is the page chrome of uncached pages (core/chrome_cache.py), per process.
        chrome_cache.use_version(generation.current)
