from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Addresses that have no language: a 404 there is a 404, not a redirect to /en/….
UNPREFIXED_PATHS = (
    "/api/",
    "/admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, without its language redirect on language-less addresses."""

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
