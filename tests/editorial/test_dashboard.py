"""The dashboard shows a translator their pending work, and editors what is in review."""

import pytest

from tests.editorial.conftest import client_for


@pytest.mark.django_db
def test_translator_sees_out_of_date_and_missing_italian_work(small_site, partner, translator_it):
    news = small_site["news"]
    news.summary = "A completely new summary."
    news.save_revision().publish()
    response = client_for(translator_it).get("/admin/")
    html = response.content.decode()
    assert "Your translation work" in html
    assert news.title in html  # out of date
    assert "Summary" in html  # what changed
    assert "PACTESUR2" in html  # the project page has no Italian version
    assert "/admin/editorial/translation-status/?language=it" in html
    assert "[fr]" not in html  # nothing of the French work


@pytest.mark.django_db
def test_translator_with_nothing_to_do(locales, translator_it):
    from wagtail.models import Page

    Page.objects.filter(depth__gt=1).delete()  # Wagtail's welcome page and its aliases
    html = client_for(translator_it).get("/admin/").content.decode()
    assert "All translations into Italiano are up to date." in html


@pytest.mark.django_db
def test_editors_do_not_get_the_translator_panel(small_site, editor):
    html = client_for(editor).get("/admin/").content.decode()
    assert "Your translation work" not in html
