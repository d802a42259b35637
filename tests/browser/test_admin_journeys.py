"""The editors', moderators' and translators' journeys through the Wagtail admin, in Chromium.

Each test logs in as a demo account (`log_in_as`, tests/browser/conftest.py) and does what
that person does, start to finish, asserting on what they see.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Records the Content-Security-Policy violations of every document (frames included).
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def english_page(model):
    return model.objects.live().filter(locale__language_code="en").order_by("path").first()


def test_preview_panel_shows_the_page_being_edited(log_in_as):
    from events.models import EventPage

    event = english_page(EventPage)
    page = log_in_as("editor")
    page.context.add_init_script(WATCH_CSP)
    page.goto(f"/admin/pages/{event.pk}/edit/")

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(event.title)

    # The panel follows the form: a changed title is in the preview without saving.
    page.locator("#id_title").fill(f"{event.title} (preview check)")
    expect(preview.locator("h1")).to_have_text(f"{event.title} (preview check)")

    # Wagtail's accessibility checker runs inside the preview and reports to the panel.
    page.get_by_role("button", name="Toggle checks").click()
    expect(page.get_by_text(re.compile(r"Issues found"))).to_be_visible()
    frame = next(frame for frame in page.frames if "/edit/preview/" in frame.url)
    assert frame.evaluate("window.__cspViolations") == []
