"""The demo site, loaded twice once for this package (it takes several seconds); every test
then reads or changes it inside its own savepoint, which is rolled back after it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import String, StringTranslation, Translation, TranslationSource

from partners.models import City, Partner


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


@pytest.fixture(scope="package")
def demo(_shared_database, django_db_blocker, tmp_path_factory):
    _shared_database.prepare([])  # the migrated database, whatever the tests before left
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media)),
        transaction.atomic(),
    ):
        first_output = load_demo_content()
        first = content_counts()
        second_output = load_demo_content()
        second = content_counts()
        yield {
            "first": first,
            "second": second,
            "first_output": first_output,
            "second_output": second_output,
            "media": media,
        }
        transaction.set_rollback(True)


@pytest.fixture
def site(demo, db, settings):
    settings.MEDIA_ROOT = str(demo["media"])
    return demo
