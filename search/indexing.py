"""What goes into the search index, and keeping it right.

A page is indexed when it is live, public (no view restriction on it or an ancestor), not
the root and not an alias. Aliases are NOT indexed: wagtail-localize fills the trees of the
other languages with aliases of untranslated pages, which show the source language's text;
indexing them would put English text into the French results. A page enters the French
index when its French translation is published (the alias is converted into a real page).

The entry holds the page's title, its searchable text (the fields the page type declares in
`search_fields`, StreamField text walked block by block, and the search description), its
type (news / event / project / page) and its date (the news date, the event's start date in
the event's time zone, the project's start date, otherwise the first publication date).
"""

import logging
import unicodedata

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils import timezone
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .backends import get_backend
from .models import Kind, SearchEntry

logger = logging.getLogger(__name__)

KIND_BY_MODEL = {
    "news.newspage": Kind.NEWS,
    "events.eventpage": Kind.EVENT,
    "projects.projectpage": Kind.PROJECT,
}
# Fields worth searching that a page type may not list in its search_fields.
EXTRA_TEXT_FIELDS = ("summary", "intro", "hero_title", "hero_text", "pillars", "body")
MAX_BODY_LENGTH = 200_000
CHUNK_SIZE = 500


def clean_text(text):
    """NFC, no NUL (PostgreSQL refuses it), whitespace collapsed."""
    text = unicodedata.normalize("NFC", str(text)).replace("\x00", " ")
    return " ".join(text.split())


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _flatten(item)]
    return [str(value)]


def block_text(block, value):
    """The text of a StreamField value, block by block, leaving out choices (e.g. a
    heading's level) and chooser blocks that have no text of their own."""
    if value is None:
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in block_text(child.block, child.value)]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            if not isinstance(child, blocks.ChoiceBlock)
            for text in block_text(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in block_text(block.child_block, item)]
    if isinstance(block, blocks.ChoiceBlock):
        return []
    return _flatten(block.get_searchable_content(value))


def page_text(page):
    """The searchable text of a specific page, title excluded."""
    names = [
        field.field_name
        for field in page.search_fields
        if isinstance(field, index.SearchField) and field.field_name != "title"
    ]
    names += [name for name in EXTRA_TEXT_FIELDS if name not in names and hasattr(page, name)]
    parts = []
    for name in dict.fromkeys(names):
        try:
            model_field = page._meta.get_field(name)
        except FieldDoesNotExist:  # a method or a property
            model_field = None
        if isinstance(model_field, StreamField):
            parts += block_text(model_field.stream_block, getattr(page, name))
        else:
            parts += _flatten(index.SearchField(name).get_value(page))
    parts.append(page.search_description or "")
    texts = []
    for part in parts:
        part = clean_text(part)
        if part and part not in texts:
            texts.append(part)
    return " ".join(texts)[:MAX_BODY_LENGTH]


def page_kind(page):
    return KIND_BY_MODEL.get(page._meta.label_lower, Kind.PAGE)


def page_date(page, kind):
    date = None
    if kind == Kind.NEWS:
        date = page.date
    elif kind == Kind.EVENT and page.start:
        date = page.local_start.date()
    elif kind == Kind.PROJECT:
        date = page.start_date
    if date is None and page.first_published_at:
        date = timezone.localdate(page.first_published_at)
    return date


def entry_fields(page):
    kind = page_kind(page)
    date = page_date(page, kind)
    return {
        "locale_id": page.locale_id,
        "kind": kind,
        "title": clean_text(page.title)[:255],
        "body": page_text(page),
        "date": date,
        "year": date.year if date else None,
    }


def _restricted_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _is_private(path, restricted_paths):
    return any(path.startswith(restricted) for restricted in restricted_paths)


def indexable_pages():
    return Page.objects.filter(depth__gt=1, live=True, alias_of__isnull=True)


@transaction.atomic
def index_pages(pages):
    """Bring the entries of these pages (a Page queryset or instances, generic or specific)
    in line with the database: index the indexable ones, remove the others."""
    ids = (
        list(pages.values_list("pk", flat=True))
        if hasattr(pages, "values_list")
        else [page.pk for page in pages]
    )
    if not ids:
        return 0
    backend = get_backend()
    restricted = _restricted_paths()
    existing = dict(SearchEntry.objects.filter(page_id__in=ids).values_list("page_id", "pk"))
    written, indexed_ids = {}, set()
    for start in range(0, len(ids), CHUNK_SIZE):
        chunk = indexable_pages().filter(pk__in=ids[start : start + CHUNK_SIZE])
        for page in chunk.specific().select_related("locale").iterator(chunk_size=CHUNK_SIZE):
            if _is_private(page.path, restricted):
                continue
            entry = SearchEntry(page_id=page.pk, pk=existing.get(page.pk), **entry_fields(page))
            entry.locale = page.locale
            backend.prepare(entry)
            entry.save(force_insert=entry.pk is None)
            written.setdefault(entry.locale_id, []).append(entry.pk)
            indexed_ids.add(page.pk)
    stale = [page_id for page_id in existing if page_id not in indexed_ids]
    if stale:
        SearchEntry.objects.filter(page_id__in=stale).delete()
    if written:
        backend.entries_written(written)
    return len(indexed_ids)


def index_page(page):
    return index_pages([page])


def index_subtree(page):
    """A page and all its descendants (after a move or a change of privacy)."""
    return index_pages(Page.objects.descendant_of(page, inclusive=True))


def remove_page(page_id):
    SearchEntry.objects.filter(page_id=page_id).delete()


@transaction.atomic
def rebuild(locale=None, stdout=None):
    """Rebuild the index from scratch (for one locale or all): `manage.py update_search_index`."""
    backend = get_backend()
    entries = SearchEntry.objects.all()
    pages = indexable_pages()
    if locale is not None:
        entries = entries.filter(locale=locale)
        pages = pages.filter(locale=locale)
    entries.delete()
    restricted = _restricted_paths()
    batch, count = [], 0
    for page in pages.specific().select_related("locale").iterator(chunk_size=CHUNK_SIZE):
        if _is_private(page.path, restricted):
            continue
        entry = SearchEntry(page_id=page.pk, **entry_fields(page))
        entry.locale = page.locale
        backend.prepare(entry)
        batch.append(entry)
        if len(batch) >= CHUNK_SIZE:
            SearchEntry.objects.bulk_create(batch)
            count += len(batch)
            batch = []
    if batch:
        SearchEntry.objects.bulk_create(batch)
        count += len(batch)
    backend.entries_written(None if locale is None else {locale.pk: list(_ids(locale))})
    if stdout:
        stdout.write(f"Indexed {count} pages.")
    return count


def _ids(locale):
    return SearchEntry.objects.filter(locale=locale).values_list("pk", flat=True)
