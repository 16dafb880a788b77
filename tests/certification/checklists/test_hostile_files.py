"""Hostile checklist files and answer sheets are refused with a message, quickly and without
taking much memory: YAML aliases that stand for a billion values, deep nesting, tags, numbers
too long to read; zip bombs and workbooks too big or strange to be a checklist. Nothing of them
is imported and the admin answers with the message, never a 500."""

import io
import re
import time
import zipfile

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from certification.checklists.answer_sheets import AnswerSheetError, read_answer_sheet
from certification.checklists.files import (
    ChecklistFileError,
    dump_xlsx,
    parse_yaml,
    read_checklist,
)
from certification.models import Standard, StandardVersion
from certification.scoring import ALL_MANDATORY, ControlPointSpec
from tests.certification.checklists.test_admin_views import login, text, url
from tests.factories.checklists import vietgap_dict

TIME_LIMIT = 5  # seconds, generous: each of these is refused in a second or two at most


def billion_laughs(indent: str = "  ") -> str:
    """Nine levels of ten aliases: 10**9 "lol"s from 12 lines (a0 to a9, inside ``bomb``)."""
    lines = [f'{indent}a0: &a0 [{", ".join(["lol"] * 10)}]']
    lines += [f'{indent}a{level}: &a{level} [{", ".join([f"*a{level - 1}"] * 10)}]'
              for level in range(1, 10)]
    return "\n".join(lines)


# A field read as a text: the old reader quoted the expanded value in its message.
CHECKLIST_BOMB = f"format: 1\nbomb:\n{billion_laughs()}\nversion: {{label: *a9}}\n"
SHEET_BOMB = f'bomb:\n{billion_laughs()}\nanswers: {{"AF.1": *a9}}\n'
DEEP_LIST = "[" * 10_000 + "]" * 10_000
DEEP_MAPPING = "format: 1\nstandard: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n"


def checklist_issues(content: bytes, filename: str) -> list[str]:
    """The issues of reading the file, in English; fails when it is read or takes long."""
    started = time.monotonic()
    with translation.override("en"), pytest.raises(ChecklistFileError) as caught:
        read_checklist(content, filename)
    assert time.monotonic() - started < TIME_LIMIT
    return caught.value.issues


def valid_yaml() -> str:
    return yaml.safe_dump(vietgap_dict(points=2), allow_unicode=True, sort_keys=False)


# --- YAML -----------------------------------------------------------------------------------


def test_a_billion_laughs_is_refused_at_its_first_anchor():
    issues = checklist_issues(CHECKLIST_BOMB.encode(), "bomb.yaml")

    assert issues == ["Line 3, column 7: anchors and aliases (“&” and “*”) are not accepted; "
                      "write each value out in full."]


@pytest.mark.parametrize("content", [
    "format: 1\nstandard: &s {code: a}\n",  # an anchor alone
    "format: 1\nstandard: *s\n",            # an alias alone (undefined)
    "base: &b {level: major}\nsections: [{points: [{<<: *b, code: A}]}]\n",  # a merge key
], ids=["anchor", "alias", "merge"])
def test_any_anchor_or_alias_is_refused(content):
    issues = checklist_issues(content.encode(), "checklist.yaml")

    assert len(issues) == 1 and "anchors and aliases (“&” and “*”) are not accepted" in issues[0]


@pytest.mark.parametrize("content", [DEEP_LIST, DEEP_MAPPING], ids=["lists", "mappings"])
def test_ten_thousand_nested_levels_are_refused(content):
    issues = checklist_issues(content.encode(), "deep.yaml")

    assert len(issues) == 1
    assert re.fullmatch(r"Line \d+, column \d+: the YAML is nested more than 50 levels deep\.",
                        issues[0])


@pytest.mark.parametrize("tagged, shown", [
    ("!!python/object/apply:os.system ['echo owned']", "!!python/object/apply:os.system"),
    ("!!python/name:os.system ''", "!!python/name:os.system"),
    ("!!binary aGVsbG8=", "!!binary"),
    ("!include other.yaml", "!include"),
    ("!!map {a: 1}", "!!map"),
])
def test_tags_are_refused(tagged, shown):
    issues = checklist_issues(f"format: 1\nversion:\n  label: {tagged}\n".encode(), "t.yaml")

    assert issues == [f"Line 3, column 10: the tag “{shown}” is not accepted; remove it "
                      "(quotes make a value a text)."]


def test_the_str_tag_is_still_a_text():
    content = valid_yaml().replace("label: v1", "label: !!str 12")

    assert parse_yaml(content).label == "12"


