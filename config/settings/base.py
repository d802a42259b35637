"""Settings shared by every environment.

Everything that differs between a laptop and production comes from environment
variables (the table in docs/configuration.md, kept complete by tests/core/test_docs.py);
the defaults are the embedded ones: SQLite under var/, files under var/media, the
local-memory cache. The caches and the security settings are in caches.py and
security.py, imported here.
"""

import os
from pathlib import Path

import dj_database_url

from .caches import *  # noqa: F403 - CACHES, the page cache, the CDN (caches.py)
from .environment import env_bool, env_list
from .security import *  # noqa: F403 - passwords, login throttles, CSP (security.py)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "partners",
    "projects",
    "news",
    "events",
    "home",
    "search",
    "editorial",
    "performance",
    "privacy",
    "outbox",
    "mailer",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",  # admin login throttling (core/login_throttle.py)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (strict on the public site, looser in the admin), and a
    # friendly 503 in the visitor's language while the database is unreachable.
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Full-page cache for anonymous visitors: after the language is known, before CSRF.
    "performance.middleware.PageCacheMiddleware",
    # The Wagtail Site of the request, kept per content generation (uncached pages).
    "core.middleware.CachedSiteMiddleware",
    # Django's CSRF check, with a same-origin check instead for anonymous visitors' public
    # forms (contact, event registration), whose pages are then cacheable.
    "privacy.public_forms.PublicFormOriginMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into core.login_throttle's answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # site/ holds the site-wide front end: base templates and components.
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL, or a SQLite file under var/ when unset.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'pactesur.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several worker processes on one SQLite file: a transaction that reads, then writes
    # (a registration, a rate-limit count) takes the write lock at its start and waits up to
    # 20 s for it, instead of failing at once with "database is locked" (a 503) when another
    # process writes at the same moment.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Uploads: images up to 10 MB and 40 megapixels in the formats below (no SVG: it can carry
# script); documents up to DOCUMENT_MAX_UPLOAD_SIZE (core/uploads.py), served through Django
# (so that view restrictions apply) and downloaded as attachments except PDF.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "10")) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
DOCUMENT_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "20")) * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True

# Languages: adding one is a settings change (here) plus translations.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("it", "Italiano"),
    ("es", "Español"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "site" / "locale"]
# Dates in the admin: European English for "en" (config/formats/en/formats.py).
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

# Static files and media.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Media on any S3-compatible store when a bucket is named.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_S3_FILE_OVERWRITE = False

