"""The demo content (`load_demo_content`, what `make run` loads) as shared test data: loaded
once per test run (tests/shared.py) and copied into the test database of whoever needs it —
the demo's own tests (tests/demo/site) and the browser tests' live server (tests/browser),
in every pytest-xdist worker, which takes a copy from the worker that loaded it."""

from io import StringIO

from django.core.management import call_command
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import String, StringTranslation, Translation, TranslationSource

from partners.models import City, Partner
from tests.shared import shared_fixture


def content_counts():
    """What the demo site holds: pages per locale, snippets, translations, strings."""
    counts = {}
    for locale in Locale.objects.order_by("language_code"):
        code = locale.language_code
        counts[f"pages {code}"] = Page.objects.filter(locale=locale, depth__gt=1).count()
        counts[f"live pages {code}"] = (
            Page.objects.filter(locale=locale, depth__gt=1).live().count()
        )
        counts[f"partners {code}"] = Partner.objects.filter(locale=locale).count()
        counts[f"cities {code}"] = City.objects.filter(locale=locale).count()
    counts["translation sources"] = TranslationSource.objects.count()
    counts["translations"] = Translation.objects.count()
    counts["strings"] = String.objects.count()
    counts["string translations"] = StringTranslation.objects.count()
    counts["revisions"] = Revision.objects.count()
    counts["pages"] = sorted(
        Page.objects.filter(depth__gt=1).values_list("locale__language_code", "url_path")
    )
    return counts


def load_demo_content():
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


@shared_fixture(media=True)
def demo_loaded(_nothing):
    """The demo content loaded into the migrated database: what the command printed and
    what the site held afterwards."""
    output = load_demo_content()
    return {"output": output, "counts": content_counts()}
