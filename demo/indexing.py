"""Index each object once at the end of the demo load, instead of at every save.

Building the demo saves most objects several times (the page, its revision, publishing,
each translation in turn), and every save asks for the same work again: Wagtail's
reference index, the search backend's index and a page-cache generation change. Inside
``indexed_once()`` those signals are held back (with Wagtail's own
``disable_reference_index_auto_update`` and the page cache's ``generation.suspended``),
the saved objects are remembered, and each is indexed once from its final state when the
block ends. The result is the same as with the signals; the load costs far less.
"""

import contextlib
from collections import defaultdict

from django.db import transaction
from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler as search_on_save
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from performance import generation


def _search_models():
    return [
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]


@contextlib.contextmanager
def indexed_once():
    saved = defaultdict(set)  # model -> primary keys

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[type(instance)].add(instance.pk)

    search_models = _search_models()
    for model in search_models:
        post_save.disconnect(search_on_save, sender=model)
    post_save.connect(remember, weak=False, dispatch_uid="demo-indexed-once")
    try:
        with disable_reference_index_auto_update(), generation.suspended():
            yield
    finally:
        post_save.disconnect(dispatch_uid="demo-indexed-once")
        for model in search_models:
            post_save.connect(search_on_save, sender=model)
    search_models = set(search_models)
    for model, pks in saved.items():
        in_references = ReferenceIndex.is_indexed(model)
        in_search = model in search_models
        if not (in_references or in_search):
            continue
        for instance in model._default_manager.filter(pk__in=pks):
            if in_references:
                ReferenceIndex.create_or_update_for_object(instance)
            if in_search:
                search_index.insert_or_update_object(instance)
    transaction.on_commit(generation.bump_now, robust=True)
