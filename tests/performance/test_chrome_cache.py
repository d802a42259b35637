"""The page chrome (menu, footer, locales) kept per content version (core/chrome_cache.py):
built once, and every change a visitor could see in it shows on the next uncached page.

The page cache stays off here: these are the pages it does not answer (a search, a page
right after a publish, a page with a form). Changes are made inside `committed()`: the
content generation changes when the transaction commits, as in production.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from core import chrome_cache
from tests import factories
from tests.performance.builders import LANGUAGES
from tests.translation import translate_object


@pytest.fixture
def site(perf_site, settings):
    settings.CHROME_CACHE_SECONDS = 300
    chrome_cache.clear()  # ids and the generation come back after each test's rollback
    yield perf_site
    chrome_cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): …` runs the on-commit callbacks of the change, like a commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def menu(client, url):
    html = client.get(url).content.decode()
    return re.findall(r'class="main-nav__link[^"]*" href="[^"]*"[^>]*>([^<]*)</a>', html)


def footer(client, url):
    html = client.get(url).content.decode()
    return html[html.index('<footer class="site-footer">') :]


def add_menu_page(site, committed, title):
    with committed():
        page = factories.StandardPageFactory(
            parent=site["home"], title=title, slug="menu-page", show_in_menus=True
        )
    return page


@pytest.mark.django_db
def test_the_chrome_is_built_once_and_the_page_is_the_same(client, site):
    def measure():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/fr/news/")
        assert response.status_code == 200
        return response.content, len(queries)

    first, built = measure()
    second, kept = measure()
    assert second == first
    # The home page and its children, the featured project, its partners and their logos,
    # the locales: read once per content version.
    assert kept <= built - 8, (built, kept)


@pytest.mark.django_db
def test_a_menu_page_renamed_shows_at_once_on_every_page(client, site, committed):
    page = add_menu_page(site, committed, "Resources")
    for url in ("/en/news/", "/en/events/"):
        assert "Resources" in menu(client, url)
    page.title = "Toolkit"
    with committed():
        page.save_revision().publish()
    for url in ("/en/news/", "/en/events/", "/en/search/?q=x"):
        titles = menu(client, url)
        assert "Toolkit" in titles and "Resources" not in titles, url


@pytest.mark.django_db
def test_a_menu_page_unpublished_leaves_the_menu_at_once(client, site, committed):
    page = add_menu_page(site, committed, "Resources")
    assert "Resources" in menu(client, "/en/news/")
    with committed():
        page.unpublish()
    assert "Resources" not in menu(client, "/en/news/")


@pytest.mark.django_db
def test_a_translation_published_shows_in_its_language_at_once(client, site, committed):
    page = add_menu_page(site, committed, "Resources")
    menus = {code: menu(client, f"/{code}/news/") for code in LANGUAGES}
    assert "Resources" in menus["en"] and "[fr] Resources" not in menus["fr"]
    translate_object(page, site["locales"]["fr"], lambda text: f"[fr] {text}")  # commits
    assert "[fr] Resources" in menu(client, "/fr/news/")
    assert menu(client, "/it/news/") == menus["it"]


@pytest.mark.django_db
def test_a_partner_renamed_shows_in_the_footer_at_once(client, site, committed):
    partner = site["partners"][0]
    assert 'alt="City of Nice"' in footer(client, "/en/news/")
    partner.name = "Ville de Nice"
    with committed():
        partner.save_revision().publish()
    html = footer(client, "/en/news/")
    assert 'alt="Ville de Nice"' in html and 'alt="City of Nice"' not in html


@pytest.mark.django_db
def test_nothing_is_kept_while_the_chrome_cache_is_off(client, site, settings):
    settings.CHROME_CACHE_SECONDS = 0
    page = factories.StandardPageFactory(
        parent=site["home"], title="Resources", slug="menu-page", show_in_menus=True
    )
    assert "Resources" in menu(client, "/en/news/")
    page.title = "Toolkit"
    page.save_revision().publish()  # never committed: the version stays
    assert "Toolkit" in menu(client, "/en/news/")


@pytest.mark.django_db
def test_the_site_is_found_once_and_a_new_site_serves_at_once(client, site, committed):
    def home(host):
        return client.get("/en/", HTTP_HOST=host).content.decode()

    assert "Another site" not in home("other.example")  # the default site answers
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/news/", HTTP_HOST="other.example")
    assert not [q for q in queries if 'FROM "wagtailcore_site"' in q["sql"]]

    with committed():
        other_home = factories.HomePageFactory(
            parent=Page.get_first_root_node(), hero_title="Another site", slug="other-home"
        )
        Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    assert "Another site" in home("other.example")
    assert "Another site" not in home("testserver")


@pytest.mark.django_db
def test_a_section_renamed_routes_its_pages_at_once(client, site, committed):
    """Pages below a section are routed from the section kept with the chrome."""
    assert client.get("/en/projects/pactesur2/").status_code == 200
    section = site["project_index"]
    section.slug = "our-projects"
    with committed():
        section.save_revision().publish()
    assert client.get("/en/our-projects/pactesur2/").status_code == 200
    assert client.get("/en/projects/pactesur2/").status_code != 200
    # What a section serves itself (its calendar) is routed as Wagtail does.
    assert client.get("/en/events/calendar.ics").status_code == 200


# -------------------------------------------------------------- routing (core/routing.py)


def pages(client, urls):
    return {
        url: (r.status_code, r.get("Location"), r.content)
        for url in urls
        for r in [client.get(url)]
    }


@pytest.mark.django_db
def test_pages_routed_from_the_chrome_are_those_wagtail_routes(client, site, settings, committed):
    """With the chrome kept, pages are routed from it (the locale, the home page, the
    section) and their relations come with them: the same answers as Wagtail's routing."""
    city = site["cities"][1]
    with committed():
        news = factories.NewsPageFactory(parent=site["news_index"], slug="routed-news")
        event = factories.EventPageFactory(
            parent=site["event_index"],
            slug="routed-event",
            city=city,
            project=site["project"],
            organiser=site["partners"][2],
        )
        for page in (news, event):
            translate_object(page, site["locales"]["fr"], lambda text: f"[fr] {text}")
    urls = ["/en/", "/fr/", "/it/", "/en/news/", "/fr/news/", "/en/events/", "/en/about/"]
    urls += [page.url for page in Page.objects.filter(slug__startswith="routed-")]
    missing = ["/en/news/nothing-here/", "/en/nothing-here/", "/en/events/routed-event/nothing/"]
    kept = pages(client, [*urls, *missing, "/en/events/routed-event/register/"])
    assert [kept[url][0] for url in urls] == [200] * len(urls)
    assert [kept[url][0] for url in missing] == [404] * len(missing)
    settings.CHROME_CACHE_SECONDS = 0
    assert pages(client, list(kept)) == kept


