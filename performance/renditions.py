"""Image renditions made ahead of time, so that no visitor waits for one to be generated.

RENDITION_SPECS lists the filter specs that the templates and tags ask for
(`{% image %}`, `{% srcset_image %}`, `get_rendition`); tests/performance checks that the
templates ask for nothing else. When an image is uploaded or its file changes, its
renditions are made after the commit (signal in signals.py); `manage.py
prerender_renditions` makes those that are missing for every image (after an import, a
restore or a change of this list).
"""

import logging

from django.db import transaction
from wagtail.images import get_image_model

logger = logging.getLogger(__name__)

RENDITION_SPECS = {
    "fill-640x360": "news cards: home page, news index, project page",
    "width-480": "lead image and image blocks (srcset)",
    "width-800": "lead image and image blocks (srcset)",
    "width-1200": "lead image and image blocks (srcset)",
    "fill-960x640": "home page hero",
    "max-320x160": "project cards on the project index",
    "max-320x200": "project page logo",
    "max-240x96": "partner logos on the home page and partner previews",
    "height-56": "partner logos in the footer",
    "fill-1200x630|format-jpeg": "OpenGraph/Twitter image (chrome_tags.social_meta)",
    "fill-1200x630": "schema.org Event image (events.structured_data)",
}


def prerender(images=None, specs=None, log=None):
    """Create the missing renditions of `images` (default: all) for `specs` (default: all
    of RENDITION_SPECS); returns the number of images processed without error."""
    specs = list(specs or RENDITION_SPECS)
    if images is None:
        images = get_image_model().objects.prefetch_renditions(*specs).order_by("pk")
    done = 0
    for image in images:
        try:
            image.get_renditions(*specs)
        except Exception as error:  # noqa: BLE001 - a broken file must not stop the others
            logger.warning("No renditions for image %s (%s): %s", image.pk, image, error)
            if log:
                log(f"  image {image.pk} skipped: {error}")
            continue
        done += 1
    return done


def prerender_image_later(image_pk):
    """After the commit, make the renditions of one image (uploads, replaced files)."""

    def run():
        image = get_image_model().objects.filter(pk=image_pk).first()
        if image is not None:
            prerender([image])

    transaction.on_commit(run, robust=True)
