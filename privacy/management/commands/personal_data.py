"""Export or erase everything the site holds about one e-mail address.

manage.py personal_data export ana@example.org [--output ana.json]
manage.py personal_data erase ana@example.org [--no-input]
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from privacy import personal_data


class Command(BaseCommand):
    help = "Export (JSON) or erase a person's registrations and form submissions."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")
        parser.add_argument("--output", help="export: write the JSON to this file.")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="erase: do not ask for confirmation.",
        )

    def handle(self, *args, action, email, output=None, interactive=True, **options):
        try:
            email = personal_data.normalise(email)
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {email!r}") from error
        if action == "export":
            text = personal_data.export_json(email, via="command")
            if output:
                with open(output, "w", encoding="utf-8") as handle:
                    handle.write(text + "\n")
                self.stderr.write(f"Wrote {output}.")
            else:
                self.stdout.write(text)
            return
        data = personal_data.collect(email)
        registrations, submissions = len(data["registrations"]), len(data["form_submissions"])
        if interactive:
            answer = input(
                f"Erase {registrations} registration(s) and {submissions} form submission(s) "
                f"of {email}? This cannot be undone. Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing erased.")
        erased, deleted = personal_data.erase(email, via="command")
        self.stdout.write(
            f"Erased {erased} registration(s) and deleted {deleted} form submission(s) of {email}."
        )
