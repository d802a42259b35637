"""The dependency audit (scripts/audit_dependencies.py, `make audit`, run by .ci/run) fails on
a known vulnerability and never reports "nothing audited" as a pass."""

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


def test_make_audit_and_ci_run_the_audit():
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    ci = (settings.BASE_DIR / ".ci" / "run").read_text()
    assert "scripts/audit_dependencies.py" in makefile
    assert "make audit" in ci
