"""Settings shared by every environment.

Everything that differs between a laptop and production comes from environment
variables (the table in docs/configuration.md, kept complete by tests/core/test_docs.py);
the defaults are the embedded ones: SQLite under var/, files under var/media, the
local-memory cache.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


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
    # Django's CSRF check, with a same-origin check instead for anonymous visitors' public
    # forms (contact, event registration), whose pages are then cacheable.
    "privacy.public_forms.CsrfViewMiddleware",
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

# Caches. "default" (the page cache, Wagtail's lookups): Redis when REDIS_URL is set, local
# memory otherwise (per process; the page cache stays correct through its generation, below).
# "limits" (rate limits and the anti-spam replay check, core/limits.py) must be shared by every
# worker process and server, or each process counts on its own: Redis when REDIS_URL is set,
# the database cache otherwise (its table is created by `migrate`: core/apps.py). Redis errors
# are ignored (an outage serves pages uncached and skips the limits), and a Redis that does
# not answer is given up after REDIS_TIMEOUT_SECONDS, so that it never holds a request long.
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_TIMEOUT_SECONDS = float(os.environ.get("REDIS_TIMEOUT_SECONDS", "0.5"))
REDIS_RETRY_SECONDS = float(os.environ.get("REDIS_RETRY_SECONDS", "5"))
LIMITS_CACHE_TABLE = "pactesur_limits_cache"


def redis_cache(url, key_prefix, timeout_seconds=REDIS_TIMEOUT_SECONDS, retry_seconds=None):
    """A django-redis cache that never fails nor holds a request: errors ignored, a call
    given up after `timeout_seconds`, and Redis left alone for REDIS_RETRY_SECONDS after a
    failure (core/cache.py; tests/core/test_outages.py)."""
    return {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": timeout_seconds,
            "SOCKET_TIMEOUT": timeout_seconds,
            "RETRY_SECONDS": REDIS_RETRY_SECONDS if retry_seconds is None else retry_seconds,
        },
    }


if REDIS_URL:
    CACHES = {
        "default": redis_cache(REDIS_URL, "pactesur"),
        "limits": redis_cache(REDIS_URL, "pactesur-limits"),
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True  # core.cache logs when Redis stops answering
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pactesur",
            # Room for the page cache (about 30 KB a page, per process).
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
        "limits": {
            "BACKEND": "core.cache.CounterSafeDatabaseCache",
            "LOCATION": LIMITS_CACHE_TABLE,
            # Room for many clients: counters pushed out early would let a flood through.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
    }
# django-ratelimit counts in the shared cache and lets requests through when it fails.
RATELIMIT_USE_CACHE = "limits"
RATELIMIT_FAIL_OPEN = True
# django-ratelimit warns about every backend it does not list; ResilientRedisCache is
# django-redis', CounterSafeDatabaseCache is shared and increments atomically (core/cache.py).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

# Full-page cache for anonymous visitors (performance/): at most PAGE_CACHE_SECONDS, and
# emptied on every publish, unpublish, move, delete or snippet change (0 disables it).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Where the "content generation" that invalidates it lives: "cache" (shared: Redis) or
# "database"; empty = "database" with the per-process local-memory cache, else "cache".
PAGE_CACHE_GENERATION_STORE = os.environ.get("PAGE_CACHE_GENERATION_STORE", "")

# A CDN or Varnish in front, purged after every change by performance/ with the backends
# of wagtail.contrib.frontend_cache. That app is not installed on purpose: its own signal
# handlers purge inside the publishing transaction, before the commit, so the CDN could
# fetch and keep the old page again; performance/ purges after the commit, and more URLs.
WAGTAILFRONTENDCACHE = {}
FRONTEND_CACHE_HOSTNAMES = env_list("FRONTEND_CACHE_HOSTNAMES", "*")
if os.environ.get("FRONTEND_CACHE_VARNISH_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "performance.frontend_cache.VarnishBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_VARNISH_URL"],
        "HOSTNAMES": FRONTEND_CACHE_HOSTNAMES,
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "performance.frontend_cache.CloudflareBackend",
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN") or None,
        "EMAIL": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_EMAIL") or None,
        "API_KEY": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_API_KEY") or None,
        "HOSTNAMES": FRONTEND_CACHE_HOSTNAMES,
    }
# How long the CDN may keep a page (s-maxage) between purges.
FRONTEND_CACHE_SECONDS = int(os.environ.get("FRONTEND_CACHE_SECONDS", "3600"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin login throttling (core/login_throttle.py, django-axes with its database handler):
# after LOGIN_THROTTLE_ATTEMPTS failed logins for one username from one address within
# LOGIN_THROTTLE_SECONDS, that pair is refused until LOGIN_THROTTLE_SECONDS after the last
# failure; an address that fails LOGIN_THROTTLE_IP_ATTEMPTS times (any usernames) too.
LOGIN_THROTTLE_ATTEMPTS = int(os.environ.get("LOGIN_THROTTLE_ATTEMPTS", "5"))
LOGIN_THROTTLE_IP_ATTEMPTS = int(os.environ.get("LOGIN_THROTTLE_IP_ATTEMPTS", "50"))
LOGIN_THROTTLE_SECONDS = int(os.environ.get("LOGIN_THROTTLE_SECONDS", "900"))
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out (username, address)
    "django.contrib.auth.backends.ModelBackend",
]
WAGTAILADMIN_USER_LOGIN_FORM = "core.login_throttle.ThrottledLoginForm"
AXES_HANDLER = "core.login_throttle.LoginThrottleHandler"
AXES_FAILURE_LIMIT = "core.login_throttle.failure_limit"  # LOGIN_THROTTLE_ATTEMPTS
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_COOLOFF_TIME = "core.login_throttle.cool_off"  # LOGIN_THROTTLE_SECONDS
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "core.limits.client_address"
AXES_USERNAME_CALLABLE = "core.login_throttle.normalised_username"
AXES_LOCKOUT_CALLABLE = "core.login_throttle.lockout_response"
# No record of every successful login (personal data kept for nothing); failed attempts are
# kept only until their cool-off has passed.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# Admin password-reset requests (django-ratelimit): per e-mail address and per client address.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "core.login_throttle.ThrottledPasswordResetForm"
PASSWORD_RESET_THROTTLE_ATTEMPTS = int(os.environ.get("PASSWORD_RESET_THROTTLE_ATTEMPTS", "3"))
PASSWORD_RESET_THROTTLE_IP_ATTEMPTS = int(
    os.environ.get("PASSWORD_RESET_THROTTLE_IP_ATTEMPTS", "10")
)
PASSWORD_RESET_THROTTLE_SECONDS = int(os.environ.get("PASSWORD_RESET_THROTTLE_SECONDS", "3600"))


def _origin(url):
    """scheme://host of an absolute URL (a media CDN), or None for a path."""
    if url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://{rest.split('/', 1)[0]}"
    return None


