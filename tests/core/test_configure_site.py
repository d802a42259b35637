"""The Site record is the address served: canonical URLs, hreflang alternates, the sitemap
and the admin's e-mails point there (make run: 127.0.0.1 and its PORT)."""

import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_configure_site_makes_absolute_urls_use_the_address_served(client, site_tree):
    call_command("configure_site", "http://127.0.0.1:8123", stdout=StringIO())

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    news = site_tree["news"]
    assert news.get_full_url() == f"http://127.0.0.1:8123{news.url}"
    html = client.get(news.url).content.decode()
    assert f'<link rel="canonical" href="http://127.0.0.1:8123{news.url}">' in html
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://127.0.0.1:8123{news.url}</loc>" in sitemap
    assert "http://localhost/" not in sitemap


@pytest.mark.django_db
def test_configure_site_for_production_reads_site_url(site_tree, settings):
    settings.SITE_URL = "https://pactesur.eu"
    call_command("configure_site", stdout=StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("pactesur.eu", 443)
    assert site_tree["home"].get_full_url() == "https://pactesur.eu/en/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["localhost:8000", "ftp://example.org", "https://pactesur.eu/site/", "http://h:x"]
)
def test_configure_site_refuses_what_is_not_a_site_address(site_tree, url):
    with pytest.raises(CommandError):
        call_command("configure_site", url, stdout=StringIO())


def test_make_run_sets_the_site_and_the_admin_address_to_its_port():
    commands = subprocess.run(
        ["make", "-n", "run", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "manage.py configure_site http://127.0.0.1:8123" in commands
    assert "export SITE_URL=http://127.0.0.1:8123;" in commands
    assert "runserver 127.0.0.1:8123" in commands
