"""Admin login throttling, counted in the Django cache (Redis in production).

Every failed login (Django's `user_login_failed` signal, sent by `authenticate()`) adds one
to two counters: one for the (username, client address) pair and one for the address alone.
When the pair reaches LOGIN_THROTTLE_ATTEMPTS failures within LOGIN_THROTTLE_SECONDS, or the
address LOGIN_THROTTLE_IP_ATTEMPTS, further logins for it are refused, even with the right
password, until the window has passed; a successful login clears the pair's counter.

- `ThrottledLoginForm` (WAGTAILADMIN_USER_LOGIN_FORM) checks before authenticating and says
  "too many failed attempts, try again in N minutes" (the same for existing and unknown
  usernames, so it tells nothing about accounts);
- `ThrottledModelBackend` (AUTHENTICATION_BACKENDS) refuses as well, for any other login
  path that calls `authenticate(request=…)`.

The account itself is never locked (that would let anyone lock staff out from anywhere):
only the failing address is refused. A cache outage lets logins through, logged.

Password-reset requests (`ThrottledPasswordResetForm`, WAGTAILADMIN_USER_PASSWORD_RESET_FORM)
are counted the same way, per e-mail address and per client address, within
PASSWORD_RESET_THROTTLE_SECONDS: beyond PASSWORD_RESET_THROTTLE_ATTEMPTS requests for one
e-mail address, or PASSWORD_RESET_THROTTLE_IP_ATTEMPTS from one client, the form says to try
again later and sends nothing, so the form cannot be used to flood a mailbox or the mail
server. Every request counts whether or not an account has that address, so the answer
tells nothing about accounts.
"""

import hashlib
import ipaddress
import logging
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm
from wagtail.admin.views import account as account_views

logger = logging.getLogger(__name__)

KEY_PREFIX = "login-throttle"


def attempts_allowed():
    return int(getattr(settings, "LOGIN_THROTTLE_ATTEMPTS", 5))


def ip_attempts_allowed():
    return int(getattr(settings, "LOGIN_THROTTLE_IP_ATTEMPTS", 50))


def window_seconds():
    return max(1, int(getattr(settings, "LOGIN_THROTTLE_SECONDS", 900)))


def client_address(request):
    """REMOTE_ADDR, or the address TRUSTED_PROXY_COUNT proxies away in X-Forwarded-For;
    IPv6 addresses by their /64 (one client usually holds a whole /64)."""
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies and request is not None:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64] or "unknown"
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _normalise(username):
    return (username or "").strip().lower()


def _key(*parts):
    digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32]
    return f"{KEY_PREFIX}:{digest}"


def _keys(username, address):
    return _key("pair", _normalise(username), address), _key("ip", address)


