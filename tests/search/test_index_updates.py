"""The index follows publishing, unpublishing, moves and deletions without a rebuild, and
`update_search_index` / `update_index` rebuild it."""

import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page, PageViewRestriction

from search import indexing
from search.models import SearchEntry
from tests import factories
from tests.search.conftest import run_search, titles
from tests.translation import translate_object

pytestmark = pytest.mark.django_db


def test_publishing_a_new_revision_updates_the_results(make_news):
    news = make_news("en", "Bollards in Riga")
    news.title = "Turnstiles in Riga"
    news.save_revision().publish()
    assert titles(run_search("en", q="turnstiles")) == ["Turnstiles in Riga"]
    assert titles(run_search("en", q="bollards")) == []


def search_entry_writes(queries):
    return [
        query["sql"]
        for query in queries.captured_queries
        if "search_searchentry" in query["sql"]
        and query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def test_publishing_writes_the_search_entry_once(make_news):
    """Publishing saves the page (post_save indexes it), then sends page_published: the
    entry was written a second time for it, doubling the index work of every publish."""
    news = make_news("en", "Bollards in Riga")
    with CaptureQueriesContext(connection) as indexing_once:
        indexing.index_page(news)
    news.title = "Turnstiles in Riga"
    revision = news.save_revision()
    with CaptureQueriesContext(connection) as publishing:
        revision.publish()
    assert search_entry_writes(indexing_once)
    assert len(search_entry_writes(publishing)) == len(search_entry_writes(indexing_once))
    assert titles(run_search("en", q="turnstiles")) == ["Turnstiles in Riga"]


def test_publishing_a_draft_page_adds_it(trees):
    news = factories.NewsPageFactory(parent=trees["en"]["news_index"], title="Bollards", live=False)
    assert titles(run_search("en", q="bollards")) == []
    news.save_revision().publish()
    assert titles(run_search("en", q="bollards")) == ["Bollards"]


def test_unpublishing_removes_the_page(make_news):
    news = make_news("en", "Bollards in Riga")
    news.unpublish()
    assert titles(run_search("en", q="bollards")) == []
    news.refresh_from_db()
    news.save_revision().publish()
    assert titles(run_search("en", q="bollards")) == ["Bollards in Riga"]


def test_unpublishing_with_descendants_removes_them(trees, make_news, admin_user):
    make_news("en", "Bollards in Riga")
    UnpublishPageAction(
        trees["en"]["news_index"], include_descendants=True, user=admin_user
    ).execute()
    assert titles(run_search("en", q="bollards")) == []


def test_deleting_a_page_removes_it(make_news):
    news = make_news("en", "Bollards in Riga")
    news.delete()
    assert titles(run_search("en", q="bollards")) == []
    assert not SearchEntry.objects.filter(title="Bollards in Riga").exists()


def test_deleting_a_parent_removes_its_descendants(trees, make_news):
    make_news("en", "Bollards in Riga")
    trees["en"]["news_index"].delete()
    assert titles(run_search("en", q="bollards")) == []


def test_deleting_a_translation_removes_it_from_its_language_only(make_news, locales):
    news = make_news("en", "Bollards in Riga")
    translated = translate_object(news, locales["fr"], lambda text: "Bollards à Riga")
    assert titles(run_search("fr", q="bollards")) == ["Bollards à Riga"]
    Page.objects.get(pk=translated.pk).delete()
    assert titles(run_search("fr", q="bollards")) == []
    assert titles(run_search("en", q="bollards")) == ["Bollards in Riga"]


def test_moving_a_page_keeps_it_found_at_its_new_address(trees, make_news):
    news = make_news("en", "Bollards in Riga")
    about = factories.StandardPageFactory(parent=trees["en"]["home"], slug="archive")
    news.move(about, pos="last-child")
    [result] = list(run_search("en", q="bollards")["search_results"])
    assert result.url == "/en/archive/" + news.slug + "/"


def test_moving_a_page_under_a_private_page_removes_it_and_back_adds_it(trees, make_news):
    news = make_news("en", "Bollards in Riga")
    private = factories.StandardPageFactory(parent=trees["en"]["home"], slug="intranet")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    news.move(private, pos="last-child")
    assert titles(run_search("en", q="bollards")) == []
    Page.objects.get(pk=news.pk).move(trees["en"]["news_index"], pos="last-child")
    assert titles(run_search("en", q="bollards")) == ["Bollards in Riga"]


def test_moving_a_parent_under_a_private_page_removes_its_descendants(trees, make_news):
    make_news("en", "Bollards in Riga")
    private = factories.StandardPageFactory(parent=trees["en"]["home"], slug="intranet")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    trees["en"]["news_index"].move(private, pos="last-child")
    assert titles(run_search("en", q="bollards")) == []


def test_a_rolled_back_publication_leaves_the_index_as_it_was(make_news):
    news = make_news("en", "Bollards in Riga")
    with pytest.raises(RuntimeError), transaction.atomic():
        news.title = "Turnstiles in Riga"
        news.save_revision().publish()
        raise RuntimeError
    assert titles(run_search("en", q="bollards")) == ["Bollards in Riga"]
    assert titles(run_search("en", q="turnstiles")) == []


def test_publishing_in_an_on_commit_callback_indexes_the_page(
    django_capture_on_commit_callbacks, trees
):
    news = factories.NewsPageFactory(parent=trees["en"]["news_index"], title="Late", live=False)
    revision = news.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        transaction.on_commit(revision.publish)
        assert titles(run_search("en", q="late")) == []
    assert titles(run_search("en", q="late")) == ["Late"]


def test_update_search_index_rebuilds_everything(make_news):
    news = make_news("en", "Bollards in Riga")
    # Changes made behind Wagtail's back (no signals): the index is stale…
    Page.objects.filter(pk=news.pk).update(title="Turnstiles in Riga")
    SearchEntry.objects.filter(page__title="About").delete()
    assert titles(run_search("en", q="turnstiles")) == []
    out = io.StringIO()
    call_command("update_search_index", stdout=out)
    assert "Site search: indexed" in out.getvalue()
    assert titles(run_search("en", q="turnstiles")) == ["Turnstiles in Riga"]
    assert titles(run_search("en", q="bollards")) == []
    assert SearchEntry.objects.filter(title="About").exists()


def test_update_search_index_for_one_language(make_news, locales):
    make_news("en", "Bollards in Riga")
    make_news("fr", "Bornes à Riga")
    SearchEntry.objects.all().delete()
    call_command("update_search_index", locale="fr", stdout=io.StringIO())
    assert titles(run_search("fr", q="bornes")) == ["Bornes à Riga"]
    assert titles(run_search("en", q="bollards")) == []


def test_update_search_index_rejects_an_unknown_language():
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("update_search_index", locale="xx")


def test_wagtail_update_index_also_rebuilds_the_site_search(make_news):
    news = make_news("en", "Bollards in Riga")
    Page.objects.filter(pk=news.pk).update(title="Turnstiles in Riga")
    out = io.StringIO()
    call_command("update_index", stdout=out)
    assert "Site search: indexed" in out.getvalue()
    assert titles(run_search("en", q="turnstiles")) == ["Turnstiles in Riga"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")
def test_sqlite_fulltext_table_stays_in_step_with_the_entries(make_news):
    news = make_news("en", "Bollards in Riga")
    news.delete()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO search_searchentry_fts(search_searchentry_fts, rank) "
            "VALUES ('integrity-check', 1)"
        )
        cursor.execute("SELECT COUNT(*) FROM search_searchentry_fts")
        assert cursor.fetchone()[0] == SearchEntry.objects.count()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 triggers")
def test_missing_sqlite_triggers_are_recreated_after_migrate(make_news):
    from search.schema import ensure_schema

    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER search_searchentry_fts_ai")
    make_news("en", "Bollards in Riga")  # not in FTS5 without its trigger
    assert titles(run_search("en", q="bollards")) == []
    ensure_schema()
    assert titles(run_search("en", q="bollards")) == ["Bollards in Riga"]
