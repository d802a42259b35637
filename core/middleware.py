import logging

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from core import chrome_cache, routing

from .views import is_database_unavailable, service_unavailable

logger = logging.getLogger(__name__)

# Addresses that have no language: a 404 there is a 404, not a redirect to /en/….
UNPREFIXED_PATHS = (
    "/api/",
    "/admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/sitemap.xml",
    "/sitemap-",
    "/robots.txt",
    "/healthz",
)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, without its language redirect on language-less addresses."""

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


class CachedSiteMiddleware:
    """Finds the request's Wagtail Site (with its root page) once per content version and
    process (core.chrome_cache) rather than once per request: Wagtail's query for it is one
    of the costliest of an uncached page to build (1.5–2 ms of ORM work). Wagtail is handed
    it where it keeps it for the request (`request._wagtail_site`, which
    Site.find_for_request documents). Sites and pages bump the version when they change.

    Then, for a page Wagtail is to serve, routes it from the chrome kept per content
    version (core.routing): before PublicFormOriginMiddleware, which routes public forms'
    POSTs, and Wagtail's view, which both take the route kept on the request.

    After the page cache: a cached page needs no site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if chrome_cache.enabled(request) and not hasattr(request, "_wagtail_site"):
            try:
                key = ("site", request.get_host(), request.get_port())
            except DisallowedHost:
                key = None  # answered 400 by CommonMiddleware
            if key is not None:
                request._wagtail_site = chrome_cache.get_or_build(
                    request, key, lambda: Site.find_for_request(request)
                )
        return self.get_response(request)

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if callback is wagtail_serve:
            path = callback_args[0] if callback_args else callback_kwargs.get("path", "")
            routing.prime(request, path)
        return None


# ---------------------------------------------------------------------------- security


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the strict public policy of CONTENT_SECURITY_POLICY, and
    CSP_ADMIN_DIRECTIVES replacing some of its directives in the admin, whose Wagtail and
    wagtail-localize templates still carry inline scripts and styles. Also sends a
    Permissions-Policy that turns off the browser features the site never uses.

    Previews: Wagtail renders a page (or snippet) preview by running a simulated request
    for the page's *public* address through the whole middleware chain
    (`PreviewableMixin.make_preview_request`, which marks it `is_preview`). The public
    policy would be set on that inner response and kept by the outer admin one, and its
    `frame-ancestors 'none'` makes the admin's preview panel show a broken page. Preview
    responses get CSP_PREVIEW_DIRECTIVES instead: framable by the admin's own origin only
    (and X-Frame-Options SAMEORIGIN). The rest of the public policy stays: the userbar and
    its accessibility checker (axe, run inside the preview) load everything from this
    origin (tests/browser/test_admin_journeys.py watches for violations)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if getattr(request, "is_preview", False):
            parts.replace = {**settings.CSP_PREVIEW_DIRECTIVES, **(parts.replace or {})}
        elif request.path_info.startswith("/admin/"):
            parts.replace = {**settings.CSP_ADMIN_DIRECTIVES, **(parts.replace or {})}
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if getattr(request, "is_preview", False):
            # Django's XFrameOptionsMiddleware (X_FRAME_OPTIONS, DENY) ran first on the
            # simulated request; only Wagtail's edit-view preview overrides it afterwards.
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class DatabaseUnavailableMiddleware:
    """While the database is unreachable (PostgreSQL stopped, restarting, out of
    connections), visitors get a friendly 503 in their language with Retry-After instead of
    a 500; the next request after the database is back is served normally (Django opens a
    new connection, CONN_HEALTH_CHECKS drops a dead persistent one).

    This catches errors raised by views and while rendering templates; core.views.server_error
    does the same for errors raised elsewhere (another middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            logger.error("Database unavailable for %s: %s", request.path, exception)
            return service_unavailable(request)
        return None
