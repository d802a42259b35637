"""Keep the search index right without a manual rebuild.

The page row holds a page's published content (drafts live in revisions), so the index is
brought in line with the row whenever it changes:

- post_save of any page model: covers publishing (also when wagtail-localize publishes a
  translation in a transaction.on_commit callback), unpublishing, aliases being converted
  into translations, copies, and pages created in code; saves that only touch revision
  bookkeeping (a draft being saved) are skipped;
- page_published is NOT listened to: Wagtail sends it right after the full save that
  publishing makes (PublishRevisionAction, update_aliases, copies), which post_save has
  indexed already; listening to both wrote every published page's entry twice;
- page_unpublished: also sent without a save (`unpublish(commit=False)` before a page is
  deleted); removing an entry is one DELETE;
- post_page_move: the page and its descendants (their privacy may have changed);
- post_delete: the entry goes (the foreign key cascades too);
- PageViewRestriction saved or deleted: the restricted page and its descendants.

The handlers run in the transaction of the change, so a rolled back change leaves the index
as it was.
"""

import logging

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_unpublished, post_page_move

from . import indexing

logger = logging.getLogger(__name__)

# Fields that Page.save_revision() and locking update: they never change what is indexed.
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
    }
)


def on_page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields and BOOKKEEPING_FIELDS.issuperset(update_fields):
        return
    if update_fields is None and (not instance.live or instance.alias_of_id):
        indexing.remove_page(instance.pk)  # a draft or an alias: the quick way out
    else:
        indexing.index_page(instance)  # reads the row: update_fields may have left it different


def on_page_unpublished(sender, instance, **kwargs):
    indexing.remove_page(instance.pk)


def on_page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    indexing.index_subtree(instance)


def on_page_deleted(sender, instance, **kwargs):
    indexing.remove_page(instance.pk)


def on_view_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        indexing.index_subtree(page)


def connect():
    for model in {Page, *get_page_models()}:
        post_save.connect(on_page_saved, sender=model, dispatch_uid=f"search_save_{model}")
        post_delete.connect(on_page_deleted, sender=model, dispatch_uid=f"search_del_{model}")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search_page_moved")
    post_save.connect(
        on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_pvr_save"
    )
    post_delete.connect(
        on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_pvr_del"
    )
