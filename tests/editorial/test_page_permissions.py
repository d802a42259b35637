"""Pages: what a translator of Italian may and may not do, through the admin views."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from tests.editorial.conftest import client_for

HOME = "/admin/"


def assert_refused(response):
    """Wagtail answers a refused admin page with a redirect to the dashboard and a message
    (403 for the JSON API of the translation editor)."""
    if response.status_code == 403:
        return
    assert response.status_code == 302, response.status_code
    assert response["Location"] == HOME


def translation_of(page, locale):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def put_string(client, translation, segment, value):
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


@pytest.fixture
def site(small_site, locales):
    translated_site = small_site
    news = translated_site["news"]
    return {
        "en": news,
        "fr": news.get_translation(locales["fr"]),
        "it": news.get_translation(locales["it"]),
        "it_index": translated_site["news_index"].get_translation(locales["it"]),
        "it_standard": translated_site["standard"].get_translation(locales["it"]),
        "fr_standard": translated_site["standard"].get_translation(locales["fr"]),
    }


@pytest.mark.django_db
def test_translator_edits_pages_of_their_language_in_the_translation_editor(translator_it, site):
    client = client_for(translator_it)
    response = client.get(f"/admin/pages/{site['it'].pk}/edit/")
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_translator_cannot_open_other_languages(translator_it, site, language):
    client = client_for(translator_it)
    assert_refused(client.get(f"/admin/pages/{site[language].pk}/edit/"))


@pytest.mark.django_db
def test_translator_saves_and_publishes_an_italian_translation(
    translator_it, site, locales, django_capture_on_commit_callbacks
):
    client = client_for(translator_it)
    translation = translation_of(site["en"], locales["it"])
    segment = StringSegment.objects.get(source=translation.source, context__path="summary")
    response = put_string(client, translation, segment, "Che cosa è successo.")
    assert response.status_code in (200, 201)
    assert (
        StringTranslation.objects.get(
            translation_of=segment.string, locale=locales["it"], context=segment.context
        ).data
        == "Che cosa è successo."
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{site['it'].pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    site["it"].refresh_from_db()
    assert site["it"].summary == "Che cosa è successo."
    assert site["it"].live


@pytest.mark.django_db
def test_translator_cannot_write_strings_of_another_language(translator_it, site, locales):
    client = client_for(translator_it)
    translation = translation_of(site["en"], locales["fr"])
    segment = StringSegment.objects.get(source=translation.source, context__path="summary")
    response = put_string(client, translation, segment, "Piraté")
    assert response.status_code == 403
    assert (
        StringTranslation.objects.get(
            translation_of=segment.string, locale=locales["fr"], context=segment.context
        ).data
        != "Piraté"
    )


@pytest.mark.django_db
def test_translator_cannot_publish_a_french_page(translator_it, site):
    client = client_for(translator_it)
    assert_refused(client.post(f"/admin/pages/{site['fr'].pk}/edit/", {"action": "publish"}))


@pytest.mark.django_db
def test_translator_cannot_create_pages(translator_it, site):
    client = client_for(translator_it)
    url = f"/admin/pages/add/news/newspage/{site['it_index'].pk}/"
    assert_refused(client.get(url))


@pytest.mark.django_db
def test_translator_cannot_delete_or_unpublish_even_in_their_language(translator_it, site):
    client = client_for(translator_it)
    page = site["it_standard"]
    # Wagtail alone would allow both ("change" + "publish" on a leaf page); the editorial
    # page permissions (PAGE_PERMISSION_TESTER) refuse them, so no view offers them.
    permissions = page.permissions_for_user(translator_it)
    assert permissions.can_edit() and permissions.can_publish()
    assert not permissions.can_delete()
    assert not permissions.can_unpublish()
    assert_refused(client.post(f"/admin/pages/{page.pk}/delete/"))
    assert_refused(client.post(f"/admin/pages/{page.pk}/unpublish/"))
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_unpublish_and_delete_are_not_offered_to_translators(translator_it, editor, site):
    """Not in the translation editor's actions nor in the page's menus: a translator is
    never offered what would be refused after confirming."""
    page = site["it_standard"]
    html = client_for(translator_it).get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "canUnpublish&quot;: false" in html
    assert "canDelete&quot;: false" in html
    listing = client_for(translator_it).get(f"/admin/pages/{page.get_parent().pk}/")
    assert f"/admin/pages/{page.pk}/unpublish/" not in listing.content.decode()
    assert f"/admin/pages/{page.pk}/delete/" not in listing.content.decode()
    # Editors still may.
    html = client_for(editor).get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "canUnpublish&quot;: true" in html


@pytest.mark.django_db
def test_translator_cannot_unpublish_french_pages(translator_it, site):
    client = client_for(translator_it)
    assert_refused(client.post(f"/admin/pages/{site['fr_standard'].pk}/unpublish/"))
    site["fr_standard"].refresh_from_db()
    assert site["fr_standard"].live


@pytest.mark.django_db
def test_translator_previews_their_language_only(translator_it, site, locales):
    client = client_for(translator_it)
    italian = translation_of(site["en"], locales["it"])
    french = translation_of(site["en"], locales["fr"])
    ok = client.get(reverse("wagtail_localize:preview_translation", args=[italian.pk]))
    assert ok.status_code == 200
    assert_refused(client.get(reverse("wagtail_localize:preview_translation", args=[french.pk])))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/users/",
        "/admin/groups/",
        "/admin/locales/",
        "/admin/sites/",
        "/admin/workflows/list/",
        "/admin/redirects/",
    ],
)
def test_translator_has_no_settings_or_users(translator_it, url):
    assert_refused(client_for(translator_it).get(url))


@pytest.mark.django_db
def test_translator_cannot_submit_translations_into_other_languages(translator_it, site):
    client = client_for(translator_it)
    url = reverse("wagtail_localize:submit_page_translation", args=[site["en"].pk])
    assert_refused(client.get(url))


@pytest.mark.django_db
def test_editor_edits_every_language(editor, site):
    client = client_for(editor)
    for language in ("en", "fr", "it"):
        assert client.get(f"/admin/pages/{site[language].pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/add/news/newspage/{site['it_index'].pk}/").status_code == 200
