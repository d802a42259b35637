"""Remind confirmed registrants of their event, EVENT_REMINDER_HOURS before it starts (cron).

    */15 * * * * cd /srv/pactesur && .venv/bin/python manage.py send_event_reminders

The reminder carries the date and time, the venue (in person, hybrid), the link to join
(online, hybrid), the `.ics` and the link to cancel. Each registration is reminded once per
start time: the reminder is recorded (`reminded_for`) in the transaction that queues it, so
running the command again, or twice at once, sends nothing more; an event moved to a new
date gets a new reminder when that date comes near. Cancelled and postponed events, and
events that have started, get none.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from events import emails
from events.models import EventStatus, Registration, RegistrationStatus


class Command(BaseCommand):
    help = "E-mail a reminder to confirmed registrants of events starting soon."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=settings.EVENT_REMINDER_HOURS,
            help="How long before the start (default: EVENT_REMINDER_HOURS, %(default)s).",
        )

    def handle(self, *args, hours, **options):
        now = timezone.now()
        due = (
            Registration.objects.filter(
                status=RegistrationStatus.CONFIRMED,
                shared_event__start__gt=now,
                shared_event__start__lte=now + datetime.timedelta(hours=hours),
            )
            .filter(Q(reminded_for=None) | ~Q(reminded_for=F("shared_event__start")))
            .select_related("shared_event", "page")
        )
        sent = 0
        for registration in due.iterator(chunk_size=200):
            page = emails.event_page_for(registration)
            if page is None or page.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
                continue
            with transaction.atomic():
                start = registration.shared_event.start
                claimed = (
                    Registration.objects.filter(pk=registration.pk)
                    .filter(Q(reminded_for=None) | ~Q(reminded_for=start))
                    .update(reminded_for=start)
                )
                if claimed:  # not reminded meanwhile by another run
                    emails.send(registration, "reminder", page=page)
                    sent += 1
        self.stdout.write(f"{sent} reminder(s) queued.")
