"""`manage.py load_demo_content`: the demo site, in four languages, built idempotently from
the content files (demo/content/) through wagtail-localize's PO import (conftest.py loads it)."""

from collections import Counter

import pytest
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from demo.translations import TOOL_NAME
from events.models import EventPage, EventStatus, Registration
from home.models import ContactPage, HomePage, StandardPage
from news.models import NewsPage
from partners.models import City, Partner
from projects.models import CityRole, PartnerRole, ProjectPage
from tests.shared import shared_media_root

TARGET_LANGUAGES = ["fr", "it", "es"]
STANDARD_SLUGS = ["about", "accessibility", "privacy", "legal-notice"]


def english(model, **filters):
    return model.objects.get(locale__language_code="en", **filters)


def translation_of(obj, code):
    return type(obj).objects.get(translation_key=obj.translation_key, locale__language_code=code)


def assert_linked_translation(obj, code):
    """obj (English) has a live `code` translation made through wagtail-localize."""
    target = translation_of(obj, code)
    assert target.pk != obj.pk
    assert target.live
    assert not target.has_unpublished_changes
    if isinstance(target, Page):
        assert target.alias_of_id is None
    source = TranslationSource.objects.get(object_id=obj.translation_key, locale=obj.locale)
    assert Translation.objects.filter(
        source=source, target_locale=target.locale, enabled=True
    ).exists()
    return target


# ---------------------------------------------------------------------- idempotency


def test_second_run_changes_nothing(site):
    assert site["first"] == site["second"]
    assert "demo content: 0 added, 0 updated, 44 up to date" in site["second_output"]
    assert (
        "translations: 0 added, 0 updated; 0 images and 0 registrations" in (site["second_output"])
    )
    assert "demo content: 44 added" in site["first_output"]


def test_every_language_has_the_same_number_of_pages_and_snippets(site):
    counts = site["second"]
    for code in TARGET_LANGUAGES:
        assert counts[f"pages {code}"] == counts["pages en"] >= 23
        assert counts[f"live pages {code}"] == counts[f"pages {code}"]
        assert counts[f"partners {code}"] == counts["partners en"] == 7
        assert counts[f"cities {code}"] == counts["cities en"] == 14


def test_no_duplicate_slugs_among_siblings(site):
    paths = Page.objects.filter(depth__gt=1).values_list("url_path", flat=True)
    duplicates = [path for path, count in Counter(paths).items() if count > 1]
    assert duplicates == []


def test_no_duplicate_snippets(site):
    for model in (Partner, City):
        keys = model.objects.values_list("translation_key", "locale")
        assert len(keys) == len(set(keys))
        names = model.objects.filter(locale__language_code="en").values_list("name", flat=True)
        assert len(names) == len(set(names))


# ---------------------------------------------------------------------- the page trees


def test_english_home_page_is_the_site_root(site):
    home = english(HomePage)
    assert home.depth == 2
    default_site = Site.objects.get(is_default_site=True)
    assert default_site.root_page_id == home.pk
    assert (default_site.hostname, default_site.port) == ("localhost", 80)
    # Wagtail's "Welcome to your new Wagtail site!" page and its aliases are gone.
    assert not Page.objects.filter(depth=2).exclude(content_type=home.content_type).exists()
    assert home.featured_project.slug == "pactesur2"


@pytest.mark.parametrize("code", TARGET_LANGUAGES)
def test_each_language_has_the_whole_site_translated(site, code):
    home = english(HomePage)
    target_home = assert_linked_translation(home, code)
    assert target_home.depth == 2
    assert target_home.locale.language_code == code
    assert target_home.title != home.title
    assert target_home.hero_title != home.hero_title

    # The same tree, page for page, with translated titles.
    for page in home.get_descendants().specific():
        target = assert_linked_translation(page, code)
        assert target.get_parent().translation_key == page.get_parent().translation_key
        # An address in its language, as a translator gives it (demo/translations.py); an
        # untranslated title (a project's acronym) keeps the source's slug.
        if target.title == page.title:
            assert target.slug == page.slug
        else:
            assert target.slug.startswith(slugify(target.title)), target.slug
        if isinstance(page, ProjectPage):
            assert target.title == page.title  # the acronym
            assert target.summary != page.summary
        else:
            assert target.title != page.title, f"{page.title!r} is not translated into {code}"

    locale_pages = Page.objects.descendant_of(target_home)
    assert locale_pages.type(ProjectPage).count() == 2
    assert locale_pages.type(NewsPage).count() >= 4
    assert locale_pages.type(EventPage).count() >= 4
    standard_keys = set(
        StandardPage.objects.filter(
            locale__language_code="en", slug__in=STANDARD_SLUGS
        ).values_list("translation_key", flat=True)
    )
    assert len(standard_keys) == len(STANDARD_SLUGS)
    keys = set(locale_pages.type(StandardPage).values_list("translation_key", flat=True))
    assert standard_keys <= keys
    assert locale_pages.type(ContactPage).count() == 1


