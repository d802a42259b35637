"""What a visitor finds on a project page: its partners and cities with their descriptions,
websites and roles in the visitor's language (issue 13, item 5), and the project's calendar
and news feed to subscribe to (issue 13, item 6)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page

from tests import factories
from tests.shared import shared_fixture
from tests.translation import translate_object

FRENCH = {
    "City of Turin": "Ville de Turin",
    "Turin": "Turin",
    "Flagship city of both projects.": "Ville phare des deux projets.",
    "Capital of Piedmont.": "Capitale du Piémont.",
}


def french(text):
    return FRENCH.get(text, f"[fr] {text}")


# The pages each test reads, translated (parents first) into the language it reads them in.
TRANSLATED = {
    "fr": ["home", "project_index", "project", "event_index", "event"],
    "it": ["home", "event_index"],
    "es": ["home", "news_index"],
}


@shared_fixture(parent="site_tree")
def consortium(site_tree):
    """The project with a lead partner and a flagship city translated into French, and a
    partner that nobody has translated yet. Built once per test process (tests/shared.py)."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    turin = factories.PartnerFactory(
        name="City of Turin",
        short_name="Turin",
        country="IT",
        website="https://www.comune.torino.it/",
        description="<p>Flagship city of both projects.</p>",
    )
    efus = factories.PartnerFactory(
        name="European Forum for Urban Security",
        short_name="Efus",
        kind="european_network",
        description="<p>The European network of local authorities.</p>",
    )
    city = factories.CityFactory(
        name="Turin",
        country="IT",
        website="https://www.comune.torino.it/",
        description="<p>Capital of Piedmont.</p>",
        population_band="250k-1m",
    )
    for snippet in (turin, efus, city):
        snippet.save_revision().publish()
    translate_object(turin, locales["fr"], french)
    translate_object(city, locales["fr"], french)
    project = site_tree["project"]
    project.project_partners.create(partner=turin, role="lead")
    project.project_partners.create(partner=efus, role="partner")
    project.project_cities.create(city=city, role="flagship")
    project.save_revision().publish()
    for code, names in TRANSLATED.items():
        for name in names:
            translate_object(site_tree[name], locales[code], lambda text, c=code: f"[{c}] {text}")
    return site_tree


def page_in(source, language):
    return Page.objects.get(
        translation_key=source.translation_key, locale__language_code=language
    ).specific


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_partners_and_cities_are_shown_with_their_descriptions_in_french(client, consortium):
    soup = soup_of(client, page_in(consortium["project"], "fr").url)
    partners = soup.find("section", id="partners")
    lead = partners.find("h3", string="Ville de Turin").find_parent("li")
    assert "Ville phare des deux projets." in lead.get_text()
    assert "Chef de file" in lead.get_text()  # the role in this project, in French
    assert "Italie" in lead.get_text()
    website = lead.find("a", href="https://www.comune.torino.it/")
    assert " ".join(website.get_text().split()) == "Site web de Ville de Turin"
    assert website.find(class_="visually-hidden")  # "de Ville de Turin" for screen readers
    cities = soup.find("section", id="cities")
    assert cities.find("h3", string="Villes pilotes")
    turin = cities.find(string="Turin").find_parent("li")
    assert "Capitale du Piémont." in turin.get_text()
    assert "250\u202f000 à 1 million d’habitants" in turin.get_text()


@pytest.mark.django_db
def test_an_untranslated_partner_is_shown_in_its_language_marked_as_such(client, consortium):
    soup = soup_of(client, page_in(consortium["project"], "fr").url)
    [name] = [
        heading
        for heading in soup.find("section", id="partners").find_all("h3")
        if "European Forum" in heading.get_text()
    ]
    assert name["lang"] == "en"
    card = name.find_parent("li")
    description = card.find(class_="partner-card__description")
    assert description["lang"] == "en"
    assert "The European network of local authorities." in description.get_text()
    assert "(Efus)" in name.get_text()  # a short name that adds something
    # The translated partner is not marked: it is in the page's language.
    assert not soup.find("h3", string="Ville de Turin").has_attr("lang")


@pytest.mark.django_db
def test_project_page_offers_its_calendar_and_feed(client, consortium):
    project = page_in(consortium["project"], "fr")
    soup = soup_of(client, project.url)
    calendar_url = f"http://testserver{project.url}calendar.ics"
    feed_url = f"http://testserver{project.url}feed.xml"
    subscribe = soup.find("a", href=f"webcal://testserver{project.url}calendar.ics")
    assert " ".join(subscribe.get_text().split()) == (
        f"S’abonner aux événements de {project.acronym} dans votre agenda"
    )
    assert soup.find("input", value=calendar_url, readonly=True)
    assert soup.find("a", href=feed_url, type="application/rss+xml")
    head = soup.head
    assert head.find("link", rel="alternate", type="text/calendar", href=calendar_url)
    assert head.find("link", rel="alternate", type="application/rss+xml", href=feed_url)


@pytest.mark.django_db
def test_project_calendar_holds_the_projects_events_only(client, consortium):
    other = factories.EventPageFactory(parent=consortium["event_index"], title="Unrelated event")
    response = client.get(f"{page_in(consortium['project'], 'fr').url}calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert f"SUMMARY:[fr] {consortium['event'].title}" in body
    assert other.title not in body
    assert body.count("BEGIN:VEVENT") == 1


@pytest.mark.django_db
def test_events_index_offers_its_calendar_with_the_filters_chosen(client, consortium):
    events = page_in(consortium["event_index"], "it")
    soup = soup_of(client, events.url)
    url = f"http://testserver{events.url}calendar.ics"
    assert soup.head.find("link", rel="alternate", type="text/calendar", href=url)
    assert soup.find("a", href=f"webcal://testserver{events.url}calendar.ics")
    assert soup.find("h2", string="Tutti i nostri eventi nel vostro calendario")
    filtered = soup_of(client, f"{events.url}?type=workshop&year=abc")
    link = filtered.find("a", href=f"webcal://testserver{events.url}calendar.ics?type=workshop")
    assert "agli eventi scelti con i filtri" in link.get_text()


@pytest.mark.django_db
def test_news_index_offers_its_feed(client, consortium):
    news = page_in(consortium["news_index"], "es")
    soup = soup_of(client, news.url)
    url = f"http://testserver{news.url}feed.xml"
    assert soup.head.find("link", rel="alternate", type="application/rss+xml", href=url)
    link = soup.find("a", href=url)
    assert link.get_text() == "Fuente de noticias (RSS)"
    assert client.get(url)["Content-Type"].startswith("application/rss+xml")
