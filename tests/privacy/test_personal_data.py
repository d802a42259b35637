"""GDPR tools: consent records, export and erasure by e-mail address, retention purge,
privacy notice at every point of collection, no cookies where nothing is collected."""

import datetime
import io
import json

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from events.models import Registration, RegistrationStatus
from home.forms import CONTACT_CONSENT_VERSION
from privacy.models import PersonalDataRequest
from tests import factories
from tests.events.conftest import register_and_confirm
from tests.forms import contact_data
from tests.mail import deliver_outbox
from tests.privacy.conftest import CONTACT_URL, register_data

ANA = "ana@example.org"
URL = "/admin/personal-data/"


@pytest.fixture
def ana_data(client, contact, open_event):
    """Ana registered for an event and wrote twice (once with capitals); Bea once each."""
    for email in (ANA, "bea@example.org"):
        register_and_confirm(client, open_event, email=email)
    client.post(CONTACT_URL, contact_data(your_e_mail=ANA, your_message="First"))
    client.post(CONTACT_URL, contact_data(your_e_mail=" Ana@Example.org", your_message="Two"))
    client.post(CONTACT_URL, contact_data(your_e_mail="bea@example.org"))
    assert Registration.objects.count() == 2 and FormSubmission.objects.count() == 3
    deliver_outbox().clear()
    return open_event


# ------------------------------------------------------------------------------ consent


@pytest.mark.django_db
def test_contact_submissions_store_the_consent_text_version_and_time(client, contact):
    before = timezone.now()
    client.post(CONTACT_URL, contact_data(your_e_mail=ANA))
    data = FormSubmission.objects.get().form_data
    assert data["consent_version"] == CONTACT_CONSENT_VERSION
    assert "privacy notice" in data["consent_text"]
    assert datetime.datetime.fromisoformat(data["consented_at"]) >= before


@pytest.mark.django_db
def test_no_consent_no_submission(client, contact):
    response = client.post(CONTACT_URL, contact_data(your_e_mail=ANA, consent=""))
    assert "Please give your consent so that we can reply." in response.content.decode()
    assert 'value="ana@example.org"' in response.content.decode()
    assert FormSubmission.objects.count() == 0


@pytest.mark.django_db
def test_registrations_store_consent_too(client, open_event):
    client.post(f"{open_event.url}register/", register_data())
    registration = Registration.objects.get()
    assert registration.consent_version and registration.consented_at
    assert "privacy notice" in registration.consent_text


# ------------------------------------------------------------------------------ notice


@pytest.mark.django_db
def test_both_forms_link_to_the_privacy_notice_in_the_visitors_language(
    client, contact, open_event, site_tree, locales
):
    from tests.translation import translate_page

    factories.StandardPageFactory(parent=site_tree["home"], title="Privacy", slug="privacy")
    for url in (CONTACT_URL, open_event.url):
        html = client.get(url).content.decode()
        assert 'see our <a href="/en/privacy/">privacy notice</a>' in html, url
    for page in (site_tree["home"], site_tree["contact"]):
        translate_page(page, locales["fr"], lambda text: text)
    privacy = site_tree["home"].get_children().get(slug="privacy").specific
    translate_page(privacy, locales["fr"], lambda text: text)
    html = client.get("/fr/contact/").content.decode()
    assert '<a href="/fr/privacy/">page sur la protection des données personnelles</a>' in html


# ------------------------------------------------------------------------------ cookies


@pytest.mark.django_db
def test_no_cookie_for_anonymous_visitors(client, site_tree, open_event):
    """Not even on the pages with a form: the public forms are checked by origin and
    anti-spam token instead of a CSRF cookie (privacy/public_forms.py)."""
    for url in (
        "/",
        "/en/",
        "/en/news/",
        "/en/events/",
        "/en/news/kick-off/",
        "/en/about/",
        "/en/search/?q=safety",
        "/en/events/workshop/",
        CONTACT_URL,
        open_event.url,
    ):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
        assert response.status_code in (200, 302), url
        assert not response.cookies, (url, list(response.cookies))
    assert "antispam_token" in client.get(open_event.url).content.decode()


# ------------------------------------------------------------------------------ export


@pytest.mark.django_db
def test_command_exports_everything_about_an_address_as_json(ana_data):
    out = io.StringIO()
    call_command("personal_data", "export", "ANA@example.org", stdout=out)
    data = json.loads(out.getvalue())
    assert data["email"] == ANA
    assert [r["email"] for r in data["registrations"]] == [ANA]
    assert data["registrations"][0]["consent_version"]
    assert sorted(s["data"]["your_message"] for s in data["form_submissions"]) == ["First", "Two"]
    assert "bea@example.org" not in out.getvalue()
    log = PersonalDataRequest.objects.get()
    assert log.action == "export" and log.via == "command"
    assert (log.registrations, log.form_submissions) == (1, 2)
    assert ANA not in log.email_hash


