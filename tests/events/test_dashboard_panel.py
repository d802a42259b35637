"""The admin dashboard's next events: dates as European staff read them, and the status of
events that are not going ahead as planned."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import EventPageFactory

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def in_future(days, hour):
    start = datetime.datetime.now(BRUSSELS) + datetime.timedelta(days=days)
    return start.replace(hour=hour, minute=30, second=0, microsecond=0)


@pytest.fixture
def upcoming(site_tree):
    index = site_tree["event_index"]
    events = {
        "cancelled": EventPageFactory(
            parent=index, title="Strike-day workshop", status="cancelled"
        ),
        "postponed": EventPageFactory(parent=index, title="Seaside exchange", status="postponed"),
    }
    for event in events.values():
        event.start, event.end = in_future(40, 9), in_future(40, 17)
        event.save()
    return events


def panel_html(client):
    html = client.get("/admin/").content.decode()
    start = html.index("Next events and registrations")
    return html[start : html.index("</section>", start)]


@pytest.mark.django_db
def test_dashboard_shows_day_month_year_and_a_24_hour_clock(admin_client, upcoming):
    start = upcoming["cancelled"].start.astimezone(BRUSSELS)
    html = panel_html(admin_client)
    assert start.strftime("%d/%m/%Y 09:30") in html
    assert start.strftime("%m/%d/%Y") not in html or start.day == start.month
    assert "a.m." not in html


@pytest.mark.django_db
def test_dashboard_shows_the_status_of_events_not_going_ahead(admin_client, upcoming, site_tree):
    html = panel_html(admin_client)
    row = html[html.index("Strike-day workshop") :]
    assert "Cancelled" in row[: row.index("</tr>")]
    row = html[html.index("Seaside exchange") :]
    assert "Postponed" in row[: row.index("</tr>")]
    row = html[html.index(site_tree["event"].title) :]
    assert "Scheduled" not in row[: row.index("</tr>")]  # no badge for the usual case


@pytest.mark.django_db
def test_dashboard_status_costs_no_query_per_event(admin_client, upcoming, site_tree):
    admin_client.get("/admin/")  # caches warmed (content types, sites…)
    with CaptureQueriesContext(connection) as few:
        admin_client.get("/admin/")
    for n in range(4):
        EventPageFactory(parent=site_tree["event_index"], title=f"More {n}", status="postponed")
    with CaptureQueriesContext(connection) as more:
        admin_client.get("/admin/")
    assert len(more) == len(few)
