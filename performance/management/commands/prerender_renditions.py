"""`manage.py prerender_renditions`: create the image renditions the templates use."""

import time

from django.core.management.base import BaseCommand

from performance.renditions import RENDITION_SPECS, prerender


class Command(BaseCommand):
    help = (
        "Create, for every image, the renditions that the templates ask for (listed in "
        "performance/renditions.py) and that do not exist yet."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        count = prerender(log=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"{count} images have their {len(RENDITION_SPECS)} renditions "
                f"({time.monotonic() - started:.1f} s)."
            )
        )
