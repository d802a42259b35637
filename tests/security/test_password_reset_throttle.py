"""Admin password-reset requests are counted per e-mail address and per client address:
the form cannot be used to flood a mailbox or the mail server."""

import pytest

from tests.mail import deliver_outbox
from tests.security.test_login_throttle import BROKEN_CACHES

RESET = "/admin/password_reset/"


def request_reset(client, email, address="203.0.113.7"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


@pytest.fixture
def throttle(settings):
    settings.PASSWORD_RESET_THROTTLE_ATTEMPTS = 3
    settings.PASSWORD_RESET_THROTTLE_IP_ATTEMPTS = 5
    settings.PASSWORD_RESET_THROTTLE_SECONDS = 3600
    return settings


@pytest.mark.django_db
def test_requests_beyond_the_limit_for_one_address_send_nothing_and_say_so(
    client, editor, throttle
):
    assert client.get(RESET).status_code == 200
    for _ in range(3):
        response = request_reset(client, editor.email)
        assert response.status_code == 302
        assert response["Location"].endswith("/admin/password_reset/done/")
    assert len(deliver_outbox()) == 3

    response = request_reset(client, editor.email.upper())
    assert response.status_code == 200
    assert b"Too many password reset requests" in response.content
    assert f'value="{editor.email.upper()}"'.encode() in response.content  # input kept
    assert len(deliver_outbox()) == 3

    # The limit holds per e-mail address, from any client: the mailbox is protected.
    assert (
        b"Too many password reset requests"
        in request_reset(client, editor.email, address="198.51.100.20").content
    )
    assert len(deliver_outbox()) == 3


@pytest.mark.django_db
def test_the_answer_is_the_same_for_an_address_with_no_account(client, editor, throttle):
    for _ in range(3):
        assert request_reset(client, "nobody@example.org").status_code == 302
    response = request_reset(client, "nobody@example.org")
    assert b"Too many password reset requests" in response.content
    assert deliver_outbox() == []


@pytest.mark.django_db
def test_one_client_asking_for_many_addresses_is_stopped(client, editor, throttle):
    for number in range(5):
        assert request_reset(client, f"someone{number}@example.org").status_code == 302
    response = request_reset(client, editor.email)
    assert b"Too many password reset requests" in response.content
    assert deliver_outbox() == []
    # A colleague elsewhere can still reset their password.
    assert request_reset(client, editor.email, address="198.51.100.20").status_code == 302
    assert len(deliver_outbox()) == 1
    assert editor.email in deliver_outbox()[0].to


@pytest.mark.django_db
def test_a_cache_outage_does_not_stop_password_resets(client, editor, throttle):
    throttle.CACHES = BROKEN_CACHES
    assert request_reset(client, editor.email).status_code == 302
    assert len(deliver_outbox()) == 1
