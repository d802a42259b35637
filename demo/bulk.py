"""Writing generated pages in bulk, and removing them (demo.loaddata builds them).

Nothing goes through Page.save(), revisions or publishing: pages are written in bulk.

- Tree: each new page gets the materialised path after the parent's last child (treebeard's
  steps, 4 characters of 0-9A-Z), the depth below its parent, `numchild` 0; each parent's
  `numchild` is raised once at the end.
- Multi-table inheritance: Django cannot bulk_create a child model, so the `wagtailcore_page`
  rows are bulk-created (their ids come back on SQLite >= 3.35 and PostgreSQL), then the
  `news_newspage` / `events_eventpage` rows are inserted with `executemany`, each value
  prepared by its field (`get_db_prep_save`), which works the same on both databases.
- Events get their SharedEvent row (calendar identity, places), as EventPage.save makes it.
- wagtail-localize: a TranslatableObject, a TranslationSource of the English page and a
  Translation per other language, as if the pages had been translated through it.

Generated pages have slugs starting with `load-` (`clear()` removes them).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models import F
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.models import IndexEntry
from wagtail_localize.models import (
    TranslatableObject,
    Translation,
    TranslationSource,
    get_schema_version,
)

from events.models import (
    EventPage,
    SharedEvent,
)
from news.models import NewsPage, NewsPageTag

SLUG_PREFIX = "load-"
BATCH_SIZE = 1000


class LoadDataError(Exception):
    pass


def _chunks(items, size=BATCH_SIZE):
    for start in range(0, len(items), size):
        yield items[start : start + size]


# ------------------------------------------------------------------------------ writing


def allocate_paths(items, parents):
    """Give each page the path after its parent's last child, in order."""
    for code, parent in parents.items():
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        for translations in items:
            page = translations.get(code)
            if page is not None:
                page.path = Page._get_path(parent.path, parent.depth + 1, step)
                step += 1


def insert_rows(model, objects):
    """INSERT the model's own columns (not its parents') for `objects`, in batches."""
    fields = list(model._meta.local_concrete_fields)
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    with connection.cursor() as cursor:
        for chunk in _chunks(objects):
            cursor.executemany(
                sql,
                [
                    [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
                    for obj in chunk
                ],
            )


def insert_pages(model, pages):
    """Page rows by bulk_create, then the specific rows of `model` sharing their ids."""
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    content_type = ContentType.objects.get_for_model(model)
    rows = []
    for page in pages:
        page.content_type = content_type
        rows.append(Page(**{f.attname: getattr(page, f.attname) for f in page_fields}))
    Page.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    for page, row in zip(pages, rows, strict=True):
        if row.pk is None:
            raise LoadDataError("The database did not return the ids of the new pages.")
        page.id = page.page_ptr_id = row.pk
        page._state.adding = False
    insert_rows(model, pages)


def insert_news_relations(pages):
    cities = NewsPage.cities.through
    related = NewsPage.related_events.through
    cities.objects.bulk_create(
        [cities(newspage_id=p.pk, city_id=c.pk) for p in pages for c in p._load_cities],
        batch_size=BATCH_SIZE,
    )
    related.objects.bulk_create(
        [
            related(newspage_id=p.pk, eventpage_id=e.pk)
            for p in pages
            for e in p._load_related_events
        ],
        batch_size=BATCH_SIZE,
    )
    NewsPageTag.objects.bulk_create(
        [NewsPageTag(content_object_id=p.pk, tag_id=t.pk) for p in pages for t in p._load_tags],
        batch_size=BATCH_SIZE,
    )


def insert_shared_events(sources):
    SharedEvent.objects.bulk_create(
        [
            SharedEvent(
                translation_key=page.translation_key,
                title=page.title[:255],
                start=page.start,
                end=page.end,
                # What events/models/shared.py _record_shared_event keeps as the reference
                # that later publishes are compared with (events/changes.py).
                published_state={
                    "shared": page.published_facts(),
                    "texts": {str(page.locale_id): page.published_texts()},
                },
            )
            for page in sources
        ],
        batch_size=BATCH_SIZE,
    )


def _source_json(page):
    """The page as wagtail-localize stores it in a TranslationSource (`to_json()`), from the
    relations held in memory, so that it costs no query."""
    page.wagtail_admin_comments = []
    if isinstance(page, NewsPage):
        page.cities = page._load_cities
        page.related_events = page._load_related_events
        page.tagged_items = [NewsPageTag(tag=tag) for tag in page._load_tags]
    return page.to_json()


def insert_translation_records(model, items, ctx, now):
    """What wagtail-localize keeps for each translated object: the TranslatableObject, the
    English TranslationSource and a Translation for each other language."""
    page_type = ContentType.objects.get_for_model(Page)
    specific_type = ContentType.objects.get_for_model(model)
    schema = get_schema_version(model._meta.app_label)
    source_code = ctx.source_locale.language_code
    sources_pages = [item[source_code] for item in items if source_code in item]
    TranslatableObject.objects.bulk_create(
        [
            TranslatableObject(translation_key=p.translation_key, content_type=page_type)
            for p in sources_pages
        ],
        batch_size=BATCH_SIZE,
    )
    sources = [
        TranslationSource(
            object_id=page.translation_key,
            specific_content_type=specific_type,
            locale=ctx.source_locale,
            object_repr=str(page)[:200],
            content_json=_source_json(page),
            schema_version=schema,
            last_updated_at=now,
        )
        for page in sources_pages
    ]
    TranslationSource.objects.bulk_create(sources, batch_size=BATCH_SIZE)
    targets = [locale for code, locale in ctx.locales.items() if code != source_code]
    Translation.objects.bulk_create(
        [
            Translation(
                source=source,
                target_locale=locale,
                enabled=True,
                translations_last_updated_at=now,
                destination_last_updated_at=now,
            )
            for source, item in zip(sources, items, strict=True)
            for locale in targets
            if locale.language_code in item
        ],
        batch_size=BATCH_SIZE,
    )


def raise_numchild(parents, items):
    for code, parent in parents.items():
        added = sum(1 for item in items if code in item)
        if added:
            Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + added)


