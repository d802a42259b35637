"""Send the e-mails waiting in the outbox (see outbox/worker.py).

Run it as a service (it loops, a pass every --interval seconds while the queue is empty):

    ExecStart=/srv/pactesur/.venv/bin/python manage.py mail_worker

or from cron, one pass per run:

    * * * * * cd /srv/pactesur && .venv/bin/python manage.py mail_worker --once

SIGTERM or Ctrl+C stop it after the message being sent.
"""

import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from outbox.worker import run_pass


class Command(BaseCommand):
    help = "Send the queued e-mails, retry the deferred ones; loop, or --once."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One pass, then exit (cron).")
        parser.add_argument(
            "--interval",
            type=float,
            default=float(getattr(settings, "MAIL_WORKER_INTERVAL", 5)),
            help="Seconds between passes (default: MAIL_WORKER_INTERVAL, %(default)s).",
        )

    def handle(self, *args, once, interval, **options):
        self.stopping = False
        if not once:
            signal.signal(signal.SIGTERM, self.stop)
            signal.signal(signal.SIGINT, self.stop)
            self.stdout.write(f"Mail worker: a pass every {interval:g} s; Ctrl+C to stop.")
        while True:
            # Between passes, as Django does between requests (a database restarted while the
            # worker slept is reconnected); never inside a transaction the caller opened
            # (call_command within atomic(), as the tests do), which closing would break.
            if not connection.in_atomic_block:
                close_old_connections()
            counts = run_pass()
            if once or counts["sent"] or counts["failed"] or options["verbosity"] > 1:
                self.stdout.write(
                    "{sent} sent, {failed} failed, {retried} retried, {queued} queued, "
                    "{deferred} deferred".format(**counts)
                )
            if once or self.stopping:
                return
            slept = 0.0
            while slept < interval and not self.stopping:
                time.sleep(min(0.5, interval))
                slept += 0.5

    def stop(self, signum, frame):
        self.stopping = True
