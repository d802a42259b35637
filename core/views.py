"""Error pages in the visitor's language, and the health check."""

from django.db import connection
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation


def page_not_found(request, exception=None):
    template = loader.get_template("404.html")
    return HttpResponse(template.render({"request_path": request.path}, request), status=404)


def server_error(request):
    # No request context: the context processors may need the database that just failed.
    template = loader.get_template("500.html")
    language = translation.get_language_from_path(request.path) or translation.get_language()
    with translation.override(language):
        return HttpResponseServerError(template.render({"LANGUAGE_CODE": language}))


def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
