"""What invalidates the caches: every change a visitor could see.

- Pages: published, unpublished, moved, deleted, or saved other than by the bookkeeping of
  drafts and locks (a page saved by code, an alias kept in step by Wagtail, a translation
  published by wagtail-localize, which publishes in a `transaction.on_commit` callback).
- Everything pages show without being pages: snippets (partners, cities, and whatever is
  registered as a snippet later), images, documents, tags, locales, sites, settings, the
  search's promoted results, view restrictions (a page turning private must not stay in the
  cache), and registrations (the places left on an event page).

A page change raises the tags of what it affects (dependencies.py: the page in every
language, the listings of its type, the pages it points at), everything for a page in the
chrome, a move or a new address; a registration raises its event's tags; any other change
raises "site" (generation.py): the page cache drops the pages that depend on them. When a
CDN or Varnish is configured (WAGTAILFRONTENDCACHE), it is purged in the same scope: the
page's URLs in every language with its parents and related pages, or everything
(frontend_cache.py).

While a cacheable page renders, `post_init` of page models records the pages it loads
(dependencies.record_loaded_page).

Renditions are left out on purpose: they are created while pages render.
"""

import logging

from django.apps import apps
from django.db.models.signals import post_delete, post_init, post_save, pre_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page, TranslatableMixin, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from . import conf, dependencies, frontend_cache, generation, renditions

logger = logging.getLogger(__name__)

# Fields that saving a draft, locking or counting children updates on a page or snippet:
# they never change what visitors see.
BOOKKEEPING_FIELDS = frozenset(
    {
        "draft_title",
        "latest_revision_created_at",
        "latest_revision",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
        "file_size",
        "file_hash",
    }
)

# Models (app_label.ModelName) besides pages and snippets whose changes show on pages.
CONTENT_MODELS = (
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailcore.Locale",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "taggit.Tag",
    # The search's promoted results (search.query.promoted_queries keeps which queries have
    # any per content version).
    "wagtailsearchpromotions.SearchPromotion",
)

# Models whose rows belong to one page (`page` points at it): a change shows on that page,
# as if it changed itself (the places left of an event).
PAGE_PART_MODELS = ("events.Registration",)


def _is_bookkeeping(update_fields):
    return bool(update_fields) and BOOKKEEPING_FIELDS.issuperset(update_fields)


# ------------------------------------------------------------------------------ pages


def before_page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """Remember what the page pointed at, and its address, before the change."""
    if raw or _is_bookkeeping(update_fields):
        return
    instance._page_cache_before = dependencies.snapshot(instance)


def page_changed(page, purge=True, every_language=False):
    """Raise what a change of `page` affects, after the commit, and purge the CDN alike."""
    before = getattr(page, "_page_cache_before", None)
    tags = dependencies.page_change_tags(page, before, every_language)
    generation.bump(*tags)
    if not purge:
        return
    if generation.SITE in tags:
        frontend_cache.purge_everything()
    else:
        frontend_cache.purge_page(page, also=before["related"] if before else ())


def on_page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or _is_bookkeeping(update_fields):
        return
    page_changed(instance, purge=False)


def on_page_published(sender, instance, **kwargs):
    page_changed(instance)


def on_page_moved(sender, instance, **kwargs):
    generation.bump()  # everything: the page's and its descendants' addresses changed
    frontend_cache.purge_everything()  # the old URLs of the page and of all its descendants


def on_page_deleted(sender, instance, **kwargs):
    page_changed(instance)


# ------------------------------------------------------------------------------ the rest

_content_models = None


def content_models():
    """The non-page models whose changes show on pages (resolved once the apps are ready)."""
    global _content_models
    if _content_models is None:
        models = set()
        for label in CONTENT_MODELS:
            try:
                models.add(apps.get_model(label))
            except LookupError:
                continue

        models.update({get_image_model(), get_document_model()})
        models.update(
            model
            for model in apps.get_models()
            if issubclass(model, BaseGenericSetting | BaseSiteSetting)
            # translatable non-page models: snippets, and what wagtail-localize translates
            or (issubclass(model, TranslatableMixin) and not issubclass(model, Page))
        )
        snippets = set(get_snippet_models())
        if snippets:  # only cached once the snippets are registered
            models.update(snippets)
            _content_models = tuple(models)
        return tuple(models)
    return _content_models


def on_page_part_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # places left: shown by every translation (one shared event)
        page_changed(page, every_language=True)


def on_content_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or isinstance(instance, Page) or not isinstance(instance, content_models()):
        return
    if _is_bookkeeping(update_fields):
        return
    generation.bump()
    frontend_cache.purge_everything()
    if isinstance(instance, AbstractImage) and conf.prerender_renditions_on_save():
        renditions.prerender_image_later(instance.pk)


def on_content_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) or not isinstance(instance, content_models()):
        return
    generation.bump()
    frontend_cache.purge_everything()


def connect():
    for model in {Page, *get_page_models()}:
        post_init.connect(
            dependencies.record_loaded_page, sender=model, dispatch_uid=f"perf_page_init_{model}"
        )
        pre_save.connect(before_page_saved, sender=model, dispatch_uid=f"perf_page_pre_{model}")
        post_save.connect(on_page_saved, sender=model, dispatch_uid=f"perf_page_save_{model}")
        post_delete.connect(on_page_deleted, sender=model, dispatch_uid=f"perf_page_del_{model}")
    page_published.connect(on_page_published, dispatch_uid="perf_page_published")
    page_unpublished.connect(on_page_published, dispatch_uid="perf_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="perf_page_moved")
    # No sender: snippets are registered after the apps are ready, and a model registered as
    # a snippet later needs no change here.
    post_save.connect(on_content_saved, dispatch_uid="perf_content_saved")
    post_delete.connect(on_content_deleted, dispatch_uid="perf_content_deleted")
    for label in PAGE_PART_MODELS:
        post_save.connect(on_page_part_changed, sender=label, dispatch_uid=f"perf_part_{label}")
        post_delete.connect(on_page_part_changed, sender=label, dispatch_uid=f"perf_partd_{label}")
