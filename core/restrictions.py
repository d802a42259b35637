"""A page and its translations and aliases share one privacy setting.

Wagtail's view restrictions (Privacy: password, login, groups) belong to one page. On this
site a page exists once per language (translations, and aliases standing in for pages not
translated yet), so restricting the English page left the French, Italian and Spanish ones
public: in the page, the sitemap, the API, the search, the feeds and the calendars. Wagtail
copies restrictions only when it creates a copy or an alias.

Here, whenever a page's restrictions change (a restriction saved, its groups changed, or
deleted), every counterpart of the page (same translation key, and aliases of any of them,
in any language) is given the same restrictions, in the same transaction: restricting a page
restricts the same subtree in every language, and lifting it lifts it everywhere. Each copy
is saved like an editor's change, so it shows in the page's history and the signals of the
other apps (search index, page cache) see it. Deleting a page does not lift the restrictions
of its translations.

In the admin, the Privacy dialog says that its setting applies in every language, and only a
user who may set the privacy of every one of those pages may change it: a translator cannot
lift the English page's restriction from the French copy (core/privacy_view.py, routed before
Wagtail's own in config/urls.py).
"""

import threading

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction

_state = threading.local()


def _flag(name):
    return getattr(_state, name, None)


def counterparts(page_id):
    """The ids of the pages that are the same page as `page_id` in any language: its
    translations, the aliases of any of them and the pages they are aliases of."""
    ids, keys, done = {page_id}, set(), False
    while not done:
        rows = Page.objects.filter(
            Q(pk__in=ids) | Q(translation_key__in=keys) | Q(alias_of_id__in=ids)
        ).values_list("pk", "translation_key", "alias_of_id")
        found_ids = {pk for pk, _key, _alias in rows} | {a for _pk, _key, a in rows if a}
        found_keys = {key for _pk, key, _alias in rows}
        done = found_ids <= ids and found_keys <= keys
        ids |= found_ids
        keys |= found_keys
    return ids


def _signature(restrictions):
    return sorted(
        (r.restriction_type, r.password, tuple(sorted(g.pk for g in r.groups.all())))
        for r in restrictions
    )


def share_restrictions(page_id):
    """Give every counterpart of `page_id` the restrictions `page_id` has now."""
    if _flag("sharing"):
        return  # the copies made below
    _state.sharing = True
    try:
        source = list(
            PageViewRestriction.objects.filter(page_id=page_id).prefetch_related("groups")
        )
        wanted = _signature(source)
        others = counterparts(page_id) - {page_id}
        current = PageViewRestriction.objects.filter(page_id__in=others).prefetch_related("groups")
        by_page = {other: [] for other in others}
        for restriction in current:
            by_page[restriction.page_id].append(restriction)
        for other, restrictions in by_page.items():
            if _signature(restrictions) == wanted:
                continue
            for restriction in restrictions:
                restriction.delete()
            for restriction in source:
                copy = PageViewRestriction(
                    page_id=other,
                    restriction_type=restriction.restriction_type,
                    password=restriction.password,
                )
                copy.save()
                copy.groups.set(restriction.groups.all())
    finally:
        _state.sharing = False


def share_existing_restrictions(**kwargs):
    """After `migrate`: pages restricted before this rule existed share their restrictions
    with their translations (a restricted page never becomes public by it; where two
    languages disagree, the page first in the tree decides)."""
    restricted = PageViewRestriction.objects.order_by("page__path").values_list(
        "page_id", flat=True
    )
    done = set()
    for page_id in dict.fromkeys(restricted):
        if page_id not in done:
            share_restrictions(page_id)
            done |= counterparts(page_id)


def on_restriction_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        share_restrictions(instance.page_id)


def on_restriction_groups_changed(sender, instance, action, reverse=False, **kwargs):
    if action.startswith("post_") and not reverse:
        share_restrictions(instance.page_id)


def on_restriction_deleted(sender, instance, **kwargs):
    if instance.page_id not in (_flag("deleting_pages") or ()):
        share_restrictions(instance.page_id)


def on_page_deleting(sender, instance, **kwargs):
    """Pages being deleted (their restrictions go with them): not a lifting."""
    if isinstance(instance, Page):
        if _flag("deleting_pages") is None:
            _state.deleting_pages = set()
        _state.deleting_pages.add(instance.pk)


def on_page_deleted(sender, instance, **kwargs):
    # The wagtailcore_page row goes last (its restrictions and its type's own row before it).
    if sender is Page and _flag("deleting_pages"):
        _state.deleting_pages.discard(instance.pk)


def connect():
    post_save.connect(on_restriction_saved, sender=PageViewRestriction, dispatch_uid="share_pvr")
    post_delete.connect(
        on_restriction_deleted, sender=PageViewRestriction, dispatch_uid="share_pvr_delete"
    )
    m2m_changed.connect(
        on_restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="share_pvr_groups",
    )
    pre_delete.connect(on_page_deleting, dispatch_uid="share_pvr_page_deleting")
    post_delete.connect(on_page_deleted, dispatch_uid="share_pvr_page_deleted")
