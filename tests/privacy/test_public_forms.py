"""The contact page and an event page open for registration are served from the page cache,
and their forms, sent from the cached copy, are checked by origin and anti-spam token
instead of Django's CSRF cookie (privacy/public_forms.py, privacy/antispam.py).

Every visitor here is Django's test client with `enforce_csrf_checks=True`, as a browser:
the checks are not switched off."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from events.models import Registration
from privacy.antispam import ANSWER_FIELD, HONEYPOT_FIELD, TOKEN_FIELD
from tests.events.conftest import confirm_link
from tests.privacy.conftest import CONTACT_URL

HEADER = "X-Page-Cache"
SITE = "http://testserver"
CROSS_SITE = "For your safety, this form was not accepted"
TOO_SOON = "The form was sent within seconds of opening the page."
EXPIRED = "This form has expired"

CONTACT = {
    "your_name": "Ana Martín",
    "your_e_mail": "ana@example.org",
    "your_message": "A long message typed with care",
    "consent": "on",
}
REGISTRATION = {
    "name": "Ana Martín",
    "email": "ana@example.org",
    "organisation": "Ayuntamiento de Madrid",
    "consent": "on",
}


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.ANTISPAM_MIN_SECONDS = 0  # the cached copy was made a moment ago
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): …` runs the on-commit callbacks of the change, like a commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def browser(address="192.0.2.10"):
    return Client(enforce_csrf_checks=True, REMOTE_ADDR=address)


def cached_copy(url):
    """The page as a second visitor gets it: from the cache, without any cookie."""
    first = browser("192.0.2.1").get(url)
    assert first.status_code == 200 and first[HEADER] == "MISS", first.get(HEADER)
    second = browser("192.0.2.2").get(url)
    assert second[HEADER] == "HIT"
    assert not first.cookies and not second.cookies
    assert second.content == first.content
    html = second.content.decode()
    assert "csrfmiddlewaretoken" not in html
    return html


def answered(html):
    """The spam-protection fields of a form page, answered as a person would."""
    token = re.search(rf'name="{TOKEN_FIELD}" value="([^"]+)"', html).group(1)
    first, second = re.search(r"How much is (\d+) \+ (\d+)\?", html).groups()
    return {TOKEN_FIELD: token, ANSWER_FIELD: str(int(first) + int(second)), HONEYPOT_FIELD: ""}


def register_url(event):
    return f"{event.url}register/"


# ------------------------------------------------------------------------------ cached


@pytest.mark.django_db
def test_the_contact_form_works_from_the_cached_page_once_per_visitor(contact, page_cache):
    html = cached_copy(CONTACT_URL)
    fields = {**CONTACT, **answered(html)}

    sent = browser("192.0.2.10").post(CONTACT_URL, fields, HTTP_ORIGIN=SITE)
    assert sent.status_code == 200, sent.content.decode()[:300]
    assert FormSubmission.objects.count() == 1
    # Another visitor of the same cached copy (its question is theirs too)…
    assert browser("198.51.100.7").post(CONTACT_URL, fields, HTTP_ORIGIN=SITE).status_code == 200
    assert FormSubmission.objects.count() == 2
    # …but the same client cannot replay it: a new question of its own, nothing lost.
    replay = browser("192.0.2.10").post(CONTACT_URL, fields, HTTP_ORIGIN=SITE)
    text = replay.content.decode()
    assert EXPIRED in text and "A long message typed with care" in text
    assert answered(text)[TOKEN_FIELD] != fields[TOKEN_FIELD]
    assert FormSubmission.objects.count() == 2


@pytest.mark.django_db
def test_registering_from_the_cached_event_page_and_the_places_follow_at_once(
    open_event, page_cache, committed
):
    """3 places: each confirmation shows on the cached page at once, and the last one turns
    the form into the waiting list's."""
    url = open_event.url
    for number, address in enumerate(("a@example.org", "b@example.org", "c@example.org")):
        html = browser().get(url).content.decode() if number else cached_copy(url)
        assert f"{3 - number} place" in html and "Register for this event" in html
        fields = {**REGISTRATION, "email": address, **answered(html)}
        with committed():
            done = browser(f"192.0.2.{20 + number}").post(
                register_url(open_event), fields, HTTP_ORIGIN=SITE
            )
        assert "Check your inbox" in done.content.decode()
        with committed():
            Client().post(confirm_link(address))
        assert browser().get(url)[HEADER] == "MISS"  # the registration emptied the cache

    html = browser().get(url)
    assert html[HEADER] == "HIT"
    text = html.content.decode()
    assert "0 places left" in text and "Join the waiting list" in text
    assert "Register for this event" not in text
    assert Registration.objects.filter(status="confirmed").count() == 3


# ------------------------------------------------------------------------------ origin


