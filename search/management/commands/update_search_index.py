"""Rebuild the site search index from the page tree: `manage.py update_search_index`.

Not needed in normal operation (publishing, unpublishing, moving and deleting pages keep the
index right); run it after bulk changes made without Wagtail's signals (raw SQL, imports with
`QuerySet.update()`), or after restoring a database. Wagtail's `update_index` runs it too.
"""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the site search index (live, public, non-alias pages of every locale)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale", help="Only this language (a locale's language code, e.g. 'fr')."
        )

    def handle(self, *args, locale=None, verbosity=1, **options):
        target = None
        if locale:
            target = Locale.objects.filter(language_code=locale).first()
            if target is None:
                raise CommandError(f"No locale with the language code {locale!r}.")
        count = rebuild(locale=target)
        if verbosity:
            where = f" in {target.language_code}" if target else ""
            self.stdout.write(f"Site search: indexed {count} pages{where}.")
