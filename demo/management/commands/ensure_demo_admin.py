"""Create the local demo administrator used by `make run`, once; never in production."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the demo superuser (DEMO_ADMIN_USER / DEMO_ADMIN_PASSWORD) if it is missing."

    def handle(self, *args, **options):
        if not getattr(settings, "LOCAL_DEMO", False):
            raise CommandError(
                "The demo administrator is for the local demo only (config.settings.dev)."
            )
        username = os.environ.get("DEMO_ADMIN_USER", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "pactesur-demo")
        User = get_user_model()  # noqa: N806
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Demo administrator “{username}” already exists.")
            return
        User.objects.create_superuser(username, f"{username}@example.org", password)
        self.stdout.write(f"Created demo administrator “{username}” (password: {password}).")
