"""Erase the personal data of registrations some days after their event, and delete the
registration requests whose address was never confirmed in time (meant for a daily cron).

The rows of registrations stay, with their status and dates, so that the counts of past
events stay right; an expired request never counted and is deleted outright.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from events.models import Registration, RegistrationStatus


class Command(BaseCommand):
    help = "Erase names, e-mails and organisations of registrations N days after their event."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.REGISTRATION_RETENTION_DAYS,
            help="Days to keep personal data after the event ends "
            "(default: REGISTRATION_RETENTION_DAYS, %(default)s).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only say how many.")

    def handle(self, *args, days, dry_run, **options):
        now = timezone.now()
        cutoff = now - datetime.timedelta(days=days)
        due = Registration.objects.filter(purged_at=None, shared_event__end__lt=cutoff)
        expired = Registration.objects.filter(
            status=RegistrationStatus.UNCONFIRMED, expires_at__lt=now
        )
        count = due.count()
        if dry_run:
            self.stdout.write(f"{count} registration(s) would be purged.")
            self.stdout.write(f"{expired.count()} expired request(s) would be deleted.")
            return
        deleted, _by_model = expired.delete()
        self.stdout.write(f"Deleted {deleted} expired registration request(s).")
        # The e-mail stays unique per row so the one-active-registration rule still holds.
        purged = due.update(
            name="",
            organisation="",
            email=Concat(Value("purged-"), Cast("pk", CharField()), Value("@invalid.invalid")),
            purged_at=timezone.now(),
        )
        count = purged
        self.stdout.write(f"Purged the personal data of {count} registration(s).")
