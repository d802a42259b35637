"""What a visitor finds on the news index: the newest news first, twelve a page, and a filter
form offering the projects, the cities (in the visitor's language) and the years that have
news here, and only those a visitor may see."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests import factories
from tests.translation import translate_object


def options(response, name):
    soup = BeautifulSoup(response.content, "html.parser")
    select = soup.find("select", attrs={"name": name})
    return [(option["value"], option.get_text(strip=True)) for option in select.find_all("option")]


def selected(response, name):
    soup = BeautifulSoup(response.content, "html.parser")
    select = soup.find("select", attrs={"name": name})
    return [option["value"] for option in select.find_all("option", selected=True)]


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".card-grid .card__link")]


def make_news(index, slug, day, cities=(), **fields):
    item = factories.NewsPageFactory(parent=index, slug=slug, title=slug, date=day, **fields)
    item.cities.set(cities)
    item.save()
    return item


@pytest.fixture
def news_site(site_tree):
    """News in 2022, 2023 and 2024 about two cities; a private one (2019, a third city) and
    a draft (2018, a fourth city) that no visitor may see."""
    index, project = site_tree["news_index"], site_tree["project"]
    turin, lyon, hidden, draft_city = (
        factories.CityFactory(name=name) for name in ("Turin", "Lyon", "Secretville", "Draftville")
    )
    made = {}
    for slug, day, cities in [
        ("turin-2024", datetime.date(2024, 5, 1), [turin]),
        ("lyon-2023", datetime.date(2023, 3, 1), [lyon]),
        ("both-2022", datetime.date(2022, 7, 1), [turin, lyon]),
    ]:
        made[slug] = make_news(index, slug, day, cities, project=project)
    private = make_news(index, "private", datetime.date(2019, 1, 1), [hidden])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    make_news(index, "draft", datetime.date(2018, 1, 1), [draft_city], live=False)
    # site_tree's own news item ("kick-off", in 2024 or later, no city) is there too.
    return {**site_tree, **made, "turin": turin, "lyon": lyon}


@pytest.mark.django_db
def test_filter_offers_the_projects_cities_and_years_visitors_can_see(client, news_site):
    response = client.get(news_site["news_index"].url)
    assert [name for _value, name in options(response, "city")] == ["All cities", "Lyon", "Turin"]
    years = [value for value, _name in options(response, "year")][1:]
    assert years == sorted(years, reverse=True)
    assert {"2024", "2023", "2022"} <= set(years)
    assert "2019" not in years and "2018" not in years  # private, draft
    projects = [value for value, _name in options(response, "project")][1:]
    assert projects == [str(news_site["project"].pk)]
    assert "private" not in titles(response) and "draft" not in titles(response)


@pytest.mark.django_db
def test_filters_narrow_the_list_and_stay_selected(client, news_site):
    url = news_site["news_index"].url
    by_city = client.get(url, {"city": news_site["turin"].pk})
    assert titles(by_city) == ["turin-2024", "both-2022"]
    assert selected(by_city, "city") == [str(news_site["turin"].pk)]
    by_year = client.get(url, {"year": 2023})
    assert titles(by_year) == ["lyon-2023"]
    assert selected(by_year, "year") == ["2023"]
    by_project = client.get(url, {"project": news_site["project"].pk, "city": news_site["lyon"].pk})
    assert titles(by_project) == ["lyon-2023", "both-2022"]


@pytest.mark.django_db
def test_a_publish_shows_at_once_in_the_filter_and_count(
    client, news_site, django_capture_on_commit_callbacks
):
    """The count and the options are kept per content generation (core.derived): they
    follow each publish and unpublish, committed as an editor's would be."""
    url = news_site["news_index"].url
    first = client.get(url)
    assert "Bologna" not in dict(options(first, "city")).values()
    count = first.context["paginator"].count
    with django_capture_on_commit_callbacks(execute=True):
        bologna = factories.CityFactory(name="Bologna")
        item = make_news(news_site["news_index"], "old", datetime.date(2015, 2, 1), [bologna])
        item.save_revision().publish()
    response = client.get(url)
    assert "Bologna" in dict(options(response, "city")).values()
    assert "2015" in dict(options(response, "year"))
    assert response.context["paginator"].count == count + 1
    with django_capture_on_commit_callbacks(execute=True):
        item.unpublish()
    response = client.get(url)
    assert "Bologna" not in dict(options(response, "city")).values()
    assert "2015" not in dict(options(response, "year"))
    assert response.context["paginator"].count == count


@pytest.mark.django_db
def test_the_count_and_options_are_not_computed_again_until_something_changes(client, news_site):
    url = news_site["news_index"].url
    client.get(url)
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    sql = " ".join(query["sql"] for query in warm.captured_queries)
    assert "COUNT(" not in sql and "partners_city" not in sql


@pytest.mark.django_db
def test_cities_are_offered_in_the_visitors_language(client, translated_site, locales):
    turin = factories.CityFactory(name="Turin")
    news = translated_site["news"]
    news.cities.set([turin])
    news.save()
    translate_object(turin, locales["fr"], lambda text: "Turin (fr)")
    translate_object(news, locales["fr"], lambda text: f"[fr] {text}")
    french_index = translated_site["news_index"].get_translation(locales["fr"])
    response = client.get(french_index.url)
    assert [name for _value, name in options(response, "city")][1:] == ["Turin (fr)"]
