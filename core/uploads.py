"""Upload limits the Wagtail settings do not cover: the size of documents.

Images are limited by Wagtail itself (WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_IMAGE_PIXELS,
WAGTAILIMAGES_EXTENSIONS without SVG); documents by WAGTAILDOCS_EXTENSIONS and, here, by
DOCUMENT_MAX_UPLOAD_SIZE, through the base form of every document form (the single and the
multiple uploader: WAGTAILDOCS_DOCUMENT_FORM_BASE).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm


def validate_document_size(file):
    limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
    size = getattr(file, "size", None)
    if limit and size is not None and size > limit:
        raise ValidationError(
            _("This file is too big (%(size)s). The largest document accepted is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            validate_document_size(file)
        return file
