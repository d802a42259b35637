"""Realistic content at scale, in bulk: news items and events in every language.

`generate(news=N, events=M)` adds N news items and M events under the news and events
indexes of the site's home page, each in every language that has those indexes (the
translations share a translation key, as wagtail-localize makes them), linked through
wagtail-localize (a TranslatableObject, a TranslationSource of the English page, a
Translation per other language), with texts from a phrase bank (phrases.py), the city's
name in each language, images, tags, cities, projects and organisers from what exists.

Nothing goes through Page.save(), revisions or publishing: pages are written in bulk.

- Tree: each new page gets the materialised path after the parent's last child (treebeard's
  steps, 4 characters of 0-9A-Z), the depth below its parent, `numchild` 0; each parent's
  `numchild` is raised once at the end.
- Multi-table inheritance: Django cannot bulk_create a child model, so the `wagtailcore_page`
  rows are bulk-created (their ids come back on SQLite >= 3.35 and PostgreSQL), then the
  `news_newspage` / `events_eventpage` rows are inserted with `executemany`, each value
  prepared by its field (`get_db_prep_save`), which works the same on both databases.
- Pages are live with first/last_published_at, url_path, content type, locale,
  translation_key and draft_title set, and no revision: routing, `.specific`, `get_url`,
  listings, feeds, calendars and the search index read the page rows only (the editor
  opens a page without revision from its row).
- Events get their SharedEvent row (calendar identity, places), as EventPage.save makes it.

Generated pages have slugs starting with `load-` (`clear()` removes them). Signals are not
sent, so the caller rebuilds the search index and raises the page-cache generation (the
management command does both).
"""

import datetime
import random
import time
import uuid
import zoneinfo
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    TranslatableObject,
    Translation,
    TranslationSource,
    get_schema_version,
)

from events.models import (
    EventFormat,
    EventIndexPage,
    EventPage,
    EventStatus,
    EventType,
    SharedEvent,
)
from news.models import NewsIndexPage, NewsPage, NewsPageTag
from partners.models import City, Partner
from projects.models import ProjectPage

from . import phrases

SLUG_PREFIX = "load-"
BATCH_SIZE = 1000
TIMEZONES = {
    "FR": "Europe/Paris",
    "IT": "Europe/Rome",
    "ES": "Europe/Madrid",
    "BE": "Europe/Brussels",
    "DE": "Europe/Berlin",
    "PT": "Europe/Lisbon",
}


class LoadDataError(Exception):
    pass


@dataclass
class Context:
    source_locale: Locale
    locales: dict  # language code -> Locale
    parents: dict  # "news"/"events" -> {language code: index page}
    cities: list
    city_names: dict  # (translation_key, language code) -> name
    partners: list
    projects: list
    images: list
    tags: list
    timings: dict = field(default_factory=dict)

    def city_name(self, city, code):
        return self.city_names.get((city.translation_key, code), city.name)


def _chunks(items, size=BATCH_SIZE):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Timer:
    def __init__(self, timings, log):
        self.timings = timings
        self.log = log

    def __call__(self, label):
        timer = self

        class _Step:
            def __enter__(self):
                self.started = time.monotonic()

            def __exit__(self, *exc):
                elapsed = time.monotonic() - self.started
                timer.timings[label] = timer.timings.get(label, 0) + elapsed
                if exc[0] is None:
                    timer.log(f"  {label}: {elapsed:.2f} s")

        return _Step()


# ------------------------------------------------------------------------------ context


def build_context():
    source = Locale.get_default()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.depth < 2:
        raise LoadDataError("No home page: run `manage.py load_demo_content` first.")
    home = site.root_page
    parents = {}
    for kind, model in (("news", NewsIndexPage), ("events", EventIndexPage)):
        index = model.objects.descendant_of(home).filter(locale=source).order_by("path").first()
        if index is None:
            raise LoadDataError(
                f"No {model._meta.verbose_name} under the home page: run load_demo_content."
            )
        translations = Page.objects.filter(translation_key=index.translation_key)
        parents[kind] = {
            page.locale.language_code: page
            for page in translations.select_related("locale").order_by("depth")
            if page.locale.language_code in locales
        }
    cities = list(City.objects.filter(locale=source, live=True).order_by("pk"))
    city_names = {
        (city.translation_key, city.locale.language_code): city.name
        for city in City.objects.filter(
            translation_key__in=[c.translation_key for c in cities]
        ).select_related("locale")
    }
    partners = list(Partner.objects.filter(locale=source, live=True).order_by("pk"))
    projects = list(ProjectPage.objects.filter(locale=source).live().order_by("pk"))
    images = list(get_image_model().objects.order_by("pk")[:12])
    tags = []
    for name in phrases.TAGS:
        tag = Tag.objects.filter(name=name).first() or Tag.objects.create(
            name=name, slug=slugify(name)
        )
        tags.append(tag)
    if not cities:
        raise LoadDataError("No cities: run load_demo_content first.")
    return Context(
        source_locale=source,
        locales=locales,
        parents=parents,
        cities=cities,
        city_names=city_names,
        partners=partners,
        projects=projects,
        images=images,
        tags=tags,
    )


