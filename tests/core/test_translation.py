import datetime

import pytest
from wagtail.models import Page

from projects.models import CityRole, PartnerRole, ProjectCity, ProjectPartner
from tests.factories import CityFactory, PartnerFactory
from tests.translation import translate_object

FRENCH = {
    "PACTESUR2": "PACTESUR2 (fr)",
    "A project about protecting public spaces.": "Un projet pour protéger les espaces publics.",
    "Protect Allied Cities against TErrorism in Securing Urban aReas": (
        "Protéger les villes alliées"
    ),
}


@pytest.mark.django_db
def test_translated_page_is_in_the_target_locale_with_its_translated_fields(site_tree, locales):
    project = site_tree["project"]
    nice = PartnerFactory(name="City of Nice")
    liege = CityFactory(name="Liège")
    ProjectPartner.objects.create(page=project, partner=nice, role=PartnerRole.LEAD)
    ProjectCity.objects.create(page=project, city=liege, role=CityRole.FLAGSHIP)
    project.save_revision().publish()
    for page in (site_tree["home"], site_tree["project_index"]):
        translate_object(page, locales["fr"], lambda text: f"{text} (fr)")

    french = translate_object(project, locales["fr"], lambda text: FRENCH.get(text, text))

    assert french.locale == locales["fr"]
    assert french.live
    assert french.translation_key == project.translation_key
    assert french.summary == "Un projet pour protéger les espaces publics."
    assert french.full_name == "Protéger les villes alliées"
    # Synchronised, not translated: slug, dates and the consortium.
    assert french.slug == project.slug
    assert french.start_date == datetime.date(2023, 9, 1)
    assert [link.partner_id for link in french.project_partners.all()] == [nice.pk]
    assert [link.role for link in french.project_cities.all()] == [CityRole.FLAGSHIP]
    # It sits in the French tree, under the French project index.
    assert french.get_parent().locale == locales["fr"]
    assert french.url == f"/fr/projects/{project.slug}/"


@pytest.mark.django_db
def test_updating_the_source_and_resyncing_updates_the_translation(site_tree, locales):
    news = site_tree["news"]
    for page in (site_tree["home"], site_tree["news_index"]):
        translate_object(page, locales["it"], lambda text: f"{text} (it)")
    translate_object(news, locales["it"], lambda text: f"{text} (it)")
    news.date = datetime.date(2025, 3, 1)
    news.summary = "Updated summary."
    news.save_revision().publish()

    italian = translate_object(news, locales["it"], lambda text: f"{text} (it)")

    assert italian.date == datetime.date(2025, 3, 1)
    assert italian.summary == "Updated summary. (it)"
    assert Page.objects.filter(translation_key=news.translation_key).count() == 2


@pytest.mark.django_db
def test_pages_created_in_the_admin_get_aliases_in_every_locale_tree(admin_client, translated_site):
    """wagtail-localize keeps the locale trees in sync: a new English page appears in the
    other trees (as an alias of the source) until it is translated."""
    news_index = translated_site["news_index"]
    response = admin_client.post(
        f"/admin/pages/add/news/newspage/{news_index.pk}/",
        {
            "title": "A new item",
            "slug": "a-new-item",
            "date": "2025-05-01",
            "summary": "Fresh.",
            "body-count": "0",
            "tags": "",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    source = Page.objects.get(slug="a-new-item", locale__language_code="en")
    copies = Page.objects.filter(translation_key=source.translation_key).exclude(pk=source.pk)
    assert sorted(copies.values_list("locale__language_code", flat=True)) == ["es", "fr", "it"]
    assert all(copy.alias_of_id == source.pk for copy in copies)
