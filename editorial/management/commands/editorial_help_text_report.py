"""List the fields editors fill in that have no help text."""

from django.apps import apps
from django.core.management.base import BaseCommand

CONTENT_APPS = ["core", "partners", "projects", "news", "events", "home"]
BOOKKEEPING = {
    "translation_key",
    "locale",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "sort_order",
    "page",
}


def fields_without_help_text(app_labels=CONTENT_APPS):
    """(model label, field name, verbose name) of the editable fields of the project's
    content models (pages, snippets, inline items) that have no help text."""
    missing = []
    for app_label in app_labels:
        for model in apps.get_app_config(app_label).get_models():
            if not (hasattr(model, "content_panels") or hasattr(model, "panels")):
                continue  # not edited through an edit form (e.g. registrations, tags)
            for field in model._meta.get_fields():
                if (
                    field.auto_created
                    or not getattr(field, "editable", False)
                    or field.name in BOOKKEEPING
                    or field.name.endswith("_ptr")
                ):
                    continue
                defined_in = getattr(field, "model", None)
                if defined_in is None or defined_in._meta.app_label not in app_labels:
                    continue  # Wagtail's own fields (title, slug…) have their help texts
                if not str(getattr(field, "help_text", "") or "").strip():
                    missing.append((model._meta.label, field.name, str(field.verbose_name)))
    return missing


class Command(BaseCommand):
    help = "List the editable fields of the content models that have no help text."

    def handle(self, *args, **options):
        missing = fields_without_help_text()
        for label, name, verbose_name in missing:
            self.stdout.write(f"{label}.{name}  ({verbose_name})")
        self.stdout.write(f"{len(missing)} field(s) without help text.")