def _next_number(parent, kind):
    prefix = f"{SLUG_PREFIX}{kind}-"
    slugs = Page.objects.child_of(parent).filter(slug__startswith=prefix)
    numbers = [int(slug[len(prefix) :]) for slug in slugs.values_list("slug", flat=True)]
    return max(numbers, default=0) + 1


# ------------------------------------------------------------------------------ texts


def _words(ctx, code, topic, kind, city, number):
    return {
        "kind": kind[code],
        "topic": topic[code],
        "city": ctx.city_name(city, code),
        "number": number,
    }


def _body(code, rng_state, block_ids, words):
    rng = random.Random(rng_state)
    sentences = rng.sample(phrases.SENTENCES, 4)
    paragraph = " ".join(s[code] for s in sentences[:2])
    second = " ".join(s[code] for s in sentences[2:])
    summary = rng.choice(phrases.SUMMARIES)[code].format(**words)
    return [
        {"type": "paragraph", "value": f"<p>{summary} {paragraph}</p>", "id": block_ids[0]},
        {
            "type": "heading",
            "value": {"text": phrases.HEADINGS[1][code], "level": "h2"},
            "id": block_ids[1],
        },
        {"type": "paragraph", "value": f"<p>{second}</p>", "id": block_ids[2]},
    ]


def _capitalised(text):
    return text[:1].upper() + text[1:]


def _page_values(ctx, parent, code, key, slug, title, published):
    return {
        "title": title[:255],
        "draft_title": title[:255],
        "slug": slug,
        "live": True,
        "has_unpublished_changes": False,
        "url_path": f"{parent.url_path}{slug}/",
        "depth": parent.depth + 1,
        "numchild": 0,
        "locale": ctx.locales[code],
        "translation_key": key,
        "first_published_at": published,
        "last_published_at": published,
        "show_in_menus": False,
    }


# ------------------------------------------------------------------------------ building


def build_news(ctx, count, number, rng, today, events_pool):
    """[{language code: unsaved NewsPage}] for `count` items, numbered from `number`."""
    items = []
    brussels = zoneinfo.ZoneInfo("Europe/Brussels")
    for offset in range(count):
        n = number + offset
        key = uuid.uuid4()
        topic = rng.choice(phrases.TOPICS)
        kind = rng.choice(phrases.NEWS_KINDS)
        city = rng.choice(ctx.cities)
        cities = [city, *rng.sample(ctx.cities, min(1, len(ctx.cities)))]
        cities = list({c.pk: c for c in cities}.values())
        project = rng.choice(ctx.projects) if ctx.projects and rng.random() < 0.9 else None
        image = rng.choice(ctx.images) if ctx.images and rng.random() < 0.85 else None
        date = today - datetime.timedelta(days=rng.randrange(0, 365 * 6))
        published = datetime.datetime.combine(
            date, datetime.time(9, rng.randrange(60)), tzinfo=brussels
        )
        tags = rng.sample(ctx.tags, 2)
        related = [rng.choice(events_pool)] if events_pool and rng.random() < 0.2 else []
        block_ids = [str(uuid.uuid4()) for _ in range(3)]
        body_seed = rng.random()
        slug = f"{SLUG_PREFIX}news-{n:06d}"
        translations = {}
        for code, parent in ctx.parents["news"].items():
            words = _words(ctx, code, topic, kind, city, n)
            title = _capitalised(phrases.NEWS_TITLES[code].format(**words))
            page = NewsPage(
                **_page_values(ctx, parent, code, key, slug, title, published),
                date=date,
                summary=rng.choice(phrases.SUMMARIES)[code].format(**words),
                image=image,
                project=project,
                body=_body(code, body_seed, block_ids, words),
            )
            page._load_cities = cities
            page._load_tags = tags
            page._load_related_events = related
            translations[code] = page
        items.append(translations)
    return items


