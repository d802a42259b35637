"""`manage.py editorial_demo_users`: one demo user per role, no password in the code."""

import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.test import RequestFactory


def log_in(**credentials):
    """authenticate() as the login form calls it (django-axes needs the request)."""
    return authenticate(RequestFactory().post("/admin/login/"), **credentials)


def run(**env):
    out = io.StringIO()
    call_command("editorial_demo_users", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_refused_outside_the_local_demo(settings):
    settings.LOCAL_DEMO = False
    with pytest.raises(CommandError):
        run()


@pytest.mark.django_db
def test_generated_passwords_are_printed_once(settings, monkeypatch, locales):
    settings.LOCAL_DEMO = True
    monkeypatch.delenv("DEMO_USER_PASSWORD", raising=False)
    output = run()
    users = get_user_model().objects.filter(
        username__in=["editor", "moderator", "translator-fr", "translator-it", "translator-es"]
    )
    assert users.count() == 5
    passwords = {}
    for line in output.splitlines():
        if "password: " in line:
            passwords[line.split()[0]] = line.rsplit("password: ", 1)[1]
    assert set(passwords) == {
        "editor",
        "moderator",
        "translator-fr",
        "translator-it",
        "translator-es",
    }
    assert len(set(passwords.values())) == 5
    assert log_in(username="translator-it", password=passwords["translator-it"])
    italian = get_user_model().objects.get(username="translator-it")
    assert list(italian.groups.values_list("name", flat=True)) == ["Translators (Italian)"]
    assert italian.email == "translator-it@example.org"

    again = run()  # idempotent: nobody is duplicated, no password printed or changed
    assert "password: " not in again
    assert get_user_model().objects.filter(username__startswith="translator-").count() == 3
    assert log_in(username="editor", password=passwords["editor"])


@pytest.mark.django_db
def test_password_from_the_environment(settings, monkeypatch, locales):
    settings.LOCAL_DEMO = True
    monkeypatch.setenv("DEMO_USER_PASSWORD", "from-the-environment-123")
    output = run()
    assert "from-the-environment-123" not in output
    for username in ("editor", "moderator", "translator-es"):
        assert log_in(username=username, password="from-the-environment-123")
