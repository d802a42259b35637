"""What every page shares."""

from functools import cache

from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .prepared import PreparedQuery
from .translated_slugs import keep_own_slug

# The OpenGraph/Twitter image of every page (core.templatetags.chrome_tags.social_meta).
SOCIAL_IMAGE = "fill-1200x630|format-jpeg"

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

    # The renditions of its own `image` that its page shows (its lead picture's sizes, the
    # social card's…), fetched together when it is served (`get_context`): else each
    # `{% srcset_image %}` and social card looks its renditions up in the cache (or the
    # database) on its own, 1.2 ms of CPU for an event page's three.
    image_renditions = ()

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.image_renditions and getattr(self, "image_id", None):
            prefetch_own_renditions(self.image, self.image_renditions)
        return context

    def get_view_restrictions(self):
        """None, without a query, when core.routing found that neither this page nor an
        ancestor is restricted (Wagtail asks for every page it serves: two queries);
        otherwise Wagtail's answer."""
        if self.__dict__.get("no_view_restrictions"):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def route(self, request, path_components):
        """Wagtail's routing, with the child found in one query instead of two (its page
        row, then its specific row) when this page type has only one type of child (a news
        item below the news index, an event below the events index), with what that type
        says its page shows first (`route_select_related`: its image, its city…). A child
        of another type (created by code) is found the Wagtail way."""
        model = _sole_child_model(type(self))
        if path_components and model is not None:
            found = _child_by_slug(model)(
                path=self.path, depth=self.depth + 1, slug=path_components[0]
            )
            child = found[0] if found else None
            if child is not None:
                child._cached_parent_obj = self  # as Wagtail does: get_parent costs none
                return child.specific.route(request, path_components[1:])
        return super().route(request, path_components)

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
def _sole_child_model(page_class):
    models = page_class.allowed_subpage_models()
    return models[0] if len(models) == 1 else None


@cache
def _child_by_slug(model):
    """The query of `route`: a child of `model` by its slug, with what its page shows first,
    built once per process (core.prepared: building it cost 3.6 of its 4.9 ms on an event
    page). As `child_of(parent).filter(slug=…)`; not ordered (a slug is unique among
    siblings, and ordering a query that joins its relations costs more than the query)."""
    return PreparedQuery(
        lambda p: (
            model._default_manager.filter(
                path__startswith=p["path"], depth=p["depth"], slug=p["slug"]
            )
            .select_related(*getattr(model, "route_select_related", ()))
            .order_by()[:1]
        ),
        path=str,
        depth=int,
        slug=str,
    )


def prefetch_own_renditions(image, specs):
    """Give `image` its renditions `specs` (those that exist), as `prefetch_renditions`
    does for a listing's images, in one query whose SQL is built once per process. Wagtail
    then finds them there; one missing is made as it would be (`get_rendition`)."""
    if hasattr(image, "prefetched_renditions"):
        return
    renditions = _renditions_of(tuple(specs))(image=image.pk)
    for rendition in renditions:
        type(rendition).image.field.set_cached_value(rendition, image)
    image.prefetched_renditions = renditions


@cache
def _renditions_of(specs):
    model = get_image_model().get_rendition_model()
    return PreparedQuery(
        lambda p: model.objects.filter(image_id=p["image"], filter_spec__in=specs), image=int
    )


@cache
def page_permission_tester_class():
    return import_string(
        getattr(settings, "PAGE_PERMISSION_TESTER", "wagtail.models.PagePermissionTester")
    )