def generated_pages():
    return Page.objects.filter(slug__startswith=SLUG_PREFIX, depth__gt=3)


def clear(log=print):
    """Remove every generated page (slug `load-…`) with what belongs to it.

    Generated pages are leaves that nothing but the load data points to, so they are
    deleted in bulk, without the per-page signals and tree bookkeeping of Page.delete()
    (which take about 10 ms a page): the rows pointing to them first (cascaded, nulled or
    generic relations), then their specific rows, then the page rows, then each parent's
    `numchild` is recounted. The database's foreign keys check the result at the commit.
    """
    pages = generated_pages()
    keys = list(pages.values_list("translation_key", flat=True).distinct())
    ids = list(pages.values_list("pk", flat=True))
    parent_paths = set(pages.values_list("path", flat=True).distinct())
    parent_paths = {path[: -Page.steplen] for path in parent_paths}
    other_types = pages.exclude(
        content_type__in=[ContentType.objects.get_for_model(m) for m in (NewsPage, EventPage)]
    )
    if other_types.exists() or pages.filter(numchild__gt=0).exists():
        raise LoadDataError("Pages with a 'load-' slug that the generator did not make exist.")
    with transaction.atomic():
        for chunk in _chunks(keys):
            TranslatableObject.objects.filter(translation_key__in=chunk).delete()
            SharedEvent.objects.filter(translation_key__in=chunk).delete()
        for chunk in _chunks(ids, 500):
            _delete_leaf_pages(chunk)
        for parent in Page.objects.filter(path__in=parent_paths):
            Page.objects.filter(pk=parent.pk).update(numchild=Page.objects.child_of(parent).count())
    return len(ids)


def _delete_leaf_pages(ids):

    object_ids = [str(pk) for pk in ids]
    Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=object_ids
    ).delete()
    ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=object_ids
    )._raw_delete(connection.alias)
    IndexEntry.objects.filter(
        content_type__in=ContentType.objects.get_for_models(NewsPage, EventPage, Page).values(),
        object_id__in=object_ids,
    )._raw_delete(connection.alias)
    PageLogEntry.objects.filter(page_id__in=ids)._raw_delete(connection.alias)
    for model in (NewsPage, EventPage, Page):
        for m2m in model._meta.local_many_to_many:  # rows of the model's own M2M fields
            if not hasattr(m2m, "m2m_field_name"):
                continue  # tags: their through model is a reverse relation, handled below
            m2m.remote_field.through._base_manager.filter(
                **{f"{m2m.m2m_field_name()}__in": ids}
            )._raw_delete(connection.alias)
        for relation in model._meta.related_objects:
            if getattr(relation, "parent_link", False):
                continue
            if relation.many_to_many:
                through = relation.through
                column = next(
                    f.name
                    for f in through._meta.fields
                    if f.is_relation and f.related_model is model
                )
                through._base_manager.filter(**{f"{column}__in": ids})._raw_delete(connection.alias)
                continue
            rows = relation.related_model._base_manager.filter(
                **{f"{relation.field.name}__in": ids}
            )
            if relation.on_delete is models.CASCADE:
                rows._raw_delete(connection.alias)
            elif relation.on_delete is models.SET_NULL:
                rows.update(**{relation.field.name: None})
            elif relation.on_delete is not models.DO_NOTHING and rows.exists():
                raise LoadDataError(f"{relation.related_model.__name__} rows protect them.")
    for model in (NewsPage, EventPage, Page):
        model._base_manager.filter(pk__in=ids)._raw_delete(connection.alias)
