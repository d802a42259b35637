"""The read-only Wagtail API v2 at /api/v2/: live public pages (filter with ?type=news.NewsPage
and ?locale=fr), images and documents, for partner networks that re-publish our content.
The endpoints check their query string first (core/api.py)."""

from wagtail.api.v2.router import WagtailAPIRouter

from core.api import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet, PublicPagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
