"""Factories for every page type and snippet (factory_boy + wagtail-factories)."""

import datetime
import zoneinfo

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage, EventType
from home.models import ContactFormField, ContactPage, HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from partners.models import City, Partner, PartnerKind
from projects.models import ProjectIndexPage, ProjectPage


class LocaleDefault(factory.LazyFunction):
    def __init__(self):
        super().__init__(Locale.get_default)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    short_name = factory.Sequence(lambda n: f"P{n}")
    kind = PartnerKind.CITY
    country = "FR"
    locale = LocaleDefault()
    live = True


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City

    name = factory.Sequence(lambda n: f"City {n}")
    country = "IT"
    locale = LocaleDefault()
    live = True


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "PACTESUR"
    slug = "home"
    hero_title = "Safer public spaces, together"


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectIndexPage

    title = "Projects"
    slug = "projects"


class ProjectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"Project {n}")
    acronym = factory.Sequence(lambda n: f"PRJ{n}")
    full_name = "Protect Allied Cities against TErrorism in Securing Urban aReas"
    start_date = datetime.date(2023, 9, 1)
    end_date = datetime.date(2025, 8, 31)
    summary = "A project about protecting public spaces."


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "News"
    slug = "news"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"News item {n}")
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    summary = "What happened."


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Events"
    slug = "events"


def _in_days(days, hour):
    tz = zoneinfo.ZoneInfo("Europe/Brussels")
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=tz)


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Event {n}")
    start = factory.LazyFunction(lambda: _in_days(30, 9))
    end = factory.LazyFunction(lambda: _in_days(30, 17))
    timezone = "Europe/Brussels"
    event_type = EventType.WORKSHOP
    summary = "A workshop on public spaces."


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "An introduction."


class ContactPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContactPage

    title = "Contact"
    slug = "contact"
    to_address = "contact@example.org"
    from_address = "site@example.org"
    subject = "Contact form"


class ContactFormFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactFormField

    label = "Your message"
    field_type = "multiline"
    required = True
    locale = LocaleDefault()