@pytest.mark.parametrize("number", ["1" * 5_000, "1" + ":0" * 300_000],
                         ids=["digits", "sexagesimal"])
def test_a_number_too_long_to_read_is_refused(number):
    issues = checklist_issues(f"format: {number}\n".encode(), "n.yaml")

    assert issues == ["Line 1, column 9: a number of more than 100 characters; put it in quotes "
                      "if it is a text."]


def test_a_date_that_does_not_exist_is_refused_with_its_place():
    issues = checklist_issues(b"format: 1\nversion: {label: 2024-13-45}\n", "d.yaml")

    assert issues == ["Line 2, column 18: the YAML cannot be read (month must be in 1..12)."]


def test_a_file_of_too_many_values_is_refused():
    content = "format: 1\nsections: [" + ", ".join(["0"] * 100_001) + "]\n"

    issues = checklist_issues(content.encode(), "many.yaml")

    assert issues == ["The file holds more than 100000 YAML values; check that it is the right "
                      "file."]


def test_two_documents_are_still_refused():
    issues = checklist_issues(b"format: 1\n---\nformat: 1\n", "two.yaml")

    assert issues == ["Line 2, column 1: the YAML cannot be read (but found another document)."]


# --- answer sheets share the loader ---------------------------------------------------------


def sheet_issues(content: str) -> list[str]:
    started = time.monotonic()
    with translation.override("en"), pytest.raises(AnswerSheetError) as caught:
        read_answer_sheet(content, rule=ALL_MANDATORY,
                          points=[ControlPointSpec(id="AF.1", section_id="AF")],
                          profile_tags=["export"])
    assert time.monotonic() - started < TIME_LIMIT
    return caught.value.issues


@pytest.mark.parametrize("content, expected", [
    (SHEET_BOMB, "line 2, column 7: anchors and aliases"),
    (DEEP_LIST, "the YAML is nested more than 50 levels deep."),
    ("answers: {AF.1: !!python/object/apply:os.system ['echo owned']}\n",
     "the tag “!!python/object/apply:os.system” is not accepted"),
    ("answers: {AF.1: 2024-13-45}\n", "line 1: this is not valid YAML (month must be in 1..12)."),
    ("profile: {[export]: true}\n", "line 1: this is not valid YAML (found unhashable key)."),
], ids=["billion laughs", "deep", "python tag", "no such date", "list as key"])
def test_a_hostile_answer_sheet_is_refused(content, expected):
    issues = sheet_issues(content)

    assert len(issues) == 1 and expected.lower() in issues[0].lower(), issues


def test_a_good_answer_sheet_is_still_read():
    sheet = read_answer_sheet('profile: {export: true}\nanswers: {"AF 1": yes}\n',
                              rule=ALL_MANDATORY,
                              points=[ControlPointSpec(id="AF.1", section_id="AF")],
                              profile_tags=["export"])

    assert sheet.answers == {"AF.1": "compliant"} and sheet.profile_tags == {"export"}


# --- XLSX -----------------------------------------------------------------------------------


def valid_workbook() -> bytes:
    return dump_xlsx(parse_yaml(valid_yaml()))


def rezipped(content: bytes, changes: dict, **options) -> bytes:
    """The workbook with members replaced or added (name: bytes, or a function of the old
    bytes)."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, **options) as target:
        for info in source.infolist():
            member = source.read(info.filename)
            change = changes.pop(info.filename, member)
            target.writestr(info.filename, change(member) if callable(change) else change)
        for name, member in changes.items():
            target.writestr(name, member)
    return output.getvalue()


def with_rows(rows: str, sheet: str = "xl/worksheets/sheet4.xml"):
    """A change adding raw row XML at the end of a sheet's data (sheet 4: "points")."""
    return {sheet: lambda xml: xml.replace(b"</sheetData>", rows.encode() + b"</sheetData>")}


def test_a_zip_bomb_is_refused_by_the_declared_sizes_without_unpacking_it(monkeypatch):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
        block = b"A" * 1024 * 1024
        for _ in range(101):
            member.write(block)  # 101 MB that deflate to about 100 KB
    bomb = output.getvalue()
    assert len(bomb) < 200 * 1024
    monkeypatch.setattr(zipfile.ZipFile, "open", None)  # no member may be opened

    issues = checklist_issues(bomb, "bomb.xlsx")

    assert issues == ["The workbook unpacks to 101.0\xa0MB, more than the 50.0\xa0MB a checklist "
                      "may hold."]


def test_html_renamed_xlsx_is_refused():
    issues = checklist_issues(b"<!DOCTYPE html><html><body>Hi</body></html>", "page.xlsx")

    assert issues == ["The file is not an Excel workbook (.xlsx). Save it from Excel or "
                      "LibreOffice as “Excel Workbook (.xlsx)”."]


