"""Delete old search statistics (daily cron): `manage.py purge_search_stats`.

The counts of what visitors searched for (Reports › Search queries) are kept
SEARCH_STATS_RETENTION_DAYS days, long enough for the report's "last 12 months"; Wagtail's
own query log (the promotions admin's popular searches) WAGTAILSEARCH_HITS_MAX_AGE days.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from search.stats import purge_query_stats


class Command(BaseCommand):
    help = "Delete search statistics older than SEARCH_STATS_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SEARCH_STATS_RETENTION_DAYS,
            help="Days of statistics to keep (default: SEARCH_STATS_RETENTION_DAYS, %(default)s).",
        )

    def handle(self, *args, days, **options):
        deleted = purge_query_stats(days)
        self.stdout.write(f"Deleted {deleted} daily search count(s) older than {days} days.")
