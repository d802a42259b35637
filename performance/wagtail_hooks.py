"""The page Wagtail serves is what a cached response depends on first (see
core.cache_dependencies; core.views.page_file records the pages whose files it serves)."""

from wagtail import hooks

from core import cache_dependencies


@hooks.register("before_serve_page")
def record_served_page(page, request, serve_args, serve_kwargs):
    cache_dependencies.record_page(page)
