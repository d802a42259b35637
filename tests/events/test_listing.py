import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventFormat, EventType
from tests.factories import CityFactory, EventPageFactory, ProjectPageFactory


def make_events(site_tree, count, city, project):
    now = timezone.now()
    for n in range(count):
        offset = datetime.timedelta(days=(n % 2 and 1 or -1) * (n + 2))
        EventPageFactory(
            parent=site_tree["event_index"],
            slug=f"e{n}-{count}",
            start=now + offset,
            end=now + offset + datetime.timedelta(hours=3),
            city=city,
            project=project,
        )


@pytest.mark.django_db
def test_upcoming_soonest_first_and_past_latest_first(client, site_tree):
    make_events(site_tree, 6, None, None)
    context = client.get(site_tree["event_index"].url).context
    upcoming = [event.start for event in context["upcoming_events"]]
    past = [event.start for event in context["past_events"]]
    assert upcoming == sorted(upcoming)
    assert past == sorted(past, reverse=True)
    now = timezone.now()
    assert all(start > now for start in upcoming)
    assert all(start < now for start in past)


@pytest.mark.django_db
def test_filters_by_project_city_type_format_and_year_kept_in_the_url(client, site_tree):
    city = CityFactory(name="Torino")
    other = ProjectPageFactory(parent=site_tree["project_index"], slug="other")
    match = EventPageFactory(
        parent=site_tree["event_index"],
        slug="match",
        city=city,
        project=site_tree["project"],
        event_type=EventType.TRAINING,
        format=EventFormat.HYBRID,
        online_url="https://x.example.org",
    )
    EventPageFactory(parent=site_tree["event_index"], slug="no-match", project=other)
    year = match.start.year
    response = client.get(
        site_tree["event_index"].url,
        {
            "project": site_tree["project"].pk,
            "city": city.pk,
            "type": "training",
            "format": "hybrid",
            "year": year,
        },
    )
    listed = [event.slug for event in response.context["upcoming_events"]]
    assert listed == ["match"]
    assert f"year={year}" in response.context["filter_query"]
    html = response.content.decode()
    assert '<option value="training" selected>' in html  # the form shows the filters kept


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"project": "abc"},
        {"city": "-1"},
        {"type": "party"},
        {"year": "99999"},
        {"page": "abc"},
        {"page": "999999"},
        {"upcoming_page": "0"},
    ],
)
def test_bad_filter_values_are_ignored(client, site_tree, query):
    response = client.get(site_tree["event_index"].url, query)
    assert response.status_code == 200


@pytest.mark.django_db
def test_listing_queries_do_not_grow_with_the_number_of_events(client, site_tree):
    city = CityFactory()
    url = site_tree["event_index"].url

    def queries_for(count):
        make_events(site_tree, count, city, site_tree["project"])
        client.get(url)  # warm caches (site root paths, content types)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    with_5 = queries_for(5)
    with_50 = queries_for(45)
    assert with_5 == with_50, (with_5, with_50)


@pytest.mark.django_db
def test_home_page_shows_the_next_events(client, site_tree):
    html = client.get(site_tree["home"].url).content.decode()
    assert site_tree["event"].title in html
