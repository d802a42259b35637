"""The production settings (config/settings/production.py) as the tests serve them with
gunicorn (tests/servers.py): everything as in production but the static files' manifest,
which only `collectstatic` writes (tens of seconds); pages link to the static files as is."""

from config.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
