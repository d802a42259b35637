"""Hardened settings: Content-Security-Policy without inline script, security headers,
production settings, password validation."""

import json
import os
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


def directives(header):
    result = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            result[words[0]] = words[1:]
    return result


class InlineCode(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, style attributes and
    elements, event-handler attributes, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.problems = []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            kind = (attrs.get("type") or "text/javascript").lower()
            if "src" not in attrs and kind != "application/ld+json":
                self.problems.append(f"inline <script type={kind}>")
        if tag == "style":
            self.problems.append("<style> element")
        for name, value in attrs.items():
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>")
            if name.startswith("on"):
                self.problems.append(f"{name} attribute on <{tag}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"javascript: URL on <{tag}>")


@pytest.mark.django_db
def test_public_pages_have_a_strict_csp_and_no_inline_code(client, translated_site):
    pages = list(translated_site.values())
    urls = [page.url for page in pages] + ["/fr/", "/fr/search/?q=test", "/en/no-such-page/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        csp = directives(response["Content-Security-Policy"])
        assert csp["script-src"] == ["'self'"], url
        assert csp["style-src"] == ["'self'"], url
        assert csp["object-src"] == ["'none'"], url
        assert csp["frame-ancestors"] == ["'none'"], url
        assert csp["base-uri"] == ["'self'"], url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], url
        parser = InlineCode()
        parser.feed(response.content.decode())
        assert parser.problems == [], (url, parser.problems)


@pytest.mark.django_db
def test_json_ld_is_data_not_an_inline_script(client, site_tree):
    html = client.get(site_tree["event"].url).content.decode()
    assert '<script type="application/ld+json">' in html  # allowed: browsers never run it


@pytest.mark.django_db
def test_security_headers_on_every_response(client, site_tree):
    response = client.get(site_tree["home"].url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'self'"]  # the preview panel frames admin views
    assert csp["object-src"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]


def test_production_settings_are_hardened(tmp_path):
    """The values check --deploy does not look at, or that must not regress.

    Read as Django reads them (django.conf.settings) without django.setup(): loading the
    apps, ~2 s of CPU, changes none of these values (check --deploy, in
    tests/core/test_project_health.py, loads them)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "p" * 60,
        "ALLOWED_HOSTS": "pactesur.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'settings.sqlite3'}",
    }
    names = [
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SECURE",
        "SECURE_CONTENT_TYPE_NOSNIFF",
        "SECURE_REFERRER_POLICY",
        "X_FRAME_OPTIONS",
        "WAGTAILDOCS_SERVE_METHOD",
        "WAGTAILDOCS_INLINE_CONTENT_TYPES",
        "MIDDLEWARE",
    ]
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    assert values["WAGTAILDOCS_INLINE_CONTENT_TYPES"] == ["application/pdf"]
    assert "core.middleware.ContentSecurityPolicyMiddleware" in values["MIDDLEWARE"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "password",
    ["short-pass1", "123456789012345", "password1234", "editor-example"],
)
def test_weak_passwords_are_refused(password, django_user_model):
    user = django_user_model(username="editor-example", email="editor@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


@pytest.mark.django_db
def test_a_strong_password_is_accepted(django_user_model):
    user = django_user_model(username="editor", email="editor@example.org")
    validate_password("correct horse battery staple", user)