@pytest.mark.django_db
def test_command_erases_everything_about_an_address(ana_data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("personal_data", "erase", ANA, "--no-input", stdout=io.StringIO())
    assert not Registration.objects.filter(email__iexact=ANA).exists()
    erased = Registration.objects.exclude(email="bea@example.org").get()
    assert erased.name == "" and erased.organisation == "" and erased.purged_at
    assert erased.status == RegistrationStatus.CANCELLED  # the place is given back
    assert FormSubmission.objects.count() == 1
    assert ANA not in json.dumps([s.form_data for s in FormSubmission.objects.all()]).lower()
    # Others are untouched.
    assert Registration.objects.get(email="bea@example.org").status == RegistrationStatus.CONFIRMED
    assert PersonalDataRequest.objects.get().action == "erase"


@pytest.mark.django_db
def test_command_refuses_bad_addresses_and_asks_before_erasing(ana_data, monkeypatch):
    with pytest.raises(CommandError):
        call_command("personal_data", "export", "not-an-address")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError):
        call_command("personal_data", "erase", ANA)
    assert Registration.objects.filter(email=ANA).exists()


@pytest.mark.django_db
def test_erasing_frees_the_place_for_the_waiting_list(
    client, open_event, django_capture_on_commit_callbacks
):
    for n in range(4):  # 3 places
        register_and_confirm(client, open_event, email=f"p{n}@example.org")
    assert Registration.objects.get(email="p3@example.org").status == RegistrationStatus.WAITING
    deliver_outbox().clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("personal_data", "erase", "p0@example.org", "--no-input", stdout=io.StringIO())
    assert Registration.objects.get(email="p3@example.org").status == RegistrationStatus.CONFIRMED
    assert [m.to for m in deliver_outbox()] == [["p3@example.org"]]


# ------------------------------------------------------------------------------ admin


@pytest.fixture
def privacy_officer(db):
    group = Group.objects.create(name="Privacy officers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="manage_personal_data"),
    )
    user = User.objects.create_user("dpo", password="x")
    user.groups.add(group)
    return user


@pytest.mark.django_db
def test_admin_view_is_for_holders_of_the_permission_only(client, privacy_officer, ana_data):
    editor = User.objects.create_user("editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(URL).status_code in (302, 403)
    assert client.post(URL, {"email": ANA, "action": "erase", "confirm": "on"}).status_code in (
        302,
        403,
    )
    assert "Personal data" not in client.get("/admin/").content.decode()
    assert Registration.objects.filter(email=ANA).exists()

    client.force_login(privacy_officer)
    assert client.get(URL).status_code == 200
    assert "Personal data" in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_admin_finds_exports_and_erases_in_one_action(client, privacy_officer, ana_data):
    client.force_login(privacy_officer)
    found = client.post(URL, {"email": ANA, "action": "find"}).content.decode()
    assert "1 registration" in found and "2 form submissions" in found

    export = client.post(URL, {"email": ANA, "action": "export"})
    assert export["Content-Type"].startswith("application/json")
    assert "attachment" in export["Content-Disposition"]
    assert len(json.loads(export.content)["form_submissions"]) == 2

    unconfirmed = client.post(URL, {"email": ANA, "action": "erase"})
    assert "Tick the box" in unconfirmed.content.decode()
    assert Registration.objects.filter(email=ANA).exists()

    erased = client.post(URL, {"email": ANA, "action": "erase", "confirm": "on"}, follow=True)
    assert "Erased 1 registration(s) and deleted 2 form submission(s)." in (erased.content.decode())
    assert not Registration.objects.filter(email=ANA).exists()
    assert FormSubmission.objects.count() == 1
    assert list(PersonalDataRequest.objects.values_list("action", "user__username")) == [
        ("erase", "dpo"),
        ("export", "dpo"),
    ]


@pytest.mark.django_db
def test_the_permission_can_be_given_to_a_group_in_the_admin(admin_client):
    group = Group.objects.create(name="Staff")
    html = admin_client.get(f"/admin/groups/edit/{group.pk}/").content.decode()
    assert "Can export and erase a person" in html


# ------------------------------------------------------------------------------ retention


@pytest.mark.django_db
def test_purge_deletes_form_submissions_past_the_retention_period(client, contact, settings):
    client.post(CONTACT_URL, contact_data(your_e_mail="old@example.org"))
    client.post(CONTACT_URL, contact_data(your_e_mail="new@example.org"))
    old = FormSubmission.objects.get(form_data__your_e_mail="old@example.org")
    FormSubmission.objects.filter(pk=old.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=400)
    )
    out = io.StringIO()
    call_command("purge_form_submissions", "--dry-run", stdout=out)
    assert "1 form submission(s) would be deleted" in out.getvalue()
    assert FormSubmission.objects.count() == 2

    call_command("purge_form_submissions", stdout=io.StringIO())  # default: 365 days
    assert list(FormSubmission.objects.values_list("form_data__your_e_mail", flat=True)) == [
        "new@example.org"
    ]
    settings.FORM_SUBMISSION_RETENTION_DAYS = 0
    call_command("purge_form_submissions", "--days", "0", stdout=io.StringIO())
    assert FormSubmission.objects.count() == 0
