"""Static files (WhiteNoise, hashed and compressed), media settings, image renditions."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client
from wagtail.images import get_image_model
from whitenoise.compress import Compressor

from performance.renditions import RENDITION_SPECS

BASE_DIR = Path(django_settings.BASE_DIR)
YEAR = 365 * 24 * 60 * 60


@pytest.mark.django_db
def test_hashed_static_files_are_compressed_and_cached_forever(settings, tmp_path):
    """What production serves: CompressedManifestStaticFilesStorage behind WhiteNoise.

    Every static file is collected, hashed and listed in the manifest as in production; the
    JavaScript and its source maps (~85% of the bytes, mostly Wagtail's admin) are not
    gzipped here: compressing them at level 9 was ~2.5 s of CPU for no assertion."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
        *Compressor.SKIP_COMPRESS_EXTENSIONS,
        "js",
        "map",
    ]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    from django.templatetags.static import static

    url = static("css/site.css")
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url)
    client = Client()  # a new handler: WhiteNoise reads the collected files
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    control = response["Cache-Control"]
    assert "immutable" in control and "public" in control
    assert int(re.search(r"max-age=(\d+)", control).group(1)) >= YEAR
    assert response["Content-Encoding"] == "gzip"
    unhashed = client.get("/static/css/site.css")
    assert "immutable" not in unhashed["Cache-Control"]  # may change: short cache


def settings_from_environment(**environ):
    """Production settings as a server would load them with this environment.

    Read as Django reads them (django.conf.settings) without django.setup(): loading the
    apps, ~3 s of CPU per interpreter, changes none of these values."""
    code = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps({'storages': s.STORAGES, 'caches': s.CACHES, "
        "'frontend': s.WAGTAILFRONTENDCACHE, 'page_cache': s.PAGE_CACHE_SECONDS, "
        "'middleware': s.MIDDLEWARE, 'bucket': getattr(s, 'AWS_STORAGE_BUCKET_NAME', ''), "
        "'endpoint': getattr(s, 'AWS_S3_ENDPOINT_URL', None)}))"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "REDIS", "FRONTEND_CACHE", "PAGE_CACHE"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="www.example.org",
        **environ,
    )
    output = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=BASE_DIR, capture_output=True, text=True
    )
    assert output.returncode == 0, output.stderr
    return json.loads(output.stdout)


def test_production_settings_from_the_environment():
    plain = settings_from_environment()
    assert plain["storages"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert plain["storages"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert plain["caches"]["default"]["BACKEND"].endswith("LocMemCache")
    assert plain["frontend"] == {} and plain["page_cache"] == 300
    assert "performance.middleware.PageCacheMiddleware" in plain["middleware"]

    scaled = settings_from_environment(
        AWS_STORAGE_BUCKET_NAME="pactesur-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        REDIS_URL="redis://cache.internal:6379/0",
        FRONTEND_CACHE_VARNISH_URL="http://varnish.internal:6081",
        FRONTEND_CACHE_CLOUDFLARE_ZONEID="zone",
        FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN="token",
        PAGE_CACHE_SECONDS="120",
    )
    assert scaled["storages"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert scaled["bucket"] == "pactesur-media" and scaled["endpoint"] == "https://s3.example.org"
    assert (
        scaled["caches"]["default"]["BACKEND"] == "core.cache.ResilientRedisCache"
    )  # django-redis
    assert scaled["caches"]["default"]["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert scaled["frontend"]["varnish"]["LOCATION"] == "http://varnish.internal:6081"
    assert scaled["frontend"]["cloudflare"]["ZONEID"] == "zone"
    assert scaled["page_cache"] == 120


# ------------------------------------------------------------------------------ renditions

TEMPLATE_SPEC = re.compile(r"{%\s*(?:image|srcset_image|picture)\s+\S+\s+([^\s%]+)")
CODE_SPEC = re.compile(r"get_rendition\(\s*\"([^\"]+)\"")


def expand(spec):
    """width-{480,800} -> width-480, width-800 (srcset_image's shorthand)."""
    match = re.search(r"{([\d,]+)}", spec)
    if not match:
        return [spec]
    return [spec.replace(match.group(0), value) for value in match.group(1).split(",")]


def specs_in_use():
    specs = set()
    for path in (BASE_DIR / "site" / "templates").rglob("*.html"):
        for spec in TEMPLATE_SPEC.findall(path.read_text()):
            if "=" not in spec:
                specs.update(expand(spec))
    for app in ("core", "events", "news", "home", "projects", "partners", "search"):
        for path in (BASE_DIR / app).rglob("*.py"):
            specs.update(CODE_SPEC.findall(path.read_text()))
    return specs


def test_every_rendition_the_site_uses_is_prerendered():
    used = specs_in_use()
    assert used, "no {% image %} found: the pattern is out of date"
    assert used <= set(RENDITION_SPECS), sorted(used - set(RENDITION_SPECS))


@pytest.mark.django_db
def test_prerender_command_makes_every_rendition(media_root):
    import wagtail_factories

    images = [wagtail_factories.ImageFactory() for _ in range(2)]
    call_command("prerender_renditions", stdout=open(os.devnull, "w"))  # noqa: SIM115
    for image in images:
        specs = set(image.renditions.values_list("filter_spec", flat=True))
        assert specs == set(RENDITION_SPECS)
    call_command("prerender_renditions", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert get_image_model().get_rendition_model().objects.count() == 2 * len(RENDITION_SPECS)


@pytest.mark.django_db
def test_an_uploaded_image_gets_its_renditions_after_the_commit(
    media_root, django_capture_on_commit_callbacks
):
    import wagtail_factories

    with django_capture_on_commit_callbacks(execute=True):
        image = wagtail_factories.ImageFactory()
        assert not image.renditions.exists()
    assert set(image.renditions.values_list("filter_spec", flat=True)) == set(RENDITION_SPECS)
