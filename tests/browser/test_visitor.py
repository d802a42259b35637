"""A visitor's journeys through the demo site in Chromium (Playwright, sync API)."""

import re
import time
from pathlib import Path

import pytest

from tests.browser.conftest import answer_like_a_visitor, wait_for_the_form_minimum_time

pytestmark = pytest.mark.browser


def translations_of(path, model_path):
    """{language: path} of the page at `path` and its translations."""
    from django.utils.module_loading import import_string
    from wagtail.models import Page

    model = import_string(model_path)
    language = path.strip("/").split("/")[0]
    candidates = model.objects.live().filter(locale__language_code=language)
    page = next(p for p in candidates if p.get_url() == path)
    translations = Page.objects.filter(translation_key=page.translation_key)
    urls = {p.locale.language_code: p.get_url() for p in translations.select_related("locale")}
    return urls, page


def test_root_sends_the_visitor_to_their_browser_language(new_context):
    page = new_context(locale="fr-FR").new_page()
    page.goto("/")
    assert re.search(r"/fr/$", page.url), page.url
    assert page.locator("html").get_attribute("lang") == "fr"

    page = new_context(locale="es-ES").new_page()
    page.goto("/")
    assert page.url.endswith("/es/")

    page = new_context(locale="de-DE").new_page()  # not a site language: English
    page.goto("/")
    assert page.url.endswith("/en/")


def test_language_switcher_keeps_the_same_news_item(page, demo_site):
    news_path = demo_site.first("en", "news")
    same_item, news = translations_of(news_path, "news.models.NewsPage")
    assert set(same_item) == {"en", "fr", "it", "es"}
    page.goto(news_path)
    title = page.locator("h1").inner_text()
    switcher = page.locator("nav.language-switcher")
    assert switcher.locator("a[aria-current]").get_attribute("lang") == "en"

    for code in ("it", "fr", "es", "en"):
        link = switcher.locator(f"a[hreflang={code}]")
        assert link.get_attribute("lang") == code
        link.click()
        page.wait_for_url(demo_site.url + same_item[code])
        assert page.locator("html").get_attribute("lang") == code
        assert switcher.locator("a[aria-current]").get_attribute("hreflang") == code
        if code != "en":
            assert page.locator("h1").inner_text() != title  # translated, not a fallback
    assert page.locator("h1").inner_text() == title == news.title


def test_event_add_to_calendar_downloads_its_ics(page, demo_site):
    from events.calendars import event_uid
    from events.models import EventPage

    event_path = demo_site.registration_event["en"]
    event = next(e for e in EventPage.objects.live() if e.get_url() == event_path)
    page.goto(demo_site.first("en", "event_index"))
    page.locator(f'a[href="{event_path}"]').first.click()
    page.wait_for_url(demo_site.url + event_path)

    calendar = page.get_by_role("region", name="Add to your calendar")
    link = calendar.get_by_role("link", name=re.compile(r"iCalendar"))
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    ics = Path(download.path()).read_text(encoding="utf-8")
    unfolded = ics.replace("\r\n ", "").replace("\r\n", "\n")
    assert unfolded.startswith("BEGIN:VCALENDAR")
    assert f"UID:{event_uid(event)}" in unfolded
    summary = event.title.replace(",", "\\,").replace(";", "\\;")
    assert f"SUMMARY:{summary}" in unfolded

    response = page.request.get(link.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"].startswith("text/calendar")

    # The same event keeps its UID in every language.
    french = EventPage.objects.get(
        translation_key=event.translation_key, locale__language_code="fr"
    )
    status, content_type, body = demo_site.get(f"{french.get_url()}event.ics")
    assert status == 200 and content_type.startswith("text/calendar")
    assert f"UID:{event_uid(event)}" in body.decode().replace("\r\n ", "")


def test_search_box_finds_results(page, demo_site):
    page.goto("/en/")
    search = page.get_by_role("search").get_by_role("searchbox", name="Search the site")
    search.fill("security")
    search.press("Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=security"))
    assert page.locator("#results-title").inner_text().startswith(tuple("123456789"))
    results = page.locator("ol.search-results li.search-result")
    assert results.count() > 0
    first = results.first.locator("a").first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_url(demo_site.url + href)
    assert page.locator("html").get_attribute("lang") == "en"


