"""`manage.py invalidate_page_cache`: after changes made without Django's signals."""

from django.core.management.base import BaseCommand

from performance import conf, frontend_cache, generation


class Command(BaseCommand):
    help = (
        "Empty the page cache (new content generation) and purge the CDN/Varnish, e.g. after "
        "raw SQL, QuerySet.update() imports or a database restore."
    )

    def handle(self, *args, **options):
        generation.bump_now()
        if conf.frontend_cache_enabled():
            frontend_cache.purge_everything_now()
        self.stdout.write(self.style.SUCCESS("Page cache invalidated."))
