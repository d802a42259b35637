"""Editors see the registrations of the events they may edit, per their role
(events/permissions.py): editors and moderators list, export and manage them (and see the
counts on the edit view); translators do not see the people; a group scoped to another part
of the tree sees nothing of this event."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from editorial.roles import EDITORS
from events.models import Registration
from tests.editorial.conftest import client_for, make_user, translator_group
from tests.events.conftest import csv_rows, register_and_confirm
from tests.factories import EventIndexPageFactory
from tests.translation import translate_object

LIST = "/admin/registrations/"


@pytest.fixture
def editor(db):
    return make_user("editor", Group.objects.get(name=EDITORS))


@pytest.fixture
def registrations(client, open_event):
    for n in range(4):  # 3 places: the 4th waits
        register_and_confirm(client, open_event, email=f"p{n}@example.org", name=f"=Person {n}")
    return list(Registration.objects.order_by("pk"))


def export_rows(client, **query):
    return csv_rows(client.get(LIST, {"export": "csv", **query}))


@pytest.mark.django_db
def test_an_editor_lists_exports_and_manages_the_registrations_of_their_events(
    editor, registrations, open_event
):
    client = client_for(editor)
    listing = client.get(LIST)
    assert listing.status_code == 200
    assert "p0@example.org" in listing.content.decode()
    rows = export_rows(client, shared_event=registrations[0].shared_event_id)
    assert len(rows) == 5
    # The edit view shows the counts and leads to the list.
    edit = client.get(f"/admin/pages/{open_event.pk}/edit/").content.decode()
    assert "3 of 3 places taken" in edit and "1 on the waiting list" in edit
    assert "See and export the registrations" in edit
    # Managing: cancelling one moves the waiting list up.
    response = client.post(f"{LIST}cancel/{registrations[0].pk}/")
    assert response.status_code == 302
    assert Registration.objects.get(pk=registrations[3].pk).status == "confirmed"


@pytest.mark.django_db
def test_a_translator_does_not_see_the_people(registrations, open_event, locales):
    for page in (open_event.get_parent().get_parent(), open_event.get_parent()):
        translate_object(page.specific, locales["fr"], lambda text: f"{text} (fr)")
    french = translate_object(open_event, locales["fr"], lambda text: f"{text} (fr)")
    translator = make_user("translator-fr", translator_group(locales["fr"]))
    client = client_for(translator)
    assert client.get(LIST).status_code in (302, 403)
    edit = client.get(f"/admin/pages/{french.pk}/edit/").content.decode()
    assert "p0@example.org" not in edit
    assert "See and export the registrations" not in edit
    assert client.post(f"{LIST}cancel/{registrations[0].pk}/").status_code in (302, 403)
    assert Registration.objects.get(pk=registrations[0].pk).status == "confirmed"


@pytest.mark.django_db
def test_a_team_scoped_to_other_events_sees_none_of_these(registrations, site_tree):
    other_index = EventIndexPageFactory(parent=site_tree["home"], slug="other-events")
    team = Group.objects.create(name="Liège events team")
    team.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_registration"),
        Permission.objects.get(codename="change_registration"),
    )
    GroupPagePermission.objects.create(
        group=team, page=other_index, permission=Permission.objects.get(codename="change_page")
    )
    client = client_for(make_user("liege", team))
    listing = client.get(LIST)
    assert listing.status_code == 200
    assert "p0@example.org" not in listing.content.decode()
    assert export_rows(client) == [export_rows(client)[0]]  # the header only
    refused = client.get(f"{LIST}edit/{registrations[0].pk}/", follow=True)
    assert "p0@example.org" not in refused.content.decode()
    assert "permission" in refused.content.decode()
    assert client.post(f"{LIST}cancel/{registrations[0].pk}/").status_code in (302, 403)
    assert Registration.objects.get(pk=registrations[0].pk).status == "confirmed"
