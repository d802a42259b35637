"""What a news item's page shows of its relations (its cities, related events and topics),
in the language of the page: the relations' queries are prepared once per process
(core/relations.py) and must answer what `localize_queryset` answers, object for object."""

import pytest
from bs4 import BeautifulSoup

from core import relations
from core.utils import localize_queryset
from tests import factories
from tests.translation import translate_object


@pytest.fixture
def news(translated_site, locales):
    """The English news item with two cities (Turin translated into French), two related
    events (the later one translated) and two topics, its French translation updated."""
    item = translated_site["news"]
    events_index = translated_site["event_index"]
    turin = factories.CityFactory(name="Turin")
    liege = factories.CityFactory(name="Liège")
    translate_object(turin, locales["fr"], lambda text: "Turin (fr)")
    early = factories.EventPageFactory(parent=events_index, title="Early", slug="early")
    late = factories.EventPageFactory(
        parent=events_index,
        title="Late",
        slug="late",
        start=early.start.replace(year=early.start.year + 1),
        end=early.end.replace(year=early.end.year + 1),
    )
    translate_object(late, locales["fr"], lambda text: f"[fr] {text}")
    item.cities.set([turin, liege])
    item.related_events.set([late, early])
    item.tags.add("bollards", "public spaces")
    item.save_revision().publish()
    translate_object(item, locales["fr"], lambda text: f"[fr] {text}")
    return item


def facts(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        "cities": [li.get_text() for li in soup.select(".inline-list li")],
        "topics": [li.get_text() for li in soup.select(".tag-list li")],
        "events": [a.get_text(strip=True) for a in soup.select(".card-grid .card__link")],
    }


@pytest.mark.django_db
def test_the_page_shows_its_relations_in_its_language(client, news, locales):
    english = facts(client.get(news.url))
    assert sorted(english["cities"]) == ["Liège", "Turin"]
    assert english["topics"] == ["bollards", "public spaces"]
    assert english["events"] == ["Early", "Late"]  # by start
    french_page = news.get_translation(locales["fr"])
    french = facts(client.get(french_page.url))
    assert sorted(french["cities"]) == ["Liège", "Turin (fr)"]
    assert french["topics"] == [tag.name for tag in french_page.specific.tags.all()]
    assert french["events"] == ["Early", "[fr] Late"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_prepared_relations_answer_what_localize_queryset_answers(news, locales, language):
    page = news.get_translation(locales[language]).specific
    locale = locales[language]
    for name, order_by, select_related in (
        ("cities", (), ()),
        ("related_events", ("start",), ("city",)),
    ):
        related = getattr(page, name)
        related = related.order_by(*order_by) if order_by else related.all()
        expected = localize_queryset(related, locale, select_related)
        found = relations.localized_relation(page, name, locale, order_by, select_related)
        assert [(type(o), o.pk) for o in found] == [(type(o), o.pk) for o in expected], name
    assert [tag.pk for tag in relations.tags(page)] == [tag.pk for tag in page.tags.all()]


@pytest.mark.django_db
def test_relations_being_edited_are_read_from_memory(news, locales):
    """A preview: modelcluster holds the edited relations in memory, not in the database."""
    other = factories.CityFactory(name="Madrid")
    news.cities = [other]
    news.tags.set(["preview only"])
    cities = relations.localized_relation(news, "cities", locales["en"])
    assert [city.name for city in cities] == ["Madrid"]
    assert [tag.name for tag in relations.tags(news)] == ["preview only"]
