"""Spam protection of the contact and registration forms (privacy/antispam.py)."""

import re
import socket

import pytest
from wagtail.contrib.forms.models import FormSubmission

from config.settings.base import redis_cache
from events.models import Registration
from privacy import antispam
from privacy.antispam import ANSWER_FIELD, HONEYPOT_FIELD, TOKEN_FIELD
from tests.forms import antispam_fields, contact_data
from tests.mail import deliver_outbox
from tests.privacy.conftest import CONTACT_URL, register_data

GENERIC = "We could not accept the form"
EXPIRED = "This form has expired"


def register(client, event, **data):
    return client.post(f"{event.url}register/", register_data(**data))


def send_contact(client, **data):
    return client.post(CONTACT_URL, contact_data(your_e_mail="ana@example.org", **data))


def token_in(html):
    match = re.search(rf'name="{TOKEN_FIELD}" value="([^"]+)"', html)
    return match.group(1) if match else None


# ------------------------------------------------------------------------------ markup


@pytest.mark.django_db
def test_forms_carry_the_honeypot_the_token_and_a_labelled_question(client, contact, open_event):
    for url in (CONTACT_URL, open_event.url):
        html = client.get(url).content.decode()
        trap = re.search(
            r'<div class="visually-hidden form-trap" aria-hidden="true">(.*?)</div>', html, re.S
        )
        assert trap, url
        assert "Leave this field empty" in trap.group(1)
        assert f'name="{HONEYPOT_FIELD}"' in trap.group(1) and 'tabindex="-1"' in trap.group(1)
        token = token_in(html)
        assert token, url
        first, second = antispam.question_numbers(antispam.read_token(token)[1])
        label = re.search(
            rf'<label class="form-field__label" for="id_{ANSWER_FIELD}">([^<]+)', html
        )
        assert label.group(1).strip() == f"How much is {first} + {second}?"
        # The answer is not in the page: only the question is.
        assert f'value="{first + second}"' not in html


@pytest.mark.django_db
def test_the_question_is_asked_in_the_visitors_language(client, translated_site):
    html = client.get("/fr/contact/").content.decode()
    assert re.search(rf'for="id_{ANSWER_FIELD}">Combien font \d+ \+ \d+ ?', html)
    assert "Laissez ce champ vide" in html


def test_the_token_does_not_give_the_answer_away():
    token = antispam.issue_token()
    payload = antispam.read_token(token)
    assert set(map(str, payload)) & {str(antispam.expected_answer(token))} == set()
    assert antispam.read_token(token[:-3] + "abc") is None
    assert antispam.read_token("x" * 1000) is None
    assert antispam.expected_answer("not a token") is None


# ------------------------------------------------------------------------------ accepted


@pytest.mark.django_db
def test_a_person_filling_the_forms_gets_through(client, contact, open_event):
    assert register(client, open_event).status_code == 200
    assert Registration.objects.count() == 1
    response = send_contact(client)
    assert response.status_code == 200
    assert FormSubmission.objects.count() == 1
    stored = FormSubmission.objects.get().form_data
    assert not set(stored) & {HONEYPOT_FIELD, TOKEN_FIELD, ANSWER_FIELD, "consent"}
    # Neither the e-mail to staff.
    assert (
        TOKEN_FIELD not in deliver_outbox()[-1].body and "antispam" not in deliver_outbox()[-1].body
    )


@pytest.mark.django_db
def test_a_form_served_hours_ago_from_a_cache_is_still_accepted(client, open_event):
    response = client.post(
        f"{open_event.url}register/", {**register_data(), **antispam_fields(age_seconds=6 * 3600)}
    )
    assert "Check your inbox" in response.content.decode()


# ------------------------------------------------------------------------------ refused


