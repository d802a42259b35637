"""Editors' promotions, and the record of what visitors search for, per language."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import PageViewRestriction

from search.models import QueryStat
from tests.search.conftest import run_search, titles
from tests.translation import translate_object

pytestmark = pytest.mark.django_db


def promote(query_string, page=None, **fields):
    return SearchPromotion.objects.create(query=Query.get(query_string), page=page, **fields)


def test_promoted_pages_come_first_and_are_not_repeated(make_news):
    make_news("en", "Bollards in Riga", date=datetime.date(2025, 1, 1))
    guide = make_news("en", "Vehicle barrier guide", text="Which bollards to choose.")
    promote("bollards", guide, description="Our guide to choosing them.")
    context = run_search("en", q="Bollards")
    [promoted] = context["promotions"]
    assert promoted.page.pk == guide.pk and promoted.promoted
    assert promoted.snippet == "Our guide to choosing them."
    assert titles(context) == ["Bollards in Riga"]  # the guide is not repeated below
    assert context["result_count"] == 2


def test_a_promoted_page_that_does_not_match_the_query_is_shown(make_news):
    page = make_news("en", "Contact the secretariat")
    promote("help", page)
    context = run_search("en", q="help")
    assert [p.title for p in context["promotions"]] == ["Contact the secretariat"]
    assert context["result_count"] == 1


def test_promotions_show_pages_of_the_current_language(make_news, locales):
    guide = make_news("en", "Bollards guide")
    french = translate_object(guide, locales["fr"], lambda text: "Guide des bornes")
    promote("bollards", guide)  # promoted in English…
    # …shown in French as its French translation
    assert [p.page.pk for p in run_search("fr", q="bollards")["promotions"]] == [french.pk]
    # …and not at all where it has no translation
    assert run_search("it", q="bollards")["promotions"] == []


def test_promotions_leave_out_private_and_unpublished_pages(make_news):
    private = make_news("en", "Private bollards")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = make_news("en", "Old bollards")
    draft.unpublish()
    promote("bollards", private)
    promote("bollards", draft)
    assert run_search("en", q="bollards")["promotions"] == []


def test_promotions_follow_the_filters(make_news):
    guide = make_news("en", "Bollards guide", date=datetime.date(2024, 1, 1))
    promote("bollards", guide)
    assert run_search("en", q="bollards", type="event")["promotions"] == []
    assert run_search("en", q="bollards", year="2023")["promotions"] == []
    assert len(run_search("en", q="bollards", type="news", year="2024")["promotions"]) == 1


def test_promotions_only_on_the_first_page(make_news):
    for n in range(12):
        make_news("en", f"Bollards {n}")
    promote("bollards", make_news("en", "Guide"))
    assert len(run_search("en", q="bollards")["promotions"]) == 1
    assert run_search("en", q="bollards", page="2")["promotions"] == []


def test_external_link_promotions(make_news):
    promote(
        "efus",
        external_link_url="https://efus.eu/",
        external_link_text="European Forum for Urban Security",
    )
    [promoted] = run_search("en", q="Efus")["promotions"]
    assert promoted.url == "https://efus.eu/" and promoted.page is None


def test_promotions_are_rendered_first(client, make_news):
    make_news("en", "Bollards in Riga")
    promote("bollards", make_news("en", "Guide"))
    html = client.get("/en/search/", {"q": "bollards"}).content.decode()
    assert html.index("Guide") < html.index("in Riga")


def test_each_search_is_recorded_with_its_language(trees, make_news):
    make_news("en", "Bollards in Riga")
    run_search("en", q="Bollards")
    run_search("en", q="  bollards ")
    run_search("fr", q="bollards")
    run_search("en", q="turnstiles")
    stats = {
        (s.locale.language_code, s.query_string): (s.hits, s.results)
        for s in QueryStat.objects.select_related("locale")
    }
    assert stats == {
        ("en", "bollards"): (2, 1),
        ("fr", "bollards"): (1, 0),
        ("en", "turnstiles"): (1, 0),
    }
    assert QueryStat.objects.get(query_string="turnstiles").date == timezone.localdate()
    # Wagtail's own log, which the promotions admin offers as popular searches
    assert Query.get("bollards").hits == 3


def test_only_new_searches_are_recorded(trees, make_news):
    for n in range(12):
        make_news("en", f"Bollards {n}")
    run_search("en", q="bollards")
    run_search("en", q="bollards", page="2")  # paging through
    run_search("en", q="bollards", type="news")  # refining
    run_search("en", q="")
    run_search("en", q="   ")
    assert list(QueryStat.objects.values_list("query_string", "hits")) == [("bollards", 1)]


def test_only_queries_that_look_like_a_persons_are_counted(trees):
    """Issue 14, item 8: every distinct string a script sent added rows for ever."""
    not_counted = [
        "x" * 10_000,  # no word of a language
        "the of and",  # stop words only
        "2024 12 31",  # numbers only
        '"" ** !!',  # no word at all
        " ".join(f"word{n}" for n in range(9)),  # a paragraph, not a query
        "a" * 41 + " bollards",  # a "word" no language has
    ]
    for query in not_counted:
        run_search("en", q=query)
    run_search("en", q="Bollards in Riga 2024")
    assert list(QueryStat.objects.values_list("query_string", flat=True)) == [
        "bollards in riga 2024"
    ]
    assert list(Query.objects.values_list("query_string", flat=True)) == ["bollards in riga 2024"]


def test_distinct_queries_a_day_are_capped_and_counted_ones_go_on(trees, settings):
    settings.SEARCH_STATS_MAX_QUERIES_PER_DAY = 5
    run_search("en", q="bollards")
    for n in range(100):
        run_search("en", q=f"probe{n} words")
    run_search("en", q="bollards")
    run_search("fr", q="bornes")  # each language has its own allowance
    assert QueryStat.objects.filter(locale__language_code="en").count() == 5
    assert QueryStat.objects.get(query_string="bollards").hits == 2
    assert QueryStat.objects.filter(locale__language_code="fr").count() == 1
    assert Query.objects.count() == 6
    assert QueryDailyHits.objects.count() == 6


def test_purge_deletes_old_counts_and_wagtails_old_hits(trees, settings, locales):
    today = timezone.localdate()
    for days_ago in (0, 399, 400, 800):
        date = today - datetime.timedelta(days=days_ago)
        QueryStat.objects.create(locale=locales["en"], query_string=f"q{days_ago}", date=date)
        Query.get(f"q{days_ago}").add_hit(date=date)
    promote("q800", external_link_url="https://example.org/", external_link_text="Example")
    output = io.StringIO()
    call_command("purge_search_stats", stdout=output)
    assert "Deleted 2 daily search count(s) older than 400 days." in output.getvalue()
    assert sorted(QueryStat.objects.values_list("query_string", flat=True)) == ["q0", "q399"]
    assert list(QueryDailyHits.objects.values_list("query__query_string", flat=True)) == ["q0"]
    # Wagtail keeps a query that has a promotion, even without recent hits.
    assert sorted(Query.objects.values_list("query_string", flat=True)) == ["q0", "q800"]


@pytest.fixture
def stats(locales):
    today = timezone.localdate()
    rows = [
        ("en", "bollards", 0, 5, 3),
        ("en", "bollards", 40, 4, 3),
        ("en", "training", 0, 2, 0),
        ("fr", "bornes", 0, 7, 1),
        ("it", "sicurezza", 0, 1, 2),
    ]
    for code, query, days_ago, hits, results in rows:
        QueryStat.objects.create(
            locale=locales[code],
            query_string=query,
            date=today - datetime.timedelta(days=days_ago),
            hits=hits,
            results=results,
        )


def report_rows(client, **params):
    response = client.get("/admin/reports/search-queries/", params)
    assert response.status_code == 200
    return [(row["query_string"], row["searches"]) for row in response.context["object_list"]]


def test_admin_report_lists_the_most_frequent_queries(admin_client, stats):
    assert report_rows(admin_client) == [
        ("bollards", 9),
        ("bornes", 7),
        ("training", 2),
        ("sicurezza", 1),
    ]


def test_admin_report_filters_by_language_period_and_results(admin_client, stats, locales):
    assert report_rows(admin_client, locale=locales["fr"].pk) == [("bornes", 7)]
    assert report_rows(admin_client, locale=locales["en"].pk, period="30") == [
        ("bollards", 5),
        ("training", 2),
    ]
    assert report_rows(admin_client, no_results="true") == [("training", 2)]


def test_admin_report_results_fragment_and_export(admin_client, stats):
    response = admin_client.get("/admin/reports/search-queries/results/")
    assert response.status_code == 200
    assert "bollards" in response.content.decode()
    response = admin_client.get("/admin/reports/search-queries/", {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "bollards" in content and "en" in content


def test_admin_report_is_in_the_reports_menu(admin_client, stats):
    html = admin_client.get("/admin/").content.decode()
    assert "/admin/reports/search-queries/" in html


def test_admin_report_needs_the_search_promotions_permission(client, django_user_model, stats):
    user = django_user_model.objects.create_user("editor", password="a-long-password-1")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    response = client.get("/admin/reports/search-queries/")
    assert response.status_code == 302  # Wagtail sends users without permission away
    group = Group.objects.create(name="Search editors")
    group.permissions.add(
        Permission.objects.get(codename="add_searchpromotion"),
        Permission.objects.get(codename="access_admin"),
    )
    user.groups.add(group)
    assert client.get("/admin/reports/search-queries/").status_code == 200
