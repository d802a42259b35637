import datetime

import pytest
from django.utils import timezone

from events import registration as rules
from events.models import EventStatus, Registration, RegistrationStatus
from events.tokens import cancel_token, cancel_url, confirm_token
from tests.events.conftest import confirm_link, register_and_confirm, register_data
from tests.factories import EventPageFactory
from tests.mail import deliver_outbox
from tests.translation import translate_object

S = RegistrationStatus


def post_registration(client, event, **data):
    return client.post(f"{event.url}register/", register_data(**data))


def statuses():
    return dict(Registration.objects.values_list("email", "status"))


@pytest.mark.django_db
def test_a_request_holds_nothing_until_the_address_is_confirmed(client, open_event):
    response = post_registration(client, open_event)
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    assert statuses() == {"ana@example.org": S.UNCONFIRMED}
    assert open_event.registration_state.confirmed == 0

    (message,) = deliver_outbox()
    assert message.to == ["ana@example.org"]
    assert "Confirm your registration" in message.subject
    assert message.attachments == []  # no calendar entry for a place not held
    link = confirm_link("ana@example.org")

    # Opening the link shows a button: mail scanners that follow links confirm nothing.
    assert "Confirm my registration" in client.get(link).content.decode()
    assert statuses() == {"ana@example.org": S.UNCONFIRMED}
    response = client.post(link)
    assert "is confirmed" in response.content.decode()
    registration = Registration.objects.get()
    assert registration.status == S.CONFIRMED
    assert registration.address_confirmed_at and registration.held_since
    assert registration.consent_version and "privacy notice" in registration.consent_text

    (_request, confirmation) = deliver_outbox()
    assert "Registration confirmed" in confirmation.subject
    assert f"{open_event.url}cancel/?token=" in confirmation.body
    (filename, content, mimetype) = confirmation.attachments[0]
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar")
    assert "BEGIN:VEVENT" in (content.decode() if isinstance(content, bytes) else content)

    # Confirming again changes nothing and sends nothing.
    client.post(link)
    assert len(deliver_outbox()) == 2


@pytest.mark.django_db
def test_the_answer_never_tells_whether_an_address_is_registered(client, open_event, settings):
    settings.REGISTRATION_EMAIL_INTERVAL_MINUTES = 0
    register_and_confirm(client, open_event)
    deliver_outbox().clear()
    first_time = post_registration(client, open_event, email="new@example.org")
    again = post_registration(client, open_event, email="ANA@example.org ")

    def page(response):
        return response.content.decode().replace("new@example.org", "ana@example.org")

    assert again.status_code == first_time.status_code == 200
    assert page(again).split("<main")[1] == page(first_time).split("<main")[1]
    assert Registration.objects.filter(email="ana@example.org").count() == 1
    # The owner of the address is told, by e-mail, with the link to cancel.
    told = [m for m in deliver_outbox() if m.to == ["ana@example.org"]]
    assert len(told) == 1 and "already registered" in told[0].body
    assert "cancel/?token=" in told[0].body


@pytest.mark.django_db
def test_asking_again_sends_at_most_one_email_every_few_minutes(client, open_event, settings):
    for _attempt in range(5):
        post_registration(client, open_event)
    assert len(deliver_outbox()) == 1
    assert Registration.objects.count() == 1
    settings.REGISTRATION_EMAIL_INTERVAL_MINUTES = 0
    post_registration(client, open_event)
    assert len(deliver_outbox()) == 2  # a new copy of the same link
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_unconfirmed_requests_expire_and_never_count(client, open_event, settings):
    settings.REGISTRATION_CONFIRM_HOURS = 24
    post_registration(client, open_event)
    link = confirm_link("ana@example.org")
    Registration.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = client.post(link)
    assert "This link has expired" in response.content.decode()
    assert statuses() == {"ana@example.org": S.UNCONFIRMED}
    # Registering again replaces the expired request with a new one, with a new link.
    post_registration(client, open_event)
    assert Registration.objects.get().expires_at > timezone.now()
    assert client.post(confirm_link("ana@example.org")).status_code == 200
    assert statuses() == {"ana@example.org": S.CONFIRMED}


