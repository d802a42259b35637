"""Bad input, nothing lost: malformed data thrown at every public form and query parameter
(property-based, with hypothesis) never gives a server error, and a refused submission
writes nothing.

Example counts are modest so that the whole file runs in well under a minute; set
HYPOTHESIS_EXAMPLES to try more (e.g. HYPOTHESIS_EXAMPLES=500 for a long run).

Where the examples vary only what a request sends to one fixed URL (form fields, query
parameters, a token), the page chrome (menu, footer, locales) is kept as in production
(`chrome_kept`): it depends on the site and the language alone (core/chrome_cache.py), so
rebuilding it for every example tested nothing more and was a third of the time. Where the
examples vary the path and the language, it is built for each, as in the other tests.
"""

import os
import time

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.forms.models import FormSubmission

from events.models import Registration
from tests.chrome import chrome_kept
from tests.forms import contact_data
from tests.mail import deliver_outbox
from tests.privacy.conftest import CONTACT_URL, register_data

CONTACT_SENT = "Thank you, your message has been sent."
REGISTERED = "Check your inbox"
EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "40"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI failures can be replayed
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NASTY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "ana@example.org\r\nBcc: victim@example.org",
        "Ana\r\nSubject: spam",
        "Ana\nBcc: x@example.org",
        "2025-02-30",
        "0000-00-00",
        "-1",
        "0",
        "99999999999999999999999999",
        "1e309",
        "NaN",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        '"; DROP TABLE events_registration; --',
        "../../etc/passwd",
        "%00",
        "%",
        "\\",
        "\ud7ff\ue000\U0010ffff",
        "İstanbul ǅ ß ﬁ",
        "🙂" * 50,
        "x" * 300,
        "y" * 20_000,
        "on",
        "true",
        "NOT a token:abc:def",
    ]
)
TEXT = st.one_of(NASTY, st.text(max_size=60))
PARAM_NAMES = st.sampled_from(
    ["q", "type", "year", "page", "upcoming_page", "project", "city", "format", "date", "from"]
)


def counts():
    return Registration.objects.count(), FormSubmission.objects.count()


def assert_no_server_error(response):
    assert response.status_code < 500, response.status_code


def assert_written_only_when_accepted(before, response, accepted_marker, which):
    after = counts()
    accepted = response.status_code == 200 and accepted_marker in response.content.decode()
    expected = list(before)
    if accepted:
        expected[which] += 1
    assert list(after) == expected, (before, after, accepted)


def field_values(valid):
    """Each field either keeps its valid value, takes a malformed one, or is left out."""
    return st.fixed_dictionaries(
        {
            name: st.one_of(st.just(value), TEXT, st.lists(TEXT, min_size=2, max_size=3), st.none())
            for name, value in valid.items()
        }
    )


def build(base, overrides, extra):
    data = dict(base)
    for name, value in overrides.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    data.update(extra)
    return data


EXTRA_FIELDS = st.dictionaries(st.text(min_size=1, max_size=20), TEXT, max_size=4)


def fuzz_form(client, url, valid_data, accepted_marker, which):
    """Post valid submissions with fields spoilt, dropped, repeated or added: never a
    server error, and a row is written exactly when the submission is accepted."""
    # The base the examples start from is accepted as it is (else nothing is tested).
    assert accepted_marker in client.post(url, valid_data()).content.decode()

    @given(data=st.data())
    @SETTINGS
    def run(data):
        base = valid_data()
        overrides = data.draw(field_values(base))
        payload = build(base, overrides, data.draw(EXTRA_FIELDS))
        before = counts()
        response = client.post(url, payload)
        assert_no_server_error(response)
        assert_written_only_when_accepted(before, response, accepted_marker, which)

    run()


@pytest.mark.django_db
@pytest.mark.usefixtures("chrome_kept")
def test_contact_form_survives_malformed_submissions(client, contact, settings_override):
    def valid_data():
        return contact_data(your_e_mail=f"p{time.monotonic_ns()}@example.org")

    fuzz_form(client, CONTACT_URL, valid_data, CONTACT_SENT, which=1)


@pytest.mark.django_db
@pytest.mark.usefixtures("chrome_kept")
def test_registration_form_survives_malformed_submissions(client, open_event, settings_override):
    def valid_data():
        return register_data(email=f"p{time.monotonic_ns()}@example.org")

    fuzz_form(client, f"{open_event.url}register/", valid_data, REGISTERED, which=0)