@pytest.mark.parametrize("changes, expected", [
    (with_rows("<row r=\"9\">" + "<c><v>1</v></c>" * 16_385 + "</row>"),
     "A row of the workbook holds more than 16384 cells, more than a spreadsheet can; check "
     "that it is the right file."),
    (with_rows("<row/>" * 100_001),
     "The workbook holds more than 100000 cells and other elements; check that it is the "
     "right file."),
    (with_rows('<row r="2000000000"><c t="inlineStr"><is><t>x</t></is></c></row>'),
     "A sheet of the workbook has rows after row 100000; a checklist sheet is much shorter. "
     "Delete the rows below the checklist."),
    ({"xl/workbook.xml": lambda xml: xml.replace(b"</sheets>", b"".join(
        b'<sheet name="s%d" sheetId="%d" r:id="rId%d"/>' % (n, n, n) for n in range(10, 61))
        + b"</sheets>")},
     "The workbook has more than 50 sheets; a checklist workbook has five."),
    ({"xl/styles.xml": lambda xml: xml.replace(b"</cellXfs>", b"<xf/>" * 20_001 + b"</cellXfs>")},
     "The part “xl/styles.xml” of the workbook holds more than 20000 elements; check that it is "
     "the right file."),
    ({"xl/_rels/workbook.xml.rels": lambda xml: xml.replace(b"sheet1.xml", b"sheet4.xml")},
     "Two sheets of the workbook are read from the same part; check that it is the right "
     "file."),
    ({"xl/workbook.xml": lambda xml: xml.replace(b'r:id="rId1"', b'r:id="rId4"')},
     "Two sheets of the workbook are read from the same part; check that it is the right "
     "file."),
    ({f"xl/media/image{n}.png": b"\x89PNG" for n in range(200)},
     "The workbook is made of more than 200 parts; check that it is the right file."),
    ({"xl/externalLinks/externalLink1.xml": b'<externalLink xmlns="http://schemas.'
      b'openxmlformats.org/spreadsheetml/2006/main"><externalBook r:id="rId1" xmlns:r="http://'
      b'schemas.openxmlformats.org/officeDocument/2006/relationships"/></externalLink>'},
     "The workbook links to other workbooks. Break the links (in Excel: Data › Edit Links › "
     "Break Link) and import it again."),
    ({"xl/sharedStrings.xml": b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">'
      b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>'},
     "The file is not an Excel workbook (.xlsx). Save it from Excel or LibreOffice as "
     "“Excel Workbook (.xlsx)”."),
], ids=["row of too many cells", "too many elements", "row far down", "too many sheets",
        "too many styles", "one part for two sheets", "one relationship for two sheets",
        "too many parts", "external links", "xml entities"])
def test_a_workbook_too_big_or_strange_for_a_checklist_is_refused(changes, expected):
    issues = checklist_issues(rezipped(valid_workbook(), changes), "checklist.xlsx")

    assert issues == [expected]


def test_only_the_first_columns_are_read():
    # A cell in the last column of a spreadsheet: read up to the columns' bound, not padded.
    changes = with_rows('<row r="50"><c r="XFD50" t="inlineStr"><is><t>x</t></is></c></row>')

    data = read_checklist(rezipped(valid_workbook(), changes), "checklist.xlsx")

    assert [point.code for point in data.points] == ["VG.1.1", "VG.1.2"]


# --- the admin answers with the message -----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name, content, expected", [
    ("bomb.yaml", CHECKLIST_BOMB.encode(), "anchors and aliases (“&” and “*”) are not accepted"),
    ("deep.yaml", DEEP_LIST.encode(), "the YAML is nested more than 50 levels deep."),
    ("date.yaml", b"format: 1\nversion: {label: 2024-13-45}\n", "month must be in 1..12"),
    ("wide.xlsx", rezipped(valid_workbook(), with_rows("<row>" + "<c/>" * 16_385 + "</row>")),
     "A row of the workbook holds more than 16384 cells"),
], ids=["billion laughs", "deep", "no such date", "row of too many cells"])
def test_the_admin_import_shows_the_refusal_and_imports_nothing(client, trainer, name, content,
                                                                 expected):
    login(client, trainer)
    started = time.monotonic()

    response = client.post(url("import"), {"file": SimpleUploadedFile(name, content)})

    assert time.monotonic() - started < TIME_LIMIT
    assert response.status_code == 200
    assert f"Nothing was imported from {name}" in text(response)
    assert expected in text(response)
    assert not Standard.objects.exists() and not StandardVersion.objects.exists()

