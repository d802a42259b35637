"""A sitemap of every live page in every language, each with its hreflang alternates.

Wagtail's own sitemap lists the descendants of the site's root page, which are the
pages of one language only: the other languages' home pages are its siblings.

Search engines read at most 50,000 URLs (50 MB) per file; with four alternates per URL a
file is kept to `MultilingualSitemap.limit` URLs. When the site has more pages,
`/sitemap.xml` becomes a sitemap index of `/sitemap-1.xml`, `/sitemap-2.xml`… (URLs without
a query string, so that the page cache and a CDN can keep and purge them).
"""

from functools import cached_property

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    limit = 5000

    def __init__(self, request=None, site=None):
        super().__init__(request)
        self.site = site

    def get_wagtail_site(self):
        return self.site or super().get_wagtail_site()

    @cached_property
    def paginator(self):
        # Django builds a new paginator (and counts the pages again) on each access.
        return Paginator(self._items(), self.limit)

    @cached_property
    def locale_tree(self):
        """Every live, public page under the site's root page in any language (built once:
        each build looks up the root pages and the view restrictions)."""
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        tree = Page.objects.none()
        for locale_root in roots:
            tree |= Page.objects.descendant_of(locale_root, inclusive=True)
        return tree.live().public()

    def items(self):
        return self.locale_tree.select_related("locale").order_by("path").defer_streamfields()

    def translations_of(self, pages):
        """{translation_key: [(language, url)…]} for `pages`, in one query, whichever file
        of the sitemap each translation falls in."""
        keys = {page.translation_key for page in pages}
        translations = self.locale_tree.filter(translation_key__in=keys).select_related("locale")
        urls_by_key = {}
        for translation in translations:
            url = translation.get_full_url(self.request)
            if url:
                language = translation.locale.language_code
                urls_by_key.setdefault(translation.translation_key, []).append((language, url))
        return urls_by_key

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        urls_by_key = self.translations_of(pages)
        default_language = settings.LANGUAGE_CODE
        urls = []
        for item in pages:
            url = item.get_full_url(self.request)
            if not url:
                continue
            translations = sorted(urls_by_key.get(item.translation_key, []))
            alternates = [{"lang_code": lang, "location": loc} for lang, loc in translations]
            default = dict(translations).get(default_language)
            if default:
                alternates.append({"lang_code": "x-default", "location": default})
            urls.append(
                {
                    "item": item,
                    "location": url,
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates if len(translations) > 1 else [],
                }
            )
        lastmods = [u["lastmod"] for u in urls if u["lastmod"]]
        if lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def sitemap(request, number=None):
    """`/sitemap.xml` (number None): every URL when they fit in one file, otherwise the
    index of the numbered files; `/sitemap-<number>.xml`: one file of at most
    `MultilingualSitemap.limit` URLs."""
    pages = MultilingualSitemap(request)
    paginator = pages.paginator
    if number is None and paginator.num_pages > 1:
        files = [
            SitemapIndexItem(request.build_absolute_uri(reverse("sitemap_file", args=[n])), None)
            for n in paginator.page_range
        ]
        return TemplateResponse(
            request, "sitemap_index.xml", {"sitemaps": files}, content_type="application/xml"
        )
    try:
        urls = pages.get_urls(
            page=1 if number is None else number,
            site=get_current_site(request),
            protocol=request.scheme,
        )
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from error
    lastmod = getattr(pages, "latest_lastmod", None)
    headers = {"Last-Modified": http_date(lastmod.timestamp())} if lastmod else None
    return TemplateResponse(
        request, "sitemap.xml", {"urlset": urls}, content_type="application/xml", headers=headers
    )


def sitemap_file_count(site):
    """How many numbered files the sitemap of `site` has (for purging them)."""
    return MultilingualSitemap(site=site).paginator.num_pages