@pytest.mark.django_db
def test_a_page_made_private_is_private_at_once(client, site, committed):
    """The restricted pages are kept with the chrome: a page below none of them is served
    without asking for its restrictions; a new restriction applies on the next request."""
    with committed():
        news = factories.NewsPageFactory(parent=site["news_index"], slug="soon-private")
    about_fr = site["standard"].get_translation(site["locales"]["fr"])
    urls = ["/en/about/", about_fr.url, "/en/news/", news.url]
    assert [client.get(url).status_code for url in urls] == [200] * 4
    with committed():
        restrictions = [
            PageViewRestriction.objects.create(page=page, restriction_type="login")
            for page in (site["standard"], site["news_index"])
        ]
    # The page, its translations (core/restrictions.py) and the pages below it.
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    assert client.get("/en/events/").status_code == 200
    with committed():
        for restriction in restrictions:
            restriction.delete()
    assert [client.get(url).status_code for url in urls] == [200] * 4


@pytest.mark.django_db
def test_a_translation_published_shows_in_the_language_links_at_once(client, site, committed):
    """The language links of the chrome's pages come from its pages kept in every
    language (core/language_links.py)."""
    add_menu_page(site, committed, "Resources")
    html = client.get("/en/menu-page/").content.decode()
    assert '<link rel="alternate" hreflang="fr"' not in html
    assert 'href="/fr/" hreflang="fr"' in html  # the switcher: the nearest translation
    translate_object(
        Page.objects.get(slug="menu-page").specific,
        site["locales"]["fr"],
        lambda text: f"[fr] {text}",
    )  # commits
    html = client.get("/en/menu-page/").content.decode()
    fr_page = Page.objects.get(slug="menu-page", locale=site["locales"]["fr"])
    assert f'<link rel="alternate" hreflang="fr" href="{fr_page.full_url}">' in html
    assert f'href="{fr_page.url}" hreflang="fr"' in html


@pytest.mark.django_db
def test_the_header_kept_marks_the_menu_item_of_each_page(client, site, committed):
    """The header is kept rendered per state of its menu (components/header.html)."""

    def marked(url):
        html = client.get(url).content.decode()
        nav = html[html.index('<nav class="main-nav"') :]
        return (
            re.findall(r'is-active" href="([^"]*)"', nav),
            re.findall(r'href="([^"]*)" aria-current="page"', nav),
        )

    page = add_menu_page(site, committed, "Resources")
    with committed():
        factories.StandardPageFactory(parent=page, title="Toolkit", slug="toolkit")
    assert marked("/en/menu-page/") == (["/en/menu-page/"], ["/en/menu-page/"])
    assert marked("/en/menu-page/toolkit/") == (["/en/menu-page/"], [])
    assert marked("/en/news/") == ([], [])
    assert marked("/en/menu-page/") == (["/en/menu-page/"], ["/en/menu-page/"])