# E-mail goes through an outbox (outbox/, django-mailer): sending only writes the message to
# the database, in the transaction of what it reports; `manage.py mail_worker` sends it with
# MAILER_EMAIL_BACKEND, the real transport: SMTP when EMAIL_HOST is set, else the console.
EMAIL_BACKEND = "mailer.backend.DbBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    MAILER_EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Seconds any SMTP connection, read or write may take (Django's default is to wait forever).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
# Deferred messages go back into the queue EMAIL_RETRY_SECONDS after the last failure, at
# most MAILER_EMAIL_MAX_RETRIES times (288 x 5 min: a day); a pass gives up after
# MAILER_EMAIL_MAX_DEFERRED failures (the server is down: no use trying every message).
EMAIL_RETRY_SECONDS = int(os.environ.get("EMAIL_RETRY_SECONDS", "300"))
MAILER_EMAIL_MAX_RETRIES = int(os.environ.get("EMAIL_MAX_RETRIES", "288"))
MAILER_EMAIL_MAX_DEFERRED = 5
MAIL_WORKER_INTERVAL = float(os.environ.get("MAIL_WORKER_INTERVAL", "5"))
# Workers share the queue through row locks, not a lock file on one machine.
MAILER_USE_FILE_LOCK = False
# The log of attempts keeps no copy of the messages (they hold personal data), and is
# purged after OUTBOX_LOG_RETENTION_DAYS; a sent message leaves the outbox at once.
MAILER_EMAIL_LOG_MESSAGE_DATA = False
OUTBOX_LOG_RETENTION_DAYS = int(os.environ.get("OUTBOX_LOG_RETENTION_DAYS", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "PACTESUR <no-reply@pactesur.eu>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "PACTESUR"
# Page permissions of the editorial roles (translators may not unpublish or delete pages).
PAGE_PERMISSION_TESTER = "editorial.permissions.EditorialPagePermissionTester"
# No Gravatar: editors' e-mail hashes are not sent to a third party (and no broken avatar).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The address visitors use (https://pactesur.eu): `manage.py configure_site` writes it into
# the Wagtail Site, whose hostname and port every absolute URL (canonical, hreflang,
# sitemap, feeds) is built from; the admin's e-mails link to it unless told otherwise.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL or "http://127.0.0.1:8000"
).rstrip("/")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# What visitors search for (search/query.py, Reports › Search queries): at most this many
# distinct queries counted per language and day, and the days kept by
# `manage.py purge_search_stats` (run daily by cron), which also purges Wagtail's own query
# log after WAGTAILSEARCH_HITS_MAX_AGE days (Wagtail's default: 7).
SEARCH_STATS_MAX_QUERIES_PER_DAY = int(os.environ.get("SEARCH_STATS_MAX_QUERIES_PER_DAY", "200"))
SEARCH_STATS_RETENTION_DAYS = int(os.environ.get("SEARCH_STATS_RETENTION_DAYS", "400"))
# Search results are counted up to this many ("more than 1,000 results"), and ranked among
# the latest this many matches, so that a common word costs no more than a rare one.
SEARCH_COUNT_LIMIT = max(10, int(os.environ.get("SEARCH_COUNT_LIMIT", "1000")))
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True


def machine_translator(debug):
    """wagtail-localize's machine translator, chosen by the environment: DeepL when
    DEEPL_API_KEY is set, else LibreTranslate when LIBRETRANSLATE_URL is (with
    LIBRETRANSLATE_API_KEY if the server wants one), else the dummy translator (it
    reverses the words: for trying the feature) when debugging, else none."""
    if os.environ.get("DEEPL_API_KEY"):
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
        }
    if os.environ.get("LIBRETRANSLATE_URL"):
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"].rstrip("/"),
                "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
            },
        }
    if debug:
        return {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
    return None


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(DEBUG)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Events: personal data of registrations is erased this many days after the event ends
# (`manage.py purge_registrations`, run daily by cron).
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "30"))
# A registration holds a place only once its address is confirmed from the e-mailed link,
# valid REGISTRATION_CONFIRM_HOURS; limits on unconfirmed requests (events/registration.py).
REGISTRATION_CONFIRM_HOURS = int(os.environ.get("REGISTRATION_CONFIRM_HOURS", "24"))
REGISTRATION_MAX_PENDING_PER_EVENT = int(
    os.environ.get("REGISTRATION_MAX_PENDING_PER_EVENT", "100")
)
REGISTRATION_MAX_PENDING_PER_ADDRESS = int(
    os.environ.get("REGISTRATION_MAX_PENDING_PER_ADDRESS", "3")
)
# `manage.py send_event_reminders` (cron) reminds confirmed registrants this long before the start.
EVENT_REMINDER_HOURS = int(os.environ.get("EVENT_REMINDER_HOURS", "48"))
REGISTRATION_EMAIL_INTERVAL_MINUTES = int(
    os.environ.get("REGISTRATION_EMAIL_INTERVAL_MINUTES", "10")
)

# Privacy (privacy/): contact-form submissions are deleted this many days after they were
# sent (`manage.py purge_form_submissions`, run daily by cron).
FORM_SUBMISSION_RETENTION_DAYS = int(os.environ.get("FORM_SUBMISSION_RETENTION_DAYS", "365"))
# Spam protection of the public forms (privacy/antispam.py): a form is accepted between
# ANTISPAM_MIN_SECONDS and ANTISPAM_MAX_AGE_SECONDS after it was served, and a client
# address may send ANTISPAM_RATE_LIMIT forms per ANTISPAM_RATE_WINDOW_SECONDS.
ANTISPAM_MIN_SECONDS = int(os.environ.get("ANTISPAM_MIN_SECONDS", "3"))
ANTISPAM_MAX_AGE_SECONDS = int(os.environ.get("ANTISPAM_MAX_AGE_SECONDS", str(24 * 3600)))
ANTISPAM_RATE_LIMIT = int(os.environ.get("ANTISPAM_RATE_LIMIT", "20"))
ANTISPAM_RATE_WINDOW_SECONDS = int(os.environ.get("ANTISPAM_RATE_WINDOW_SECONDS", "600"))
# Reverse proxies in front of the site that append to X-Forwarded-For (0: the client's
# address is REMOTE_ADDR). Used to tell clients apart for rate limits.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
