"""Point the Wagtail Site at the address visitors use, e.g. `configure_site https://pactesur.eu`.

Canonical links, hreflang alternates, the sitemap, feeds and calendars build absolute URLs
from the default Site's hostname and port (Wagtail's Site record, not the request), so
that they are the same whichever address a request came in by. `make run` runs this with
the address it serves (http://127.0.0.1:$PORT); a deployment runs it with SITE_URL.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_site_url(url):
    """(hostname, port) of an http(s) URL such as https://pactesur.eu or http://127.0.0.1:8000."""
    parts = urlsplit(url or "")
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise CommandError(f"Not an http(s) address: {url!r} (e.g. https://pactesur.eu)")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise CommandError(f"The site is served at the root of its host, not {parts.path!r}")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as error:
        raise CommandError(f"Not a port number in {url!r}") from error
    if parts.scheme == "https" and port == 80 or parts.scheme == "http" and port == 443:
        raise CommandError(f"Port {port} does not go with {parts.scheme}")
    return parts.hostname, port


class Command(BaseCommand):
    help = (
        "Set the default Wagtail Site's hostname and port to the address visitors use "
        "(default: the SITE_URL setting)."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="e.g. https://pactesur.eu")

    def handle(self, *args, url=None, **options):
        url = url or getattr(settings, "SITE_URL", "")
        if not url:
            raise CommandError("Give the site's address, or set SITE_URL.")
        hostname, port = parse_site_url(url)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Site yet (run migrate and create the pages).")
        if (site.hostname, site.port) == (hostname, port):
            self.stdout.write(f"The site is already at {site.root_url}.")
            return
        site.hostname, site.port = hostname, port
        site.save()  # Site.save clears Wagtail's cached site root paths
        self.stdout.write(f"The site is now at {site.root_url}.")
