"""Snippets (partners, cities): a translator of Italian edits the Italian ones only."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.permissions import policy_registry
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from editorial.permissions import LocaleScopedSnippetPermissionPolicy
from partners.models import City, Partner
from tests.editorial.conftest import client_for, edit_form_data
from tests.editorial.test_page_permissions import assert_refused
from tests.factories import CityFactory

PARTNERS = "/admin/snippets/partners/partner/"
CITIES = "/admin/snippets/partners/city/"


def translation_of(obj, locale):
    return Translation.objects.get(source__object_id=obj.translation_key, target_locale=locale)


def put_string(client, translation, path, value):
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )
    return response, segment


@pytest.mark.django_db
def test_the_policy_is_registered_for_partners_and_cities():
    for model in (Partner, City):
        assert isinstance(policy_registry.get_by_type(model), LocaleScopedSnippetPermissionPolicy)
        assert isinstance(
            model.snippet_viewset.permission_policy, LocaleScopedSnippetPermissionPolicy
        )


@pytest.mark.django_db
def test_policy_scopes_translators_and_not_editors(partner, translator_it, editor):
    policy = policy_registry.get_by_type(Partner)
    assert policy.user_has_permission(translator_it, "change")  # the snippet menu shows
    assert policy.user_has_permission_for_instance(translator_it, "change", partner["it"])
    assert not policy.user_has_permission_for_instance(translator_it, "change", partner["fr"])
    assert not policy.user_has_permission_for_instance(translator_it, "change", partner["en"])
    assert not policy.user_has_permission_for_instance(translator_it, "delete", partner["it"])
    for version in partner.values():
        assert policy.user_has_permission_for_instance(editor, "change", version)
    assert set(policy.instances_user_has_permission_for(translator_it, "change")) == {partner["it"]}
    users = policy.users_with_permission_for_instance("change", partner["it"])
    assert translator_it in users and editor in users
    assert translator_it not in policy.users_with_permission_for_instance("change", partner["fr"])


@pytest.mark.django_db
def test_translator_lists_and_opens_italian_snippets(partner, translator_it):
    client = client_for(translator_it)
    assert client.get(PARTNERS).status_code == 200
    response = client.get(f"{PARTNERS}edit/{partner['it'].pk}/")
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_translator_cannot_open_other_languages(partner, translator_it, language):
    client = client_for(translator_it)
    assert_refused(client.get(f"{PARTNERS}edit/{partner[language].pk}/"))


@pytest.mark.django_db
def test_translator_cannot_save_the_english_source(partner, translator_it, editor):
    data = edit_form_data(client_for(editor), f"{PARTNERS}edit/{partner['en'].pk}/")
    data["name"] = "Hijacked"
    data["action-publish"] = "action-publish"
    response = client_for(translator_it).post(f"{PARTNERS}edit/{partner['en'].pk}/", data)
    assert_refused(response)
    partner["en"].refresh_from_db()
    assert partner["en"].name == "City of Nice"


@pytest.mark.django_db
def test_translator_translates_and_publishes_an_italian_partner(
    partner, translator_it, locales, django_capture_on_commit_callbacks
):
    client = client_for(translator_it)
    translation = translation_of(partner["en"], locales["it"])
    response, _segment = put_string(client, translation, "name", "Città di Nizza")
    assert response.status_code in (200, 201)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{PARTNERS}edit/{partner['it'].pk}/", {"action": "publish"})
    assert response.status_code == 302
    partner["it"].refresh_from_db()
    assert partner["it"].name == "Città di Nizza"
    assert partner["it"].live


@pytest.mark.django_db
def test_translator_cannot_translate_a_french_partner(partner, translator_it, locales):
    client = client_for(translator_it)
    translation = translation_of(partner["en"], locales["fr"])
    response, segment = put_string(client, translation, "name", "Piraté")
    assert response.status_code == 403
    assert not StringTranslation.objects.filter(data="Piraté").exists()
    assert_refused(client.post(f"{PARTNERS}edit/{partner['fr'].pk}/", {"action": "publish"}))


@pytest.mark.django_db
def test_translator_cannot_create_delete_or_unpublish(partner, translator_it):
    client = client_for(translator_it)
    assert_refused(client.get(f"{PARTNERS}add/"))
    for language in ("it", "fr"):
        assert_refused(client.post(f"{PARTNERS}delete/{partner[language].pk}/"))
        assert_refused(client.post(f"{PARTNERS}unpublish/{partner[language].pk}/"))
    assert Partner.objects.filter(live=True).count() == 3


@pytest.mark.django_db
def test_translator_edits_an_italian_city_written_in_italian(translator_it, locales):
    """A snippet written directly in Italian (no translation source) uses Wagtail's own
    editor; the translator saves and publishes it."""
    torino = CityFactory(name="Torino", locale=locales["it"])
    torino.save_revision().publish()
    client = client_for(translator_it)
    url = f"{CITIES}edit/{torino.pk}/"
    data = edit_form_data(client, url)
    data["name"] = "Torino (Piemonte)"
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    torino.refresh_from_db()
    assert torino.name == "Torino (Piemonte)"


@pytest.mark.django_db
def test_translator_cannot_edit_a_city_without_italian_version(city, translator_it):
    client = client_for(translator_it)
    assert_refused(client.get(f"{CITIES}edit/{city['en'].pk}/"))
    assert_refused(client.get(f"{CITIES}edit/{city['fr'].pk}/"))


@pytest.mark.django_db
def test_snippet_preview_is_scoped_too(partner, translator_it):
    client = client_for(translator_it)
    assert client.get(f"{PARTNERS}preview/{partner['it'].pk}/").status_code in (200, 405)
    assert client.get(f"{PARTNERS}preview/{partner['fr'].pk}/").status_code in (302, 403)


@pytest.mark.django_db
def test_po_files_of_snippets_follow_the_language(partner, translator_it, locales):
    client = client_for(translator_it)
    italian = translation_of(partner["en"], locales["it"])
    french = translation_of(partner["en"], locales["fr"])
    response = client.get(reverse("wagtail_localize:download_pofile", args=[italian.pk]))
    assert response.status_code == 200
    assert "City of Nice" in response.content.decode()
    assert_refused(client.get(reverse("wagtail_localize:download_pofile", args=[french.pk])))


@pytest.mark.django_db
def test_editor_edits_and_creates_in_every_language(partner, editor):
    client = client_for(editor)
    for version in partner.values():
        assert client.get(f"{PARTNERS}edit/{version.pk}/").status_code == 200
    assert client.get(f"{PARTNERS}add/").status_code == 200
