"""Send again the registration e-mails that could not be delivered (SMTP server down…).

Run it from cron every few minutes, e.g.
`*/10 * * * * cd /srv/pactesur && .venv/bin/python manage.py send_pending_emails`.
An e-mail is tried at most --max-attempts times (then staff see it in the Registrations
list, filter "E-mail not sent"); one that no longer makes sense (the registration was
cancelled, or its personal data erased) is dropped.
"""

from django.core.management.base import BaseCommand

from events import emails
from events.models import Registration, RegistrationStatus

# E-mails announcing a place are pointless once the registration is cancelled.
OBSOLETE_WHEN_CANCELLED = {"confirmed", "waiting_list", "promoted"}


class Command(BaseCommand):
    help = "Retry the registration e-mails that could not be sent."

    def add_arguments(self, parser):
        parser.add_argument("--max-attempts", type=int, default=10)

    def handle(self, *args, max_attempts, **options):
        pending = Registration.objects.exclude(email_pending="").filter(
            email_attempts__lt=max_attempts
        )
        sent = failed = dropped = 0
        for registration in pending.order_by("pk"):
            kind = registration.email_pending
            obsolete = (
                registration.purged_at is not None
                or not registration.email
                or kind not in emails.KINDS
                or (
                    registration.status == RegistrationStatus.CANCELLED
                    and kind in OBSOLETE_WHEN_CANCELLED
                )
                or (registration.status == RegistrationStatus.CONFIRMED and kind == "waiting_list")
            )
            if obsolete:
                Registration.objects.filter(pk=registration.pk, email_pending=kind).update(
                    email_pending="", email_last_error=""
                )
                dropped += 1
            elif emails.deliver(registration, kind):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"{sent} sent, {failed} failed, {dropped} no longer needed")
        if failed:
            self.stderr.write("Some e-mails could not be sent; they will be retried.")
