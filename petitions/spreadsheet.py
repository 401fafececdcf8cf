"""Wagtail's CSV export writes cells as they are, so a signer who types
"=HYPERLINK(...)" as a name would become a formula in a spreadsheet (CSV
injection). This mixin neutralises such cells; it is the one place that does."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Prefix a cell that a spreadsheet would read as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeCsvMixin:
    """For Wagtail's SpreadsheetExportMixin views."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))
