"""`manage.py editorial_help_text_report` lists the content fields without help text."""

import io

from django.core.management import call_command

from editorial.management.commands.editorial_help_text_report import fields_without_help_text


def test_report_lists_fields_without_help_text_only():
    missing = {(label, name) for label, name, _verbose in fields_without_help_text()}
    assert ("partners.Partner", "name") not in missing  # has help text
    assert ("news.NewsPage", "summary") not in missing
    assert all(not name.endswith("_ptr") and name != "translation_key" for _l, name in missing)
    out = io.StringIO()
    call_command("editorial_help_text_report", stdout=out)
    assert out.getvalue().rstrip().endswith("field(s) without help text.")