def assert_refused_and_kept(response, message, kept=("Ana Martín",)):
    html = response.content.decode()
    assert message in html
    for value in kept:
        assert f'value="{value}"' in html or f"{value}</textarea>" in html
    # Nothing says which check failed.
    for word in ("honeypot", "too fast", "robot", "bot "):
        assert word not in html.lower()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda: {HONEYPOT_FIELD: "http://spam.example"}, id="honeypot"),
    ],
)
def test_robots_are_refused_without_being_told_why(client, contact, open_event, tamper):
    tamper = tamper()
    assert_refused_and_kept(register(client, open_event, **tamper), GENERIC)
    response = send_contact(client, **tamper)
    assert_refused_and_kept(response, GENERIC, kept=("Ana Martín", "ana@example.org", "Hello"))
    assert Registration.objects.count() == FormSubmission.objects.count() == 0
    assert not deliver_outbox()


TOO_SOON = "The form was sent within seconds of opening the page."


@pytest.mark.django_db
def test_a_form_sent_too_soon_says_what_to_do_and_goes_through_when_sent_again(
    client, contact, open_event, settings
):
    """People who autofill or paste can beat the minimum fill time: they are told plainly,
    on the question's field and in the error summary, and lose nothing."""
    settings.ANTISPAM_MIN_SECONDS = 60
    fields = antispam_fields(age_seconds=10)
    for response in (
        register(client, open_event, **fields),
        send_contact(client, **fields),
    ):
        html = response.content.decode()
        assert f"{TOO_SOON} Please check your answers and send it again." in html
        summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
        assert f'href="#id_{ANSWER_FIELD}"' in summary and TOO_SOON in summary
        assert f'id="id_{ANSWER_FIELD}_error"' in html  # the field is marked and described
        assert 'value="Ana Martín"' in html
        assert f'value="{fields[ANSWER_FIELD]}"' in html  # the answer is kept, and so
        assert token_in(html) == fields[TOKEN_FIELD]  # is its question
    assert Registration.objects.count() == FormSubmission.objects.count() == 0
    assert not deliver_outbox()

    # Sent again as it is once the minimum time has passed: accepted.
    settings.ANTISPAM_MIN_SECONDS = 3
    assert "Check your inbox" in register(client, open_event, **fields).content.decode()


@pytest.mark.django_db
def test_the_too_soon_message_is_in_the_visitors_language(client, translated_site):
    html = client.post("/fr/contact/", antispam_fields(age_seconds=0)).content.decode()
    assert "Le formulaire a été envoyé quelques secondes à peine" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param({TOKEN_FIELD: ""}, id="no-token"),
        pytest.param({TOKEN_FIELD: "forged:token"}, id="forged"),
        pytest.param(antispam_fields(age_seconds=25 * 3600), id="expired"),
    ],
)
def test_a_missing_forged_or_expired_token_gets_a_new_question(client, contact, open_event, tamper):
    for response in (register(client, open_event, **tamper), send_contact(client, **tamper)):
        assert_refused_and_kept(response, EXPIRED)
        new_token = token_in(response.content.decode())
        assert antispam.read_token(new_token) is not None
        assert new_token != tamper[TOKEN_FIELD]
    assert Registration.objects.count() == FormSubmission.objects.count() == 0


@pytest.mark.django_db
def test_a_wrong_answer_is_said_plainly_with_a_new_question(client, contact, open_event):
    fields = antispam_fields()
    wrong = str(int(fields[ANSWER_FIELD]) + 1)
    for response in (
        register(client, open_event, **{**fields, ANSWER_FIELD: wrong}),
        send_contact(client, **{**fields, ANSWER_FIELD: wrong}),
    ):
        html = response.content.decode()
        assert "That is not the right answer" in html
        assert f'href="#id_{ANSWER_FIELD}"' in html  # in the error summary, linked
        assert token_in(html) != fields[TOKEN_FIELD]
        assert 'value="Ana Martín"' in html
    missing = register(client, open_event, **{ANSWER_FIELD: ""})
    assert "Please answer the question." in missing.content.decode()
    assert Registration.objects.count() == FormSubmission.objects.count() == 0


