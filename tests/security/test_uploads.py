"""Upload limits (size, pixels, types; no SVG) and how documents are served."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png(width=20, height=20):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "red").save(buffer, "PNG")
    return buffer.getvalue()


def root_collection():
    return Collection.get_first_root_node().pk


def add_image(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Upload",
            "collection": root_collection(),
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def add_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Upload",
            "collection": root_collection(),
            "file": SimpleUploadedFile(name, content),
        },
    )


@pytest.mark.django_db
def test_a_normal_image_is_accepted(admin_client):
    response = add_image(admin_client, "photo.png", png())
    assert response.status_code == 302
    assert Image.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content_type",
    [("drawing.svg", "image/svg+xml"), ("drawing.png", "image/png")],
    ids=["svg", "svg-named-png"],
)
def test_svg_is_refused(admin_client, name, content_type):
    response = add_image(admin_client, name, SVG, content_type)
    assert response.status_code == 200  # the form again, with an error
    assert Image.objects.count() == 0


@pytest.mark.django_db
def test_an_image_too_big_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = add_image(admin_client, "photo.png", png(400, 400) + b"\0" * 2000)
    assert response.status_code == 200
    assert Image.objects.count() == 0


@pytest.mark.django_db
def test_an_image_with_too_many_pixels_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    response = add_image(admin_client, "photo.png", png(200, 200))
    assert response.status_code == 200
    assert Image.objects.count() == 0


def test_upload_limits_are_set(settings):
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 50_000_000
    assert settings.DOCUMENT_MAX_UPLOAD_SIZE <= 50 * 1024 * 1024
    for risky in ("html", "htm", "svg", "js", "xml", "xhtml", "exe", "swf"):
        assert risky not in settings.WAGTAILDOCS_EXTENSIONS


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "script.js"])
def test_risky_document_types_are_refused(admin_client, name):
    response = add_document(admin_client, name, b"<script>alert(1)</script>")
    assert response.status_code == 200
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_a_document_too_big_is_refused(admin_client, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1000
    response = add_document(admin_client, "report.pdf", b"%PDF-1.4\n" + b"0" * 2000)
    assert response.status_code == 200
    assert b"too big" in response.content
    assert Document.objects.count() == 0
    # The multiple uploader (drag and drop) is held to the same limit.
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("report.pdf", b"%PDF-1.4\n" + b"0" * 2000)},
    )
    assert Document.objects.count() == 0
    assert response.json()["success"] is False
    # A document under the limit goes through.
    assert add_document(admin_client, "small.pdf", b"%PDF-1.4\n").status_code == 302


def make_document(name, content):
    document = Document(title=name)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


@pytest.mark.django_db
def test_documents_are_served_through_django_as_attachments(client):
    text = make_document("notes.txt", b"<html><script>alert(1)</script></html>")
    response = client.get(text.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    csv = make_document("figures.csv", b"=HYPERLINK(1)")
    assert client.get(csv.url)["Content-Disposition"].startswith("attachment")
    # PDF alone opens in the browser (its viewer runs no page script).
    pdf = make_document("report.pdf", b"%PDF-1.4\n")
    response = client.get(pdf.url)
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert text.url.startswith("/documents/")  # through the view, not the media URL
