"""The demo app (demo content, demo accounts, load data) never reaches production."""

import importlib
import sys

import pytest


def installed_apps(module, monkeypatch):
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