@pytest.mark.django_db
def test_a_correct_answer_cannot_be_replayed(client, open_event):
    fields = antispam_fields()
    assert "Check your inbox" in register(client, open_event, **fields).content.decode()
    again = register(client, open_event, email="other@example.org", **fields)
    assert EXPIRED in again.content.decode()
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_a_registration_refused_for_another_reason_keeps_its_question(client, open_event, settings):
    settings.REGISTRATION_MAX_PENDING_PER_EVENT = 1
    register(client, open_event)
    fields = antispam_fields()
    refused = register(client, open_event, email="ana2@example.org", **fields)
    html = refused.content.decode()
    assert "Many registration requests" in html
    assert token_in(html) == fields[TOKEN_FIELD]
    # Sent again later, it goes through with the same question.
    settings.REGISTRATION_MAX_PENDING_PER_EVENT = 2
    fixed = register(client, open_event, email="ana2@example.org", **fields)
    assert "Check your inbox" in fixed.content.decode()


# ------------------------------------------------------------------------------ rate limit


@pytest.mark.django_db
def test_rate_limit_per_client_address(client, contact, open_event, settings):
    settings.ANTISPAM_RATE_LIMIT = 3
    for n in range(2):
        register(client, open_event, email=f"p{n}@example.org")
    send_contact(client)
    assert Registration.objects.count() == 2 and FormSubmission.objects.count() == 1

    limited = register(client, open_event, email="p9@example.org")
    assert limited.status_code == 429
    assert "Too many forms have been sent from your connection" in limited.content.decode()
    assert 'value="Ana Martín"' in limited.content.decode()
    assert send_contact(client).status_code == 429
    assert Registration.objects.count() == 2 and FormSubmission.objects.count() == 1

    # Another address is not affected.
    other = client.post(
        f"{open_event.url}register/",
        register_data(email="p10@example.org"),
        REMOTE_ADDR="203.0.113.7",
    )
    assert other.status_code == 200 and Registration.objects.count() == 3


@pytest.mark.django_db
def test_forwarded_for_is_only_believed_behind_trusted_proxies(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9")
    assert antispam.client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert antispam.client_ip(request) == "198.51.100.9"
    settings.TRUSTED_PROXY_COUNT = 2
    assert antispam.client_ip(request) == "1.2.3.4"
    settings.TRUSTED_PROXY_COUNT = 3  # fewer entries than proxies: the direct peer
    assert antispam.client_ip(request) == "10.0.0.1"


def test_ipv6_clients_are_counted_by_their_network(rf):
    def key(address):
        return antispam.client_key(rf.get("/", REMOTE_ADDR=address))

    assert key("2001:db8:1:2::1") == key("2001:db8:1:2:ffff::9")
    assert key("2001:db8:1:2::1") != key("2001:db8:1:3::1")
    assert key("192.0.2.1") != key("192.0.2.2")


@pytest.mark.django_db
def test_a_cache_outage_does_not_block_visitors(client, open_event, settings):
    """The cache of the limits raises on every call (no Redis IGNORE_EXCEPTIONS there)."""
    settings.CACHES = {
        **settings.CACHES,
        "limits": {"BACKEND": "tests.security.test_login_throttle.BrokenCache"},
    }
    response = register(client, open_event)
    assert "Check your inbox" in response.content.decode()


@pytest.mark.django_db
def test_settings_tune_the_time_window(client, open_event, settings):
    settings.ANTISPAM_MIN_SECONDS = 60
    assert TOO_SOON in register(client, open_event).content.decode()  # served 10 s ago
    settings.ANTISPAM_MIN_SECONDS = 3
    settings.ANTISPAM_MAX_AGE_SECONDS = 5
    assert EXPIRED in register(client, open_event).content.decode()
    assert Registration.objects.count() == 0


@pytest.mark.django_db
def test_a_redis_outage_does_not_block_visitors(client, contact, open_event, settings):
    """Redis configured as with REDIS_URL (django-redis ignoring errors) but unreachable:
    its calls answer None instead of raising; both forms still go through and are stored."""
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    redis = redis_cache(f"redis://127.0.0.1:{port}/0", "test")  # as with REDIS_URL
    settings.CACHES = {"default": redis, "limits": redis}
    assert "Check your inbox" in register(client, open_event).content.decode()
    assert send_contact(client).status_code == 200
    assert Registration.objects.count() == 1 and FormSubmission.objects.count() == 1
