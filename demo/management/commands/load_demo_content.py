"""Build the demo site in English, French, Italian and Spanish from demo/content/."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, Site

from demo.content import DemoContentError
from demo.indexing import indexed_once
from demo.loader import DemoLoader
from demo.values import demo_uuid


class Command(BaseCommand):
    help = (
        "Make what is missing of the demo site (projects, partners, cities, news, events, "
        "standard pages, in English translated into French, Italian and Spanish through "
        "wagtail-localize) from demo/content/. Objects that people changed in the admin are "
        "left as they are; the others follow the content files. Safe to run again."
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
        refuse_a_site_the_demo_did_not_make()
        loader = DemoLoader(today=today, with_images=not no_images)
        try:
            with transaction.atomic(), indexed_once():
                stats = loader.load()
        except DemoContentError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(summary(stats)))
        for code, strings in sorted(loader.missing_translations.items()):
            shown = "; ".join(repr(text) for text in sorted(strings)[:3])
            self.stdout.write(
                self.style.WARNING(
                    f"  {len(strings)} string(s) have no translation in "
                    f"demo/content/{code}.po (English shown instead): {shown}"
                )
            )


def refuse_a_site_the_demo_did_not_make():
    """The command is offered wherever the demo app is installed, production settings run
    from manage.py included (benchmarks, staging): it must never add the demo to a real site.
    It goes ahead on a new database (Wagtail's welcome page) and on the demo it made."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return
    root = site.root_page
    is_welcome_page = root.content_type_id == ContentType.objects.get_for_model(Page).id
    if is_welcome_page or root.translation_key == demo_uuid("page:home"):
        return
    raise CommandError(
        f"The default site's home page ({root.title!r}) was not made by the demo loader: "
        "this database holds a real site, so no demo content is added to it."
    )


def summary(stats):
    """The one line that says what the load did."""
    changed = stats["changed by people"]
    return (
        f"demo content: {stats['added']} added, {stats['updated']} updated, "
        f"{stats['up to date']} up to date, {changed} changed by people left as they are; "
        f"translations: {stats['translations added']} added, "
        f"{stats['translations updated']} updated; "
        f"{stats['images added']} images and {stats['registrations added']} registrations added."
    )
