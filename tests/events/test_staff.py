import csv
import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from events.models import Registration
from tests.events.conftest import register_and_confirm, register_data
from tests.mail import deliver_outbox
from tests.shared import shared_fixture


@shared_fixture(parent="open_event")
def registrations(open_event):
    """Four visitors registered through the form and confirmed from the e-mailed link (three
    places: the fourth waits), built once per test process (tests/shared.py) and re-read
    for each test."""
    # A shared fixture is built before the test's own fixtures: mail goes through the
    # outbox as tests/conftest.py's _mail_through_the_outbox makes it for every test.
    with override_settings(EMAIL_BACKEND="mailer.backend.DbBackend"):
        client = Client()
        for n in range(4):
            register_and_confirm(client, open_event, email=f"p{n}@example.org", name=f"Person {n}")
    mail.outbox.clear()  # delivered while building: each test starts with an empty outbox
    return list(Registration.objects.order_by("pk"))


@pytest.mark.django_db
def test_admin_lists_filters_searches_and_exports_registrations(admin_client, registrations):
    shared = registrations[0].shared_event_id
    listing = admin_client.get("/admin/registrations/", {"shared_event": shared})
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "p0@example.org" in html and "p3@example.org" in html
    waiting = admin_client.get("/admin/registrations/", {"status": "waiting"}).content.decode()
    assert "p3@example.org" in waiting and "p0@example.org" not in waiting
    found = admin_client.get("/admin/registrations/", {"q": "Person 2"}).content.decode()
    assert "p2@example.org" in found and "p1@example.org" not in found
    export = admin_client.get("/admin/registrations/", {"export": "csv", "shared_event": shared})
    assert export.status_code == 200
    content = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    rows = list(csv.reader(io.StringIO(content)))
    assert len(rows) == 5  # header + 4
    assert any("p3@example.org" in row for row in rows)


@pytest.mark.django_db
def test_staff_cancel_moves_the_waiting_list_up_and_confirm_by_hand(
    admin_client, registrations, django_capture_on_commit_callbacks
):
    first, waiting = registrations[0], registrations[3]
    assert admin_client.get(f"/admin/registrations/cancel/{first.pk}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/registrations/cancel/{first.pk}/")
    assert response.status_code == 302
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == "cancelled"
    assert waiting.status == "confirmed"
    assert {m.to[0] for m in deliver_outbox()} >= {first.email, waiting.email}
    admin_client.post(f"/admin/registrations/confirm/{first.pk}/")
    first.refresh_from_db()
    assert first.status == "confirmed"


@pytest.mark.django_db
def test_staff_without_permission_cannot_act(client, django_user_model, registrations):
    user = django_user_model.objects.create_user("editor", password="x" * 12)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(f"/admin/registrations/cancel/{registrations[0].pk}/")
    assert response.status_code in (302, 403)
    registrations[0].refresh_from_db()
    assert registrations[0].status == "confirmed"


@pytest.mark.django_db
def test_dashboard_panel_shows_next_events_with_counts(admin_client, registrations, open_event):
    html = admin_client.get("/admin/").content.decode()
    assert "Next events and registrations" in html
    assert open_event.title in html


@pytest.mark.django_db
def test_purge_erases_personal_data_after_the_retention_period(registrations, open_event):
    open_event.start = timezone.now() - datetime.timedelta(days=40)
    open_event.end = timezone.now() - datetime.timedelta(days=39)
    open_event.save_revision().publish()
    call_command("purge_registrations", "--days", "60")
    assert Registration.objects.filter(purged_at=None).count() == 4
    call_command("purge_registrations", "--days", "30")
    purged = Registration.objects.all()
    assert all(r.purged_at and not r.name and "example.org" not in r.email for r in purged)
    statuses = sorted(r.status for r in purged)
    assert statuses == ["confirmed", "confirmed", "confirmed", "waiting"]  # counts kept


@pytest.mark.django_db
def test_staff_see_registrations_with_an_email_still_in_the_outbox(
    admin_client, client, open_event, registrations
):
    deliver_outbox()
    client.post(f"{open_event.url}register/", register_data(email="late@example.org"))
    html = admin_client.get("/admin/registrations/?email_not_sent=true").content.decode()
    assert "late@example.org" in html and "p0@example.org" not in html
    html = admin_client.get("/admin/registrations/?email_not_sent=false").content.decode()
    assert "late@example.org" not in html and "p0@example.org" in html


@pytest.mark.django_db
def test_expired_requests_are_deleted_by_the_daily_purge(client, open_event, registrations):
    client.post(f"{open_event.url}register/", register_data(email="late@example.org"))
    client.post(f"{open_event.url}register/", register_data(email="fresh@example.org"))
    Registration.objects.filter(email="late@example.org").update(
        expires_at=timezone.now() - datetime.timedelta(hours=1)
    )
    call_command("purge_registrations", stdout=io.StringIO())
    emails = set(Registration.objects.values_list("email", flat=True))
    assert "late@example.org" not in emails
    assert {"fresh@example.org", "p0@example.org"} <= emails
