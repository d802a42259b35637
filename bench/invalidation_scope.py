"""How many cached pages one change invalidates, on the demo site: bench/invalidation_scope.

    bench/invalidation_scope --workdir /tmp/pactesur-bench

Copies the demo database that bench/profile prepares in --workdir (load_demo_content) into
a temporary directory, migrates it to this checkout, then, with the page cache on (local
memory, generations in the database, as in production without Redis): caches every
cacheable URL (every live page in every language, their feed.xml, calendar.ics and
event.ics, the sitemap), makes one change as an editor would (committed), and asks every
URL again. Prints, per change, how many of the cached pages were answered without the
cache. tests/performance/test_invalidation_scope.py uses the same functions.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HEADER = "X-Page-Cache"


def cacheable_urls():
    from wagtail.models import Page

    from performance.frontend_cache import FILE_ROUTES

    urls = {"/sitemap.xml"}
    for page in Page.objects.live().filter(depth__gt=1).specific():
        url = page.get_url()
        if url:
            urls.add(url)
            urls.update(url + name for name in FILE_ROUTES.get(page._meta.label_lower, ()))
    return urls


def warm(client, prefix=""):
    """Cache every cacheable URL (starting with `prefix`); returns those served from the
    cache (pages with a form, for one, are not)."""
    cached = set()
    for url in sorted(url for url in cacheable_urls() if url.startswith(prefix)):
        client.get(url)  # cached now, if it can be (or already)
        if client.get(url).get(HEADER) == "HIT":
            cached.add(url)
    return cached


def invalidated(client, cached):
    """The cached URLs now answered without the cache."""
    return {url for url in cached if client.get(url).get(HEADER) != "HIT"}


def measure(client, name, change):
    from django.db import transaction

    cached = warm(client)
    with transaction.atomic():
        change()
    dropped = invalidated(client, cached)
    print(f"{name}: {len(dropped)} of {len(cached)} cached pages invalidated")
    for url in sorted(dropped) if len(dropped) < len(cached) else ():
        print("   ", url)
    return len(dropped), len(cached)


def changes():
    """(name, change) of the changes measured, on the demo content."""
    from events.models import EventPage
    from news.models import NewsPage
    from partners.models import Partner

    def republish(page, **values):
        for field, value in values.items():
            setattr(page, field, value)
        page.save_revision().publish()

    def first(model, **filters):
        pages = model.objects.live().filter(locale__language_code="en", **filters)
        return pages.order_by("-path").first()

    def rename_partner():
        partner = Partner.objects.filter(locale__language_code="en").order_by("pk").first()
        partner.name += " (renamed)"
        partner.save_revision().publish()

    def rename_menu_page():
        from wagtail.models import Page

        page = Page.objects.live().filter(depth=3, show_in_menus=True).first().specific
        republish(page, title=page.title + " (renamed)")

    return [
        ("publishing a news item", lambda: republish(first(NewsPage), title="Updated news")),
        ("publishing an event", lambda: republish(first(EventPage), title="Updated event")),
        ("renaming a partner", rename_partner),
        ("renaming a page of the menu", rename_menu_page),
    ]


def worker():
    import django

    django.setup()
    from django.test import Client

    client = Client()
    for name, change in changes():
        measure(client, name, change)


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import benchkit
    import datasets

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", default=datasets.DEFAULT_WORKDIR)
    args = parser.parse_args()
    demo = Path(args.workdir) / "demo"
    if not (demo / "pactesur.sqlite3").exists():
        sys.exit(f"No demo database in {demo}: run bench/profile --dataset demo first.")
    with tempfile.TemporaryDirectory(prefix="invalidation-") as var:
        shutil.copytree(demo, var, dirs_exist_ok=True)
        env = datasets.project_env(var, page_cache_seconds=300)
        env["ALLOWED_HOSTS"] += ",testserver"
        python = str(benchkit.VENV / "bin" / "python")
        benchkit.run_checked(
            [python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=benchkit.REPO, env=env
        )
        env["PYTHONPATH"] = str(benchkit.REPO)
        subprocess.run([python, __file__, "--worker"], cwd=benchkit.REPO, env=env, check=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--worker"]:
        worker()
    else:
        main()
