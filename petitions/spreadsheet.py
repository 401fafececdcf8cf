"""Wagtail's CSV and XLSX exports write cells as they are, so a signer who types
"=HYPERLINK(...)" as a name would become a formula in a spreadsheet (CSV
injection), and a control character would stop the XLSX export altogether.
This mixin makes every cell safe; it is the one place that does."""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The characters a spreadsheet file cannot hold (openpyxl refuses them): C0 controls but tab and newlines.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def neutralise_formula(value):
    """A cell a spreadsheet shows as text: control characters removed, a formula prefixed with an apostrophe."""
    if not isinstance(value, str):
        return value
    value = CONTROL_CHARACTERS.sub("", value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeCsvMixin:
    """For Wagtail's SpreadsheetExportMixin views."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))