def build_events(ctx, count, number, rng, now):
    items = []
    event_types = list(EventType.values)
    for offset in range(count):
        n = number + offset
        key = uuid.uuid4()
        topic = rng.choice(phrases.TOPICS)
        event_type = rng.choice(event_types)
        kind = phrases.EVENT_KINDS[event_type]
        city = rng.choice(ctx.cities)
        zone = TIMEZONES.get(str(city.country), "Europe/Brussels")
        upcoming = rng.random() < 0.2
        days = rng.randrange(1, 365) if upcoming else -rng.randrange(1, 365 * 6)
        day = timezone.localdate(now) + datetime.timedelta(days=days)
        start = datetime.datetime.combine(
            day, datetime.time(rng.choice([9, 10, 14])), tzinfo=zoneinfo.ZoneInfo(zone)
        )
        all_day = rng.random() < 0.15
        end = start + (
            datetime.timedelta(days=rng.choice([0, 1, 2]), hours=8)
            if all_day
            else datetime.timedelta(hours=rng.choice([2, 3, 7]))
        )
        status_roll = rng.random()
        status = EventStatus.SCHEDULED
        previous_start = None
        if status_roll < 0.04:
            status = EventStatus.CANCELLED
        elif status_roll < 0.07:
            status = EventStatus.POSTPONED
        elif status_roll < 0.10:
            status = EventStatus.RESCHEDULED
            previous_start = start - datetime.timedelta(days=rng.randrange(7, 60))
        format_roll = rng.random()
        event_format = (
            EventFormat.IN_PERSON
            if format_roll < 0.6
            else EventFormat.ONLINE
            if format_roll < 0.85
            else EventFormat.HYBRID
        )
        online_url = (
            f"https://meet.example.org/pactesur-{n}"
            if event_format != EventFormat.IN_PERSON
            else ""
        )
        registration = upcoming and status == EventStatus.SCHEDULED and rng.random() < 0.3
        image = rng.choice(ctx.images) if ctx.images and rng.random() < 0.6 else None
        project = rng.choice(ctx.projects) if ctx.projects else None
        organiser = rng.choice(ctx.partners) if ctx.partners else None
        published = min(now, start - datetime.timedelta(days=rng.randrange(20, 90)))
        block_ids = [str(uuid.uuid4()) for _ in range(3)]
        body_seed = rng.random()
        slug = f"{SLUG_PREFIX}event-{n:06d}"
        translations = {}
        for code, parent in ctx.parents["events"].items():
            words = _words(ctx, code, topic, kind, city, n)
            title = _capitalised(phrases.EVENT_TITLES[code].format(**words))
            page = EventPage(
                **_page_values(ctx, parent, code, key, slug, title, published),
                start=start,
                end=end,
                timezone=zone,
                all_day=all_day,
                is_save_the_date=upcoming and rng.random() < 0.1,
                status=status,
                previous_start=previous_start,
                event_type=event_type,
                format=event_format,
                venue=phrases.VENUES[code].format(number=n % 40 + 1)
                if event_format != EventFormat.ONLINE
                else "",
                city=city,
                online_url=online_url,
                project=project,
                organiser=organiser,
                summary=rng.choice(phrases.SUMMARIES)[code].format(**words),
                image=image,
                body=_body(code, body_seed, block_ids, words),
                registration_enabled=registration,
                registration_opens_at=now - datetime.timedelta(days=30) if registration else None,
                registration_closes_at=start - datetime.timedelta(days=1) if registration else None,
                capacity=rng.choice([20, 40, 80, None]) if registration else None,
                participants_count=rng.randrange(10, 200) if not upcoming else None,
            )
            translations[code] = page
        items.append(translations)
    return items


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
                schedule_fingerprint=page.schedule_fingerprint(),
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


def _raise_numchild(parents, items):
    for code, parent in parents.items():
        added = sum(1 for item in items if code in item)
        if added:
            Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + added)


def generate(news=0, events=0, *, seed=None, log=print):
    """Add `news` news items and `events` events in every language; returns the timings."""
    timings = {}
    step = Timer(timings, log)
    rng = random.Random(seed)
    now = timezone.now()
    with step("context"):
        ctx = build_context()
    source_code = ctx.source_locale.language_code
    with transaction.atomic():
        with step("build events"):
            event_items = build_events(
                ctx, events, _next_number(ctx.parents["events"][source_code], "event"), rng, now
            )
            allocate_paths(event_items, ctx.parents["events"])
        with step("insert events"):
            pages = [page for item in event_items for page in item.values()]
            insert_pages(EventPage, pages)
            insert_shared_events([item[source_code] for item in event_items])
            _raise_numchild(ctx.parents["events"], event_items)
        pool = [item[source_code] for item in event_items] or list(
            EventPage.objects.filter(locale=ctx.source_locale).live()[:50]
        )
        with step("build news"):
            news_items = build_news(
                ctx,
                news,
                _next_number(ctx.parents["news"][source_code], "news"),
                rng,
                timezone.localdate(now),
                pool,
            )
            allocate_paths(news_items, ctx.parents["news"])
        with step("insert news"):
            pages = [page for item in news_items for page in item.values()]
            insert_pages(NewsPage, pages)
            insert_news_relations(pages)
            _raise_numchild(ctx.parents["news"], news_items)
        with step("translation records"):
            insert_translation_records(EventPage, event_items, ctx, now)
            insert_translation_records(NewsPage, news_items, ctx, now)
    languages = len(ctx.parents["news"])
    timings["pages"] = (len(news_items) + len(event_items)) * languages
    return timings


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
    from django.db import models
    from wagtail.models import PageLogEntry, ReferenceIndex, Revision
    from wagtail.search.models import IndexEntry

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
