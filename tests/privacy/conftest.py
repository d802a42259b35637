import pytest

from tests import factories
from tests.events.conftest import open_event, register_data  # noqa: F401 - fixtures

CONTACT_URL = "/en/contact/"


@pytest.fixture
def contact(site_tree):
    """The test contact form, with an e-mail field: your_name, your_e_mail, your_message."""
    page = site_tree["contact"]
    factories.ContactFormFieldFactory(
        page=page, label="Your e-mail", field_type="email", required=True, sort_order=1
    )
    return page
