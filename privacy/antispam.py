"""Spam protection for the public forms, without any third-party service or script.

Four checks, all server-side, none of them needing a session (so pages stay cacheable):

- a **honeypot**: a text field hidden from people (visually and from assistive
  technologies, out of the tab order, labelled "leave this field empty") that robots fill in;
- a **minimum fill time**: the form carries a signed token with the time it was issued; a
  form sent back less than ANTISPAM_MIN_SECONDS after it was issued is refused with a
  message on the question's field (send it again: the same question is then accepted), one
  sent more than ANTISPAM_MAX_AGE_SECONDS after (a page kept open for days, or a token
  replayed) gets a new question.
  The window is wide on purpose: the form pages are served from the page cache and Varnish,
  so the token in a cached copy is the one of the page's rendering, shared by every visitor
  of that copy (at most PAGE_CACHE_SECONDS + FRONTEND_CACHE_SECONDS old, far below the
  maximum age). Its time is then when the page was generated: the minimum time catches a
  robot posting a freshly generated page at once, and every token this module issues in an
  answer to a POST (a new question) is the visitor's own, issued at submit time;
- an **accessible question** in the visitor's language ("How much is 12 + 14?") with a real
  label. The numbers are derived from a random nonce in the token with a keyed hash, so the
  token does not give the answer away; a nonce is accepted **once per client address**
  (remembered in the cache): every visitor of a cached copy can use its question once, a
  script replaying an answered form from one address is refused after the first, and gets a
  new question of its own with a fresh issue time. (A nonce chosen by the browser was
  considered and refused: a script picks a new one for each replay, so it protects nothing.);
- a **rate limit** per client IP address (IPv6 by /64): ANTISPAM_RATE_LIMIT attempts per
  ANTISPAM_RATE_WINDOW_SECONDS, counted by django-ratelimit in the shared `limits` cache
  (core/limits.py). Behind reverse proxies, set TRUSTED_PROXY_COUNT so that the address is
  read from X-Forwarded-For.

Anonymous visitors' POSTs to these forms are not checked by Django's CSRF cookie (it would
make their pages uncacheable) but by their origin (privacy/public_forms.py): a form sent from
another site is refused here, first, keeping what the visitor typed (status 403).

A form refused by the honeypot shows a clear message that does not say which check failed;
every refused form keeps what the visitor typed. Any cache failure lets the submission
through (the other checks remain). Answered questions (nonces) are remembered in the same
`limits` cache, so a replayed form is refused by every worker process and server.
"""

import hashlib
import hmac
import logging
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from core.limits import client_address, count, limits_cache

logger = logging.getLogger(__name__)

TOKEN_SALT = "privacy.antispam.token"
HONEYPOT_FIELD = "website"
TOKEN_FIELD = "antispam_token"
ANSWER_FIELD = "antispam_answer"
ANTISPAM_FIELDS = (HONEYPOT_FIELD, TOKEN_FIELD, ANSWER_FIELD)

REFUSED_MESSAGE = _("We could not accept the form. Please check it and send it again in a moment.")
EXPIRED_MESSAGE = _("This form has expired. Please answer the new question and send it again.")
WRONG_ANSWER_MESSAGE = _("That is not the right answer. Please answer the new question.")
TOO_SOON_MESSAGE = _(
    "The form was sent within seconds of opening the page. Please check your answers and "
    "send it again."
)
CROSS_SITE_MESSAGE = _(
    "For your safety, this form was not accepted: it was sent from another website or "
    "without saying where from. Please check it here and send it again."
)
RATE_LIMITED_MESSAGE = _(
    "Too many forms have been sent from your connection. Please try again in a few minutes."
)


# Set on the request of a public form's POST by privacy.public_forms.PublicFormOriginMiddleware:
# whether it came from this site (the form refuses it otherwise, keeping what was typed).
SAME_ORIGIN_ATTRIBUTE = "public_form_same_origin"


def refused_as_cross_site(request):
    return getattr(request, SAME_ORIGIN_ATTRIBUTE, True) is False


def min_seconds():
    return int(getattr(settings, "ANTISPAM_MIN_SECONDS", 3))


def max_age_seconds():
    return int(getattr(settings, "ANTISPAM_MAX_AGE_SECONDS", 24 * 3600))


def rate_limit():
    return int(getattr(settings, "ANTISPAM_RATE_LIMIT", 20))


def rate_window_seconds():
    return max(1, int(getattr(settings, "ANTISPAM_RATE_WINDOW_SECONDS", 600)))


