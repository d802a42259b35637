"""Admin views of the contact form."""

from wagtail.contrib.forms.views import SubmissionsListView

from core.exports import FormulaSafeCsvMixin


class ContactSubmissionsListView(FormulaSafeCsvMixin, SubmissionsListView):
    """The submissions listing and its CSV, where visitors' text never becomes a formula."""
