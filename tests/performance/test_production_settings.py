"""The production settings keep what makes every uncached page cheaper: persistent database
connections (a new one per request costs 1.5–2 ms: docs/performance.md) and compiled
templates kept in memory (Django's cached loader)."""

import json
import os
import subprocess
import sys

from django.conf import settings

CODE = (
    "import json; from django.conf import settings; from django.template import engines; "
    "print(json.dumps({'conn_max_age': settings.DATABASES['default']['CONN_MAX_AGE'], "
    "'health_checks': settings.DATABASES['default']['CONN_HEALTH_CHECKS'], "
    "'loaders': [type(loader).__module__ for loader in "
    "engines['django'].engine.template_loaders]}))"
)
# Only the settings, without the apps: the template engine needs them loaded (`manage.py
# shell` does, ~3 s of CPU), the value of a setting does not.
SETTINGS_CODE = (
    "import json; from django.conf import settings; "
    "print(json.dumps({'conn_max_age': settings.DATABASES['default']['CONN_MAX_AGE']}))"
)


def production_values(tmp_path, command=("manage.py", "shell", "-c", CODE), **variables):
    env = {name: value for name, value in os.environ.items() if name != "CONN_MAX_AGE"}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="p" * 60,
        ALLOWED_HOSTS="pactesur.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'settings.sqlite3'}",
        **variables,
    )
    result = subprocess.run(
        [sys.executable, *command],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_keeps_database_connections_and_compiled_templates(tmp_path):
    values = production_values(tmp_path)
    assert values["conn_max_age"] == 60
    assert values["health_checks"] is True
    assert values["loaders"] == ["django.template.loaders.cached"]


def test_conn_max_age_can_be_turned_off_for_a_connection_pooler(tmp_path):
    values = production_values(tmp_path, command=("-c", SETTINGS_CODE), CONN_MAX_AGE="0")
    assert values["conn_max_age"] == 0