# ------------------------------------------------------------------------------ tokens


def issue_token(now=None):
    """A signed token: when the form was issued, and the nonce its question comes from."""
    issued = int(now if now is not None else time.time())
    return signing.dumps({"t": issued, "n": secrets.token_urlsafe(12)}, salt=TOKEN_SALT)


def read_token(token):
    """(issued_at, nonce) of a token signed here, or None."""
    if not isinstance(token, str) or not token or len(token) > 500:
        return None
    try:
        payload = signing.loads(token, salt=TOKEN_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(payload, dict):
        return None
    issued, nonce = payload.get("t"), payload.get("n")
    if not isinstance(issued, int) or not isinstance(nonce, str) or not nonce:
        return None
    return issued, nonce


def question_numbers(nonce):
    """The two numbers of the question, from the nonce and the secret key (1–20 each)."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"antispam:{nonce}".encode(), hashlib.sha256
    ).digest()
    return digest[0] % 20 + 1, digest[1] % 20 + 1


def expected_answer(token):
    """The answer to the question of `token`, or None when the token is not ours."""
    parsed = read_token(token)
    if parsed is None:
        return None
    first, second = question_numbers(parsed[1])
    return first + second


def question_label(token):
    parsed = read_token(token)
    first, second = question_numbers(parsed[1]) if parsed else (0, 0)
    return _("How much is %(first)s + %(second)s?") % {"first": first, "second": second}


def parse_answer(value):
    value = (value or "").strip()
    if not value or len(value) > 6:
        return None
    try:
        return int(value)  # also reads other scripts' digits
    except ValueError:
        return None


def _nonce_key(nonce, request):
    """The single-use record of a question *for one client address*: a page served from a
    cache shows every visitor the same token, so each visitor's address may use it once
    (see the module docstring)."""
    client = client_key(request) if request is not None else ""
    return f"antispam:nonce:{hashlib.sha256(f'{nonce}|{client}'.encode()).hexdigest()[:32]}"


def _nonce_was_used(nonce, request):
    try:
        return limits_cache().get(_nonce_key(nonce, request)) is not None
    except Exception:  # noqa: BLE001 - a cache outage must not block visitors
        logger.warning("Anti-spam: cache unavailable, nonce not checked", exc_info=True)
        return False


def _consume_nonce(nonce, request):
    try:
        limits_cache().set(_nonce_key(nonce, request), 1, timeout=max_age_seconds() + 60)
    except Exception:  # noqa: BLE001
        logger.warning("Anti-spam: cache unavailable, nonce not stored", exc_info=True)


# ------------------------------------------------------------------------------ clients


def client_ip(request):
    """The visitor's address as the admin login throttle reads it (core/limits.py):
    REMOTE_ADDR, or the entry TRUSTED_PROXY_COUNT proxies away in X-Forwarded-For; IPv6
    addresses by their /64 network."""
    return client_address(request)


def client_key(request):
    """A hashed key for the client's address (no address is kept in the cache)."""
    address = client_ip(request)
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]


def hit_rate_limit(request):
    """Count one form submission of this client; True when it is over the limit. A cache
    outage counts nothing and lets the submission through (core.limits.count)."""
    return bool(
        count(request, "antispam:forms", client_key(request), rate_limit(), rate_window_seconds())
    )


# ------------------------------------------------------------------------------ forms


class HoneypotInput(forms.TextInput):
    """The trap: rendered with its own wrapper, hidden from people, so it is listed with
    the hidden fields and templates need nothing special."""

    template_name = "privacy/widgets/honeypot.html"
    is_hidden = True

    def __init__(self, attrs=None):
        super().__init__({"tabindex": "-1", "autocomplete": "off", **(attrs or {})})


