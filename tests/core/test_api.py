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