@pytest.mark.django_db
def test_header_bound_fields_never_reach_mail_headers(client, contact, open_event):
    """Name and e-mail go into e-mail headers (To:); newlines there are refused, not sent."""
    for name, email in [
        ("Ana\r\nBcc: victim@example.org", "ana@example.org"),
        ("Ana", "ana@example.org\r\nBcc: victim@example.org"),
        ("Ana", "ana@example.org\nCc: victim@example.org"),
    ]:
        client.post(f"{open_event.url}register/", register_data(name=name, email=email))
        client.post(CONTACT_URL, contact_data(your_name=name, your_e_mail=email))
    for message in deliver_outbox():
        for header, value in message.message().items():
            assert "\n" not in value.replace("\n ", "").replace("\n\t", ""), header
        assert "victim@example.org" not in ",".join(message.recipients())
    # Registrations that went through have a clean name on one line.
    assert all("\n" not in r.name for r in Registration.objects.all())


@pytest.mark.django_db
def test_too_many_or_too_large_fields_are_refused_cleanly(client, contact, open_event):
    before = counts()
    many = {**contact_data(your_e_mail="ana@example.org"), **{f"f{n}": "x" for n in range(2100)}}
    assert client.post(CONTACT_URL, many).status_code == 400
    huge = register_data(name="n" * 3_000_000)
    assert client.post(f"{open_event.url}register/", huge).status_code == 400
    long_message = contact_data(your_e_mail="ana@example.org", your_message="m" * 6000)
    response = client.post(CONTACT_URL, long_message)
    assert response.status_code == 200 and "at most 5000 characters" in response.content.decode()
    assert counts() == before


@pytest.mark.django_db
@pytest.mark.usefixtures("chrome_kept")
def test_cancel_token_survives_anything(client, open_event):
    url = f"{open_event.url}cancel/"

    @given(token=TEXT, method=st.sampled_from(["get", "post"]))
    @SETTINGS
    def run(token, method):
        before = list(Registration.objects.values_list("status", flat=True))
        response = getattr(client, method)(url, {"token": token})
        assert_no_server_error(response)
        assert response.status_code == 404
        assert list(Registration.objects.values_list("status", flat=True)) == before

    client.post(f"{open_event.url}register/", register_data())
    run()


@pytest.mark.django_db
@pytest.mark.usefixtures("chrome_kept")
def test_query_parameters_of_search_news_and_events_survive_anything(client, site_tree):
    paths = ["/en/search/", "/en/news/", "/en/events/", "/en/events/calendar.ics", "/fr/search/"]

    @given(
        path=st.sampled_from(paths),
        params=st.lists(st.tuples(PARAM_NAMES, TEXT), max_size=6),
    )
    @SETTINGS
    def run(path, params):
        response = client.get(path, params)
        assert_no_server_error(response)

    run()


@pytest.mark.django_db
def test_unknown_locales_and_odd_accept_language_headers(site_tree):
    prefixes = st.one_of(
        st.sampled_from(["xx", "en-gb", "EN", "fr-FR", "zz-Hant", "..", "en_US", "de", "%00"]),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_", min_size=1, max_size=12),
    )
    headers = st.one_of(
        st.sampled_from(
            [
                "",
                "*",
                "fr;q=abc",
                "it;q=-1, es;q=2",
                "x" * 5000,
                "en-US,en;q=0.9,fr;q=0.8," * 50,
                "zh-Hant-TW-x-private-extension",
                ";;;,,,",
                "fr\x00",
            ]
        ),
        st.text(max_size=80).filter(lambda s: "\n" not in s and "\r" not in s),
    )

    @given(
        prefix=prefixes,
        rest=st.sampled_from(["", "contact/", "news/", "events/workshop/", "search/?q=x"]),
        header=headers,
    )
    @SETTINGS
    def run(prefix, rest, header):
        client = Client(HTTP_ACCEPT_LANGUAGE=header)
        for path in ("/", f"/{prefix}/{rest}"):
            response = client.get(path)
            assert_no_server_error(response)
            assert response.status_code in (200, 301, 302, 400, 404), (path, response.status_code)

    run()


@pytest.fixture
def settings_override(settings):
    """Forms can be sent back at once and without a rate limit: the properties above are
    about malformed data, not about the spam checks (tests/privacy/test_antispam.py)."""
    settings.ANTISPAM_RATE_LIMIT = 10**6
    return settings


@pytest.fixture(name="chrome_kept")
def chrome_kept_fixture():
    """The page chrome kept as in production for the examples of one test (tests/chrome.py)."""
    with chrome_kept():
        yield
