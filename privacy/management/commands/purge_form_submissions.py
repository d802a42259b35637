"""Delete form submissions (contact messages…) older than the retention period (daily cron)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission


class Command(BaseCommand):
    help = "Delete form submissions N days after they were sent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.FORM_SUBMISSION_RETENTION_DAYS,
            help="Days to keep submissions (default: FORM_SUBMISSION_RETENTION_DAYS, %(default)s).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only say how many.")

    def handle(self, *args, days, dry_run, **options):
        cutoff = timezone.now() - datetime.timedelta(days=days)
        due = FormSubmission.objects.filter(submit_time__lt=cutoff)
        if dry_run:
            self.stdout.write(f"{due.count()} form submission(s) would be deleted.")
            return
        deleted, _by_model = due.delete()
        self.stdout.write(f"Deleted {deleted} form submission(s) older than {days} days.")
