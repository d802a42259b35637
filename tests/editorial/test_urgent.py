"""Urgent changes: an editor publishes a cancellation or postponement at once, without the
moderators' review, through Wagtail's publish (so that registrants are told)."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from events.models import EventPage
from tests.editorial.conftest import client_for
from tests.mail import deliver_outbox

NOTE = "Cancelled because of the general transport strike."


def urgent_url(page):
    return reverse("editorial:urgent_change", args=[page.pk])


@pytest.fixture
def event(small_site):
    return EventPage.objects.get(pk=small_site["event"].pk)


@pytest.fixture
def published_pages():
    pages = []

    def receiver(sender, instance, **kwargs):
        pages.append((instance.locale.language_code, instance.specific.status))

    page_published.connect(receiver, dispatch_uid="test_urgent")
    yield pages
    page_published.disconnect(dispatch_uid="test_urgent")


@pytest.mark.django_db
def test_editor_publishes_a_cancellation_at_once(
    editor, moderator, event, locales, published_pages, django_capture_on_commit_callbacks
):
    assert event.get_workflow() is not None  # events are reviewed
    client = client_for(editor)
    edit_html = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert urgent_url(event) in edit_html
    assert 'name="action-publish"' not in edit_html  # everything else still goes to review

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(urgent_url(event), {"status": "cancelled", "status_note": NOTE})

    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{event.pk}/edit/"
    for code in ("en", "fr", "it"):
        version = EventPage.objects.get(translation_key=event.translation_key, locale=locales[code])
        assert version.live and version.status == "cancelled", code
        assert version.status_note == NOTE
        assert not version.has_unpublished_changes
    # Through Wagtail's publish: what hangs off page_published (registrants' e-mails) runs.
    assert sorted(published_pages) == [
        ("en", "cancelled"),
        ("fr", "cancelled"),
        ("it", "cancelled"),
    ]
    # In the page history, with the note.
    entry = PageLogEntry.objects.get(page=event, action="editorial.urgent_publish")
    assert entry.user == editor and NOTE in entry.data["change"]
    history = client.get(f"/admin/pages/{event.pk}/history/").content.decode()
    assert "Published at once, without review" in history
    # The moderators are told.
    [message] = [m for m in deliver_outbox() if moderator.email in m.to]
    assert event.title in message.subject
    assert NOTE in message.body
    assert f"/admin/pages/{event.pk}/history/" in message.body
    # The public page says so.
    page_html = client.get(event.url).content.decode()
    assert "This event is cancelled." in page_html and NOTE in page_html


@pytest.mark.django_db
def test_other_changes_stay_a_draft_for_review(editor, event, django_capture_on_commit_callbacks):
    draft = EventPage.objects.get(pk=event.pk)
    draft.summary = "A new programme, waiting for review."
    draft.save_revision(user=editor)
    client = client_for(editor)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(urgent_url(event), {"status": "postponed", "status_note": "New date soon."})

    event.refresh_from_db()
    assert event.status == "postponed"
    assert event.summary != "A new programme, waiting for review."  # not published
    assert event.has_unpublished_changes
    latest = event.get_latest_revision_as_object()
    assert latest.summary == "A new programme, waiting for review."
    assert latest.status == "postponed"  # approving the draft later keeps the postponement


@pytest.mark.django_db
def test_only_a_cancellation_or_postponement(editor, event):
    client = client_for(editor)
    response = client.post(urgent_url(event), {"status": "scheduled", "status_note": "x"})
    assert response.status_code == 200  # the form again, with the error
    assert response.context["form"].errors["status"]
    response = client.post(urgent_url(event), {"status": "cancelled", "status_note": ""})
    assert response.context["form"].errors["status_note"]
    event.refresh_from_db()
    assert event.status == "scheduled"


@pytest.mark.django_db
def test_translators_and_other_pages_have_no_urgent_change(translator_fr, editor, event, locales):
    french = event.get_translation(locales["fr"])
    client = client_for(translator_fr)
    assert urgent_url(french) not in client.get(f"/admin/pages/{french.pk}/edit/").content.decode()
    response = client.post(urgent_url(french), {"status": "cancelled", "status_note": NOTE})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    french.refresh_from_db()
    assert french.status == "scheduled"
    index = event.get_parent()  # not an event: nothing urgent to publish
    response = client_for(editor).get(urgent_url(index))
    assert response.status_code == 302 and response["Location"] == "/admin/"
