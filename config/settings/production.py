"""Production: every secret and host comes from the environment; refuses to start without them."""

import os
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production (comma-separated).")

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS: the site is served behind a TLS-terminating proxy.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Persistent database connections: opening one per request (SQLite reads its schema again;
# PostgreSQL authenticates) costs 1.5–2 ms of every uncached page (docs/performance.md).
# Health-checked (CONN_HEALTH_CHECKS), so a connection the database dropped is replaced.
# CONN_MAX_AGE=0 behind PgBouncer in transaction mode.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))  # noqa: F405

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405

# The demo app's commands (load_demo_content, generate_load_data) fill a database that is then
# served with these settings: a benchmark (bench/, ../shared/peer-bench runs `manage.py
# load_demo_content` under config.settings.production) or a staging copy. `manage.py` offers
# them; the served site (wsgi, gunicorn) never loads the app, which adds no model, URL,
# middleware or template anyway. load_demo_content refuses a database that holds a site the
# demo did not make.
if Path(sys.argv[0]).name == "manage.py":
    INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