@pytest.mark.django_db
def test_a_script_posting_the_form_many_times_fills_nothing(client, open_event, settings):
    """15 requests for a 3-place event from fake addresses (five times its places, and past
    the cap of 10 set here): nothing is held, the event stays open, and the requests are
    capped per event."""
    settings.ANTISPAM_RATE_LIMIT = 1000
    settings.REGISTRATION_MAX_PENDING_PER_EVENT = 10
    answers = [
        post_registration(client, open_event, email=f"bot{n}@example.org").status_code
        for n in range(15)
    ]
    assert answers.count(200) == 15
    state = open_event.registration_state
    assert (state.confirmed, state.waiting, state.is_full) == (0, 0, False)
    assert Registration.objects.filter(status=S.UNCONFIRMED).count() == 10
    assert len(deliver_outbox()) == 10
    response = post_registration(client, open_event, email="person@example.org")
    assert "Many registration requests" in response.content.decode()
    # A real person who confirms still gets a place.
    Registration.objects.filter(email__startswith="bot").delete()
    register_and_confirm(client, open_event, email="real@example.org")
    assert statuses()["real@example.org"] == S.CONFIRMED


@pytest.mark.django_db
def test_one_address_gets_at_most_a_few_pending_requests(client, open_event, settings):
    """The form cannot be used to flood someone's mailbox from many events."""
    settings.REGISTRATION_MAX_PENDING_PER_ADDRESS = 1
    other = EventPageFactory(
        parent=open_event.get_parent(),
        slug="other",
        registration_enabled=True,
        start=open_event.start,
        end=open_event.end,
    )
    other.save_revision().publish()
    post_registration(client, open_event)
    response = post_registration(client, other)
    assert "Check your inbox" in response.content.decode()  # the same answer
    assert Registration.objects.count() == 1
    assert len(deliver_outbox()) == 1
    client.post(confirm_link("ana@example.org"))  # confirmed: no longer pending
    post_registration(client, other)
    assert Registration.objects.count() == 2


@pytest.mark.django_db
def test_confirmation_and_emails_are_in_the_visitors_language(client, open_event, locales):
    for page in (open_event.get_parent().get_parent(), open_event.get_parent()):
        translate_object(page.specific, locales["fr"], lambda text: f"{text} (fr)")
    french = translate_object(open_event, locales["fr"], lambda text: f"{text} (fr)")
    response = client.post(f"{french.url}register/", register_data())
    assert "Consultez votre messagerie" in response.content.decode()
    (request,) = deliver_outbox()
    assert "Confirmez votre inscription" in request.subject and "(fr)" in request.subject
    client.post(confirm_link("ana@example.org"))
    assert Registration.objects.get().language_code == "fr"
    assert "Inscription confirmée" in deliver_outbox()[-1].subject


@pytest.mark.django_db
def test_capacity_then_waiting_list_in_confirmation_order_then_promotion(client, open_event):
    for n in range(4):
        post_registration(client, open_event, email=f"p{n}@example.org")
    # The waiting-list rank is the order of confirmation, not of the requests.
    for n in (3, 2, 1, 0):
        client.post(confirm_link(f"p{n}@example.org"))
    assert statuses() == {
        "p3@example.org": S.CONFIRMED,
        "p2@example.org": S.CONFIRMED,
        "p1@example.org": S.CONFIRMED,
        "p0@example.org": S.WAITING,
    }
    waiting_mail = next(m for m in deliver_outbox() if "waiting list" in m.subject)
    assert waiting_mail.to == ["p0@example.org"]
    assert "waiting list" in waiting_mail.body
    assert waiting_mail.attachments == []  # no calendar entry without a place (docs/events.md)

    first = Registration.objects.get(email="p3@example.org")
    url = cancel_url(open_event.url, first)
    assert client.get(url).status_code == 200  # a confirmation step, not an instant cancel
    assert Registration.objects.get(pk=first.pk).status == S.CONFIRMED
    deliver_outbox().clear()
    assert client.post(url).status_code == 200
    assert Registration.objects.get(pk=first.pk).status == S.CANCELLED
    promoted = Registration.objects.get(email="p0@example.org")
    assert promoted.status == S.CONFIRMED and promoted.promoted_at is not None
    sent = deliver_outbox()
    assert sorted(message.to[0] for message in sent) == ["p0@example.org", "p3@example.org"]
    assert next(m for m in sent if m.to == ["p0@example.org"]).attachments  # now the .ics
    client.post(url)  # cancelling again changes nothing
    assert Registration.objects.filter(status=S.CONFIRMED).count() == 3


