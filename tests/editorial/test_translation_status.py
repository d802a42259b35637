"""The translation status report: statuses, changed fields, filters, one-click updates."""

import pytest
from django.urls import reverse

from editorial import status as st
from editorial.models import PendingSourceChange
from partners.models import City
from tests.editorial.conftest import client_for, make_user
from tests.editorial.test_page_permissions import assert_refused

REPORT = "/admin/editorial/translation-status/"
UPDATE = "/admin/editorial/translation-status/update/"
TRANSLATE = "/admin/editorial/translation-status/translate/"


def rows_by(obj):
    """{language code: StatusRow} of one object."""
    return {
        row.locale.language_code: row
        for row in st.build_rows()
        if row.item.source.translation_key == obj.translation_key
    }


def change_and_publish(page_or_snippet, **values):
    for name, value in values.items():
        setattr(page_or_snippet, name, value)
    page_or_snippet.save_revision().publish()
    page_or_snippet.refresh_from_db()


@pytest.fixture
def content(small_site, partner, city):
    return {**small_site, "partner": partner, "city": city}


@pytest.mark.django_db
def test_statuses_of_a_freshly_translated_site(content):
    news = rows_by(content["news"])
    assert set(news) == {"fr", "it", "es"}
    assert news["fr"].status == news["it"].status == st.UP_TO_DATE
    assert news["es"].status == st.MISSING
    assert news["fr"].item.section.key == "news"
    city = rows_by(content["city"]["en"])
    assert (city["fr"].status, city["it"].status) == (st.UP_TO_DATE, st.MISSING)
    assert city["fr"].item.section.label == "Cities"
    assert rows_by(content["partner"]["en"])["it"].item.section.label == "Partners"
    assert rows_by(content["project"])["fr"].item.section.key == "projects"
    assert rows_by(content["standard"])["fr"].item.section.key == "pages"


@pytest.mark.django_db
def test_publishing_the_source_marks_translations_out_of_date_naming_the_fields(content):
    news = content["news"]
    change_and_publish(news, summary="A completely new summary.")
    rows = rows_by(news)
    for code in ("fr", "it"):
        assert rows[code].status == st.OUT_OF_DATE
        [change] = rows[code].changes
        assert (change.name, str(change.label), change.new_texts) == ("summary", "Summary", 1)
    partner = content["partner"]["en"]
    change_and_publish(partner, website="https://www.nice.fr/")
    [change] = rows_by(partner)["fr"].changes
    assert change.name == "website"


@pytest.mark.django_db
def test_streamfield_changes_name_the_blocks(content):
    about = content["standard"]
    about.body = [{"type": "heading", "value": {"text": "Who we are", "level": 2}}]
    about.save_revision().publish()
    [change] = rows_by(about)["fr"].changes
    assert change.name == "body" and change.parts == ("Heading",) and change.new_texts == 1


@pytest.mark.django_db
def test_report_lists_every_language_for_editors(content, editor):
    response = client_for(editor).get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Translation status" in html
    rows = [row for row in response.context["rows"] if row.item.source.locale.language_code == "en"]
    assert {row.locale.language_code for row in rows} == {"fr", "it", "es"}


@pytest.mark.django_db
def test_translator_sees_their_language_first_and_may_see_all(content, translator_it):
    client = client_for(translator_it)
    rows = list(client.get(REPORT).context["rows"])
    assert {row.locale.language_code for row in rows} == {"it"}
    rows = list(client.get(REPORT, {"language": ""}).context["rows"])
    assert {row.locale.language_code for row in rows} == {"it", "fr", "es"}
    assert rows[0].locale.language_code == "it"


@pytest.mark.django_db
def test_filters_by_language_section_and_status(content, editor):
    change_and_publish(content["news"], summary="New summary.")
    client = client_for(editor)
    rows = list(
        client.get(REPORT, {"language": "fr", "section": "news", "status": "out_of_date"}).context[
            "rows"
        ]
    )
    assert [(row.item.source.pk, row.locale.language_code) for row in rows] == [
        (content["news"].pk, "fr")
    ]
    rows = list(client.get(REPORT, {"section": "cities"}).context["rows"])
    assert {type(row.item.source) for row in rows} == {City}
    rows = list(client.get(REPORT, {"q": "about"}).context["rows"])
    assert {row.item.source.pk for row in rows} == {content["standard"].pk}


