"""Spreadsheet exports that cannot run what visitors typed (CSV injection).

A registrant or contact named `=HYPERLINK("http://evil", "Click")` must not become a formula
when staff open the export in a spreadsheet. Following OWASP's CSV injection guidance, a text
cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a single
quote in front: spreadsheets show it as text, and nothing is lost (the quote is the only
change). Wagtail's XLSX export already writes such cells as text; this covers its CSV.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """`value` as a spreadsheet reads it as text, unchanged otherwise."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeCsvMixin:
    """For views with Wagtail's SpreadsheetExportMixin (listings, form submissions)."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: neutralise(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )
