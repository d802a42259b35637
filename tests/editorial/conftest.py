"""Users of every editorial role, a translated site and translated snippets."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.test.utils.form_data import querydict_from_html

from editorial.models import TranslatorGroup
from editorial.roles import EDITORS, MODERATORS
from tests.factories import CityFactory, PartnerFactory
from tests.shared import shared_fixture
from tests.translation import translate_object


def make_user(username, *groups):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "a-long-test-password", first_name=username
    )
    user.groups.add(*groups)
    return user


@pytest.fixture
def editor(db):
    return make_user("editor", Group.objects.get(name=EDITORS))


@pytest.fixture
def moderator(db):
    return make_user("moderator", Group.objects.get(name=MODERATORS))


def translator_group(locale):
    return TranslatorGroup.objects.get(locale=locale).group


@pytest.fixture
def translator_it(locales):
    return make_user("translator-it", translator_group(locales["it"]))


@pytest.fixture
def translator_fr(locales):
    return make_user("translator-fr", translator_group(locales["fr"]))


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@shared_fixture(parent="small_site")
def partner(_small_site):
    """A partner in English, translated into French and Italian (not Spanish): {language:
    version}. Built once per run on top of `small_site` (tests/shared.py; a chain: a test
    may ask for both), re-read for each test."""
    from wagtail.models import Locale

    english = PartnerFactory(name="City of Nice", short_name="Nice")
    english.save_revision().publish()
    versions = {"en": english}
    for code in ("fr", "it"):
        versions[code] = translate_object(
            english,
            Locale.objects.get(language_code=code),
            lambda text, c=code: f"[{c}] {text}",
        )
    return versions


@shared_fixture(parent="partner")
def city(_partner):
    """A city in English, translated into French only: {language: version}. Built once per
    run on top of `partner` (a test may ask for both), re-read for each test."""
    from wagtail.models import Locale

    english = CityFactory(name="Liège", country="BE")
    english.save_revision().publish()
    return {
        "en": english,
        "fr": translate_object(
            english, Locale.objects.get(language_code="fr"), lambda text: f"[fr] {text}"
        ),
    }


def edit_form_data(client, url, form_id=None, instance=None):
    """The data the edit form at `url` would post as it is rendered. StreamFields are drawn
    by JavaScript: those of `instance` must be empty and are posted empty."""
    response = client.get(url)
    assert response.status_code == 200, response
    html = response.content.decode()
    if form_id is None:
        data = querydict_from_html(html, form_index=_edit_form_index(html))
    else:
        data = querydict_from_html(html, form_id=form_id)
    if instance is not None:
        from wagtail.fields import StreamField

        for model_field in type(instance)._meta.get_fields():
            if isinstance(model_field, StreamField):
                assert not getattr(instance, model_field.name), "only empty StreamFields"
                data.setdefault(f"{model_field.name}-count", "0")
    return data


def _edit_form_index(html):
    from wagtail.test.utils import WagtailTestUtils

    soup = WagtailTestUtils.get_soup(html)
    for index, form in enumerate(soup.find_all("form")):
        if form.get("method", "").lower() == "post" and form.find(attrs={"name": "action-publish"}):
            return index
    for index, form in enumerate(soup.find_all("form")):
        if form.get("method", "").lower() == "post":
            return index
    raise AssertionError("No edit form")


@shared_fixture(parent="site_tree")
def small_site(site_tree):
    """The home page, the news index, a news item, the event index, an event and the About
    page, translated into French and Italian (lighter than `translated_site`); the same
    dict as `site_tree`. Built once per module (tests/shared.py)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale, Page

    from tests.translation import translate_page

    # The `home` fixture deletes Wagtail's English welcome page; its aliases in the other
    # languages (made by wagtail-localize's tree synchronisation) are left: remove them.
    Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
    keys = ["home", "news_index", "news", "event_index", "event", "standard"]
    for code in ("fr", "it"):
        locale = Locale.objects.get(language_code=code)
        for key in keys:
            translate_page(site_tree[key], locale, lambda text, c=code: f"[{c}] {text}")
    return site_tree
