"""News and events go through the moderators' review; scheduled publishing; notifications."""

import datetime
import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from news.models import NewsPage
from tests.editorial.conftest import client_for, edit_form_data
from tests.factories import NewsPageFactory
from tests.mail import deliver_outbox
from tests.shared import shared_fixture

EDIT_FORM = "page-edit-form"


@shared_fixture(parent="site_tree")
def draft_news(site_tree):
    """A news item never published, with one draft revision. Built once per run
    (tests/shared.py), re-read for each test."""
    page = NewsPageFactory(
        parent=site_tree["news_index"], title="Workshop report", slug="workshop-report", live=False
    )
    page.save_revision()
    return page


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def post_edit(client, page, action, **changes):
    data = edit_form_data(client, edit_url(page), EDIT_FORM, instance=page.specific)
    data.update(changes)
    data[action] = action
    return client.post(edit_url(page), data)


def approve(client, page):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": "Fine by me."})


@pytest.mark.django_db
def test_editor_cannot_publish_news_directly(editor, draft_news):
    client = client_for(editor)
    page_html = client.get(edit_url(draft_news)).content.decode()
    assert 'name="action-publish"' not in page_html
    assert 'name="action-submit"' in page_html

    response = post_edit(client, draft_news, "action-publish", summary="Changed summary.")

    assert response.status_code == 302
    assert response["Location"] == edit_url(draft_news)
    draft_news.refresh_from_db()
    assert not draft_news.live
    # Nothing is lost: the change is in the latest (draft) revision.
    assert draft_news.get_latest_revision_as_object().summary == "Changed summary."


@pytest.mark.django_db
def test_editor_creating_news_cannot_publish_it_directly(editor, site_tree):
    client = client_for(editor)
    url = f"/admin/pages/add/news/newspage/{site_tree['news_index'].pk}/"
    data = edit_form_data(client, url, EDIT_FORM)
    data.update(
        title="Study visit to Liège",
        slug="study-visit",
        summary="What we saw.",
        date="2025-05-05",
        **{"body-count": "0", "action-publish": "action-publish"},
    )
    response = client.post(url, data)
    page = NewsPage.objects.get(slug="study-visit", locale=site_tree["news_index"].locale)
    assert response.status_code == 302
    assert response["Location"] == edit_url(page)
    assert not page.live and page.has_unpublished_changes
    assert page.get_latest_revision_as_object().summary == "What we saw."
    # As after "Save draft", wagtail-localize made its aliases in the other languages.
    assert sorted(page.get_translations().values_list("locale__language_code", flat=True)) == [
        "es",
        "fr",
        "it",
    ]


@pytest.mark.django_db
def test_editor_publishes_other_pages_directly(editor, site_tree):
    about = site_tree["standard"]
    client = client_for(editor)
    response = post_edit(client, about, "action-publish", intro="A new introduction.")
    assert response.status_code == 302
    about.refresh_from_db()
    assert about.intro == "A new introduction."


@pytest.mark.django_db
def test_moderator_may_publish_news_directly(moderator, draft_news):
    client = client_for(moderator)
    assert 'name="action-publish"' in client.get(edit_url(draft_news)).content.decode()
    post_edit(client, draft_news, "action-publish")
    draft_news.refresh_from_db()
    assert draft_news.live


@pytest.mark.django_db
def test_submitted_news_notifies_the_moderators_and_is_published_on_approval(
    editor, moderator, draft_news, django_capture_on_commit_callbacks
):
    deliver_outbox().clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_edit(client_for(editor), draft_news, "action-submit")
    assert response.status_code == 302
    draft_news.refresh_from_db()
    state = draft_news.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.workflow.name == "News and events review"

    to_moderator = [message for message in deliver_outbox() if moderator.email in message.to]
    assert to_moderator, [message.to for message in deliver_outbox()]
    assert "Workshop report" in to_moderator[0].subject + to_moderator[0].body

    # The moderator sees it on the dashboard ("Awaiting your review").
    dashboard = client_for(moderator).get("/admin/").content.decode()
    assert "Awaiting your review" in dashboard and "Workshop report" in dashboard
    # The editor sees the review queue.
    dashboard = client_for(editor).get("/admin/").content.decode()
    assert "Waiting for review" in dashboard and "Workshop report" in dashboard

    with django_capture_on_commit_callbacks(execute=True):
        approve(client_for(moderator), draft_news)
    draft_news.refresh_from_db()
    assert draft_news.live
    assert draft_news.current_workflow_state is None


@pytest.mark.django_db
def test_editor_cannot_approve(editor, moderator, draft_news, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_edit(client_for(editor), draft_news, "action-submit")
    draft_news.refresh_from_db()
    approve(client_for(editor), draft_news)
    draft_news.refresh_from_db()
    assert not draft_news.live


@pytest.mark.django_db
def test_scheduled_news_goes_live_after_approval_with_publish_scheduled(
    editor, moderator, draft_news, django_capture_on_commit_callbacks
):
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        post_edit(
            client_for(editor),
            draft_news,
            "action-submit",
            go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        )
    draft_news.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        approve(client_for(moderator), draft_news)
    draft_news.refresh_from_db()
    assert not draft_news.live  # approved, waiting for its date
    scheduled = Revision.page_revisions.filter(
        object_id=str(draft_news.pk), approved_go_live_at__isnull=False
    ).get()
    assert abs(scheduled.approved_go_live_at - go_live) < datetime.timedelta(minutes=1)

    call_command("publish_scheduled", stdout=io.StringIO())  # not yet
    draft_news.refresh_from_db()
    assert not draft_news.live

    later = go_live + datetime.timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", stdout=io.StringIO())  # what cron runs
    assert NewsPage.objects.get(pk=draft_news.pk).live


@pytest.mark.django_db
def test_bulk_publish_of_news_is_refused_to_editors(editor, moderator, draft_news):
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={draft_news.pk}&next=/admin/pages/"
    )
    response = client_for(editor).post(url, {"include_descendants": ""})
    assert response.status_code == 302
    draft_news.refresh_from_db()
    assert not draft_news.live
    # The same request by a moderator publishes.
    client_for(moderator).post(url, {"include_descendants": ""})
    draft_news.refresh_from_db()
    assert draft_news.live


@pytest.mark.django_db
def test_event_pages_are_reviewed_too(editor, site_tree):
    event = site_tree["event"]
    assert event.get_workflow().name == "News and events review"
    page_html = client_for(editor).get(edit_url(event)).content.decode()
    assert 'name="action-publish"' not in page_html
