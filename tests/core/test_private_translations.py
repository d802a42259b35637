"""Making a page private makes it private in every language (issue 14, item 6): restricting
the English page restricts its translations and aliases in every public output (the page, the
sitemap, the API, the search, the feed and the calendars), lifting it lifts them all, and
the admin's Privacy dialog says so and keeps translators from changing other languages."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from tests import factories
from tests.editorial.conftest import make_user, translator_group
from tests.security.conftest import client_for
from tests.shared import shared_fixture

LANGUAGES = ["en", "fr", "it", "es"]


def in_every_language(page):
    return {
        page.locale.language_code: page
        for page in Page.objects.filter(translation_key=page.translation_key)
        .select_related("locale")
        .specific()
    }


def restrict(page, restriction_type=PageViewRestriction.LOGIN, **fields):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, **fields
    )


def public_outputs(client, news, event):
    """What visitors can see of the news item and the event, language by language."""
    sitemap = client.get("/sitemap.xml").content.decode()
    api = client.get("/api/v2/pages/", {"type": "news.NewsPage", "limit": 20}).json()
    api_ids = {item["id"] for item in api["items"]}
    seen = {}
    for code in LANGUAGES:
        item, happening = news[code], event[code]
        feed = client.get(f"/{code}/news/feed.xml").content.decode()
        calendar = client.get(f"/{code}/events/calendar.ics").content.decode()
        calendar = calendar.replace("\r\n ", "")  # unfolded (RFC 5545 lines of 75 octets)
        search = client.get(f"/{code}/search/", {"q": "kick-off"}).context["result_count"]
        seen[code] = {
            "page": client.get(item.url).status_code == 200,
            "sitemap": item.full_url in sitemap,
            "api": item.pk in api_ids,
            "search": search > 0,
            "feed": item.full_url in feed,
            "event.ics": client.get(f"{happening.url}event.ics").status_code == 200,
            "calendar.ics": happening.url in calendar,
        }
    return seen


OUTPUTS = ["page", "sitemap", "api", "search", "feed", "event.ics", "calendar.ics"]


def shown(seen):
    """{language: [the outputs that show the page]}."""
    return {code: [output for output in OUTPUTS if seen[code][output]] for code in LANGUAGES}


def everywhere(outputs):
    return dict.fromkeys(LANGUAGES, outputs)


@shared_fixture(parent="translated_site")
def kick_off_pages(translated_site):
    """The news item, retitled "Kick-off meeting" in every language and published, and the
    event: ({language: news}, {language: event}). Built once per run (tests/shared.py)."""
    source = translated_site["news"]
    source.title = "Kick-off meeting"
    source.save_revision().publish()
    for page in in_every_language(source).values():  # the search finds it in every language
        if page.locale.language_code != "en":
            page.title = f"[{page.locale.language_code}] Kick-off meeting"
            page.save_revision().publish()
    return in_every_language(source), in_every_language(translated_site["event"])


@pytest.fixture
def pages(kick_off_pages):
    return kick_off_pages


@pytest.mark.django_db
def test_restricting_a_page_restricts_it_in_every_language_and_output(client, pages):
    news, event = pages
    assert shown(public_outputs(client, news, event)) == everywhere(OUTPUTS)

    restrict(news["en"])
    restrict(event["en"], PageViewRestriction.PASSWORD, password="s3cret")
    assert shown(public_outputs(client, news, event)) == everywhere([])
    for code in LANGUAGES:
        [copy] = news[code].view_restrictions.all()
        assert copy.restriction_type == PageViewRestriction.LOGIN
        assert event[code].view_restrictions.get().password == "s3cret"
    assert client.get(news["fr"].url).status_code == 302  # to the login page

    PageViewRestriction.objects.filter(page=news["en"]).delete()
    PageViewRestriction.objects.filter(page=event["it"]).delete()  # lifted from any language
    assert shown(public_outputs(client, news, event)) == everywhere(OUTPUTS)
    assert not PageViewRestriction.objects.exists()


@pytest.mark.django_db
def test_a_restricted_section_is_restricted_in_every_language(client, translated_site, pages):
    news, event = pages
    restrict(translated_site["news_index"])
    seen = public_outputs(client, news, event)
    assert {code: seen[code]["page"] for code in LANGUAGES} == dict.fromkeys(LANGUAGES, False)
    assert {code: seen[code]["feed"] for code in LANGUAGES} == dict.fromkeys(LANGUAGES, False)


@pytest.mark.django_db
def test_group_restrictions_and_their_changes_follow(pages):
    news, _event = pages
    members, staff = Group.objects.create(name="Members"), Group.objects.create(name="Staff")
    restriction = restrict(news["fr"], PageViewRestriction.GROUPS)
    restriction.groups.set([members])
    assert {tuple(r.groups.all()) for r in PageViewRestriction.objects.all()} == {(members,)}
    assert PageViewRestriction.objects.count() == 4
    restriction.groups.add(staff)
    for code in LANGUAGES:
        assert set(news[code].view_restrictions.get().groups.all()) == {members, staff}


@pytest.mark.django_db
def test_an_alias_and_the_page_it_stands_for_share_their_privacy(client, site_tree, locales):
    """A page not translated yet is shown in French by an alias of the English page."""
    english = factories.StandardPageFactory(parent=site_tree["home"], slug="members")
    french_home = site_tree["home"].copy_for_translation(locales["fr"])
    french_home.save_revision().publish()
    alias = english.create_alias(parent=french_home, update_locale=locales["fr"])
    restrict(alias)
    assert english.view_restrictions.exists()
    assert client.get(english.url).status_code == 302
    PageViewRestriction.objects.get(page=english).delete()
    assert not alias.view_restrictions.exists()
    assert client.get(alias.url).status_code == 200


@pytest.mark.django_db
def test_deleting_a_page_leaves_its_translations_private(pages):
    news, _event = pages
    restrict(news["en"])
    news["en"].delete()
    assert all(news[code].view_restrictions.exists() for code in ["fr", "it", "es"])


@pytest.mark.django_db
def test_admin_privacy_dialog_applies_to_every_language(pages, locales):
    news, _event = pages
    editor = client_for(make_user("editor", Group.objects.get(name="Editors")))
    url = f"/admin/pages/{news['en'].pk}/privacy/"
    form = editor.get(url).content.decode()
    assert "shares its privacy with its other languages" in form
    response = editor.post(url, {"restriction_type": "login"})
    assert response.status_code == 200 and "set_privacy_done" in response.content.decode()
    assert all(news[code].view_restrictions.exists() for code in LANGUAGES)


@pytest.mark.django_db
def test_a_translator_cannot_change_the_privacy_of_other_languages(pages, locales):
    news, _event = pages
    restrict(news["en"])
    translator = client_for(make_user("translator-fr", translator_group(locales["fr"])))
    response = translator.post(
        f"/admin/pages/{news['fr'].pk}/privacy/", {"restriction_type": "none"}
    )
    assert "you may not change it for" in response.content.decode()
    assert PageViewRestriction.objects.count() == 4  # still private in every language
