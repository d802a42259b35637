"""The demo site, loaded twice once per test run (it takes several seconds: a shared fixture,
tests/shared.py); every test then reads or changes it in its own transaction, rolled back
after it."""

from io import StringIO

import pytest
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
def demo_loaded_twice(_nothing):
    """The demo content loaded twice, as `make run` does on every start: what each run
    printed and what the site held after each (built once per run, tests/shared.py)."""
    first_output = load_demo_content()
    first = content_counts()
    second_output = load_demo_content()
    second = content_counts()
    return {
        "first": first,
        "second": second,
        "first_output": first_output,
        "second_output": second_output,
    }


@pytest.fixture
def site(demo_loaded_twice):
    return demo_loaded_twice
