"""Realistic content at scale: `manage.py generate_load_data --news 10000 --events 2000`."""

import time

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

from demo import loaddata
from performance import frontend_cache, generation


class Command(BaseCommand):
    help = (
        "Add N news items and M events in every language, in bulk, under the demo site's "
        "news and events indexes (run load_demo_content first), then rebuild the search "
        "index and empty the page cache. Generated pages have slugs starting with 'load-'."
    )

    def add_arguments(self, parser):
        parser.add_argument("--news", type=int, default=0, help="News items to add.")
        parser.add_argument("--events", type=int, default=0, help="Events to add.")
        parser.add_argument("--seed", type=int, default=None, help="Random seed (repeatable).")
        parser.add_argument(
            "--clear", action="store_true", help="First remove the pages generated before."
        )
        parser.add_argument(
            "--no-index", action="store_true", help="Do not rebuild the search index."
        )

    def log(self, message):
        self.stdout.write(message)

    def handle(self, *args, news=0, events=0, seed=None, clear=False, no_index=False, **options):
        if news < 0 or events < 0:
            raise CommandError("--news and --events take positive numbers.")
        started = time.monotonic()
        with generation.suspended():
            if clear:
                self.log("Removing the generated pages…")
                step = time.monotonic()
                removed = loaddata.clear(log=self.log)
                self.log(f"  removed {removed} pages in {time.monotonic() - step:.2f} s")
            if news or events:
                self.log(f"Generating {news} news items and {events} events in every language…")
                try:
                    timings = loaddata.generate(news=news, events=events, seed=seed, log=self.log)
                except loaddata.LoadDataError as error:
                    raise CommandError(str(error)) from error
                self.log(f"  {timings['pages']} pages written")
        if (news or events or clear) and not no_index:
            step = time.monotonic()
            if "update_search_index" in get_commands():
                call_command("update_search_index", stdout=self.stdout)
                self.log(f"  search index rebuilt in {time.monotonic() - step:.2f} s")
            else:
                self.log("  no search index command found (update_search_index): skipped")
        # Bulk writes send no signals: empty the page cache and any CDN once, here.
        generation.bump_now()
        if frontend_cache.conf.frontend_cache_enabled():
            frontend_cache.purge_everything_now()
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s."))