# Content-Security-Policy (django-csp 4; Django 5.2 has no CSP of its own). The public site
# has no inline script or style at all: scripts, styles, fonts and images come from this
# origin (plus the media store or CDN when it is elsewhere), embeds from the video sites
# below. JSON-LD (<script type="application/ld+json">) is data, never run, so it needs no
# exception. The admin (Wagtail and wagtail-localize still use inline scripts and styles)
# gets a looser policy from core.middleware.ContentSecurityPolicyMiddleware.
_MEDIA_ORIGINS = [
    origin
    for origin in (
        _origin(os.environ.get("MEDIA_URL", "")),
        f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"
        if os.environ.get("AWS_S3_CUSTOM_DOMAIN")
        else None,
        _origin(os.environ.get("AWS_S3_ENDPOINT_URL", "")),
    )
    if origin
]
CSP_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    *env_list("CSP_EXTRA_FRAME_SRC"),
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_MEDIA_ORIGINS],
        "media-src": ["'self'", *_MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": CSP_FRAME_SOURCES,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# What the admin may do beyond that (merged in for /admin/ only).
CSP_ADMIN_DIRECTIVES = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:", *_MEDIA_ORIGINS],
    "frame-src": ["'self'", *CSP_FRAME_SOURCES],
    "frame-ancestors": ["'self'"],  # the page preview panel frames admin views
}
# Previews of pages and snippets (the admin's preview panel frames them): the public policy,
# framable by the admin's own origin (core.middleware.ContentSecurityPolicyMiddleware).
CSP_PREVIEW_DIRECTIVES = {
    "frame-ancestors": ["'self'"],
}

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
