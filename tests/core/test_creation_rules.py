import pytest
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from home.models import ContactPage, HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from projects.models import ProjectIndexPage, ProjectPage


@pytest.mark.django_db
def test_editors_can_only_create_each_page_where_it_belongs(site_tree):
    home = site_tree["home"]
    assert set(home.specific_class.allowed_subpage_models()) == {
        ProjectIndexPage,
        NewsIndexPage,
        EventIndexPage,
        StandardPage,
        ContactPage,
    }
    assert ProjectPage.allowed_parent_page_models() == [ProjectIndexPage]
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert EventPage.allowed_parent_page_models() == [EventIndexPage]
    assert not NewsPage.can_create_at(site_tree["event_index"])
    assert not EventPage.can_create_at(site_tree["news_index"])
    assert not ProjectPage.can_create_at(home)
    assert EventPage.can_create_at(site_tree["event_index"])
    # Leaf pages take no children.
    for leaf in ("news", "event", "project", "contact"):
        assert site_tree[leaf].specific_class.allowed_subpage_models() == []
    # One index of each kind per home page.
    assert not NewsIndexPage.can_create_at(home)
    assert not ContactPage.can_create_at(home)
    # Home pages only at the top of a language tree.
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert not HomePage.can_create_at(home)


@pytest.mark.django_db
def test_admin_add_page_view_refuses_a_news_item_under_events(admin_client, site_tree):
    url = f"/admin/pages/add/news/newspage/{site_tree['event_index'].pk}/"
    response = admin_client.get(url, follow=True)
    assert response.redirect_chain, "the add form must not be offered"
    assert b"Sorry, you do not have permission" in response.content
    assert not NewsPage.objects.child_of(site_tree["event_index"]).exists()
    ok = admin_client.get(f"/admin/pages/add/news/newspage/{site_tree['news_index'].pk}/")
    assert ok.status_code == 200
