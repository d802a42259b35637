"""The dependency audit (scripts/audit_dependencies.py, `make audit`, run by .ci/run) fails on
a known vulnerability, audits pip and setuptools too, and never reports "nothing audited" as
a pass: it fails, unless a machine without vulnerability data is declared (PIP_AUDIT_STRICT=0)
and the services were really unreachable."""

import importlib.util

from django.conf import settings


def load_script():
    path = settings.BASE_DIR / "scripts" / "audit_dependencies.py"
    spec = importlib.util.spec_from_file_location("audit_dependencies", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_known_vulnerability_fails_the_audit():
    report = {
        "dependencies": [
            {
                "name": "django",
                "version": "5.2.0",
                "vulns": [{"id": "GHSA-xxxx", "fix_versions": ["5.2.1"]}],
            },
            {"name": "wagtail", "version": "8.0.1", "vulns": []},
        ]
    }
    status, lines = load_script().verdict(report)
    assert status == 1
    assert any("django 5.2.0: GHSA-xxxx (fixed in 5.2.1)" in line for line in lines)


def test_no_vulnerability_passes():
    report = {"dependencies": [{"name": "wagtail", "version": "8.0.1", "vulns": []}]}
    assert load_script().verdict(report)[0] == 0


def test_nothing_audited_is_not_a_pass():
    report = {
        "dependencies": [
            {
                "name": "wagtail",
                "skip_reason": "Dependency not found on PyPI and could not be audited",
            }
        ]
    }
    assert load_script().verdict(report)[0] is None


def test_packages_that_could_not_be_audited_are_named():
    report = {
        "dependencies": [
            {"name": "wagtail", "version": "8.0.1", "vulns": []},
            {"name": "private-thing", "skip_reason": "Dependency not found on PyPI"},
        ]
    }
    status, lines = load_script().verdict(report)
    assert status == 0
    assert "NOT AUDITED (no vulnerability data): private-thing" in lines


def test_pip_and_setuptools_are_audited_too():
    freeze = "Django==5.2.19\npactesur-site==0.1.0\npip==26.3\nsetuptools==65.5.0\nwheel==0.45.1\n"
    assert load_script().pinned(freeze) == [
        "Django==5.2.19",
        "pip==26.3",
        "setuptools==65.5.0",
        "wheel==0.45.1",
    ]


UNREACHABLE = [("pypi", "every package was skipped", True), ("osv", "ConnectionError", True)]


def test_nothing_audited_fails_unless_declared():
    script = load_script()
    status, lines = script.nothing_audited(UNREACHABLE, strict=True)
    assert status == 2
    assert any("DEPENDENCIES NOT AUDITED" in line for line in lines)
    status, lines = script.nothing_audited(UNREACHABLE, strict=False)
    assert status == 0
    assert any("DEPENDENCIES NOT AUDITED" in line for line in lines)  # still said, loudly


def test_a_broken_pip_audit_fails_even_when_declared_offline():
    broken = [UNREACHABLE[0], ("osv", "TypeError: unexpected", False)]
    assert load_script().nothing_audited(broken, strict=False)[0] == 2


def test_make_audit_and_ci_run_the_audit():
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    ci = (settings.BASE_DIR / ".ci" / "run").read_text()
    assert "scripts/audit_dependencies.py" in makefile
    assert "make audit" in ci
    assert "pip install --quiet --upgrade pip setuptools" in makefile