def _bucket(window):
    """Counters live in fixed windows: the current one and the one before are summed."""
    return int(time.time() // window)


def _count(key, window):
    bucket = _bucket(window)
    values = cache.get_many([f"{key}:{bucket}", f"{key}:{bucket - 1}"])
    return sum(int(value) for value in values.values() if value)


def _increment(key, window):
    bucket_key = f"{key}:{_bucket(window)}"
    try:
        if not cache.add(bucket_key, 1, timeout=2 * window):
            cache.incr(bucket_key)
    except ValueError:  # expired between add and incr
        cache.set(bucket_key, 1, timeout=2 * window)


def _seconds_left(window):
    """Until the failures of the current window no longer count (they count for two)."""
    return window - int(time.time() % window) + window


def _seconds_locked(limits, window, what):
    """How long to refuse when any (key, allowed) of `limits` has reached its count, or 0.
    A cache outage throttles nothing (logged) rather than refusing everybody."""
    try:
        locked = any(_count(key, window) >= allowed for key, allowed in limits)
    except Exception:  # noqa: BLE001
        logger.warning("%s: cache unavailable, not throttling", what, exc_info=True)
        return 0
    return _seconds_left(window) if locked else 0


def _record(keys, window, what):
    """Count one more for each key; False when the cache could not (logged)."""
    for key in keys:
        try:
            _increment(key, window)
        except Exception:  # noqa: BLE001
            logger.warning("%s: could not count", what, exc_info=True)
            return False
    return True


def seconds_locked(username, request):
    """How long this (username, address) is still refused, or 0 when it may try."""
    pair_key, ip_key = _keys(username, client_address(request))
    limits = [(pair_key, attempts_allowed()), (ip_key, ip_attempts_allowed())]
    return _seconds_locked(limits, window_seconds(), "Login throttle")


def record_failure(username, request):
    address = client_address(request)
    if _record(_keys(username, address), window_seconds(), "Login throttle"):
        logger.warning("Failed admin login for %r from %s", _normalise(username)[:150], address)


def reset(username, request):
    pair_key, _ip_key = _keys(username, client_address(request))
    bucket = _bucket(window_seconds())
    try:
        cache.delete_many([f"{pair_key}:{bucket}", f"{pair_key}:{bucket - 1}"])
    except Exception:  # noqa: BLE001
        logger.warning("Login throttle: could not reset a counter", exc_info=True)


def _username_from(credentials):
    field = get_user_model().USERNAME_FIELD
    return str(credentials.get(field) or credentials.get("username") or "")


@receiver(user_login_failed)
def _on_login_failed(sender, credentials, request=None, **kwargs):
    if request is not None:
        record_failure(_username_from(credentials), request)


@receiver(user_logged_in)
def _on_logged_in(sender, request, user, **kwargs):
    if request is not None:
        reset(user.get_username(), request)


def _minutes(seconds):
    return max(1, -(-seconds // 60))


def locked_message(seconds):
    minutes = _minutes(seconds)
    return ngettext(
        "Too many failed login attempts. Please try again in %(minutes)d minute.",
        "Too many failed login attempts. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


class ThrottledModelBackend(ModelBackend):
    """Django's ModelBackend, refusing a (username, address) that is throttled."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if request is not None and seconds_locked(username, request):
            raise PermissionDenied(_("Too many failed login attempts."))
        return super().authenticate(request, username=username, password=password, **kwargs)


class ThrottledLoginForm(LoginForm):
    """Wagtail's login form, saying so when the address is throttled for this username."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username is not None and self.request is not None:
            seconds = seconds_locked(username, self.request)
            if seconds:
                raise ValidationError(locked_message(seconds), code="throttled")
        return super().clean()


# ------------------------------------------------------------------ password-reset requests


def _reset_window():
    return max(1, int(getattr(settings, "PASSWORD_RESET_THROTTLE_SECONDS", 3600)))


def _reset_keys(email, address):
    return _key("reset-email", _normalise(email)), _key("reset-ip", address)


def password_reset_seconds_locked(email, request):
    """How long password-reset requests for `email` from this client are still refused."""
    email_key, ip_key = _reset_keys(email, client_address(request))
    limits = [
        (email_key, int(getattr(settings, "PASSWORD_RESET_THROTTLE_ATTEMPTS", 3))),
        (ip_key, int(getattr(settings, "PASSWORD_RESET_THROTTLE_IP_ATTEMPTS", 10))),
    ]
    return _seconds_locked(limits, _reset_window(), "Password-reset throttle")


def record_password_reset(email, request):
    address = client_address(request)
    if _record(_reset_keys(email, address), _reset_window(), "Password-reset throttle"):
        logger.info(
            "Admin password reset requested for %r from %s", _normalise(email)[:254], address
        )


def reset_locked_message(seconds):
    minutes = _minutes(seconds)
    return ngettext(
        "Too many password reset requests. Please try again in %(minutes)d minute.",
        "Too many password reset requests. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's password-reset form, refusing (with a message, the address kept) a request
    beyond the allowed number; `ThrottledPasswordResetView` gives it the request."""

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        email = cleaned_data.get("email")
        if email and self.request is not None:
            seconds = password_reset_seconds_locked(email, self.request)
            if seconds:
                raise ValidationError(reset_locked_message(seconds), code="throttled")
        return cleaned_data

    def save(self, *args, request=None, **kwargs):
        record_password_reset(self.cleaned_data["email"], request or self.request)
        return super().save(*args, request=request, **kwargs)


class ThrottledPasswordResetView(account_views.PasswordResetView):
    """Wagtail's password-reset view (routed in config/urls.py ahead of the admin's own),
    handing the request to the form (WAGTAILADMIN_USER_PASSWORD_RESET_FORM) so that it can
    count and refuse."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}
