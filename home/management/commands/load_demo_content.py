"""Build the demo site in English, French, Italian and Spanish (idempotent)."""

import datetime
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.demo.builder import DemoBuilder, content_counts
from home.demo.texts import DemoContentError


class Command(BaseCommand):
    help = (
        "Create or update the demo content: the PACTESUR projects, partners, cities, news, "
        "events and standard pages in English, translated into French, Italian and Spanish "
        "with wagtail-localize. Safe to run again: it updates, never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-images",
            action="store_true",
            help="Do not generate the banner images (pages are left without pictures).",
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            metavar="YYYY-MM-DD",
            help="Place the upcoming events as if the content were loaded on this day "
            "(default: today).",
        )

    def handle(self, *args, no_images=False, today=None, **options):
        started = time.monotonic()
        builder = DemoBuilder(today=today, with_images=not no_images)
        try:
            with transaction.atomic():
                stats = builder.build()
        except DemoContentError as error:
            raise CommandError(str(error)) from error

        elapsed = time.monotonic() - started
        counts = content_counts()
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded in {elapsed:.1f} s."))
        for label, value in sorted(stats.items()):
            self.stdout.write(f"  {label}: {value}")
        summary = ", ".join(f"{label} {value}" for label, value in counts.items())
        self.stdout.write(f"  Totals: {summary}")