@pytest.mark.parametrize("code", TARGET_LANGUAGES)
def test_rich_text_and_streamfields_are_translated(site, code):
    pactesur2 = english(ProjectPage, slug="pactesur2")
    target = translation_of(pactesur2, code)
    assert target.objectives != pactesur2.objectives
    assert target.objectives.count("<li>") == 3
    assert [block.block_type for block in target.body] == [
        block.block_type for block in pactesur2.body
    ]
    english_titles = [block.value["title"] for block in pactesur2.pillars]
    target_titles = [block.value["title"] for block in target.pillars]
    assert len(target_titles) == 4
    assert all(a != b for a, b in zip(english_titles, target_titles, strict=True))


def test_menus(site):
    home = english(HomePage)
    in_menus = set(home.get_children().filter(show_in_menus=True).values_list("slug", flat=True))
    assert in_menus == {"projects", "news", "events", "about", "contact"}


# ---------------------------------------------------------------------- projects


def test_pactesur2_consortium(site):
    project = english(ProjectPage, slug="pactesur2")
    links = list(project.project_partners.select_related("partner"))
    assert [link.partner.short_name for link in links] == [
        "Nice",
        "Turin",
        "ANCI Piemonte",
        "Liège",
        "Madrid",
        "Efus",
    ]
    assert [link.role for link in links].count(PartnerRole.LEAD) == 1
    assert links[0].role == PartnerRole.LEAD
    flagship = project.project_cities.filter(role=CityRole.FLAGSHIP)
    assert [link.city.name for link in flagship] == ["Nice", "Madrid", "Turin", "Liège"]
    assert (str(project.start_date), str(project.end_date)) == ("2023-09-01", "2025-08-31")


def test_pactesur_consortium(site):
    project = english(ProjectPage, slug="pactesur")
    assert project.project_partners.count() == 6
    assert project.lead_partner.short_name == "Nice"
    assert project.project_cities.filter(role=CityRole.FLAGSHIP).count() == 3
    working_group = project.project_cities.filter(role=CityRole.WORKING_GROUP)
    assert working_group.count() == 11
    assert {"Gdańsk", "Xàbia", "Lisbon", "Munich"} <= {link.city.name for link in working_group}


# ---------------------------------------------------------------------- snippets


@pytest.mark.parametrize("code", TARGET_LANGUAGES)
def test_partners_and_cities_are_translated(site, code):
    for model in (Partner, City):
        for obj in model.objects.filter(locale__language_code="en"):
            assert obj.live and obj.live_revision_id is not None
            target = assert_linked_translation(obj, code)
            assert target.country == obj.country
    assert translation_of(english(City, name="Turin"), "it").name == "Torino"
    assert (
        translation_of(english(City, name="Lisbon"), code).name
        == {
            "fr": "Lisbonne",
            "it": "Lisbona",
            "es": "Lisboa",
        }[code]
    )
    nice = english(Partner, short_name="Nice")
    assert translation_of(nice, code).name != nice.name


# ---------------------------------------------------------------------- events and news


