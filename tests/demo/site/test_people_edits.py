"""`make run` after people have worked in the admin: the demo loader keeps their edits,
makes again what is missing and never stops the site from starting (issue 13.7)."""

import dataclasses

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from demo import content
from events.models import EventPage
from home.models import StandardPage
from news.models import NewsPage
from partners.models import City
from tests.demo.content import load_demo_content


def english(model, **filters):
    return model.objects.get(locale__language_code="en", **filters)


def in_language(obj, code):
    return type(obj).objects.get(translation_key=obj.translation_key, locale__language_code=code)


@pytest.fixture
def editor(site):
    return get_user_model().objects.create_superuser("editor-in-test", "editor@example.org", "x")


def test_edits_are_kept_and_missing_objects_come_back(site, editor):
    # An editor changes the venue of an event, in English only, and a city's description.
    event = english(EventPage, slug="torino-training-course")
    french_venue = in_language(event, "fr").venue
    event.venue = "Palazzo Civico, Piazza Palazzo di Città 1"
    event.save_revision(user=editor).publish(user=editor)
    turin = english(City, name="Turin")
    turin.description = "<p>Capital of Piedmont, written by an editor.</p>"
    turin.save_revision(user=editor).publish(user=editor)
    # Someone deletes the Spanish "About" page, and a news item in every language.
    about = english(StandardPage, slug="about")
    in_language(about, "es").delete()
    review = english(NewsPage, slug="pactesur-initial-review")
    for page in Page.objects.filter(translation_key=review.translation_key).order_by("-depth"):
        page.delete()

    output = load_demo_content()

    assert "demo content: 1 added, 0 updated, 41 up to date, 2 changed by people" in output
    assert "translations: 4 added, 0 updated" in output
    event = EventPage.objects.get(pk=event.pk)
    assert event.venue == "Palazzo Civico, Piazza Palazzo di Città 1"
    assert event.live and not event.has_unpublished_changes
    assert in_language(event, "fr").venue == french_venue  # for the translator to update
    turin.refresh_from_db()
    assert turin.description == "<p>Capital of Piedmont, written by an editor.</p>"
    spanish_about = in_language(about, "es")
    assert spanish_about.live and spanish_about.title == "Quiénes somos"
    review = english(NewsPage, slug="pactesur-initial-review")
    for code in ("fr", "it", "es"):
        assert in_language(review, code).live

    # And again: nothing left to do, the edits still there.
    assert "0 added, 0 updated, 42 up to date, 2 changed by people" in load_demo_content()
    assert EventPage.objects.get(pk=event.pk).venue.startswith("Palazzo Civico")


def test_a_string_missing_from_the_po_files_shows_in_english_and_is_reported(site, monkeypatch):
    specs = content.page_specs()
    about = next(spec for spec in specs if spec.key == "about")
    about.values = {**about.values, "title": "About the two projects"}
    monkeypatch.setattr(content, "page_specs", lambda: [dataclasses.replace(s) for s in specs])

    output = load_demo_content()

    assert "0 added, 1 updated, 43 up to date" in output
    assert "no translation in demo/content/fr.po (English shown instead)" in output
    assert "'About the two projects'" in output
    page = english(StandardPage, slug="about")
    assert page.title == "About the two projects"
    assert in_language(page, "fr").title == "About the two projects"
