"""CSV exports never turn what visitors typed into formulas (OWASP CSV injection), and keep it."""

import pytest

from tests.events.conftest import csv_rows, register_and_confirm
from tests.factories import ContactFormFieldFactory
from tests.forms import contact_data

NASTY = {
    "name": '=HYPERLINK("http://evil.example", "Click")',
    "organisation": "+33 4 93 00 00 00",
}


@pytest.mark.django_db
def test_the_registrations_csv_neutralises_formulas_without_losing_them(
    client, admin_client, open_event
):
    register_and_confirm(client, open_event, email="ana@example.org", **NASTY)
    register_and_confirm(
        client, open_event, email="bo@example.org", name="@SUM(A1)", organisation="-2+3"
    )
    table = csv_rows(admin_client.get("/admin/registrations/", {"export": "csv"}))
    cells = {cell for row in table[1:] for cell in row}
    assert "'" + NASTY["name"] in cells and "'" + NASTY["organisation"] in cells
    assert {"'@SUM(A1)", "'-2+3"} <= cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


@pytest.mark.django_db
def test_the_contact_form_csv_neutralises_formulas(client, admin_client, site_tree):
    contact = site_tree["contact"]
    ContactFormFieldFactory(page=contact, label="Your e-mail", field_type="email", sort_order=1)
    client.post(
        "/en/contact/",
        contact_data(
            your_name="=1+2", your_e_mail="ana@example.org", your_message="-cmd|' /C calc'!A0"
        ),
    )
    table = csv_rows(admin_client.get(f"/admin/forms/submissions/{contact.pk}/", {"export": "csv"}))
    cells = {cell for row in table[1:] for cell in row}
    assert "'=1+2" in cells and "'-cmd|' /C calc'!A0" in cells
    assert "ana@example.org" in cells  # ordinary text untouched
