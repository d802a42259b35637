"""A site in four languages with partners, cities, images, and news and events generated
in bulk by demo.loaddata (the code behind `manage.py generate_load_data`)."""

from django.core.management import call_command, get_commands
from wagtail.models import Locale, Page, Site

from demo import loaddata
from projects.models import ProjectCity, ProjectPartner
from tests import factories
from tests.translation import translate_object

LANGUAGES = ("en", "fr", "it", "es")
TARGETS = LANGUAGES[1:]


def _tag(code):
    return lambda text: f"[{code}] {text}"


def build_site():
    """What tests/conftest.py's translated_site makes (every page type under an English home
    page, translated with wagtail-localize), plus translated cities and partners (with logos)
    taking part in the project, and images for the generated news and events. A plain
    function, so that module-scoped fixtures can build it once."""
    import wagtail_factories

    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root, slug="pactesur-home")
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.save()
    welcome.delete()

    projects = factories.ProjectIndexPageFactory(parent=home)
    project = factories.ProjectPageFactory(parent=projects, title="PACTESUR2", slug="pactesur2")
    news_index = factories.NewsIndexPageFactory(parent=home)
    event_index = factories.EventIndexPageFactory(parent=home)
    about = factories.StandardPageFactory(parent=home, title="About", slug="about")
    contact = factories.ContactPageFactory(parent=home)
    factories.ContactFormFieldFactory(page=contact, label="Your name", field_type="singleline")
    factories.ContactFormFieldFactory(page=contact, label="Your message")
    pages = {
        "home": home,
        "project_index": projects,
        "project": project,
        "news_index": news_index,
        "event_index": event_index,
        "standard": about,
        "contact": contact,
    }
    for code in TARGETS:
        for page in pages.values():
            translate_object(page, locales[code], _tag(code))

    images = [wagtail_factories.ImageFactory(title=f"Image {n}") for n in range(3)]
    cities = [
        factories.CityFactory(name=name, country=country)
        for name, country in (("Nice", "FR"), ("Torino", "IT"), ("Liège", "BE"), ("Madrid", "ES"))
    ]
    partners = [
        factories.PartnerFactory(name=name, short_name=short, logo=images[n % len(images)])
        for n, (name, short) in enumerate(
            (("City of Nice", "Nice"), ("City of Torino", "Torino"), ("Efus", "Efus"))
        )
    ]
    for obj in [*cities, *partners]:
        for code in TARGETS:
            translate_object(obj, locales[code], _tag(code))
    for translation in Page.objects.filter(translation_key=project.translation_key):
        for order, partner in enumerate(partners):
            ProjectPartner.objects.create(
                page_id=translation.pk,
                partner=partner,
                role="lead" if order == 0 else "partner",
                sort_order=order,
            )
        for order, city in enumerate(cities):
            ProjectCity.objects.create(
                page_id=translation.pk,
                city=city,
                role="flagship" if order < 2 else "follower",
                sort_order=order,
            )
    return {
        **pages,
        "locales": locales,
        "cities": cities,
        "partners": partners,
        "images": images,
    }


def rebuild_search_index():
    if "update_search_index" in get_commands():
        call_command("update_search_index", verbosity=0)


def grow_consortium(site, partners, cities, menu_pages):
    """Add that many partners (with logos) and cities to the project, and pages to the
    menu, each translated into every language: what must not add queries either."""
    locales = site["locales"]
    project = site["project"]
    translations = list(Page.objects.filter(translation_key=project.translation_key))
    added = []
    start = len(site["partners"])
    for n in range(partners):
        partner = factories.PartnerFactory(
            name=f"Partner {start + n}", logo=site["images"][n % len(site["images"])]
        )
        site["partners"].append(partner)
        added.append(partner)
        for translation in translations:
            ProjectPartner.objects.create(
                page_id=translation.pk, partner=partner, role="partner", sort_order=100 + n
            )
    start = len(site["cities"])
    for n in range(cities):
        city = factories.CityFactory(name=f"City {start + n}")
        site["cities"].append(city)
        added.append(city)
        for translation in translations:
            ProjectCity.objects.create(
                page_id=translation.pk,
                city=city,
                role="flagship" if n % 2 else "working_group",
                sort_order=100 + n,
            )
    for n in range(menu_pages):
        added.append(
            factories.StandardPageFactory(
                parent=site["home"], title=f"Menu page {n}", slug=f"menu-{n}", show_in_menus=True
            )
        )
    for obj in added:
        for code in TARGETS:
            translate_object(obj, locales[code], _tag(code))


def grow_site(news, events, seed=1):
    """Add that many generated news items and events, in every language."""
    loaddata.generate(news=news, events=events, seed=seed, log=lambda message: None)
    rebuild_search_index()