def post_both(contact_page_html, event, event_html, **headers):
    contact = browser().post(CONTACT_URL, {**CONTACT, **answered(contact_page_html)}, **headers)
    event_page = browser().post(
        register_url(event), {**REGISTRATION, **answered(event_html)}, **headers
    )
    return contact, event_page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"HTTP_ORIGIN": "https://evil.example"}, id="other-origin"),
        pytest.param({"HTTP_ORIGIN": "null"}, id="opaque-origin"),
        pytest.param({"HTTP_ORIGIN": "https://testserver"}, id="other-scheme"),
        pytest.param({"HTTP_REFERER": "https://evil.example/en/contact/"}, id="other-referer"),
        pytest.param({}, id="neither-origin-nor-referer"),
    ],
)
def test_a_cross_site_post_is_refused_keeping_what_was_typed(
    contact, open_event, page_cache, headers
):
    responses = post_both(
        cached_copy(CONTACT_URL), open_event, cached_copy(open_event.url), **headers
    )
    for response, typed in zip(responses, (CONTACT, REGISTRATION), strict=True):
        assert response.status_code == 403
        html = response.content.decode()
        assert CROSS_SITE in html
        assert 'value="Ana Martín"' in html and 'value="ana@example.org"' in html
        assert typed is REGISTRATION or "A long message typed with care" in html
        assert re.search(r'<input[^>]*name="consent"[^>]*checked', html)
    assert Registration.objects.count() == FormSubmission.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"HTTP_ORIGIN": SITE}, id="origin"),
        pytest.param({"HTTP_REFERER": f"{SITE}/en/events/"}, id="referer-without-origin"),
        pytest.param({"HTTP_ORIGIN": "https://www.example.org"}, id="trusted-origin"),
    ],
)
def test_a_post_from_this_site_or_a_trusted_origin_is_accepted(
    contact, open_event, page_cache, headers
):
    page_cache.CSRF_TRUSTED_ORIGINS = ["https://*.example.org"]
    responses = post_both(
        cached_copy(CONTACT_URL), open_event, cached_copy(open_event.url), **headers
    )
    assert [response.status_code for response in responses] == [200, 200]
    assert Registration.objects.count() == FormSubmission.objects.count() == 1


@pytest.mark.django_db
def test_the_refusal_is_in_the_visitors_language(translated_site, page_cache):
    html = cached_copy("/fr/contact/")
    response = browser().post(
        "/fr/contact/", {**CONTACT, **unanswered(html)}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert "Par sécurité, ce formulaire n’a pas été accepté" in response.content.decode()


def unanswered(html):
    """The page's token, the question left unanswered (it is in French here)."""
    token = re.search(rf'name="{TOKEN_FIELD}" value="([^"]+)"', html).group(1)
    return {TOKEN_FIELD: token, ANSWER_FIELD: "", HONEYPOT_FIELD: ""}


@pytest.mark.django_db
def test_too_fast_is_still_said_on_a_freshly_generated_page(contact, page_cache):
    page_cache.ANTISPAM_MIN_SECONDS = 60
    html = cached_copy(CONTACT_URL)
    response = browser().post(CONTACT_URL, {**CONTACT, **answered(html)}, HTTP_ORIGIN=SITE)
    text = response.content.decode()
    assert TOO_SOON in text and "A long message typed with care" in text
    assert FormSubmission.objects.count() == 0


# ------------------------------------------------------------------------------ elsewhere


@pytest.mark.django_db
def test_logged_in_users_keep_djangos_csrf_check(contact, page_cache, admin_user):
    # Logged in through the login page (force_login's request has no address, which the
    # login throttle's records cannot hold on PostgreSQL).
    login = Client()
    answer = login.post("/admin/login/", {"username": admin_user.username, "password": "password"})
    assert answer.status_code == 302
    editor = Client(enforce_csrf_checks=True)
    editor.cookies = login.cookies
    page = editor.get(CONTACT_URL)
    assert page.get(HEADER) != "HIT"
    html = page.content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    fields = {**CONTACT, **answered(html)}
    assert editor.post(CONTACT_URL, fields, HTTP_ORIGIN=SITE).status_code == 403
    assert FormSubmission.objects.count() == 0
    sent = editor.post(CONTACT_URL, {**fields, "csrfmiddlewaretoken": csrf}, HTTP_ORIGIN=SITE)
    assert sent.status_code == 200
    assert FormSubmission.objects.count() == 1


@pytest.mark.django_db
def test_the_other_routes_of_an_event_keep_djangos_csrf_check(open_event, page_cache):
    html = cached_copy(open_event.url)
    done = browser().post(
        register_url(open_event), {**REGISTRATION, **answered(html)}, HTTP_ORIGIN=SITE
    )
    assert done.status_code == 200
    link = confirm_link("ana@example.org")
    assert browser().post(link, HTTP_ORIGIN=SITE).status_code == 403
    assert Registration.objects.get().status == "unconfirmed"
