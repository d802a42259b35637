"""The Nu HTML checker (vnu-jar) over every page of the demo content, in every language.

The HTML is the server's own (not the browser's DOM), fetched from the live server, plus the
contact and registration forms sent back with errors. One JVM checks all the files.
"""

import re

import pytest
from django.test import Client

from tests.browser.conftest import LANGUAGES, PAGE_KINDS, vnu_errors

pytestmark = pytest.mark.browser


def file_name(path):
    return re.sub(r"[^A-Za-z0-9]+", "_", path).strip("_") + ".html"


def test_every_page_is_valid_html(vnu_command, demo_site, tmp_path):
    documents = {}  # file name -> what it is
    for language in LANGUAGES:
        for kind in PAGE_KINDS:
            for path in demo_site.paths(language, kind):
                status, content_type, body = demo_site.get(path)
                assert status == (404 if kind == "not_found" else 200), (path, status)
                assert content_type.startswith("text/html"), (path, content_type)
                name = file_name(path)
                (tmp_path / name).write_bytes(body)
                documents[name] = path

    # The forms sent back with errors (no CSRF check in the test client).
    client = Client()
    for language in LANGUAGES:
        forms = {"contact": demo_site.first(language, "contact")}
        if demo_site.registration_event[language]:
            forms["registration"] = f"{demo_site.registration_event[language]}register/"
        for what, path in forms.items():
            response = client.post(path, {}, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code in (200, 400), (path, response.status_code)
            assert b"error-summary" in response.content, path
            name = f"{language}_{what}_with_errors.html"
            (tmp_path / name).write_bytes(response.content)
            documents[name] = f"{path} (POST with errors)"

    files = sorted(tmp_path.glob("*.html"))
    assert len(files) == len(documents)
    errors = vnu_errors(vnu_command, files, documents)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
    print(f"vnu: {len(files)} documents, 0 errors")


def test_vnu_reports_what_it_should(vnu_command, tmp_path):
    """The check can fail: a stray end tag and a missing alt are reported as errors."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
        '<body><p>text</div><img src="a.png"></body></html>'
    )
    assert len(vnu_errors(vnu_command, [page])) >= 2
