"""A sitemap of every live page in every language, each with its hreflang alternates.

Wagtail's own sitemap lists the descendants of the site's root page, which are the
pages of one language only: the other languages' home pages are its siblings.
"""

from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    limit = 5000

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        tree = Page.objects.none()
        for locale_root in roots:
            tree |= Page.objects.descendant_of(locale_root, inclusive=True)
        return tree.live().public().select_related("locale").order_by("path").defer_streamfields()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        urls_by_key = defaultdict(list)
        entries = []
        for item in pages:
            url = item.get_full_url(self.request)
            if not url:
                continue
            language = item.locale.language_code
            urls_by_key[item.translation_key].append((language, url))
            entries.append((item, url))

        default_language = settings.LANGUAGE_CODE
        urls = []
        for item, url in entries:
            translations = sorted(urls_by_key[item.translation_key])
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
