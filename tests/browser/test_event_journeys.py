"""Events journeys in Chromium: a visitor registers and confirms from the e-mail, the save the
date becomes the full event, an editor cancels it at once, and the `.ics` and the
registrant's e-mail follow; an editor (not a superuser) sees the registrations of the event.
The public pages of the journey are checked with axe and the Nu HTML checker."""

import re
import time

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.conftest import answer_like_a_visitor, vnu_errors, wait_for_the_form_minimum_time
from tests.browser.test_accessibility import axe_violations
from tests.mail import take_outbox

pytestmark = pytest.mark.browser
expect.set_options(timeout=15_000)

CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/\S+/confirm/\?token=\S+)")


def event_copy(title, slug, **changes):
    """A live copy of a demo event with registration, so that other tests keep theirs."""
    from events.models import EventPage

    demo_event = (
        EventPage.objects.live()
        .filter(locale__language_code="en", registration_enabled=True)
        .order_by("path")
        .first()
    )
    event = demo_event.copy(update_attrs={"title": title, "slug": slug}).specific
    for name, value in changes.items():
        setattr(event, name, value)
    event.save_revision().publish()
    take_outbox()
    return event


def register(page, event, name, email):
    """Fill in and send the registration form as a visitor; returns the answer's HTML."""
    page.goto(event.url + "#register")
    loaded_at = time.monotonic()
    form = page.locator("#register form")
    form.get_by_label("Full name").fill(name)
    form.get_by_label("E-mail address").fill(email)
    answer_like_a_visitor(form)
    wait_for_the_form_minimum_time(page, loaded_at)
    with page.expect_navigation() as navigation:
        form.locator("button[type=submit]").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    return navigation.value.body()


def confirm_from_the_email(page, email):
    (message,) = [m for m in take_outbox() if m.to == [email]]
    path = CONFIRM_LINK.search(message.body).group(1)
    asked = page.goto(path).body()
    page.get_by_role("button", name="Confirm my registration").click()
    expect(page.get_by_role("status")).to_contain_text("is confirmed")
    return asked, page.content().encode()


def calendar_entry(page, event):
    response = page.request.get(event.url + "event.ics")
    assert response.ok
    return Calendar.from_ical(response.body()).walk("VEVENT")[0]


def test_a_save_the_date_becomes_the_full_event_then_is_cancelled_and_registrants_follow(
    log_in_as, new_context, axe_source, vnu_command, tmp_path
):
    event = event_copy("Crowd safety day", "crowd-safety-day", is_save_the_date=True)
    visitor = new_context(bypass_csp=True).new_page()
    sent = register(visitor, event, "Journey Visitor", "journey@example.org")
    violations = axe_violations(visitor, axe_source)
    asked, confirmed = confirm_from_the_email(visitor, "journey@example.org")
    violations += axe_violations(visitor, axe_source)
    (confirmation,) = take_outbox()
    assert "Registration confirmed" in confirmation.subject
    first = calendar_entry(visitor, event)
    assert str(first["SUMMARY"]) == "[Save the date] Crowd safety day"

    # The moderator publishes the full programme: calendars update, registrants need no news.
    moderator = log_in_as("moderator")
    moderator.goto(f"/admin/pages/{event.pk}/edit/")
    moderator.get_by_label("save the date").uncheck()
    actions = moderator.get_by_role("navigation", name="Actions (footer)")
    publish = actions.get_by_role("button", name="Publish", exact=True)
    if not publish.is_visible():  # in the menu when another action comes first
        actions.locator("[data-w-dropdown-target=toggle]").click()
    publish.click()
    expect(moderator.get_by_text("has been published")).to_be_visible()
    full = calendar_entry(visitor, event)
    assert int(full["SEQUENCE"]) > int(first["SEQUENCE"])
    assert str(full["SUMMARY"]) == "Crowd safety day"
    assert take_outbox() == []

    # The editor cancels it at once, without review: the registrant is told, with the .ics.
    editor = log_in_as("editor")
    editor.goto(f"/admin/pages/{event.pk}/edit/")
    actions = editor.get_by_role("navigation", name="Actions (footer)")
    actions.locator("[data-w-dropdown-target=toggle]").click()
    actions.get_by_role("link", name="Cancel or postpone now").click()
    editor.get_by_label("Cancelled").check()
    editor.get_by_label("Note for visitors and registrants").fill("The venue is closed.")
    editor.get_by_role("button", name="Publish now, without review").click()
    expect(editor.get_by_text("is published: Cancelled")).to_be_visible()

    told = [m for m in take_outbox() if m.to == ["journey@example.org"]]
    assert len(told) == 1 and told[0].subject.startswith("Cancelled:")
    assert "The venue is closed." in told[0].body
    (_name, ics, _type) = told[0].attachments[0]
    attached = Calendar.from_ical(ics).walk("VEVENT")[0]
    assert str(attached["STATUS"]) == "CANCELLED"
    assert int(attached["SEQUENCE"]) > int(full["SEQUENCE"])
    assert str(calendar_entry(visitor, event)["STATUS"]) == "CANCELLED"

    visitor.goto(event.url)
    link = visitor.get_by_role("link", name="Download the cancellation (iCalendar, .ics)")
    expect(link).to_have_attribute("href", f"{event.url}event.ics")
    violations += axe_violations(visitor, axe_source)
    assert not violations, "\n".join(violations)
    for name, html in [("sent", sent), ("asked", asked), ("confirmed", confirmed)]:
        (tmp_path / f"{name}.html").write_bytes(html)
    (tmp_path / "cancelled.html").write_text(visitor.content())
    errors = vnu_errors(vnu_command, sorted(tmp_path.glob("*.html")))
    assert not errors, "\n".join(errors)


