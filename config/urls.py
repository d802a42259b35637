from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_media
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api_router
from core import views as core_views
from core.login_throttle import ThrottledPasswordResetView
from core.privacy_view import SharedPrivacyView
from core.sitemaps import sitemap
from search import views as search_views

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

urlpatterns = [
    # Wagtail's own view, with the request handed to the form (password-reset throttling).
    path("admin/password_reset/", ThrottledPasswordResetView.as_view()),
    # Wagtail's own view, for a privacy shared by the page's languages (core/restrictions.py).
    path("admin/pages/<int:page_id>/privacy/", SharedPrivacyView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("sitemap-<int:number>.xml", sitemap, name="sitemap_file"),
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("api/v2/", api_router.urls),
]

if getattr(settings, "SERVE_MEDIA", False):
    # Local demo only: in production the web server or the S3 store serves media.
    urlpatterns.append(
        re_path(
            "^" + settings.MEDIA_URL.lstrip("/") + r"(?P<path>.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# Every public page carries its language prefix: /en/…, /fr/…, /it/…, /es/…
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    re_path(
        r"^(?P<path>(?:[\w\-]+/)*)(?P<filename>event\.ics|calendar\.ics|feed\.xml)$",
        core_views.page_file,
        name="page_file",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
