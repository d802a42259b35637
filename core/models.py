"""What every page shares."""

from functools import cache

from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .translated_slugs import keep_own_slug

# The Page fields every page type translates or keeps in step across languages.
# Slugs are synchronised (a translator may override them); a translation saved by a person
# gets a slug of its translated title and keeps it (core.translated_slugs).
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    SynchronizedField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


class BasePage(Page):
    """Abstract base for the site's pages: a social sharing image and the shared fields.

    Social networks and partner sites show the image and description when a page
    is shared; a page without its own image falls back to the site default.
    """

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks. Optional."),
    )

    promote_panels = Page.promote_panels + [FieldPanel("social_image")]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [SynchronizedField("social_image")]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        keep_own_slug(self)
        return super().save(*args, **kwargs)

    def permissions_for_user(self, user):
        """What `user` may do with this page, as told by the PAGE_PERMISSION_TESTER class
        (the editorial roles narrow Wagtail's: see editorial.permissions). Every admin view,
        button and menu asks this, so what is refused is never offered."""
        return page_permission_tester_class()(user, self)

    def get_listing_image(self):
        """The image to show for this page in listings and social cards."""
        return getattr(self, "image", None) or self.social_image

    def cache_dependencies(self):
        """The listings this page shows, as tags of core.cache_dependencies: a cached copy
        of it is dropped when one of them changes. Itself and every page it loads (a
        related project, a linked page) need not be named. The default, "pages" (any
        page change), is right for a page type that lists pages without saying which;
        page types that list nothing, or say what they list, override it."""
        return ["pages"]


@cache
def page_permission_tester_class():
    return import_string(
        getattr(settings, "PAGE_PERMISSION_TESTER", "wagtail.models.PagePermissionTester")
    )
