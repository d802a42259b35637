"""Admin login throttling per (username, address) and per address (django-axes, its
database handler: core/login_throttle.py)."""

from io import StringIO

import pytest
from django.core.cache.backends.base import BaseCache

from tests.security.conftest import PASSWORD

LOGIN = "/admin/login/"


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(response):
    return response.status_code == 302 and "/admin/login/" not in response["Location"]


@pytest.fixture
def throttle(settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    settings.LOGIN_THROTTLE_IP_ATTEMPTS = 10
    settings.LOGIN_THROTTLE_SECONDS = 600
    return settings


@pytest.mark.django_db
def test_repeated_failures_lock_the_username_from_that_address(client, editor, throttle):
    for _ in range(2):
        response = attempt(client, "editor", "wrong password")
        assert response.status_code == 200
        assert not logged_in(response)
    # The failure that reaches the limit already says so, with the time to wait.
    response = attempt(client, "editor", "wrong password")
    assert response.status_code == 429
    assert b"Too many failed login attempts. Please try again in 10 minutes." in response.content
    assert b'name="username"' in response.content  # the login form, not a bare error page
    # Now even the right password is refused from this address, with a clear message.
    response = attempt(client, "editor", PASSWORD)
    assert not logged_in(response)
    assert response.status_code == 429
    assert b"Too many failed login attempts" in response.content
    # The same answer for an unknown username that was tried as often: nothing is revealed.
    for _ in range(3):
        attempt(client, "nobody", "wrong password")
    assert b"Too many failed login attempts" in attempt(client, "nobody", "x").content
    # Another address is not locked out: the account itself is never locked.
    assert logged_in(attempt(client, "editor", PASSWORD, address="198.51.100.20"))


@pytest.mark.django_db
def test_the_lock_message_is_in_the_editors_language(client, editor, throttle):
    for _ in range(3):
        response = client.post(
            LOGIN,
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_ACCEPT_LANGUAGE="fr",
        )
    assert "Trop de tentatives de connexion échouées" in response.content.decode()


@pytest.mark.django_db
def test_refused_attempts_do_not_prolong_the_lock(client, editor, throttle):
    from axes.models import AccessAttempt

    for _ in range(3):
        attempt(client, "editor", "wrong password")
    locked_at = AccessAttempt.objects.get().attempt_time
    for _ in range(3):
        attempt(client, "editor", "wrong password")
    attempt(client, "editor", PASSWORD)
    assert AccessAttempt.objects.get().attempt_time == locked_at
    assert AccessAttempt.objects.get().failures_since_start == 3


@pytest.mark.django_db
def test_staff_unlock_an_address_with_axes_commands(client, editor, throttle):
    """The documented way to release an address at once (docs/security-and-privacy.md)."""
    from django.core.management import call_command

    for _ in range(3):
        attempt(client, "editor", "wrong password")
    assert not logged_in(attempt(client, "editor", PASSWORD))
    call_command("axes_reset_ip", "203.0.113.7", stdout=StringIO())
    assert logged_in(attempt(client, "editor", PASSWORD))


@pytest.mark.django_db
def test_the_username_is_compared_without_case(client, editor, throttle):
    for username in ("editor", "EDITOR", "Editor "):
        attempt(client, username, "wrong password")
    assert not logged_in(attempt(client, "editor", PASSWORD))


@pytest.mark.django_db
def test_a_successful_login_clears_the_count(client, editor, throttle):
    attempt(client, "editor", "wrong password")
    attempt(client, "editor", "wrong password")
    assert logged_in(attempt(client, "editor", PASSWORD))
    client.logout()
    attempt(client, "editor", "wrong password")
    attempt(client, "editor", "wrong password")
    assert logged_in(attempt(client, "editor", PASSWORD))


@pytest.mark.django_db
def test_an_address_trying_many_usernames_is_refused(client, editor, throttle):
    for number in range(10):
        attempt(client, f"user{number}", "wrong password")
    assert not logged_in(attempt(client, "editor", PASSWORD))
    assert logged_in(attempt(client, "editor", PASSWORD, address="198.51.100.20"))


@pytest.mark.django_db
def test_the_authentication_backend_refuses_too(rf, editor, throttle):
    from django.contrib.auth import authenticate

    request = rf.post(LOGIN, REMOTE_ADDR="203.0.113.7")
    for _ in range(3):
        assert authenticate(request, username="editor", password="wrong") is None
    assert authenticate(request, username="editor", password=PASSWORD) is None
    other = rf.post(LOGIN, REMOTE_ADDR="203.0.113.8")
    assert authenticate(other, username="editor", password=PASSWORD) == editor


@pytest.mark.django_db
@pytest.mark.parametrize(
    "proxies, headers",
    [
        (1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "not-an-address"}),
        (0, {"REMOTE_ADDR": ""}),  # a Unix socket: no address at all
    ],
    ids=["garbage-forwarded", "no-address"],
)
def test_a_client_without_a_usable_address_is_throttled_not_refused(
    client, editor, throttle, proxies, headers
):
    """No 500 (PostgreSQL's inet column refuses text that is no address): the failures of
    such clients are counted together, under 0.0.0.0."""
    throttle.TRUSTED_PROXY_COUNT = proxies
    from axes.models import AccessAttempt

    wrong = {"username": "editor", "password": "wrong"}
    assert client.post(LOGIN, wrong, **headers).status_code == 200
    # A successful login clears that failure (axes looks the address up to reset it).
    assert logged_in(client.post(LOGIN, {"username": "editor", "password": PASSWORD}, **headers))
    client.logout()
    for _ in range(2):
        assert client.post(LOGIN, wrong, **headers).status_code == 200
    assert client.post(LOGIN, wrong, **headers).status_code == 429
    assert AccessAttempt.objects.get().ip_address == "0.0.0.0"


@pytest.mark.django_db
def test_behind_proxies_the_forwarded_address_counts(client, editor, throttle):
    throttle.TRUSTED_PROXY_COUNT = 1
    from axes.models import AccessAttempt

    for _ in range(3):
        client.post(
            LOGIN,
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    locked = client.post(
        LOGIN,
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert not logged_in(locked)
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    # Another visitor behind the same proxy is not affected.
    other = client.post(
        LOGIN,
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert logged_in(other)


class BrokenCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)

    def _down(self, *args, **kwargs):
        raise ConnectionError("cache server down")

    get = set = add = delete = get_many = set_many = delete_many = incr = has_key = _down
    clear = touch = _down


BROKEN_CACHES = {
    alias: {"BACKEND": "tests.security.test_login_throttle.BrokenCache"}
    for alias in ("default", "limits")
}


@pytest.mark.django_db
def test_a_cache_outage_does_not_lock_staff_out(client, editor, throttle):
    throttle.CACHES = BROKEN_CACHES
    attempt(client, "editor", "wrong password")
    assert logged_in(attempt(client, "editor", PASSWORD))
