import pytest
from wagtail.models import PageViewRestriction


@pytest.mark.django_db
def test_api_pages_filterable_by_type_and_locale(client, translated_site):
    response = client.get(
        "/api/v2/pages/", {"type": "news.NewsPage", "locale": "fr", "fields": "date,summary"}
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 1
    assert items[0]["meta"]["locale"] == "fr"
    assert items[0]["title"] == f"[fr] {translated_site['news'].title}"
    assert items[0]["summary"] == f"[fr] {translated_site['news'].summary}"
    events = client.get(
        "/api/v2/pages/", {"type": "events.EventPage", "fields": "start,end,status"}
    ).json()
    assert events["meta"]["total_count"] == 4  # one event in each language
    assert {"start", "end", "status"} <= set(events["items"][0])


@pytest.mark.django_db
def test_api_exposes_only_live_public_pages(client, site_tree):
    draft = site_tree["standard"]
    draft.unpublish()
    PageViewRestriction.objects.create(page=site_tree["news"], restriction_type="login")
    listed = {item["id"] for item in client.get("/api/v2/pages/").json()["items"]}
    assert draft.pk not in listed
    assert site_tree["news"].pk not in listed
    assert site_tree["event"].pk in listed
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


@pytest.mark.django_db
def test_api_images_and_documents_endpoints(client):
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


@pytest.mark.django_db
def test_api_locale_filter_leaves_out_unpublished_translations(client, translated_site):
    from wagtail.models import Page, Site

    news = translated_site["news"]
    french = Page.objects.get(translation_key=news.translation_key, locale__language_code="fr")
    french.unpublish()
    items = client.get("/api/v2/pages/", {"type": "news.NewsPage", "locale": "fr"}).json()
    assert items["meta"]["total_count"] == 0
    italian = client.get("/api/v2/pages/", {"type": "news.NewsPage", "locale": "it"}).json()
    [item] = italian["items"]
    site_url = Site.objects.get(is_default_site=True).root_url
    assert item["meta"]["html_url"] == f"{site_url}/it{news.url.removeprefix('/en')}"
    assert client.get(f"/api/v2/pages/{french.pk}/").status_code == 404


@pytest.mark.django_db
def test_api_hides_private_pages_and_their_children(client, site_tree):
    from tests.factories import NewsPageFactory

    index = site_tree["news_index"]
    PageViewRestriction.objects.create(page=index, restriction_type="password", password="x")
    child = NewsPageFactory(parent=index, slug="behind-a-password")
    listed = {item["id"] for item in client.get("/api/v2/pages/", {"limit": 20}).json()["items"]}
    assert index.pk not in listed
    assert child.pk not in listed
    assert site_tree["news"].pk not in listed
    assert client.get(f"/api/v2/pages/{index.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{child.pk}/").status_code == 404
    news = client.get("/api/v2/pages/", {"type": "news.NewsPage"}).json()
    assert news["meta"]["total_count"] == 0


@pytest.mark.django_db
def test_api_lists_images_and_documents_but_not_private_collections(client):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Collection, CollectionViewRestriction

    root = Collection.get_first_root_node()
    private = root.add_child(name="Partners only")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type="password", password="x"
    )
    image = Image.objects.create(title="Nice seafront", file=get_test_image_file())
    hidden_image = Image.objects.create(
        title="Draft poster", file=get_test_image_file(), collection=private
    )
    document = Document.objects.create(
        title="Final report", file=ContentFile(b"%PDF-1.4", name="report.pdf")
    )
    hidden_document = Document.objects.create(
        title="Budget", file=ContentFile(b"%PDF-1.4", name="budget.pdf"), collection=private
    )

    images = client.get("/api/v2/images/").json()
    assert [item["title"] for item in images["items"]] == ["Nice seafront"]
    assert images["items"][0]["id"] == image.pk
    assert client.get(f"/api/v2/images/{hidden_image.pk}/").status_code == 404
    documents = client.get("/api/v2/documents/").json()
    assert [item["title"] for item in documents["items"]] == ["Final report"]
    assert "/documents/" in documents["items"][0]["meta"]["download_url"]
    assert documents["items"][0]["id"] == document.pk
    assert client.get(f"/api/v2/documents/{hidden_document.pk}/").status_code == 404
