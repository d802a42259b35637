import datetime

import pytest
from django.utils import timezone

from events.models import EventStatus, Registration, RegistrationStatus
from events.tokens import cancel_token, cancel_url
from tests.events.conftest import register_data
from tests.mail import deliver_outbox
from tests.translation import translate_object


def post_registration(client, event, **data):
    return client.post(f"{event.url}register/", register_data(**data))


@pytest.mark.django_db
def test_registration_confirms_and_sends_email_with_ics_and_cancel_link(
    client, open_event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_registration(client, open_event)
    assert response.status_code == 200
    assert "Registration confirmed" in response.content.decode()
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.email == "ana@example.org"
    assert registration.consent_version
    assert "privacy notice" in registration.consent_text
    assert len(deliver_outbox()) == 1
    message = deliver_outbox()[0]
    assert message.to == ["ana@example.org"]
    assert "Training on crowd safety" in message.subject
    assert f"{open_event.url}cancel/?token=" in message.body
    (filename, content, mimetype) = message.attachments[0]
    assert filename.endswith(".ics")
    assert mimetype.startswith("text/calendar")
    content = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in content


@pytest.mark.django_db
def test_confirmation_is_in_the_visitors_language(
    client, open_event, locales, django_capture_on_commit_callbacks
):
    for page in (open_event.get_parent().get_parent(), open_event.get_parent()):
        translate_object(page.specific, locales["fr"], lambda text: f"{text} (fr)")
    french = translate_object(open_event, locales["fr"], lambda text: f"{text} (fr)")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{french.url}register/", register_data())
    assert response.status_code == 200
    assert Registration.objects.get().language_code == "fr"
    message = deliver_outbox()[0]
    assert "Inscription confirmée" in message.subject
    assert "(fr)" in message.subject


@pytest.mark.django_db
def test_capacity_then_waiting_list_then_promotion_on_cancel(
    client, open_event, django_capture_on_commit_callbacks
):
    for n in range(4):
        post_registration(client, open_event, email=f"p{n}@example.org")
    statuses = list(Registration.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["confirmed", "confirmed", "confirmed", "waiting"]

    first = Registration.objects.get(email="p0@example.org")
    url = cancel_url(open_event.url, first)
    assert client.get(url).status_code == 200  # a confirmation step, not an instant cancel
    assert Registration.objects.get(pk=first.pk).status == "confirmed"
    deliver_outbox().clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 200
    assert Registration.objects.get(pk=first.pk).status == "cancelled"
    promoted = Registration.objects.get(email="p3@example.org")
    assert promoted.status == "confirmed"
    assert promoted.promoted_at is not None
    recipients = sorted(message.to[0] for message in deliver_outbox())
    assert recipients == ["p0@example.org", "p3@example.org"]
    # Cancelling again changes nothing.
    client.post(url)
    assert Registration.objects.filter(status="confirmed").count() == 3


@pytest.mark.django_db
def test_one_registration_per_email_per_event(client, open_event):
    post_registration(client, open_event)
    response = post_registration(client, open_event, email="ANA@example.org ")
    html = response.content.decode()
    assert "already registered" in html
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_capacity_counts_across_translations(client, open_event, locales):
    for page in (open_event.get_parent().get_parent(), open_event.get_parent()):
        translate_object(page.specific, locales["it"], lambda text: f"{text} (it)")
    italian = translate_object(open_event, locales["it"], lambda text: f"{text} (it)")
    post_registration(client, open_event, email="a@example.org")
    post_registration(client, open_event, email="b@example.org")
    client.post(f"{italian.url}register/", register_data(email="c@example.org"))
    client.post(f"{italian.url}register/", register_data(email="d@example.org"))
    assert Registration.objects.filter(status="confirmed").count() == 3
    assert Registration.objects.get(email="d@example.org").status == "waiting"
    # And an address registered in English is a duplicate in Italian.
    response = client.post(f"{italian.url}register/", register_data(email="a@example.org"))
    assert Registration.objects.filter(email="a@example.org").count() == 1
    assert response.status_code == 200


@pytest.mark.django_db
def test_invalid_input_rerenders_the_form_with_errors_and_input_kept(client, open_event):
    response = client.post(
        f"{open_event.url}register/",
        {"name": "Jean Dupont", "email": "not-an-email", "organisation": "Ville de Nice"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Jean Dupont"' in html
    assert 'value="Ville de Nice"' in html
    assert 'value="not-an-email"' in html
    assert "Enter a valid email address" in html
    assert "Please give your consent" in html
    assert not Registration.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"registration_closes_at": -1}, "Registration for this event is closed"),
        ({"registration_opens_at": +5}, "Registration is not open yet"),
        ({"status": EventStatus.CANCELLED}, "has been cancelled"),
        ({"start": -3, "end": -2}, "already taken place"),
    ],
)
def test_refusals_get_a_clear_message(client, open_event, change, message):
    now = timezone.now()
    for field, value in change.items():
        if isinstance(value, int):
            value = now + datetime.timedelta(days=value)
        setattr(open_event, field, value)
    open_event.save_revision().publish()
    response = post_registration(client, open_event)
    assert message in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_full_event_without_waiting_list_refuses(client, open_event):
    open_event.capacity = 1
    open_event.waiting_list_enabled = False
    open_event.save_revision().publish()
    post_registration(client, open_event, email="one@example.org")
    response = post_registration(client, open_event, email="two@example.org")
    assert "This event is full" in response.content.decode()
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_unpublished_event_refuses_registration(client, open_event):
    from events import registration as rules

    open_event.unpublish()
    assert client.post(f"{open_event.url}register/", register_data()).status_code == 404
    with pytest.raises(rules.RegistrationRefused) as refusal:
        rules.register(
            open_event,
            name="A",
            email="a@example.org",
            organisation="",
            consent_text="t",
            consent_version="1",
            language_code="en",
        )
    assert refusal.value.code == "unpublished"


@pytest.mark.django_db
def test_tampered_cancel_link_is_refused(client, open_event):
    post_registration(client, open_event)
    registration = Registration.objects.get()
    token = cancel_token(registration)
    response = client.post(f"{open_event.url}cancel/", {"token": token[:-2] + "xx"})
    assert response.status_code == 404
    assert Registration.objects.get().status == "confirmed"


@pytest.mark.django_db
def test_registration_page_get_redirects_to_the_form(client, open_event):
    response = client.get(f"{open_event.url}register/")
    assert response.status_code == 302
    assert response["Location"].endswith("#register")