class AntiSpamMixin:
    """Adds the honeypot, the token and the question to a Django form.

    Pass the request (``request=request``) for the rate limit. Call ``antispam_accepted()``
    once the submission is stored, so that its question cannot be used again.
    """

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.antispam_request = request
        self.antispam_rate_limited = False
        self.antispam_cross_site = False
        self._antispam_nonce = None
        # Plain fields: no length or NUL-byte validation errors that would show up in the
        # error summary; clean() judges their values.
        self.fields[HONEYPOT_FIELD] = forms.Field(
            label=_("Leave this field empty"), required=False, widget=HoneypotInput()
        )
        self.fields[TOKEN_FIELD] = forms.Field(required=False, widget=forms.HiddenInput)
        self.fields[ANSWER_FIELD] = forms.CharField(
            label="",
            max_length=20,
            help_text=_("This question keeps automated spam away. Answer in figures."),
            error_messages={"required": _("Please answer the question.")},
            widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        )
        # The question comes last, before the consent checkbox if there is one.
        if "consent" in self.fields:
            self.fields["consent"] = self.fields.pop("consent")
        token = self.data.get(self.add_prefix(TOKEN_FIELD)) if self.is_bound else None
        if read_token(token) is None:
            token = issue_token()  # a bound form with a bad token gets it after cleaning
        if not self.is_bound:
            self.fields[TOKEN_FIELD].initial = token
        self.fields[ANSWER_FIELD].label = question_label(token)

    # -- validation -------------------------------------------------------------------

    def full_clean(self):
        super().full_clean()
        if self.is_bound and not self.is_valid_antispam:
            self._new_question()

    def clean(self):
        cleaned = super().clean()
        if cleaned is None:
            cleaned = self.cleaned_data
        self.is_valid_antispam = True
        if self.antispam_request is not None and refused_as_cross_site(self.antispam_request):
            # Checked first: a forged POST counts against nobody's rate limit.
            self.antispam_cross_site = True
            return self._refuse(CROSS_SITE_MESSAGE, new_question=False)
        if self.antispam_request is not None and hit_rate_limit(self.antispam_request):
            self.antispam_rate_limited = True
            return self._refuse(RATE_LIMITED_MESSAGE, new_question=False)
        if (self.data.get(self.add_prefix(HONEYPOT_FIELD)) or "").strip():
            return self._refuse(REFUSED_MESSAGE)
        parsed = read_token(self.data.get(self.add_prefix(TOKEN_FIELD)))
        now = time.time()
        if parsed is None or now - parsed[0] > max_age_seconds():
            return self._refuse(EXPIRED_MESSAGE)
        if now - parsed[0] < min_seconds():
            # People who paste or autofill do get here: the question's field is marked and
            # listed in the error summary, everything typed is kept, and sending it again
            # (the same question, by then old enough) goes through.
            self.is_valid_antispam = False
            self._antispam_new_question = False
            self.add_error(ANSWER_FIELD, TOO_SOON_MESSAGE)
            return cleaned
        answer = parse_answer(self.data.get(self.add_prefix(ANSWER_FIELD)))
        if answer is None and ANSWER_FIELD in self.errors:
            self.is_valid_antispam = False  # "Please answer the question."
            self._antispam_new_question = False
            return cleaned
        first, second = question_numbers(parsed[1])
        if answer != first + second:
            self.is_valid_antispam = False
            self._antispam_new_question = True
            self.add_error(ANSWER_FIELD, WRONG_ANSWER_MESSAGE)
            return cleaned
        if _nonce_was_used(parsed[1], self.antispam_request):
            return self._refuse(EXPIRED_MESSAGE)
        self._antispam_nonce = parsed[1]
        for name in ANTISPAM_FIELDS:
            cleaned.pop(name, None)
        return cleaned

    def _refuse(self, message, new_question=True):
        self.is_valid_antispam = False
        self._antispam_new_question = new_question
        raise forms.ValidationError(message, code="antispam")

    is_valid_antispam = True
    _antispam_new_question = False

    def _new_question(self):
        if not self._antispam_new_question:
            return
        token = issue_token()
        self._replace_data({TOKEN_FIELD: token, ANSWER_FIELD: ""})
        self.fields[ANSWER_FIELD].label = question_label(token)

    def _replace_data(self, values):
        data = self.data.copy()
        for name, value in values.items():
            data[self.add_prefix(name)] = value
        self.data = data
        for name in values:
            self._bound_fields_cache.pop(name, None)
        self._bound_fields_cache.pop(ANSWER_FIELD, None)

    def antispam_status(self, default=200):
        """The status of the page that shows this refused form again: 403 for a form sent
        from another site, 429 over the rate limit, else `default`."""
        if self.antispam_cross_site:
            return 403
        if self.antispam_rate_limited:
            return 429
        return default

    def antispam_accepted(self):
        """Spend the question of a stored submission: the same token and answer are refused
        from now on. (Not at validation: a registration refused for another reason, a
        duplicate address, is sent again with the same question.)"""
        if self._antispam_nonce:
            _consume_nonce(self._antispam_nonce, self.antispam_request)
