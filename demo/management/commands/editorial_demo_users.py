"""One demo user per editorial role, for the local demo (`make run`)."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from editorial.models import TranslatorGroup
from editorial.roles import EDITORS, MODERATORS, language_name, sync_editorial_roles


def demo_accounts():
    """(username, group, description) of every demo user."""
    accounts = [
        ("editor", EDITORS, "Editor: creates and publishes in every language"),
        ("moderator", MODERATORS, "Moderator: reviews news and events"),
    ]
    for translator_group in TranslatorGroup.objects.select_related("group", "locale").order_by(
        "locale__language_code"
    ):
        code = translator_group.locale.language_code
        accounts.append(
            (
                f"translator-{code}",
                translator_group.group.name,
                f"Translator into {language_name(code)}",
            )
        )
    return accounts


class Command(BaseCommand):
    help = (
        "Create the demo users editor, moderator and translator-<language> (local demo "
        "only). Password: DEMO_USER_PASSWORD if set (applied on every run), otherwise one "
        "generated per new user and printed once. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run outside the local demo settings (never do this in production).",
        )

    def handle(self, *args, force=False, **options):
        if not (getattr(settings, "LOCAL_DEMO", False) or force):
            raise CommandError("The demo users are for the local demo only (config.settings.dev).")
        sync_editorial_roles()
        shared_password = os.environ.get("DEMO_USER_PASSWORD") or None
        User = get_user_model()  # noqa: N806
        for username, group_name, description in demo_accounts():
            group, _ = Group.objects.get_or_create(name=group_name)
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@example.org",
                    "first_name": description.split(":")[0],
                    "last_name": "(demo)",
                },
            )
            user.groups.add(group)
            if shared_password:
                if created or not user.check_password(shared_password):
                    user.set_password(shared_password)
                    user.save(update_fields=["password"])
                self.stdout.write(f"{username:16} {description} (password from DEMO_USER_PASSWORD)")
            elif created:
                password = secrets.token_urlsafe(12)
                user.set_password(password)
                user.save(update_fields=["password"])
                self.stdout.write(f"{username:16} {description}; password: {password}")
            else:
                self.stdout.write(f"{username:16} {description} (exists; password unchanged)")
