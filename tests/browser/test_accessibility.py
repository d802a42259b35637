"""axe-core in Chromium over every page type of the demo content, in every language.

WCAG 2.0 and 2.1, levels A and AA: zero violations allowed. Each test checks every live page
of one type in one language (all six events, all four standard pages…), and the form pages
also in their error state; each page is also laid out at 320 CSS pixels wide, where nothing
may scroll sideways (WCAG 1.4.10, which axe does not check).
"""

import time

import pytest

from tests.browser.conftest import (
    LANGUAGES,
    PAGE_KINDS,
    answer_like_a_visitor,
    vnu_errors,
    wait_for_the_form_minimum_time,
)

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, axe_source):
    """axe-core's violations on the page, one readable line per rule and element."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)  # evaluate, not a <script> tag: the site's CSP allows none
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: "
        "['violations']})",
        AXE_TAGS,
    )
    return [
        f"{page.url}: {violation['id']} ({violation['impact']}) {node['target']}: "
        f"{node['failureSummary']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def reflow_problems(page):
    """WCAG 1.4.10 (reflow): at 320 CSS pixels wide, nothing scrolls sideways."""
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 640})
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(size)
    return [f"{page.url}: {width} px wide at 320 px (reflow)"] if width > 320 else []


def visit(page, path, expected_status=200):
    response = page.goto(path)
    assert response.status == expected_status, (path, response.status)
    assert page.locator("html").get_attribute("lang")
    return response


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_axe_violations(axe_source, new_context, demo_site, kind, language):
    page = new_context(bypass_csp=True).new_page()
    paths = demo_site.paths(language, kind)
    assert paths, f"the demo content has no {kind} page in {language}"
    if kind == "standard":  # the accessibility statement is one of them
        assert demo_site.accessibility_statement[language] in paths
    violations = []
    for path in paths:
        visit(page, path, 404 if kind == "not_found" else 200)
        assert page.locator("html").get_attribute("lang") == language
        violations += axe_violations(page, axe_source)
        violations += reflow_problems(page)
    if kind == "contact":
        # The form sent back with errors (nothing filled in): summary, messages, fields.
        visit(page, paths[0])
        page.locator("main form.form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".error-summary").count() == 1
        violations += axe_violations(page, axe_source)
    if kind == "event" and demo_site.registration_event[language]:
        visit(page, demo_site.registration_event[language])
        page.locator("#register form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".error-summary").count() == 1
        violations += axe_violations(page, axe_source)
    assert not violations, "\n".join(violations)


def fill_and_send(page, form, email):
    """Fill in a form's required fields as a visitor would, send it, return the HTML served."""
    loaded_at = time.monotonic()
    for field in form.locator("input[required], textarea[required]").all():
        kind = field.get_attribute("type")
        if kind == "email":
            field.fill(email)
        elif kind not in ("checkbox", "radio", "hidden"):
            field.fill("Test Visitor")
    answer_like_a_visitor(form)
    for box in form.locator("input[type=checkbox][required]").all():
        box.check()
    wait_for_the_form_minimum_time(page, loaded_at)
    with page.expect_navigation() as navigation:
        form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    response = navigation.value
    assert response.status == 200, (page.url, response.status)
    return response.body()


def cancel_path(email):
    """The signed cancellation link of the confirmation e-mail sent to `email`."""
    from events.models import Registration
    from events.tokens import cancel_url

    registration = Registration.objects.select_related("page").get(email=email)
    return cancel_url(registration.page.url, registration)


def test_pages_after_sending_the_forms(axe_source, vnu_command, new_context, demo_site, tmp_path):
    """The contact form's thank-you page, the registration confirmation and the
    cancellation pages of its e-mail link (asking, done, a broken link), in every language:
    no axe violations, and (one JVM for all) valid HTML."""
    page = new_context(bypass_csp=True).new_page()
    violations, documents = [], []
    for language in LANGUAGES:
        visit(page, demo_site.first(language, "contact"))
        html = fill_and_send(page, page.locator("main form.form"), f"c-{language}@example.org")
        assert page.locator(".error-summary").count() == 0
        assert page.get_by_role("status").count() == 1
        violations += axe_violations(page, axe_source)
        documents.append((f"{language}_contact_sent.html", html))
        event = demo_site.registration_event[language]
        if event:
            visit(page, event)
            html = fill_and_send(page, page.locator("#register form"), f"r-{language}@example.org")
            assert page.locator(".error-summary").count() == 0
            assert page.url != demo_site.url + event
            violations += axe_violations(page, axe_source)
            documents.append((f"{language}_registration_sent.html", html))

            response = visit(page, cancel_path(f"r-{language}@example.org"))
            assert page.locator("main form button[type=submit]").count() == 1
            violations += axe_violations(page, axe_source)
            documents.append((f"{language}_cancel_asked.html", response.body()))
            with page.expect_navigation() as navigation:
                page.locator("main form button[type=submit]").click()
            page.wait_for_load_state()
            assert page.get_by_role("status").count() == 1
            violations += axe_violations(page, axe_source)
            documents.append((f"{language}_cancel_done.html", navigation.value.body()))

            response = visit(page, f"{event}cancel/?token=forged", 404)
            violations += axe_violations(page, axe_source)
            documents.append((f"{language}_cancel_invalid.html", response.body()))
    assert not violations, "\n".join(violations)
    for name, html in documents:
        (tmp_path / name).write_bytes(html)
    errors = vnu_errors(vnu_command, sorted(tmp_path.glob("*.html")))
    assert not errors, "\n".join(errors)


def test_every_page_of_the_demo_content_is_checked(demo_site):
    """The page kinds above cover every live page type of the demo content."""
    from wagtail.models import Page

    checked = sum(len(paths) for by_kind in demo_site.pages.values() for paths in by_kind.values())
    live = Page.objects.live().public().filter(depth__gt=1).count()
    # Per language: four search pages, two listings filtered to nothing, "page not found".
    extra = 7 * len(LANGUAGES)
    assert checked == live + extra


def test_axe_reports_what_it_should(axe_source, new_context, demo_site):
    """The checks can fail: an image without alt text, an unlabelled field and a page
    wider than 320 px are caught."""
    page = new_context(bypass_csp=True).new_page()
    visit(page, demo_site.first("en", "home"))
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        ' \'<img src="/static/img/favicon-32.png"><input type="text">\')'
    )
    found = "\n".join(axe_violations(page, axe_source))
    assert "image-alt" in found and "label" in found
    assert not reflow_problems(page)
    page.evaluate("document.querySelector('main').style.minWidth = '40rem'")
    assert reflow_problems(page)
