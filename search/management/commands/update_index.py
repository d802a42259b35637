"""Wagtail's `update_index`, which also rebuilds the site search index.

The `search` app comes before `wagtail.search` in INSTALLED_APPS, so Django runs this command
for `manage.py update_index`: Wagtail's own index first, then ours (update_search_index).
"""

from django.core.management import call_command
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex


class Command(WagtailUpdateIndex):
    def handle(self, **options):
        super().handle(**options)
        call_command(
            "update_search_index", verbosity=options.get("verbosity", 1), stdout=self.stdout
        )
