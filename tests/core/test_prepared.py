"""Queries whose SQL is built once per process (core/prepared.py): the same rows and
objects as the queryset they prepare, with other values on each call, and a query that
cannot be prepared refused when it is first run, not answered wrongly."""

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import wagtail_factories
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Prefetch, When, prefetch_related_objects
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import Page

from core.models import _child_by_slug
from core.prepared import PreparedList, PreparedQuery
from core.utils import listing_rendition, prefetch_renditions
from events.models import EventPage
from news.models import NewsPage
from partners.models import City

Image = get_image_model()
Rendition = Image.get_rendition_model()


def test_the_route_query_finds_what_child_of_finds(site_tree):
    """A child by slug, with its relations, for several parents and slugs: the same page,
    fields and related objects as the ORM's `child_of(parent).filter(slug=…)`."""
    for parent, child in ((site_tree["event_index"], "event"), (site_tree["news_index"], "news")):
        model = type(site_tree[child])
        expected = (
            site_tree[child].__class__.objects.child_of(parent).get(slug=site_tree[child].slug)
        )
        found = _child_by_slug(model)(path=parent.path, depth=parent.depth + 1, slug=expected.slug)
        assert [page.pk for page in found] == [expected.pk]
        page = found[0]
        for field in model._meta.concrete_fields:
            assert getattr(page, field.attname) == getattr(expected, field.attname), field.name
        assert page.project == expected.project  # came with it: no query
        assert not _child_by_slug(model)(path=parent.path, depth=parent.depth + 1, slug="nope")
    # The same slug below another parent is not found there.
    news = site_tree["news"]
    events = site_tree["event_index"]
    assert not _child_by_slug(NewsPage)(path=events.path, depth=events.depth + 1, slug=news.slug)


def test_one_query_per_call_and_no_sql_built_again(site_tree):
    event = site_tree["event"]
    parent = site_tree["event_index"]
    query = _child_by_slug(EventPage)
    query(path=parent.path, depth=parent.depth + 1, slug=event.slug)
    with CaptureQueriesContext(connection) as queries:
        found = query(path=parent.path, depth=parent.depth + 1, slug=event.slug)
        assert found[0].city == event.city and found[0].image == event.image
    assert len(queries) == 1


def test_like_characters_in_a_prefix_are_escaped(site_tree):
    """A prefix is matched as a prefix, never as a pattern (`_` and `%` escaped as Django
    escapes them)."""
    query = PreparedQuery(lambda p: Page.objects.filter(path__startswith=p["path"]), path=str)
    paths = {page.path for page in query(path=site_tree["home"].path)}
    assert site_tree["event"].path in paths
    assert not query(path="%") and not query(path="_")


def test_uuid_and_number_parameters(site_tree):
    page = site_tree["news"]
    by_key = PreparedQuery(
        lambda p: Page.objects.filter(translation_key=p["key"]).only("id"), key=uuid.UUID
    )
    assert [p.pk for p in by_key(key=page.translation_key)] == [page.pk]
    assert [p.pk for p in by_key(key=str(page.translation_key))] == [page.pk]
    by_pk = PreparedQuery(lambda p: Page.objects.filter(pk=p["pk"]), pk=int)
    assert [p.pk for p in by_pk(pk=page.pk)] == [page.pk]
    assert by_pk(pk=10**8) == []


def test_a_moment_parameter(site_tree):
    """An aware datetime as a value (the home page's next events, by their end): compared
    as the ORM compares it, on either side of the event's end, whatever its time zone."""
    event = site_tree["event"]
    query = PreparedQuery(
        lambda p: EventPage.objects.filter(end__gte=p["now"]).only("id"), now=datetime
    )
    for moment in (event.end, event.end - timedelta(microseconds=1), event.end + timedelta(1)):
        for zone in (UTC, ZoneInfo("America/Bogota")):
            moment = moment.astimezone(zone)
            expected = set(EventPage.objects.filter(end__gte=moment).values_list("pk", flat=True))
            assert {page.pk for page in query(now=moment)} == expected
            assert (event.pk in expected) is (moment <= event.end)


def test_annotations_come_with_the_objects(site_tree):
    page = site_tree["news"]
    query = PreparedQuery(
        lambda p: Page.objects.filter(pk=p["pk"]).annotate(
            is_it=Case(When(pk=p["pk"], then=True), default=False)
        ),
        pk=int,
    )
    assert [(found.pk, found.is_it) for found in query(pk=page.pk)] == [(page.pk, True)]


def test_queries_that_cannot_be_prepared_are_refused(db):
    with pytest.raises(ValueError):
        PreparedQuery(lambda p: City.objects.filter(pk=p["pk"]).values("name"), pk=int)(pk=1)
    with pytest.raises(ValueError):
        PreparedQuery(lambda p: City.objects.filter(pk=p["pk"]).prefetch_related("news"), pk=int)(
            pk=1
        )
    with pytest.raises(ValueError):  # a parameter the query does not use
        PreparedQuery(lambda p: City.objects.all(), pk=int)(pk=1)
    with pytest.raises(ValueError):  # inside a pattern, not a whole value or a prefix
        PreparedQuery(lambda p: City.objects.filter(name__contains=p["name"]), name=str)(name="x")


