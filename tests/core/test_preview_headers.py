"""Previews of pages and snippets can be framed by the admin (its preview panel), public
pages by nobody."""

import pytest

from tests.security.test_headers import directives


@pytest.mark.django_db
def test_page_preview_is_framable_by_the_admin_only(site_tree):
    event = site_tree["event"]

    response = event.make_preview_request()

    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # The rest of the public policy stays: no inline script, no foreign origin.
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]


@pytest.mark.django_db
def test_snippet_preview_is_framable_by_the_admin_only(locales):
    from tests.factories import PartnerFactory

    partner = PartnerFactory(name="City of Nice")

    response = partner.make_preview_request()

    assert response.status_code == 200
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_public_pages_still_refuse_every_frame(client, site_tree):
    response = client.get(site_tree["event"].url)

    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
