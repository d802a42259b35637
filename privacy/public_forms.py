"""Django's CSRF protection, with a same-origin check instead for anonymous visitors' public
forms (the contact page and an event's registration), so that the pages showing them can be
cached like any other page.

Django's cookie-based protection sets a per-visitor cookie on every page that renders a
form, and a response that sets a cookie cannot be shared by a cache. For the two public
forms, anonymous visitors' POSTs are instead checked by:

- the **origin**: the Origin header (every current browser sends it with a form POST), or
  the Referer when there is no Origin, must be this site (scheme and host of the request) or
  one of CSRF_TRUSTED_ORIGINS, exactly as Django checks the Origin header. A POST with
  neither header, or from another origin, is refused: the form shows again, with what the
  visitor typed, a message in their language and status 403 (privacy/antispam.py);
- the **anti-spam token** the forms carry (privacy/antispam.py): signed, time-limited, and
  accepted once per client address.

Why that is as safe as the cookie: a cross-site forgery needs the victim's browser to send
the POST, and a browser always says where a cross-site POST comes from (Origin; a browser
too old for it sends the Referer unless told not to, and a POST with neither is refused).
Nothing else differs: neither form acts on behalf of a logged-in user, nor reads a session.

Everything else keeps Django's check: logged-in users (their pages are never cached and
carry the usual token), the admin, the other routes of event pages (confirm, cancel), every
other POST endpoint. Pages opt in with a method `serves_public_form(route_args)` that says,
for a POST routed to them, whether it is their public form. See docs/security-and-privacy.md.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.http import is_same_domain
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from .antispam import SAME_ORIGIN_ATTRIBUTE


class PublicFormOriginMiddleware:
    """Placed just before django.middleware.csrf.CsrfViewMiddleware (which stays, so that
    Django's deployment checks see it): marks a public form's POST as processed, so Django's
    check skips it, and records whether it came from this site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if is_public_form_post(request, callback, callback_args, callback_kwargs):
            # The form refuses the submission itself when this is False (keeping what the
            # visitor typed): see AntiSpamMixin.clean.
            setattr(request, SAME_ORIGIN_ATTRIBUTE, same_origin(request))
            request.csrf_processing_done = True  # Django's CsrfViewMiddleware skips it
        return None


def same_origin(request):
    if getattr(request, "_dont_enforce_csrf_checks", False):
        return True  # Django's test client, as for Django's own check
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        try:
            parts = urlsplit(request.META.get("HTTP_REFERER", ""))
        except ValueError:
            return False
        if not parts.scheme or not parts.netloc:
            return False
        origin = f"{parts.scheme}://{parts.netloc}"
    return trusted_origin(request, origin)


def trusted_origin(request, origin):
    """Django's Origin check (CsrfViewMiddleware._origin_verified) for any origin: this
    site's scheme and host, or CSRF_TRUSTED_ORIGINS (with its `https://*.domain` entries)."""
    try:
        good_host = request.get_host()
    except DisallowedHost:
        good_host = None
    if good_host and origin == f"{'https' if request.is_secure() else 'http'}://{good_host}":
        return True
    try:
        parts = urlsplit(origin)
    except ValueError:
        return False
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        if "*" not in trusted:
            if origin == trusted:
                return True
            continue
        allowed = urlsplit(trusted)
        if parts.scheme == allowed.scheme and is_same_domain(
            parts.netloc, allowed.netloc.lstrip("*")
        ):
            return True
    return False


def is_public_form_post(request, callback, callback_args, callback_kwargs):
    """An anonymous visitor's POST to a page's public form (the route is found once: Wagtail
    keeps it on the request for its own view)."""
    if request.method != "POST" or callback is not wagtail_serve:
        return False
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    path = callback_args[0] if callback_args else callback_kwargs.get("path", "")
    route = Page.route_for_request(request, path)
    if route is None:
        return False
    page, args, _kwargs = route
    serves_public_form = getattr(page, "serves_public_form", None)
    return bool(serves_public_form and serves_public_form(args))