def test_an_editor_sees_the_registrations_of_their_event(log_in_as, new_context):
    event = event_copy("Workshop with registrants", "workshop-with-registrants")
    visitor = new_context().new_page()
    register(visitor, event, "Registrant One", "one@example.org")
    confirm_from_the_email(visitor, "one@example.org")

    editor = log_in_as("editor")  # not a superuser
    editor.goto(f"/admin/pages/{event.pk}/edit/")
    counts = editor.locator(".registration-counts")
    expect(counts).to_contain_text("on the waiting list")
    counts.get_by_role("link", name="See and export the registrations").click()
    row = editor.locator("table tbody tr", has_text="one@example.org")
    expect(row).to_have_count(1)
    row.get_by_role("button", name=re.compile("More options")).click()
    cancel = editor.get_by_role("link", name="Cancel registration")
    expect(cancel).to_be_visible()
    # The label is whole: not clipped by a narrow column.
    assert cancel.evaluate("node => node.scrollWidth <= node.clientWidth + 1")
    export = editor.request.get(editor.url + "&export=csv")
    assert export.ok and "one@example.org" in export.text()


def test_the_cached_contact_and_event_pages_take_their_forms(new_context, demo_site, settings):
    """Both form pages come from the page cache for the second visitor (no CSRF cookie:
    privacy/public_forms.py), and forms sent from those cached copies are accepted; the
    last place confirmed shows on the cached event page at once."""
    from django.core.cache import cache
    from wagtail.contrib.forms.models import FormSubmission

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    event = event_copy(
        "Cached registration day", "cached-registration-day", capacity=1, waiting_list_enabled=True
    )
    contact_url = demo_site.first("en", "contact")

    first, second = new_context().new_page(), new_context().new_page()
    for url in (contact_url, event.url):
        assert first.goto(url).headers["x-page-cache"] == "MISS"
        assert second.goto(url).headers["x-page-cache"] == "HIT"
    assert not first.context.cookies() and not second.context.cookies()

    before = FormSubmission.objects.count()
    second.goto(contact_url)
    loaded_at = time.monotonic()
    form = second.locator("main form.form")
    form.get_by_label("Full name").fill("Cached Visitor")
    form.get_by_label("E-mail address").fill("cached@example.org")
    form.get_by_label("Your message").fill("Sent from a cached page")
    answer_like_a_visitor(form)
    wait_for_the_form_minimum_time(second, loaded_at)
    form.get_by_role("button", name="Send the message").click()
    expect(second.get_by_role("status")).to_contain_text("Thank you, your message has been sent.")
    assert FormSubmission.objects.count() == before + 1

    register(second, event, "Cached Visitor", "cached@example.org")
    confirm_from_the_email(second, "cached@example.org")
    assert first.goto(event.url).headers["x-page-cache"] == "MISS"
    third = new_context().new_page()
    assert third.goto(event.url).headers["x-page-cache"] == "HIT"
    expect(third.locator("#register")).to_contain_text("Join the waiting list")
    expect(third.get_by_text("(0 places left)")).to_be_visible()