def test_a_page_image_renditions_come_in_one_query_and_a_missing_one_is_made(site_tree, client):
    """The event page's own image: its lead sizes, social card and JSON-LD renditions are
    read together (BasePage.image_renditions); one deleted meanwhile is made again, as
    `{% srcset_image %}` would make it, never left out."""
    event = site_tree["event"]
    event.image = wagtail_factories.ImageFactory()
    event.save_revision().publish()
    first = client.get(event.url).content.decode()
    assert ".width-800." in first and ".fill-1200x630" in first
    with CaptureQueriesContext(connection) as queries:
        assert client.get(event.url).content.decode() == first
    rendition_queries = [q for q in queries if "wagtailimages_rendition" in q["sql"]]
    assert len(rendition_queries) == 1
    event.image.renditions.filter(filter_spec="width-800").delete()
    again = client.get(event.url).content.decode()
    assert ".width-800." in again
    assert event.image.renditions.filter(filter_spec="width-800").exists()


@pytest.mark.django_db
def test_a_page_of_rows_is_the_querysets_slice(site_tree):
    """`slice(offset, limit)` gives what slicing the queryset gives, for every page and
    past the end, with one SQL text whatever the page; PreparedList gives a Paginator the
    same pages without counting."""
    parent = site_tree["news_index"]
    for day in range(7):
        parent.add_child(instance=NewsPage(title=f"N{day}", slug=f"n{day}", summary="s"))

    def build(path):
        return Page.objects.filter(path__startswith=path).order_by("path")

    query = PreparedQuery(lambda p: build(p["path"]), path=str)
    everything = list(build(parent.path))
    for offset, limit in ((0, 3), (3, 3), (6, 3), (7, 3), (100, 3), (0, 100)):
        found = query.slice(offset, limit, path=parent.path)
        assert [p.pk for p in found] == [p.pk for p in everything[offset : offset + limit]]
    paginator = Paginator(PreparedList(query, len(everything), path=parent.path), 3)
    for number in (1, 2, 3, 99):
        page = paginator.get_page(number)
        assert [p.pk for p in page] == [p.pk for p in Paginator(everything, 3).get_page(number)]
    sliced = PreparedQuery(lambda p: build(p["path"])[:2], path=str)
    with pytest.raises(ValueError):
        sliced.slice(0, 2, path=parent.path)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3, 5, 40])
def test_renditions_are_prefetched_as_the_orm_prefetched_them(settings, tmp_path, count):
    """prefetch_renditions: each image with its renditions of the sizes asked (and only
    those), each rendition knowing its image, in one query; an image given twice and more
    images than a prepared query holds (40) alike."""
    settings.MEDIA_ROOT = tmp_path
    images = [wagtail_factories.ImageFactory() for _ in range(min(count, 5))]
    for image in images:
        image.get_rendition("fill-640x360")
        image.get_rendition("width-480")
    listed = [Image.objects.get(pk=images[i % len(images)].pk) for i in range(count)]
    expected = [Image.objects.get(pk=image.pk) for image in listed]
    prefetch_related_objects(
        expected,
        Prefetch(
            "renditions",
            queryset=Rendition.objects.filter(filter_spec__in=["fill-640x360"]),
            to_attr="prefetched_renditions",
        ),
    )
    with CaptureQueriesContext(connection) as queries:
        prefetch_renditions(listed, "fill-640x360")
    assert len(queries) == 1
    for image, other in zip(listed, expected, strict=True):
        assert sorted(r.pk for r in image.prefetched_renditions) == sorted(
            r.pk for r in other.prefetched_renditions
        )
        assert [r.filter_spec for r in image.prefetched_renditions] == ["fill-640x360"]
    with CaptureQueriesContext(connection) as queries:
        # Each rendition knows its image (one of those given, as Django's prefetch does).
        assert all(r.image.pk == image.pk for image in listed for r in image.prefetched_renditions)
        assert listing_rendition(listed[0], "fill-640x360").image_id == listed[0].pk
    assert len(queries) == 0


@pytest.mark.django_db
def test_sqlite_gets_the_pattern_as_an_expression_and_finds_the_same_rows(site_tree):
    """On SQLite a prefix is not bound as the whole LIKE pattern (SQLite prepares such a
    statement again at every run) but as `(? || '%')`: the same rows, the same plan."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    parent = site_tree["news_index"]
    query = PreparedQuery(
        lambda p: Page.objects.filter(path__startswith=p["path"], slug=p["slug"]),
        path=str,
        slug=str,
    )
    child = parent.get_children().first()
    assert [p.pk for p in query(path=parent.path, slug=child.slug)] == [child.pk]
    assert query(path=parent.path + "9", slug=child.slug) == []
    sql = query._compiled().sql
    assert "LIKE (%s || '%%') ESCAPE" in sql and sql.count("%s") == 2
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, [parent.path, child.slug])
        assert "slug" in " ".join(str(row) for row in cursor.fetchall())
