"""Re-apply the editorial roles (normally automatic: after `migrate` and whenever a
language's home page or a news/events index is created)."""

from django.core.management.base import BaseCommand

from editorial.roles import sync_editorial_roles


class Command(BaseCommand):
    help = (
        "Create what is missing of the editorial roles: a Translators group per language, "
        "their permissions on the home page of their language, the review workflow on the "
        "news and events indexes. --staff also re-applies the Editors and Moderators "
        "permissions and the workflow. Never removes anything else."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--staff",
            action="store_true",
            help="Also re-apply the Editors and Moderators permissions and the review workflow.",
        )

    def handle(self, *args, staff=False, **options):
        stats = sync_editorial_roles(install=staff)
        summary = ", ".join(f"{label}: {count}" for label, count in stats.items())
        self.stdout.write(self.style.SUCCESS(f"Editorial roles in place (created {summary})."))
