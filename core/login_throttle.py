"""Admin login and password-reset throttling, with django-axes and django-ratelimit.

**Logins** (django-axes, its database handler: every worker and server sees the same
failures, with or without Redis). Failures are counted per (username, client address) and
per address (AXES_LOCKOUT_PARAMETERS). LOGIN_THROTTLE_ATTEMPTS failures of one username from
one address within LOGIN_THROTTLE_SECONDS, or LOGIN_THROTTLE_IP_ATTEMPTS failures from one
address with any usernames, refuse further logins from it, even with the right password,
until LOGIN_THROTTLE_SECONDS after the last failure. The login page then answers 429 and says
"Too many failed login attempts. Please try again in N minutes", the same for existing and
unknown usernames, in the editor's language. The account itself is never locked (that would
let anyone lock staff out from anywhere): another address can still log in. A successful
login clears the failures of that username from that address. To unlock at once:
`manage.py axes_reset_ip ADDRESS`, `axes_reset_username NAME` (docs/security-and-privacy.md).

**Password-reset requests** (django-ratelimit, in the `limits` cache: core/limits.py): at most
PASSWORD_RESET_THROTTLE_ATTEMPTS per e-mail address and PASSWORD_RESET_THROTTLE_IP_ATTEMPTS
per client within PASSWORD_RESET_THROTTLE_SECONDS; beyond that the form says to try again
later, keeps the address and sends nothing, so it cannot flood a mailbox or the mail server.
Every request counts whether or not an account has that address (the answer tells nothing
about accounts). A cache outage lets requests through (logged).
"""

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Max, Sum
from django.forms.utils import ErrorDict
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm
from wagtail.admin.views import account as account_views

from .limits import client_address, count


def failure_limit(request, credentials):
    """AXES_FAILURE_LIMIT: the pair's limit, LOGIN_THROTTLE_ATTEMPTS."""
    return settings.LOGIN_THROTTLE_ATTEMPTS


def cool_off(request):
    """AXES_COOLOFF_TIME: LOGIN_THROTTLE_SECONDS."""
    return timedelta(seconds=max(1, settings.LOGIN_THROTTLE_SECONDS))


def normalised_username(request, credentials):
    """AXES_USERNAME_CALLABLE: usernames are compared without case or surrounding spaces,
    so that "Editor " and "editor" are one set of failures."""
    credentials = credentials or {}
    username = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get("username")
    if username is None and request is not None:
        username = request.POST.get("username")
    return str(username or "").strip().lower()[:255]


class LoginThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler with two limits where axes has one.

    AXES_LOCKOUT_PARAMETERS lists the (username, address) pair, then the address alone.
    Axes compares the largest of their failure counts with AXES_FAILURE_LIMIT (the pair's
    limit); the address's count is brought to that scale, so that it locks at
    LOGIN_THROTTLE_IP_ATTEMPTS. A successful login forgets only the pair's failures, not
    those of other usernames tried from the same address."""

    def get_failures(self, request, credentials=None):
        pair, address = (
            attempts.aggregate(failures=Sum("failures_since_start"))["failures"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        pair_limit = failure_limit(request, credentials)
        address_limit = max(pair_limit, settings.LOGIN_THROTTLE_IP_ATTEMPTS)
        return max(pair, address * pair_limit // address_limit)

    def reset_user_attempts(self, request, credentials=None):
        count_deleted, _ = self.filter_user_attempts(request, credentials)[0].delete()
        return count_deleted

    def seconds_locked(self, request, credentials=None):
        """Until the last failure that counts towards the lock is older than the cool-off."""
        pair, address = (
            attempts.aggregate(failures=Sum("failures_since_start"), latest=Max("attempt_time"))
            for attempts in self.get_user_attempts(request, credentials)
        )
        locked_pair = (pair["failures"] or 0) >= failure_limit(request, credentials)
        locking = pair if locked_pair else address
        if locking["latest"] is None:
            return 0
        left = locking["latest"] + get_cool_off(request) - timezone.now()
        return max(1, int(left.total_seconds()))


def _minutes(seconds):
    return max(1, -(-int(seconds) // 60))


def locked_message(seconds):
    minutes = _minutes(seconds)
    return ngettext(
        "Too many failed login attempts. Please try again in %(minutes)d minute.",
        "Too many failed login attempts. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def _seconds_locked(request, credentials):
    handler = AxesProxyHandler.get_implementation()
    if isinstance(handler, LoginThrottleHandler):
        return handler.seconds_locked(request, credentials)
    return int(get_cool_off(request).total_seconds())


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the login page again, its form saying how long to wait (429).
    Axes calls it for the failure that reaches the limit and for refused logins."""
    message = locked_message(_seconds_locked(request, credentials))
    form = (getattr(original_response, "context_data", None) or {}).get("form")
    if form is None:
        return HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    form._errors = form._errors or ErrorDict()
    form._errors["__all__"] = form.error_class([message], error_class="nonfield")
    for name in list(form._errors):
        if name != "__all__":
            del form._errors[name]
    original_response.content = original_response.rendered_content
    original_response.status_code = 429
    return original_response


class ThrottledLoginForm(LoginForm):
    """Wagtail's login form (WAGTAILADMIN_USER_LOGIN_FORM), refusing before it authenticates
    when the address is locked for this username (no failure is counted then, so the
    cool-off is not prolonged)."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username is not None and self.request is not None:
            credentials = {"username": username}
            if not AxesProxyHandler.is_allowed(self.request, credentials):
                self.request.axes_locked_out = True  # AxesMiddleware answers with lockout_response
                self.request.axes_credentials = credentials
                raise ValidationError(gettext("Too many failed login attempts."), code="throttled")
        return super().clean()


# ------------------------------------------------------------------ password-reset requests


def reset_locked_message(seconds):
    minutes = _minutes(seconds)
    return ngettext(
        "Too many password reset requests. Please try again in %(minutes)d minute.",
        "Too many password reset requests. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def password_reset_seconds_locked(email, request):
    """Count this request for `email` and for the client; how long requests are refused."""
    window = settings.PASSWORD_RESET_THROTTLE_SECONDS
    return max(
        count(
            request,
            "password-reset:email",
            email.strip().lower(),
            settings.PASSWORD_RESET_THROTTLE_ATTEMPTS,
            window,
        ),
        count(
            request,
            "password-reset:client",
            client_address(request),
            settings.PASSWORD_RESET_THROTTLE_IP_ATTEMPTS,
            window,
        ),
    )


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's password-reset form (WAGTAILADMIN_USER_PASSWORD_RESET_FORM), refusing, with
    a message and the address kept, a request beyond the allowed number;
    `ThrottledPasswordResetView` gives it the request."""

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


class ThrottledPasswordResetView(account_views.PasswordResetView):
    """Wagtail's password-reset view (routed in config/urls.py ahead of the admin's own),
    handing the request to the form so that it can count and refuse."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}
