"""The cells of every CSV and XLSX the platform writes: text that a spreadsheet program would
take for a formula is written as text, with a leading apostrophe (OWASP's advice on CSV
injection). Every writer goes through `spreadsheet_value`, by way of `csv_row`, `xlsx_cell` or,
for every Wagtail export (its own reports and ours), `wagtail_exports_neutralise`."""

from collections.abc import Iterable
from typing import Any

from django.utils.functional import Promise
from openpyxl.cell import Cell, WriteOnlyCell

# Spreadsheet programs start a formula with these (＝＋－＠ in full width too); a tab or a
# carriage return in front can hide one. Spaces in front do not.
FORMULA_STARTS = frozenset("=+-@＝＋－＠")
HIDING_STARTS = frozenset("\t\r")
QUOTE = "'"


def _reads_as_formula(text: str) -> bool:
    # Apostrophes in front are skipped, so that a text which already starts with one before a
    # formula gets one more: then spreadsheet_value_restore is the exact inverse.
    text = text.lstrip(QUOTE)
    return text[:1] in HIDING_STARTS or text.lstrip()[:1] in FORMULA_STARTS


def spreadsheet_value(value: Any) -> Any:
    """`value` as a cell may hold it: a text that would be read as a formula (its first
    character, after any spaces, is = + - @, their full-width forms, a tab or a carriage
    return) gets a leading apostrophe; numbers, dates, booleans and None are left as they
    are, so a negative number stays a number."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and _reads_as_formula(value):
        return QUOTE + value
    return value


def spreadsheet_value_restore(value: Any) -> Any:
    """The inverse of `spreadsheet_value`, for a file the platform reads back (checklist XLSX):
    takes off the apostrophe that `spreadsheet_value` would have added, and nothing else."""
    if isinstance(value, str) and value.startswith(QUOTE) and _reads_as_formula(value[1:]):
        return value[1:]
    return value


def csv_row(values: Iterable[Any]) -> list[Any]:
    """A row for `csv.writer(...).writerow`, each value through `spreadsheet_value`."""
    return [spreadsheet_value(value) for value in values]


def xlsx_cell(sheet: Any, value: Any) -> Cell:
    """A cell for `sheet.append` (write-only or not) holding `value` through
    `spreadsheet_value`; text is typed as text, never as a formula."""
    cell = WriteOnlyCell(sheet, spreadsheet_value(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell


def xlsx_row(sheet: Any, values: Iterable[Any]) -> list[Cell]:
    return [xlsx_cell(sheet, value) for value in values]


def wagtail_exports_neutralise() -> None:
    """Every view with Wagtail's `SpreadsheetExportMixin` (the admin's own reports: aging and
    locked pages, site history, workflows, redirects, form submissions; and the platform's
    listings with `list_export`) writes each cell through `spreadsheet_value`. Done once, on the
    mixin itself, from this app's `ready`, so a view added later, ours or Wagtail's, is covered
    without anyone remembering to."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralised", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_value(original(self, field, value, export_format))

    preprocess_field_value.neutralised = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
