"""Tests: fast hashing, in-memory e-mail, DATABASE_URL still honoured (CI runs on PostgreSQL)."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# E-mail goes through the outbox as in production; tests.mail.deliver_outbox() plays the
# mail worker, with the in-memory transport (django.core.mail.outbox).
MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Shared by nothing but this process; emptied before each test (tests/conftest.py).
    # tests/security/test_shared_limits.py runs gunicorn workers on the database cache.
    "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "limits"},
}
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "django_ratelimit.E003"]  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# The page cache stays off so that tests see each change at once; tests/performance
# switches it on where it is under test.
PAGE_CACHE_SECONDS = 0
# Likewise the chrome cache (its content generation changes after a commit, which most tests
# never make); tests/performance/test_chrome_cache.py switches it on.
CHROME_CACHE_SECONDS = 0
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405 - the demo content is under test
