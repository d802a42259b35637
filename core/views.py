"""Error pages in the visitor's language, and the health check."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation
from wagtail import hooks
from wagtail.models import Site

from . import cache_dependencies


def page_not_found(request, exception=None):
    template = loader.get_template("404.html")
    return HttpResponse(template.render({"request_path": request.path}, request), status=404)


def is_database_unavailable(exception):
    return isinstance(exception, (OperationalError, InterfaceError))


def server_error(request):
    # No request context: the context processors may need the database that just failed.
    if is_database_unavailable(sys.exc_info()[1]):  # raised outside a view: still a 503
        return service_unavailable(request)
    template = loader.get_template("500.html")
    language = translation.get_language_from_path(request.path) or translation.get_language()
    with translation.override(language):
        return HttpResponseServerError(template.render({"LANGUAGE_CODE": language}))


RETRY_AFTER_SECONDS = 60


# Never shown back: secrets, and the spam protection's own fields.
NOT_SHOWN_BACK = ("csrfmiddlewaretoken", "antispam_token", "antispam_answer", "website", "consent")


def sent_fields(request):
    """What a form sent while the database was down, to show back so that the visitor can
    send it again (nothing was stored): (name, value) pairs, never a password."""
    if request.method != "POST":
        return []
    try:
        items = list(request.POST.items())
    except Exception:  # noqa: BLE001 - a body that cannot be read is shown as nothing
        return []
    return [
        (name.replace("_", " ").strip().capitalize(), value[:5000])
        for name, value in items[:50]
        if name not in NOT_SHOWN_BACK and "password" not in name.lower() and value.strip()
    ]


def service_unavailable(request):
    """The 503 page, in the visitor's language, rendered without touching the database:
    a plain template, no request context (its context processors may query), no tags that
    read pages or settings."""
    template = loader.get_template("503.html")
    language = (
        translation.get_language_from_path(request.path)
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )
    context = {"LANGUAGE_CODE": language, "sent": sent_fields(request)}
    with translation.override(language):
        response = HttpResponse(template.render(context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    return response


def page_file(request, path, filename):
    """Files that belong to a page: `<event url>event.ics`, `<events url>calendar.ics`…

    Wagtail's page routing only accepts path segments ending in a slash, so these URLs are
    routed here; the page found decides (its `serve_file` method) whether it has the file.
    Draft and private pages have none.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [component for component in path.split("/") if component]
    result = site.root_page.localized.specific.route(request, components)
    page = result.page if hasattr(result, "page") else result[0]
    page = page.specific
    if not page.live or page.get_view_restrictions().exists():
        raise Http404
    cache_dependencies.record_page(page)
    serve_file = getattr(page, "serve_file", None)
    response = serve_file(request, filename) if serve_file else None
    # Apps can offer files on pages they don't own (news offers a project's feed.xml).
    for hook in hooks.get_hooks("serve_page_file"):
        if response is not None:
            break
        response = hook(page, request, filename)
    if response is None:
        raise Http404
    return response


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        "Disallow: /*/events/*/register/",
        "Disallow: /*/events/*/confirm/",
        "Disallow: /*/events/*/cancel/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        response = HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = HttpResponse("ok\n", content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response
