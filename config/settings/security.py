"""Who may sign in and what browsers may load: passwords, login and password-reset
throttles, the Content-Security-Policy.

Imported by base.py; the environment variables are in docs/configuration.md.
"""

import os

from .environment import env_list

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
