"""Accounts of the editorial roles (docs/editors-and-translators.md) for the security tests."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.test import Client

from editorial.models import TranslatorGroup
from editorial.roles import EDITORS

PASSWORD = "a-long-test-password"


def make_user(username, *groups, **extra):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=username, **extra
    )
    user.groups.add(*groups)
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _empty_cache():
    for alias in ("default", "limits"):  # password-reset counters are kept in "limits"
        caches[alias].clear()
    yield
    for alias in ("default", "limits"):
        caches[alias].clear()


@pytest.fixture
def editor(db):
    return make_user("editor", Group.objects.get(name=EDITORS))


@pytest.fixture
def translator_fr(locales):
    return make_user("translator-fr", TranslatorGroup.objects.get(locale=locales["fr"]).group)
