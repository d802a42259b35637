"""Purging a CDN or Varnish in front of the site (wagtail.contrib.frontend_cache).

Configured by environment variables (config/settings/caches.py builds WAGTAILFRONTENDCACHE):
FRONTEND_CACHE_VARNISH_URL for Varnish (or any cache that understands PURGE and BAN),
FRONTEND_CACHE_CLOUDFLARE_ZONEID with FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN (or _EMAIL and
_API_KEY) for Cloudflare. Nothing happens when none is set.

- A page published, unpublished or deleted: its URLs in every language, those of its
  ancestors (home page, index: they list it), of the pages it points to, or pointed to
  before (a news item's project lists its news), their files (feed.xml, calendar.ics,
  event.ics) and the sitemap: the scope of the page cache's tags (dependencies.py).
- A page in every page's chrome (home pages and their children: menu, footer), a page
  whose address changed, a page moved, or any other change (a partner renamed shows on
  every page): everything.
  Cloudflare: "purge everything"; Varnish: one BAN of the host (performance/varnish.vcl); other
  backends: every live page's URLs.

Purges run after the commit and never fail the change: the backends log their errors.
Pages with a query string are not purgeable by URL, so pagecache.shared_cache_control keeps
them out of shared caches.
"""

import logging
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

import requests
from django.db import transaction
from wagtail.contrib.frontend_cache.backends import CloudflareBackend as WagtailCloudflareBackend
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache
from wagtail.models import Page, Site

from core.sitemaps import sitemap_file_count

from . import conf, dependencies
from .generation import on_commit_once

logger = logging.getLogger(__name__)

# Files served under a page's URL by core.views.page_file, by page type.
FILE_ROUTES = {
    "news.newsindexpage": ("feed.xml",),
    "events.eventindexpage": ("calendar.ics",),
    "events.eventpage": ("event.ics",),
    "projects.projectpage": ("feed.xml", "calendar.ics"),
}


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP backend (PURGE of one URL), and a BAN of a whole host."""

    def __init__(self, params):
        self.location = params["LOCATION"]
        super().__init__(params)

    def purge_everything(self, hostnames):
        for hostname in hostnames:
            request = Request(
                self.location.rstrip("/") + "/",
                method="BAN",
                headers={"Host": hostname, "X-Ban-Url": "^/"},
            )
            try:
                urlopen(request, timeout=10)  # noqa: S310 - the configured cache's address
            except (URLError, OSError) as error:
                logger.error("Couldn't ban %s from the HTTP cache: %s", hostname, error)


class CloudflareBackend(WagtailCloudflareBackend):
    """Wagtail's Cloudflare backend (purge by URL), and Cloudflare's "purge everything"."""

    def purge_everything(self, hostnames):
        headers = {"Content-Type": "application/json"}
        if self.cloudflare_token:
            headers["Authorization"] = f"Bearer {self.cloudflare_token}"
        else:
            headers["X-Auth-Email"] = self.cloudflare_email
            headers["X-Auth-Key"] = self.cloudflare_api_key
        try:
            response = requests.post(
                self.cloudflare_purge_endpoint_url,
                json={"purge_everything": True},
                headers=headers,
                timeout=30,
            )
            if not response.ok:
                logger.error("Cloudflare refused to purge everything: %s", response.text[:500])
        except requests.RequestException as error:
            logger.error("Couldn't purge everything from Cloudflare: %s", error)


# ------------------------------------------------------------------------------ URLs


def _with_translations(pages):
    keys = {page.translation_key for page in pages}
    return list(Page.objects.filter(translation_key__in=keys).select_related("locale"))


def pages_affected_by(page, also=()):
    """The page in every language, their ancestors below the root, and the pages it points
    to, or pointed to before the change (ids in `also`), with their translations: the same
    pages as the tags the change raises (dependencies.page_change_tags)."""
    page = page.specific_deferred if isinstance(page, Page) else page
    affected = {page, *_with_translations([page])}
    related_ids = dependencies.related_page_ids(page) | set(also)
    related = list(Page.objects.filter(pk__in=related_ids)) if related_ids else []
    affected.update(_with_translations(related) if related else [])
    ancestor_paths = {
        item.path[:end]
        for item in affected
        for end in range(Page.steplen * 2, len(item.path), Page.steplen)
    }
    if ancestor_paths:
        affected.update(Page.objects.filter(path__in=ancestor_paths))
    return affected


def page_urls(pages):
    urls = set()
    for page in pages:
        url = page.get_full_url()
        if not url:
            continue
        specific_class = page.specific_class
        paths = list(page.specific_deferred.get_cached_paths()) if specific_class else ["/"]
        label = specific_class._meta.label_lower if specific_class else ""
        paths.extend(FILE_ROUTES.get(label, ()))
        urls.update(url + path.lstrip("/") for path in paths)
    for site in Site.objects.all():
        urls.update(sitemap_urls(site))
    return urls


def sitemap_urls(site):
    """The sitemap and each of its numbered files, one more than it has now (the change may
    have just shortened it)."""
    root = site.root_url.rstrip("/")
    files = range(1, sitemap_file_count(site) + 2)
    return {f"{root}/sitemap.xml", *(f"{root}/sitemap-{number}.xml" for number in files)}


# ------------------------------------------------------------------------------ purging


def purge_page(page, also=()):
    """Purge what `page` changes, after the commit (URLs computed now: a deleted page has
    none afterwards); `also`: ids of pages it pointed to before the change."""
    if not conf.frontend_cache_enabled():
        return
    try:
        urls = page_urls(pages_affected_by(page, also))
    except Exception:  # noqa: BLE001 - a purge must never fail the change itself
        logger.exception("Could not list the URLs to purge for page %s", page.pk)
        return purge_everything()

    def purge():
        purge_urls_from_cache(sorted(urls))

    transaction.on_commit(purge, robust=True)


def purge_everything():
    """Purge the whole site from every configured frontend cache, after the commit."""
    if conf.frontend_cache_enabled():
        on_commit_once(purge_everything_now)


def purge_everything_now():
    hostnames = sorted(
        {urlsplit(site.root_url).netloc for site in Site.objects.all() if site.hostname}
    )
    fallback = []
    for name, backend in get_backends().items():
        if hasattr(backend, "purge_everything"):
            backend.purge_everything(hostnames)
        else:
            fallback.append(name)
    if fallback:
        live = Page.objects.live().public().filter(depth__gt=1).specific(defer=True)
        purge_urls_from_cache(sorted(page_urls(live)), backends=fallback)
