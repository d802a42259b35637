"""Realistic content at scale, in bulk: news items and events in every language.

`generate(news=N, events=M)` adds N news items and M events under the news and events
indexes of the site's home page, each in every language that has those indexes (the
translations share a translation key, as wagtail-localize makes them), linked through
wagtail-localize (a TranslatableObject, a TranslationSource of the English page, a
Translation per other language), with texts from a phrase bank (phrases.py), the city's
name in each language, images, tags, cities, projects and organisers from what exists.

The pages are written in bulk (demo/bulk.py), live, without revisions: routing,
`.specific`, `get_url`, listings, feeds, calendars and the search index read the page rows
only (the editor opens a page without revision from its row).

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

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from events.models import (
    EventFormat,
    EventIndexPage,
    EventPage,
    EventStatus,
    EventType,
)
from news.models import NewsIndexPage, NewsPage
from partners.models import City, Partner
from projects.models import ProjectPage

from . import phrases
from .bulk import (
    SLUG_PREFIX,
    LoadDataError,
    allocate_paths,
    clear,
    generated_pages,
    insert_news_relations,
    insert_pages,
    insert_shared_events,
    insert_translation_records,
    raise_numchild,
)

__all__ = ["LoadDataError", "clear", "generate", "generated_pages"]

TIMEZONES = {
    "FR": "Europe/Paris",
    "IT": "Europe/Rome",
    "ES": "Europe/Madrid",
    "BE": "Europe/Brussels",
    "DE": "Europe/Berlin",
    "PT": "Europe/Lisbon",
}


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
            raise_numchild(ctx.parents["events"], event_items)
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
            raise_numchild(ctx.parents["news"], news_items)
        with step("translation records"):
            insert_translation_records(EventPage, event_items, ctx, now)
            insert_translation_records(NewsPage, news_items, ctx, now)
    languages = len(ctx.parents["news"])
    timings["pages"] = (len(news_items) + len(event_items)) * languages
    return timings