@pytest.mark.django_db
def test_capacity_counts_across_translations(client, open_event, locales):
    for page in (open_event.get_parent().get_parent(), open_event.get_parent()):
        translate_object(page.specific, locales["it"], lambda text: f"{text} (it)")
    italian = translate_object(open_event, locales["it"], lambda text: f"{text} (it)")
    register_and_confirm(client, open_event, email="a@example.org")
    register_and_confirm(client, open_event, email="b@example.org")
    register_and_confirm(client, italian, email="c@example.org")
    register_and_confirm(client, italian, email="d@example.org")
    assert Registration.objects.filter(status=S.CONFIRMED).count() == 3
    assert statuses()["d@example.org"] == S.WAITING
    # And an address registered in English is the same registration in Italian.
    client.post(f"{italian.url}register/", register_data(email="a@example.org"))
    assert Registration.objects.filter(email="a@example.org").count() == 1


@pytest.mark.django_db
def test_events_that_need_approval_wait_for_staff_and_tell_the_visitor(
    client, admin_client, open_event
):
    open_event.registration_requires_approval = True
    open_event.save_revision().publish()
    response = register_and_confirm(client, open_event)
    assert "given by the organisers" in response.content.decode()
    registration = Registration.objects.get()
    assert registration.status == S.REQUESTED
    assert open_event.registration_state.confirmed == 0
    assert "request" in deliver_outbox()[-1].subject.lower()

    admin_client.post(f"/admin/registrations/approve/{registration.pk}/")
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED
    approved = deliver_outbox()[-1]
    assert "Registration confirmed" in approved.subject and approved.attachments

    register_and_confirm(client, open_event, email="bo@example.org")
    refused = Registration.objects.get(email="bo@example.org")
    admin_client.post(f"/admin/registrations/decline/{refused.pk}/")
    refused.refresh_from_db()
    assert refused.status == S.DECLINED
    declined = deliver_outbox()[-1]
    assert declined.to == ["bo@example.org"] and "could not accept" in declined.body


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
def test_a_request_confirmed_after_registration_closed_is_refused(client, open_event):
    post_registration(client, open_event)
    open_event.status = EventStatus.CANCELLED
    open_event.save_revision().publish()
    response = client.post(confirm_link("ana@example.org"))
    assert "has been cancelled" in response.content.decode()
    assert statuses() == {"ana@example.org": S.UNCONFIRMED}


@pytest.mark.django_db
def test_full_event_without_waiting_list_refuses(client, open_event):
    open_event.capacity = 1
    open_event.waiting_list_enabled = False
    open_event.save_revision().publish()
    post_registration(client, open_event, email="one@example.org")
    post_registration(client, open_event, email="two@example.org")
    client.post(confirm_link("one@example.org"))
    response = client.post(confirm_link("two@example.org"))
    assert "This event is full" in response.content.decode()
    assert statuses() == {"one@example.org": S.CONFIRMED}  # the late request is dropped
    response = post_registration(client, open_event, email="three@example.org")
    assert "This event is full" in response.content.decode()


@pytest.mark.django_db
def test_unpublished_event_refuses_registration(client, open_event):
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
def test_tampered_links_are_refused(client, open_event):
    register_and_confirm(client, open_event)
    registration = Registration.objects.get()
    token = cancel_token(registration)
    response = client.post(f"{open_event.url}cancel/", {"token": token[:-2] + "xx"})
    assert response.status_code == 404
    # A cancellation token is no confirmation token, and the other way round.
    assert client.post(f"{open_event.url}confirm/", {"token": token}).status_code == 404
    other = confirm_token(registration)
    assert client.post(f"{open_event.url}cancel/", {"token": other}).status_code == 404
    assert Registration.objects.get().status == S.CONFIRMED


@pytest.mark.django_db
def test_registration_page_get_redirects_to_the_form(client, open_event):
    response = client.get(f"{open_event.url}register/")
    assert response.status_code == 302
    assert response["Location"].endswith("#register")