def test_contact_form_error_then_success(page, demo_site):
    from wagtail.contrib.forms.models import FormSubmission

    before = FormSubmission.objects.count()
    page.goto(demo_site.first("en", "contact"))
    loaded_at = time.monotonic()
    form = page.locator("main form.form")
    form.get_by_label("Full name").fill("Ada Visitor")
    form.get_by_label("E-mail address").fill("not-an-address")
    form.get_by_label("Your message").fill("Could Liège join the next exchange?")
    answer_like_a_visitor(form)
    wait_for_the_form_minimum_time(page, loaded_at)
    form.get_by_role("button", name="Send the message").click()
    page.wait_for_load_state()

    assert page.title().startswith("Error:")
    summary = page.get_by_role("alert")
    assert summary.is_visible()
    email = page.locator("#id_e_mail_address")
    assert email.get_attribute("aria-invalid") == "true"
    described_by = email.get_attribute("aria-describedby").split()
    assert "id_e_mail_address_error" in described_by
    error = page.locator("#id_e_mail_address_error")
    assert "valid" in error.inner_text().lower()
    # The summary links to the field, and what the visitor typed is kept.
    summary.locator("a[href='#id_e_mail_address']").click()
    assert page.evaluate("document.activeElement.id") == "id_e_mail_address"
    assert page.locator("#id_full_name").input_value() == "Ada Visitor"
    assert page.locator("#id_your_message").input_value() == "Could Liège join the next exchange?"
    assert email.input_value() == "not-an-address"
    assert FormSubmission.objects.count() == before

    loaded_at = time.monotonic()
    email.fill("ada@example.org")
    answer_like_a_visitor(form)
    wait_for_the_form_minimum_time(page, loaded_at)
    form.get_by_role("button", name="Send the message").click()
    page.wait_for_load_state()
    assert (
        page.get_by_role("status").inner_text().startswith("Thank you, your message has been sent.")
    )
    assert FormSubmission.objects.count() == before + 1


# The focused element, and whether it (or the card around it, which shows the ring of a
# card's link with :focus-within) has a focus ring.
FOCUSED = """(() => {
  const el = document.activeElement, box = el.getBoundingClientRect();
  const hasRing = node => { const style = getComputedStyle(node);
    return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== "none"; };
  let ring = false;
  for (let node = el, up = 0; node && node.nodeType === 1 && up < 6; node = node.parentNode, up++) {
    if (hasRing(node)) { ring = true; break; }
  }
  return {tag: el.tagName, cls: String(el.className), id: el.id, top: box.top,
          height: box.height, ring};
})()"""


def test_skip_link_is_the_first_tab_stop_and_focuses_main(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    assert "skip-link" in focused["cls"]
    assert focused["top"] >= 0 and focused["height"] > 0  # shown on screen when focused
    assert focused["ring"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.url.endswith("#main")


def test_keyboard_focus_is_always_visible(page):
    """The first 30 Tab stops of the home page (header, menu, content) show a focus ring."""
    page.goto("/en/")
    without_ring = []
    for _ in range(30):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "BODY":
            break
        if not focused["ring"] or focused["height"] == 0:
            without_ring.append(focused)
    assert not without_ring


def test_language_switcher_navigation_and_search_work_without_javascript(new_context, demo_site):
    page = new_context(java_script_enabled=False, viewport={"width": 320, "height": 640}).new_page()
    news_path = demo_site.first("en", "news")
    same_item, _ = translations_of(news_path, "news.models.NewsPage")
    page.goto(news_path)
    page.locator("nav.language-switcher a[hreflang=fr]").click()
    page.wait_for_url(demo_site.url + same_item["fr"])

    nav_links = page.locator("nav.main-nav a")
    assert nav_links.count() >= 3
    for index in range(nav_links.count()):
        assert nav_links.nth(index).is_visible()
    event_index = demo_site.first("fr", "event_index")
    page.locator(f'nav.main-nav a[href="{event_index}"]').click()
    page.wait_for_url(demo_site.url + event_index)
    assert page.locator('nav.main-nav a[aria-current="page"]').get_attribute("href") == event_index

    page.get_by_role("searchbox").fill("sécurité")
    page.get_by_role("searchbox").press("Enter")
    page.wait_for_url(re.compile(r"/fr/search/\?q="))
    assert page.locator("ol.search-results li").count() > 0
