from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site and the load data (development, tests and benchmarks; never production).

    It holds the content of the demo as data (``content/``: English in YAML, French, Italian
    and Spanish in PO files) and the commands that make a site to look at or to measure:
    ``load_demo_content``, ``ensure_demo_admin``, ``editorial_demo_users`` and
    ``generate_load_data``. Only ``config.settings.dev``, ``config.settings.test`` and
    ``config.settings.bench`` install it.
    """

    name = "demo"
    verbose_name = "Demo content"
    default_auto_field = "django.db.models.BigAutoField"
