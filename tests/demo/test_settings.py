"""The demo app (demo content, demo accounts, load data) is never part of the served
production site; its commands are offered by manage.py to fill a database (benchmarks)."""

import importlib
import sys

import pytest


def installed_apps(module, monkeypatch, argv0="gunicorn"):
    monkeypatch.setattr(sys, "argv", [argv0])
    monkeypatch.setenv("SECRET_KEY", "a-long-enough-secret-key-for-importing-the-settings")
    monkeypatch.setenv("ALLOWED_HOSTS", "pactesur.example.org")
    for name in [name for name in sys.modules if name.startswith("config.settings.")]:
        monkeypatch.delitem(sys.modules, name)
    return importlib.import_module(module).INSTALLED_APPS


@pytest.mark.parametrize(
    ("module", "has_demo"),
    [
        ("config.settings.production", False),
        ("config.settings.dev", True),
        ("config.settings.test", True),
        ("config.settings.bench", True),
    ],
)
def test_only_development_tests_and_benchmarks_install_the_demo(module, has_demo, monkeypatch):
    assert ("demo" in installed_apps(module, monkeypatch)) is has_demo


def test_manage_py_offers_the_demo_commands_under_production_settings(monkeypatch):
    """../shared/peer-bench prepares its database with `manage.py load_demo_content` and
    `generate_load_data` under config.settings.production."""
    assert "demo" in installed_apps(
        "config.settings.production", monkeypatch, argv0="/srv/pactesur/manage.py"
    )


def test_the_benchmark_settings_under_manage_py_install_the_demo_once(monkeypatch):
    """bench/ runs manage.py (migrate, generate_load_data) with config.settings.bench, which
    adds the demo app to production's, which adds it under manage.py already: Django refuses
    an app installed twice ("Application labels aren't unique")."""
    apps = installed_apps("config.settings.bench", monkeypatch, argv0="/srv/pactesur/manage.py")
    assert apps.count("demo") == 1
