"""The cells of every CSV and XLSX: a text a spreadsheet program would take for a formula is
written as text with a leading apostrophe, numbers stay numbers, the checklist reader can take
the apostrophe off again, and every writer of the platform goes through it."""

import ast
import csv
import datetime
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy
from hypothesis import given
from hypothesis import strategies as st

from lms.exports.spreadsheets import (
    csv_row,
    spreadsheet_value,
    spreadsheet_value_restore,
    xlsx_cell,
    xlsx_row,
)

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("lms", "courses", "certification")


@pytest.mark.parametrize("text", [
    '=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\rcmd",
    "＝1+1", "＋1", "－1", "＠SUM(A1)",
])
def test_a_text_starting_like_a_formula_gets_an_apostrophe(text):
    assert spreadsheet_value(text) == "'" + text


@pytest.mark.parametrize("text", ["  =1+1", "\u00a0+1", "\u3000@A1", " \t-1", "\n=1"])
def test_spaces_in_front_do_not_hide_a_formula(text):
    assert spreadsheet_value(text) == "'" + text


@pytest.mark.parametrize("text", [
    "Hợp tác xã Vải thiều", "a=1", "1+1", "x@y.vn", "", "  ", "Nguyễn - An", "#N/A",
    "'quoted", "2025-06-01",
])
def test_other_texts_are_left_as_they_are(text):
    assert spreadsheet_value(text) == text


@pytest.mark.parametrize("value", [
    -3, 0, 7, -2.5, Decimal("-1.50"), True, None,
    datetime.date(2025, 6, 1), datetime.datetime(2025, 6, 1, 12, 30),
])
def test_numbers_dates_and_empty_cells_are_not_touched(value):
    assert spreadsheet_value(value) is value


def test_a_lazy_translation_is_written_as_its_text():
    with translation.override("en"):
        value = spreadsheet_value(gettext_lazy("Learners"))

    assert type(value) is str and value == "Learners"


def test_a_text_with_an_apostrophe_before_a_formula_gets_one_more():
    assert spreadsheet_value("'=1+1") == "''=1+1"
    assert spreadsheet_value_restore("''=1+1") == "'=1+1"


@pytest.mark.parametrize("text", ["'quoted", "'", "'1+1", " '=1"])
def test_restore_takes_off_only_an_apostrophe_put_before_a_formula(text):
    assert spreadsheet_value_restore(text) == text


formula_like = st.text(alphabet="=+-@＝＋－＠'\t\r \u3000ax1", max_size=8)


@given(text=formula_like | st.text(max_size=12))
def test_restore_undoes_exactly_what_was_added(text):
    written = spreadsheet_value(text)

    assert spreadsheet_value_restore(written) == text
    assert written == text or written == "'" + text


def test_a_csv_row_reads_as_text_where_it_would_be_a_formula():
    buffer = io.StringIO()
    csv.writer(buffer).writerow(csv_row(['=HYPERLINK("http://x","y")', "+1+1", -3, 2.5, None]))

    assert list(csv.reader(io.StringIO(buffer.getvalue()))) == [
        ['\'=HYPERLINK("http://x","y")', "'+1+1", "-3", "2.5", ""]]


@pytest.mark.parametrize("write_only", [True, False])
def test_an_xlsx_cell_is_text_and_a_negative_number_stays_a_number(write_only):
    workbook = openpyxl.Workbook(write_only=write_only)
    sheet = workbook.create_sheet("Sheet") if write_only else workbook.active
    sheet.append(xlsx_row(sheet, ["=1+1", "@SUM(A1)", "-5", -5, Decimal("-1.5"), "An"]))
    buffer = io.BytesIO()
    workbook.save(buffer)

    cells = next(openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
    assert [cell.value for cell in cells] == ["'=1+1", "'@SUM(A1)", "'-5", -5, -1.5, "An"]
    assert [cell.data_type for cell in cells] == ["s", "s", "s", "n", "n", "s"]


def test_an_xlsx_cell_of_an_error_looking_text_is_still_text():
    assert xlsx_cell(None, "#N/A").data_type == "s"


# --- every writer goes through it -----------------------------------------------------------


def _platform_modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    names |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
              for alias in node.names}
    return names


def test_every_module_writing_csv_or_xlsx_uses_the_shared_cells():
    writers = [path for path in _platform_modules()
               if any(name == "csv" or name.split(".")[0] in ("openpyxl", "xlsxwriter")
                      for name in _imports(path))]
    spreadsheets = ROOT / "lms" / "exports" / "spreadsheets.py"

    assert writers  # the dashboards and the checklists at least
    assert [path.relative_to(ROOT).as_posix() for path in writers
            if path != spreadsheets
            and "lms.exports.spreadsheets" not in _imports(path)] == []


def test_every_wagtail_export_goes_through_the_shared_cells():
    """The mixin every Wagtail export uses (its own reports and ours) is the neutralised one."""
    from wagtail import hooks
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    hooks.search_for_hooks()
    assert getattr(SpreadsheetExportMixin.preprocess_field_value, "neutralised", False)


@pytest.mark.django_db
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_wagtail_s_own_report_writes_a_formula_looking_page_title_as_text(
        client, site_admin, export_format):
    """What was tried: the admin's reports (here "Locked pages") exported a page titled like a
    formula as a live formula in their CSV."""
    from django.utils import timezone
    from wagtail.models import Page

    home = Page.objects.get(depth=2)
    title = '=HYPERLINK("http://evil.example","Bấm vào")'
    home.add_child(instance=Page(title=title, slug="cong-thuc", live=True, locked=True,
                                 locked_by=site_admin, locked_at=timezone.now()))
    client.force_login(site_admin)

    response = client.get(f"/admin/reports/locked/?export={export_format}")

    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        titles = [row[0] for row in csv.reader(io.StringIO(content.decode("utf-8-sig")))]
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        titles = [row[0].value for row in sheet.iter_rows()]
        assert all(row[0].data_type != "f" for row in sheet.iter_rows())
    assert "'" + title in titles
    assert title not in titles