@pytest.mark.django_db
def test_update_one_row_keeps_translated_texts_and_names_what_remains(
    content, translator_it, locales, django_capture_on_commit_callbacks
):
    news = content["news"]
    change_and_publish(news, summary="A completely new summary.")
    italian = rows_by(news)["it"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(translator_it).post(UPDATE, {"row": italian.update_key})
    assert response.status_code == 302
    rows = rows_by(news)
    # Italian: in step with the source, the new summary waits for its translation.
    assert rows["it"].status == st.INCOMPLETE and rows["it"].untranslated == 1
    italian_page = news.get_translation(locales["it"])
    assert italian_page.title == f"[it] {news.title}"  # kept what the translator wrote
    assert italian_page.summary == "A completely new summary."  # the source text meanwhile
    # French was not updated: still out of date, and the report still names the field.
    assert rows["fr"].status == st.OUT_OF_DATE
    assert [change.name for change in rows["fr"].changes] == ["summary"]
    assert news.get_translation(locales["fr"]).summary == "[fr] What happened."


@pytest.mark.django_db
def test_update_all_selected_rows(content, editor, django_capture_on_commit_callbacks):
    news, partner = content["news"], content["partner"]["en"]
    change_and_publish(news, summary="A completely new summary.")
    change_and_publish(partner, website="https://www.nice.fr/")
    keys = [
        row.update_key for obj in (news, partner) for row in rows_by(obj).values() if row.can_update
    ]
    assert len(keys) == 4
    with django_capture_on_commit_callbacks(execute=True):
        client_for(editor).post(UPDATE, {"rows": keys})
    assert {row.status for row in rows_by(news).values() if row.locale.language_code != "es"} == {
        st.INCOMPLETE
    }
    assert {
        row.status for row in rows_by(partner).values() if row.locale.language_code != "es"
    } == {st.UP_TO_DATE}
    assert content["partner"]["fr"].__class__.objects.get(
        pk=content["partner"]["fr"].pk
    ).website == ("https://www.nice.fr/")
    assert not PendingSourceChange.objects.exists()


@pytest.mark.django_db
def test_translator_cannot_update_another_language(content, translator_it, locales):
    news = content["news"]
    change_and_publish(news, summary="A completely new summary.")
    french = rows_by(news)["fr"]
    response = client_for(translator_it).post(UPDATE, {"row": french.update_key}, follow=True)
    assert "You may not update" in response.content.decode()
    assert rows_by(news)["fr"].status == st.OUT_OF_DATE
    assert news.get_translation(locales["fr"]).summary == "[fr] What happened."


@pytest.mark.django_db
def test_sync_without_publishing_keeps_the_translations_out_of_date(
    content, editor, django_capture_on_commit_callbacks
):
    """wagtail-localize's own "Sync translated pages" without "Publish immediately" refreshes
    the source but not the translations: they stay out of date, with the changed field."""
    news = content["news"]
    change_and_publish(news, summary="A completely new summary.")
    source_id = rows_by(news)["fr"].translation.source_id
    with django_capture_on_commit_callbacks(execute=True):
        client_for(editor).post(reverse("wagtail_localize:update_translations", args=[source_id]))
    rows = rows_by(news)
    assert rows["fr"].status == st.OUT_OF_DATE
    assert [change.name for change in rows["fr"].changes] == ["summary"]


@pytest.mark.django_db
def test_untranslated_alias_is_reported_as_missing(content, locales):
    about = content["standard"]
    about.copy_for_translation(locales["es"], copy_parents=True, alias=True)
    row = rows_by(about)["es"]
    assert row.status == st.MISSING
    assert row.target is not None and row.target.alias_of_id == about.pk
    assert "English" in str(row.note)


@pytest.mark.django_db
def test_translator_starts_a_missing_translation_of_their_language(content, translator_it, locales):
    city = content["city"]["en"]
    key = rows_by(city)["it"].start_key
    response = client_for(translator_it).post(TRANSLATE, {"source": key})
    italian = city.get_translation(locales["it"])
    assert response.status_code == 302
    assert response["Location"] == f"/admin/snippets/partners/city/edit/{italian.pk}/"
    assert rows_by(city)["it"].status == st.INCOMPLETE
    es_key = rows_by(city)["es"].start_key
    assert_refused(client_for(translator_it).post(TRANSLATE, {"source": es_key}))
    assert city.get_translation_or_none(locales["es"]) is None


@pytest.mark.django_db
def test_report_is_for_editorial_roles_only(content):
    nobody = make_user("visitor-with-admin")
    nobody.is_staff = True
    nobody.save()
    from django.contrib.auth.models import Permission

    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert_refused(client_for(nobody).get(REPORT))
    assert_refused(client_for(nobody).post(UPDATE, {"row": "x:1"}))


@pytest.mark.django_db
def test_report_is_in_the_reports_menu(content, translator_it):
    html = client_for(translator_it).get("/admin/").content.decode()
    assert REPORT in html