def test_events_cover_every_state(site):
    now = timezone.now()
    events = EventPage.objects.filter(locale__language_code="en")
    assert all(timezone.is_aware(event.start) for event in events)

    save_the_date = events.get(is_save_the_date=True)
    assert save_the_date.start > now

    registration = events.get(registration_enabled=True)
    assert registration.start > now
    assert registration.registration_opens_at < now < registration.registration_closes_at
    assert registration.registration_closes_at < registration.start
    assert registration.capacity == 40
    state = registration.registration_state
    assert state.is_open
    assert 0 < state.places_left <= 5  # "a few places left"
    languages = set(
        Registration.objects.filter(
            shared_event__translation_key=registration.translation_key
        ).values_list("language_code", flat=True)
    )
    assert languages == {"en", "fr", "it", "es"}

    reported = events.filter(end__lt=now, participants_count__isnull=False, report__isnull=False)
    liege = reported.get(slug="liege-local-governance-workshop-2021")
    assert liege.participants_count == 90
    assert liege.local_start.isoformat() == "2021-05-05T09:00:00+02:00"
    assert liege.format == "online" and liege.online_url
    assert liege.report.slug == "liege-local-governance-workshop"

    assert events.filter(
        start__gt=now, status__in=[EventStatus.POSTPONED, EventStatus.CANCELLED]
    ).exists()


def test_news_link_to_projects_cities_and_events(site):
    news = NewsPage.objects.filter(locale__language_code="en")
    assert news.count() >= 5
    assert all(item.project_id for item in news)
    workshop = news.get(slug="liege-local-governance-workshop")
    assert [city.name for city in workshop.cities.all()] == ["Liège"]
    assert workshop.related_events.get().slug == "liege-local-governance-workshop-2021"
    assert workshop.image is not None


def test_banners_are_light_jpeg_images(site, request, settings):
    """The banners are gradients, a photograph's kind of picture: as JPEG, the lead image
    a visitor downloads (width-800, the middle of its srcset) weighs a few kilobytes, and its
    renditions cost a fraction of PNG's (Wagtail writes PNG with zlib's slowest setting)."""
    settings.MEDIA_ROOT = shared_media_root(request)
    banners = get_image_model().objects.filter(file__startswith="original_images/demo-")
    assert banners.count() == 6
    for banner in banners:
        assert banner.file.name.endswith(".jpg")
        rendition = banner.get_rendition("width-800")
        assert rendition.file.name.endswith(".jpg")
        with rendition.file.open("rb") as file:
            assert file.read(3) == b"\xff\xd8\xff"  # a JPEG's first bytes
        # As PNG, the same renditions weighed 44 KB and more.
        assert rendition.file.size < 30_000, (banner.title, rendition.file.size)


@pytest.mark.parametrize("code", TARGET_LANGUAGES)
def test_contact_form_fields_are_translated(site, code):
    contact = english(ContactPage)
    target = translation_of(contact, code)
    english_fields = list(contact.form_fields.all())
    target_fields = list(target.form_fields.all())
    assert len(target_fields) == len(english_fields) == 4
    for source_field, target_field in zip(english_fields, target_fields, strict=True):
        assert target_field.locale == target.locale
        assert target_field.label != source_field.label
        assert target_field.clean_name == source_field.clean_name
        assert target_field.required == source_field.required
    assert target.intro != contact.intro
    assert target.to_address == contact.to_address == "contact@pactesur.eu"


# ---------------------------------------------------------------------- the translations


def test_every_string_is_translated_from_the_po_files(site):
    """No English is left in a translated page: each PO file translates every string."""
    assert "no translation" not in site["first_output"]
    assert "demo content: 44 added, 0 updated" in site["first_output"]
    assert "0 added, 0 updated, 44 up to date, 0 changed by people" in site["second_output"]
    english_strings = StringSegment.objects.filter(source__locale__language_code="en").values_list(
        "string_id", "context_id"
    )
    for code in TARGET_LANGUAGES:
        translated = set(
            StringTranslation.objects.filter(locale__language_code=code).values_list(
                "translation_of_id", "context_id"
            )
        )
        assert set(english_strings) <= translated


def test_translations_come_through_the_po_import(site):
    """The demo's string translations are what a translator's PO upload leaves."""
    tools = set(StringTranslation.objects.values_list("translation_type", "tool_name"))
    assert tools == {(StringTranslation.TRANSLATION_TYPE_MANUAL, TOOL_NAME)}


def test_event_locations_name_their_city_once(site):
    """A calendar's location is "venue, city": the venue must not repeat the city (13.8,
    "Lingotto Fiere, Turin, Turin")."""
    events = EventPage.objects.exclude(venue="").select_related("city")
    assert events.count() == 8  # two in-person events with a venue, in four languages
    for event in events:
        assert event.city is not None
        city = City.objects.get(translation_key=event.city.translation_key, locale=event.locale)
        assert city.name not in event.venue, (event.locale.language_code, event.venue)
