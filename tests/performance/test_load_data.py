"""generate_load_data: pages in bulk, in every language, linked through wagtail-localize."""

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from demo import loaddata
from events.models import EventPage, SharedEvent
from news.models import NewsPage

LANGUAGES = ("en", "fr", "it", "es")


def tree_problems():
    return [problem for problem in Page.find_problems() if problem]


@pytest.mark.django_db
def test_generated_pages_are_live_routable_and_translated(client, grow, perf_site):
    grow(news=12, events=6)

    news = NewsPage.objects.filter(slug__startswith="load-")
    events = EventPage.objects.filter(slug__startswith="load-")
    assert news.count() == 12 * 4 and events.count() == 6 * 4
    assert tree_problems() == []
    for index in (perf_site["news_index"], perf_site["event_index"]):
        for translation in Page.objects.filter(translation_key=index.translation_key):
            assert translation.numchild == Page.objects.child_of(translation).count()

    english = news.filter(locale__language_code="en").order_by("path").first()
    translations = Page.objects.filter(translation_key=english.translation_key)
    assert sorted(translations.values_list("locale__language_code", flat=True)) == sorted(LANGUAGES)
    titles = set(translations.values_list("title", flat=True))
    assert len(titles) == 4  # a different text in each language

    source = TranslationSource.objects.get(object_id=english.translation_key)
    assert source.locale.language_code == "en"
    assert source.get_source_instance() == english.specific
    assert sorted(
        Translation.objects.filter(source=source).values_list(
            "target_locale__language_code", flat=True
        )
    ) == ["es", "fr", "it"]

    for page in translations:
        specific = page.specific
        assert isinstance(specific, NewsPage) and specific.live
        assert specific.latest_revision is None  # no revision needed to be served
        url = specific.get_url()
        assert url == f"/{page.locale.language_code}/news/{english.slug}/"
        response = client.get(url)
        assert response.status_code == 200, url
        assert escape(specific.title) in response.content.decode()
    assert (
        SharedEvent.objects.filter(translation_key__in=events.values("translation_key")).count()
        == 6
    )


@pytest.mark.django_db
def test_generated_pages_are_in_the_listings_and_feeds(client, grow):
    grow(news=5, events=5)
    newest = NewsPage.objects.filter(slug__startswith="load-", locale__language_code="fr")
    newest = newest.order_by("-date", "-pk").first()
    assert newest.title in client.get("/fr/news/").content.decode()
    assert newest.get_url().encode() in client.get("/fr/news/feed.xml").content
    calendar = client.get("/fr/events/calendar.ics").content.decode()
    assert (
        calendar.count("BEGIN:VEVENT")
        == EventPage.objects.live().filter(locale__language_code="fr").count()
    )
    sitemap = client.get("/sitemap.xml").content.decode()
    assert newest.get_url() in sitemap


@pytest.mark.django_db
def test_numbers_continue_and_clear_removes_everything(grow, perf_site):
    grow(news=3, events=2)
    grow(news=2, events=1)
    slugs = set(
        NewsPage.objects.filter(locale__language_code="en", slug__startswith="load-").values_list(
            "slug", flat=True
        )
    )
    assert slugs == {f"load-news-{n:06d}" for n in range(1, 6)}
    before = {p.pk: p.numchild for p in Page.objects.filter(depth__lte=3)}

    removed = loaddata.clear(log=lambda message: None)

    assert removed == (5 + 3) * 4
    assert not loaddata.generated_pages().exists()
    assert tree_problems() == []
    for page in Page.objects.filter(depth=3):
        assert page.numchild == Page.objects.child_of(page).count()
    assert Page.objects.get(pk=perf_site["home"].pk).numchild == before[perf_site["home"].pk]
    assert not TranslationSource.objects.filter(object_repr__contains="(1)").exists()


@pytest.mark.django_db
def test_command_prints_timings(perf_site, capsys):
    call_command("generate_load_data", news=4, events=2, seed=3)
    output = capsys.readouterr().out
    assert "insert news" in output and "pages written" in output and "Done in" in output
    call_command("generate_load_data", clear=True, no_index=True)
    assert "removed 24 pages" in capsys.readouterr().out
