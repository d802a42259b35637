"""One test per class of Wagtail security advisory (2020–2026) that applies to this site,
each asserting the safe outcome, in the admin and on the public site:

- stored XSS through page titles (shown in the admin explorer, history, breadcrumbs);
- stored XSS through snippet names (Partner, City: admin listings, choosers, public pages);
- stored XSS through form-builder field labels and help text (the contact form);
- stored XSS through StreamField block values; TableBlock and RawHTMLBlock are not used
  (a test keeps it so: adding one needs its own test);
- `javascript:` URLs in rich-text links and in link blocks;
- editors reaching what their permissions do not cover: another language's page
  revisions, form submissions, images and documents, private documents, registrations.
"""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from core.blocks import RICH_TEXT_FEATURES, BodyBlock, CallToActionBlock
from projects.models import ProjectPartner
from tests.factories import (
    CityFactory,
    ContactFormFieldFactory,
    PartnerFactory,
    StandardPageFactory,
)
from tests.security.conftest import client_for

PAYLOAD = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert("


def assert_escaped(html, where):
    assert "<script>alert(" not in html, where
    assert "<img src=x onerror" not in html, where
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", ""), where


def refused(response):
    """Refused: 403, 404, or sent to the login page / the dashboard with a message."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and "/edit/" not in response["Location"]


# ------------------------------------------------------------------ stored XSS


@pytest.mark.django_db
def test_script_in_a_page_title_is_escaped(client, admin_client, site_tree):
    page = StandardPageFactory(parent=site_tree["home"], title=f"News {PAYLOAD}", slug="xss")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert_escaped(html, "public page")
    assert ESCAPED in html
    for url in (
        reverse("wagtailadmin_explore", args=[site_tree["home"].pk]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:delete", args=[page.pk]),
        "/admin/",
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url)
    # Search results and the sitemap show titles too.
    assert_escaped(client.get("/en/search/?q=News").content.decode(), "search")


@pytest.mark.django_db
def test_script_in_snippet_names_is_escaped(client, admin_client, site_tree):
    partner = PartnerFactory(name=f"Partner {PAYLOAD}", short_name=f"P {PAYLOAD}")
    partner.save_revision().publish()
    city = CityFactory(name=f"City {PAYLOAD}")
    city.save_revision().publish()
    project = site_tree["project"]
    ProjectPartner.objects.create(page=project, partner=partner, sort_order=0)
    project.save_revision().publish()
    assert_escaped(client.get(project.url).content.decode(), "project page")
    for model in ("partner", "city"):
        for url in (
            reverse(f"wagtailsnippets_partners_{model}:list"),
            reverse(f"wagtailsnippetchoosers_partners_{model}:choose"),
        ):
            response = admin_client.get(url)
            assert response.status_code == 200, url
            assert_escaped(response.content.decode(), url)
    edit = reverse("wagtailsnippets_partners_partner:edit", args=[partner.pk])
    assert_escaped(admin_client.get(edit).content.decode(), edit)


@pytest.mark.django_db
def test_script_in_form_field_labels_and_help_text_is_escaped(client, admin_client, site_tree):
    contact = site_tree["contact"]
    ContactFormFieldFactory(
        page=contact, label=f"Town {PAYLOAD}", help_text=f"Help {PAYLOAD}", required=False
    )
    html = client.get(contact.url).content.decode()
    assert "Help &lt;script&gt;" in html
    assert_escaped(html, "contact page")
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[contact.pk]))
    assert_escaped(edit.content.decode(), "contact page editor")


@pytest.mark.django_db
def test_script_in_streamfield_blocks_is_escaped(client, site_tree):
    body = [
        {"type": "heading", "value": {"text": PAYLOAD, "level": "h2"}},
        {"type": "quote", "value": {"quote": PAYLOAD, "attribution": PAYLOAD}},
        {
            "type": "call_to_action",
            "value": {
                "title": PAYLOAD,
                "text": PAYLOAD,
                "page": None,
                "url": "https://example.org/",
                "button_text": PAYLOAD,
            },
        },
    ]
    page = StandardPageFactory(parent=site_tree["home"], slug="blocks", body=json.dumps(body))
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert html.count(ESCAPED) >= 5
    assert_escaped(html, "StreamField page")


def test_no_raw_html_or_table_block_is_offered():
    """TableBlock (advisories on its cell and caption HTML) and RawHTMLBlock let editors
    write markup: neither is offered; adding one needs tests of its own."""
    from wagtail.blocks import RawHTMLBlock
    from wagtail.contrib.table_block.blocks import TableBlock

    for name, block in BodyBlock().child_blocks.items():
        assert not isinstance(block, (RawHTMLBlock, TableBlock)), name


# ------------------------------------------------------------------ javascript: links


def contentstate(url):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": "Click here <script>alert(1)</script>",
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 10, "key": 0}],
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,x"],
)
def test_javascript_links_in_rich_text_are_dropped(client, site_tree, url):
    """What the rich-text editor sends is converted to the stored HTML by Wagtail's
    converter, which keeps only safe link schemes; the page shows no such link."""
    stored = ContentstateConverter(features=RICH_TEXT_FEATURES).to_database_format(
        contentstate(url)
    )
    assert "javascript:" not in stored.lower()
    assert "data:" not in stored.lower()
    assert "<script>" not in stored
    page = StandardPageFactory(
        parent=site_tree["home"],
        slug="links",
        body=json.dumps([{"type": "paragraph", "value": stored}]),
    )
    page.save_revision().publish()
    html = client.get(page.url).content.decode().lower()
    assert 'href="javascript:' not in html
    assert 'href=" javascript:' not in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>x</script>"])
def test_javascript_urls_are_refused_in_link_blocks(url):
    block = CallToActionBlock()
    value = block.to_python({"title": "Go", "url": url, "button_text": "Go", "page": None})
    with pytest.raises(ValidationError):
        block.clean(value)


# ------------------------------------------------------------------ permissions


@pytest.fixture
def italian_page(translated_site):
    page = translated_site["standard"].get_translation(
        translated_site["standard"].locale.__class__.objects.get(language_code="it")
    )
    page.title = "Chi siamo (bozza)"
    revision = page.save_revision()
    return page, revision


@pytest.mark.django_db
def test_a_translator_cannot_reach_another_languages_revisions(translator_fr, italian_page):
    page, revision = italian_page
    client = client_for(translator_fr)
    for url in (
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]),
        reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[page.pk, "live", revision.pk],
        ),
        reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
    ):
        response = client.get(url)
        assert refused(response), (url, response.status_code)
        assert b"Chi siamo (bozza)" not in response.content, url


@pytest.mark.django_db
def test_a_translator_reaches_their_own_languages_revisions(translator_fr, translated_site):
    french = translated_site["standard"].get_translation(
        translated_site["standard"].locale.__class__.objects.get(language_code="fr")
    )
    revision = french.save_revision()
    response = client_for(translator_fr).get(
        reverse("wagtailadmin_pages:revisions_view", args=[french.pk, revision.pk])
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_only_staff_read_form_submissions(translator_fr, editor, translated_site, locales):
    french_contact = translated_site["contact"].get_translation(locales["fr"])
    french_contact.specific.get_submission_class().objects.create(
        page=french_contact, form_data={"your_name": "Marie Secret"}
    )
    url = reverse("wagtailforms:list_submissions", args=[french_contact.pk])
    translator = client_for(translator_fr)
    response = translator.get(url)
    assert refused(response), response.status_code
    assert b"Marie Secret" not in response.content
    forms_index = translator.get(reverse("wagtailforms:index"))
    assert b"Marie Secret" not in forms_index.content
    assert french_contact.title.encode() not in forms_index.content
    export = translator.get(url + "?export=csv")
    assert b"Marie Secret" not in export.content
    # Editors do read them.
    response = client_for(editor).get(url)
    assert response.status_code == 200
    assert b"Marie Secret" in response.content


@pytest.mark.django_db
def test_a_translator_cannot_edit_or_delete_images_and_documents(translator_fr, settings, tmp_path):
    from wagtail.images.models import Image

    from tests.security.test_uploads import png

    settings.MEDIA_ROOT = tmp_path
    image = Image.objects.create(
        title="Secret plan", file=SimpleUploadedFile("plan.png", png()), width=20, height=20
    )
    document = Document(title="Internal memo")
    document.file.save("memo.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()
    client = client_for(translator_fr)
    for url in (
        reverse("wagtailimages:edit", args=[image.pk]),
        reverse("wagtailimages:delete", args=[image.pk]),
        reverse("wagtailimages:add"),
        reverse("wagtaildocs:edit", args=[document.pk]),
        reverse("wagtaildocs:delete", args=[document.pk]),
        reverse("wagtaildocs:index"),
    ):
        assert refused(client.get(url)), url
    assert refused(client.post(reverse("wagtailimages:delete", args=[image.pk])))
    assert Image.objects.filter(pk=image.pk).exists()
    assert refused(client.post(reverse("wagtaildocs:delete", args=[document.pk])))
    assert Document.objects.filter(pk=document.pk).exists()


@pytest.mark.django_db
def test_private_documents_need_a_login(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    root = Collection.get_first_root_node()
    private = root.add_child(name="Partners only")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document(title="Minutes", collection=private)
    document.file.save("minutes.pdf", ContentFile(b"%PDF-1.4\nsecret"), save=False)
    document.save()
    response = client.get(document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    # Nor through the API, which lists public documents.
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404
    public = Document(title="Leaflet")
    public.file.save("leaflet.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    public.save()
    assert client.get(f"/api/v2/documents/{public.pk}/").status_code == 200
    listing = client.get("/api/v2/documents/").json()
    assert [item["id"] for item in listing["items"]] == [public.pk]


@pytest.mark.django_db
def test_translators_do_not_reach_registrations(translator_fr):
    client = client_for(translator_fr)
    assert refused(client.get("/admin/registrations/"))
    assert refused(client.get("/admin/registrations/?export=csv"))
