"""The editors', moderators' and translators' journeys through the Wagtail admin, in Chromium.

Each test logs in as a demo account (`log_in_as`, tests/browser/conftest.py) and does what
that person does, start to finish, asserting on what they see.
"""

import itertools
import re
import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# The admin answers in a round trip or two (a preview is a POST of the form, then the
# framed page): as patient as the browser contexts (tests/browser/conftest.py), not
# Playwright's default 5 s, which a loaded CI machine can exceed.
expect.set_options(timeout=15_000)

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

    # Wagtail's accessibility checker runs inside the preview and reports to the panel.
    page.get_by_role("button", name="Toggle checks").click()
    expect(page.get_by_text(re.compile(r"Issues found"))).to_be_visible()
    frame = next(frame for frame in page.frames if "/edit/preview/" in frame.url)
    assert frame.evaluate("window.__cspViolations") == []

    # Back to the preview, the panel follows the form: a changed title shows without saving.
    # (Changed once the first preview has settled: Wagtail drops a change made while a
    # preview request is in flight.)
    # Shown again, the panel takes the form as it is when it resumes as what it already
    # shows: a change typed before that (a fast machine) is not sent. A person who sees no
    # change types on; so does the test, each time a different title, for up to a minute (on
    # a loaded machine a preview can take longer than a change's five seconds to come back,
    # and the change typed meanwhile is dropped).
    page.get_by_role("button", name="Toggle preview").click()
    deadline = time.monotonic() + 60
    for attempt in itertools.count(1):
        title = f"{event.title} (preview check {attempt})"
        page.locator("#id_title").fill(title)
        try:
            expect(preview.locator("h1")).to_have_text(title, timeout=5_000)
            break
        except AssertionError:
            if time.monotonic() > deadline:
                raise


def new_english_page_with_aliases(title):
    """What an editor does first: a new English page, published; wagtail-localize mirrors it
    in the other languages with aliases (until someone translates it)."""
    from wagtail.models import Locale, Page
    from wagtail_localize.synctree import create_aliases_for_new_page

    from home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="en")
    page = home.add_child(
        instance=StandardPage(title=title, intro="How the cities work with schools.")
    )
    page.save_revision().publish()
    create_aliases_for_new_page(page)
    french = Page.objects.get(
        translation_key=page.translation_key, locale=Locale.objects.get(language_code="fr")
    )
    assert french.alias_of_id == page.pk
    return page, french


def test_translator_translates_a_new_page_from_its_french_alias(log_in_as, new_context):
    english, alias = new_english_page_with_aliases("Working with schools")
    french_home = alias.get_parent()
    page = log_in_as("translator-fr")

    # Pages > the French home > the new page, still an alias of the English one.
    page.goto(f"/admin/pages/{french_home.pk}/")
    page.get_by_role("link", name="Working with schools", exact=True).first.click()
    expect(page.get_by_text("This page hasn't been translated yet.")).to_be_visible()
    page.get_by_role("button", name="Translate this page into Français").click()

    # wagtail-localize's translation editor: translate the title, publish.
    expect(page.get_by_text("“Working with schools” is ready to translate")).to_be_visible()
    page.get_by_role("button", name="Translate", exact=True).first.click()
    page.locator("textarea").first.fill("Travailler avec les écoles")
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.get_by_text(re.compile("Translated manually"))).to_be_visible()
    page.get_by_role("button", name="Publish in Français").click()
    # wagtail-localize's message, shown once the publish is done. A bare "Published" can
    # match a status already on the page, and the visitor then comes before the publish
    # (CI of 3 December: the alias address still answered the English slug).
    expect(page.get_by_text(re.compile(r"Published .+ in Français")).first).to_be_visible()

    # The French page is live with its French title, at a French address; the address it
    # had as an alias leads to it.
    visitor = new_context().new_page()
    response = visitor.goto(alias.url)
    assert response.status == 200
    assert visitor.url.endswith("/fr/travailler-avec-les-ecoles/")
    expect(visitor.locator("h1")).to_have_text("Travailler avec les écoles")
    assert visitor.locator("html").get_attribute("lang") == "fr"


def test_editor_publishes_an_urgent_cancellation_without_the_moderator(log_in_as, new_context):
    from events.models import EventPage

    # An event of its own (a copy of a demo one without registration, live, in review
    # like every event), so that the other tests keep the demo events as they are.
    demo_event = (
        EventPage.objects.live()
        .filter(locale__language_code="en", registration_enabled=False)
        .order_by("path")
        .first()
    )
    event = demo_event.copy(
        update_attrs={"title": "Workshop to be cancelled", "slug": "workshop-to-be-cancelled"}
    ).specific
    assert event.live and event.status == "scheduled" and event.get_workflow() is not None
    note = "Cancelled because of the general transport strike."
    page = log_in_as("editor")

    page.goto(f"/admin/pages/{event.pk}/edit/")
    actions = page.get_by_role("navigation", name="Actions (footer)")
    expect(actions.get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    actions.locator("[data-w-dropdown-target=toggle]").click()
    actions.get_by_role("link", name="Cancel or postpone now").click()
    page.get_by_label("Cancelled").check()
    page.get_by_label("Note for visitors and registrants").fill(note)
    page.get_by_role("button", name="Publish now, without review").click()
    expect(page.get_by_text("“Workshop to be cancelled” is published: Cancelled")).to_be_visible()

    visitor = new_context().new_page()
    visitor.goto(event.url)
    expect(visitor.locator(".status-banner")).to_contain_text("This event is cancelled.")
    expect(visitor.locator(".status-banner")).to_contain_text(note)
