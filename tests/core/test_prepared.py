"""Queries whose SQL is built once per process (core/prepared.py): the same rows and
objects as the queryset they prepare, with other values on each call, and a query that
cannot be prepared refused when it is first run, not answered wrongly."""

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import wagtail_factories
from django.db import connection
from django.db.models import Case, When
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core.models import _child_by_slug
from core.prepared import PreparedQuery
from events.models import EventPage
from news.models import NewsPage
from partners.models import City


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
