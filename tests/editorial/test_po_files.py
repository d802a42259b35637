"""PO export/import (wagtail-localize's views) for a page and a snippet, in the admin."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation

from tests.editorial.conftest import client_for
from tests.editorial.test_page_permissions import assert_refused


def translation_of(obj, locale):
    return Translation.objects.get(source__object_id=obj.translation_key, target_locale=locale)


def round_trip(client, translation, new_texts):
    """Download the PO file, translate some entries (msgid → msgstr), upload it back."""
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    po = polib.pofile(response.content.decode())
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    for entry in po:
        if entry.msgid in new_texts:
            entry.msgstr = new_texts[entry.msgid]
    upload = SimpleUploadedFile("translation.po", str(po).encode(), "text/x-gettext-translation")
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": "/admin/"},
    )


@pytest.mark.django_db
def test_po_round_trip_for_a_page(small_site, locales, editor, django_capture_on_commit_callbacks):
    news = small_site["news"]
    translation = translation_of(news, locales["it"])
    client = client_for(editor)
    response = round_trip(client, translation, {news.summary: "Che cosa è successo (PO)."})
    assert response.status_code == 302
    assert StringTranslation.objects.filter(
        locale=locales["it"], data="Che cosa è successo (PO)."
    ).exists()
    italian = news.get_translation(locales["it"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{italian.pk}/edit/", {"action": "publish"})
    italian.refresh_from_db()
    assert italian.summary == "Che cosa è successo (PO)."


@pytest.mark.django_db
def test_po_round_trip_for_a_snippet(
    partner, locales, translator_it, django_capture_on_commit_callbacks
):
    translation = translation_of(partner["en"], locales["it"])
    client = client_for(translator_it)
    response = round_trip(client, translation, {"City of Nice": "Città di Nizza"})
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/snippets/partners/partner/edit/{partner['it'].pk}/", {"action": "publish"}
        )
    partner["it"].refresh_from_db()
    assert partner["it"].name == "Città di Nizza"


@pytest.mark.django_db
def test_po_upload_is_refused_for_another_language(partner, locales, translator_it, editor):
    french = translation_of(partner["en"], locales["fr"])
    # The file an editor exported for French…
    exported = client_for(editor).get(reverse("wagtail_localize:download_pofile", args=[french.pk]))
    upload = SimpleUploadedFile("fr.po", exported.content, "text/x-gettext-translation")
    # … cannot be imported by the Italian translator.
    response = client_for(translator_it).post(
        reverse("wagtail_localize:upload_pofile", args=[french.pk]), {"file": upload}
    )
    assert_refused(response)


@pytest.mark.django_db
def test_page_po_download_follows_the_language(small_site, locales, translator_it):
    news = small_site["news"]
    client = client_for(translator_it)
    italian = translation_of(news, locales["it"])
    french = translation_of(news, locales["fr"])
    assert (
        client.get(reverse("wagtail_localize:download_pofile", args=[italian.pk])).status_code
        == 200
    )
    assert_refused(client.get(reverse("wagtail_localize:download_pofile", args=[french.pk])))
