"""Tests of reading, checking and writing checklist files (no database)."""

import ast
import copy
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
import yaml
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from certification.checklists import files as checklist_io
from certification.checklists.files import (
    LEVELS,
    MAX_FILE_SIZE,
    SHIPPED_CHECKLISTS,
    ChecklistFileError,
    Text,
    dump_xlsx,
    dump_yaml,
    parse_xlsx,
    parse_yaml,
    read_checklist,
    validate,
)
from certification.scoring import ALL_MANDATORY, PERCENT_BY_LEVEL, WEIGHTED_POINTS

GLOBALGAP = """\
format: 1
standard:
  code: globalgap-ifa-fv
  name: {vi: "GlobalG.A.P. rau quả", en: "GlobalG.A.P. fruit and vegetables"}
  description: {vi: "Bản rút gọn để tập huấn", en: "A short version for training"}
version:
  label: "5.4-GFS (training)"
  rule: percent_by_level
  params: {minor_threshold: "0.95"}
  note: {vi: "Theo tài liệu IFA 5.4", en: "After the IFA 5.4 document"}
profile:
  - tag: greenhouse
    question: {vi: "Có trồng trong nhà kính không?", en: "Do you grow under cover?"}
    help: {vi: "Kể cả nhà lưới", en: "Net houses count too"}
  - tag: irrigation
    question: {vi: "Có tưới không?", en: "Do you irrigate?"}
sections:
  - code: AF
    title: {vi: "Tất cả các trang trại", en: "All farm base"}
    intro: {vi: "Áp dụng cho mọi nơi sản xuất", en: "Applies to every site"}
    points:
      - code: AF.1.1
        text: {vi: "Có bản đồ trang trại", en: "There is a farm map"}
        guidance: {vi: "Xem bản đồ", en: "Look at the map"}
        level: major
        na_allowed: false
        justification: always
        evidence_required: true
        evidence: {vi: "Ảnh bản đồ", en: "A photo of the map"}
        courses: [ke-toan-co-ban-cho-hop-tac-xa]
      - code: AF.1.2
        text: {vi: "Có đánh giá rủi ro", en: "There is a risk assessment"}
        level: minor
    sections:
      - code: AF.2
        title: {vi: "Nhà kính", en: "Greenhouses"}
        points:
          - code: AF.2.1
            text:
              vi: |-
                Nhà kính được vệ sinh.
                Có sổ ghi chép.
              en: "Greenhouses are cleaned.\\nThere is a log."
            level: recommendation
            justification: not_compliant
            tags: [greenhouse]
  - code: FV
    title: {vi: "Rau quả", en: "Fruit and vegetables"}
    points:
      - code: FV.1.1
        text: {vi: "Nước tưới được kiểm tra", en: "Irrigation water is tested"}
        level: major
        tags: [irrigation, greenhouse]
"""

VIETGAP = """\
format: 1
standard:
  code: vietgap-trong-trot
  name: {vi: "VietGAP trồng trọt", en: "VietGAP crop production"}
version:
  label: "TCVN 11892-1:2017"
  rule: all_mandatory
  params: {mandatory_levels: [required]}
sections:
  - code: "1"
    title: {vi: "Yêu cầu chung", en: "General requirements"}
    points:
      - code: "1.1"
        text: {vi: "Có hồ sơ lô đất", en: "There is a plot record"}
        level: required
        justification: not_compliant_or_na
      - code: "1.2"
        text: {vi: "Có tập huấn", en: "Workers are trained"}
        level: recommendation
"""

OCOP = """\
format: 1
standard:
  code: ocop
  name: {vi: "OCOP", en: "One Commune One Product"}
version:
  label: "2024"
  rule: weighted_points
  params:
    part_max: {A: 40, B: 25, C: 35}
    star_bounds: [30, 50, 70, 90]
    target_stars: 3
sections:
  - code: A
    title: {vi: "Phần A", en: "Part A"}
    part: A
    points:
      - code: A.1
        text: {vi: "Tổ chức sản xuất", en: "Organisation of production"}
        options:
          - {code: a, text: {vi: "Hộ gia đình", en: "A household"}, points: 1}
          - {code: b, text: {vi: "Hợp tác xã", en: "A cooperative"}, points: 5}
  - code: B
    title: {vi: "Phần B", en: "Part B"}
    part: B
    points:
      - code: B.1
        text: {vi: "Bao bì", en: "Packaging"}
        options:
          - {code: a, text: {vi: "Không có", en: "None"}, points: 0}
          - {code: b, text: {vi: "Có", en: "Yes"}, points: 3, min_stars: 3}
      - code: B.2
        text: {vi: "Hồ sơ trung thực", en: "A truthful dossier"}
        options:
          - {code: a, text: {vi: "Đúng sự thật", en: "True"}, points: 0}
          - {code: b, text: {vi: "Có giấy tờ giả", en: "Forged papers"}, points: 0, refuses: yes}
"""

CHECKLISTS = {PERCENT_BY_LEVEL: GLOBALGAP, ALL_MANDATORY: VIETGAP, WEIGHTED_POINTS: OCOP}


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in the English of the code, whatever the catalogues hold."""
    with translation.override("en"):
        yield


def edited(text, change):
    """The YAML ``text`` after ``change`` edits its loaded document in place."""
    document = yaml.safe_load(text)
    change(document)
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def issues_of(call, *args):
    with pytest.raises(ChecklistFileError) as caught:
        call(*args)
    return caught.value.issues


def yaml_issues(text, change=None):
    return issues_of(parse_yaml, edited(text, change) if change else text)


def first_point(document):
    return document["sections"][0]["points"][0]


def edited_workbook(text, change):
    """The XLSX of the YAML ``text`` after ``change`` edits the workbook (opened for writing)."""
    workbook = openpyxl.load_workbook(io.BytesIO(dump_xlsx(parse_yaml(text))))
    change(workbook)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def xlsx_issues(text, change):
    return issues_of(parse_xlsx, edited_workbook(text, change))


def cell(sheet, row, column_name):
    """The cell of ``sheet`` at ``row`` under the header ``column_name``."""
    header = [c.value for c in sheet[1]]
    return sheet.cell(row=row, column=header.index(column_name) + 1)


# --- valid files ----------------------------------------------------------------------------


def test_percent_by_level_checklist_is_read_with_its_tree_in_document_order():
    data = parse_yaml(GLOBALGAP)

    assert data.standard_code == "globalgap-ifa-fv"
    assert data.name == Text("GlobalG.A.P. rau quả", "GlobalG.A.P. fruit and vegetables")
    assert data.rule == PERCENT_BY_LEVEL
    assert data.params == {"minor_threshold": "0.95"}
    assert [(s.code, s.parent) for s in data.sections] == [("AF", ""), ("AF.2", "AF"),
                                                           ("FV", "")]
    assert [(p.code, p.section) for p in data.points] == [
        ("AF.1.1", "AF"), ("AF.1.2", "AF"), ("AF.2.1", "AF.2"), ("FV.1.1", "FV")]
    assert [q.tag for q in data.profile] == ["greenhouse", "irrigation"]
    assert data.profile[1].help is None


def test_point_fields_and_defaults_are_read():
    data = parse_yaml(GLOBALGAP)
    first, second, third = data.points[:3]

    assert (first.level, first.na_allowed, first.justification, first.evidence_required) == (
        "major", False, "always", True)
    assert first.courses == ("ke-toan-co-ban-cho-hop-tac-xa",)
    assert first.evidence == Text("Ảnh bản đồ", "A photo of the map")
    assert (second.na_allowed, second.justification, second.evidence_required) == (
        True, "never", False)
    assert (second.guidance, second.evidence, second.tags, second.options) == (
        None, None, (), ())
    assert third.text.vi == "Nhà kính được vệ sinh.\nCó sổ ghi chép."
    assert third.tags == ("greenhouse",)


def test_all_mandatory_checklist_is_read():
    data = parse_yaml(VIETGAP)

    assert data.rule == ALL_MANDATORY
    assert data.params == {"mandatory_levels": ["required"]}
    assert [p.level for p in data.points] == ["required", "recommendation"]
    assert data.description is None and data.note is None and data.profile == ()


def test_weighted_points_checklist_is_read_with_options():
    data = parse_yaml(OCOP)

    assert data.rule == WEIGHTED_POINTS
    assert [s.part for s in data.sections] == ["A", "B"]
    criterion = data.points[0]
    assert criterion.level == ""
    assert [(o.code, o.points) for o in criterion.options] == [("a", 1), ("b", 5)]
    assert criterion.options[1].text == Text("Hợp tác xã", "A cooperative")


def test_star_minimums_and_refusal_grounds_are_read():
    data = parse_yaml(OCOP)
    packaging, dossier = data.points[1], data.points[2]

    assert [(o.code, o.min_stars, o.refuses) for o in packaging.options] == [
        ("a", None, False), ("b", 3, False)]
    assert [(o.code, o.min_stars, o.refuses) for o in dossier.options] == [
        ("a", None, False), ("b", None, True)]


def test_dumped_yaml_writes_minimums_and_refusals_only_where_set():
    written = dump_yaml(parse_yaml(OCOP))

    assert written.count("min_stars: 3") == 1 and written.count("refuses: true") == 1


def criterion_options(document, index):
    return document["sections"][1]["points"][index]["options"]


@pytest.mark.parametrize(("value", "message"), [
    (1, "min_stars must be from 2 to 5, not 1"),
    (6, "min_stars must be from 2 to 5, not 6"),
    ("three", "min_stars “three” must be a whole number of stars"),
])
def test_a_star_minimum_outside_the_ranks_is_refused(value, message):
    issues = yaml_issues(OCOP, lambda d: criterion_options(d, 0)[1].update(min_stars=value))

    assert any(message in issue for issue in issues), issues


def test_a_refusing_option_cannot_be_a_minimum():
    issues = yaml_issues(OCOP, lambda d: criterion_options(d, 1)[1].update(min_stars=3))

    assert any("cannot be the minimum of a rank" in issue for issue in issues), issues


def test_a_higher_rank_cannot_ask_for_fewer_points_than_a_lower_one():
    def falling(document):
        options = criterion_options(document, 0)
        options[0].update(min_stars=4)  # 0 points for 4 stars, 3 points for 3 stars

    issues = yaml_issues(OCOP, falling)

    assert any("the minimum of 4 stars scores fewer points than the minimum of 3 stars" in issue
               for issue in issues), issues


def test_two_minimums_of_one_rank_are_refused():
    issues = yaml_issues(OCOP, lambda d: criterion_options(d, 0)[0].update(min_stars=3))

    assert any("two options are the minimum of 3 stars" in issue for issue in issues), issues


def test_xlsx_min_stars_that_is_not_a_number_names_the_row():
    def change(workbook):
        cell(workbook["options"], 4, "min_stars").value = "nhiều"

    issues = xlsx_issues(OCOP, change)

    assert any("options" in issue and "min_stars “nhiều”" in issue for issue in issues), issues


@pytest.mark.parametrize("written", ["0.95", "0.950", 0.95])
def test_minor_threshold_is_normalised_to_a_decimal_string(written):
    text = edited(GLOBALGAP, lambda d: d["version"]["params"].update(minor_threshold=written))

    assert parse_yaml(text).params == {"minor_threshold": "0.95"}


def test_text_get_falls_back_to_vietnamese():
    text = Text("Xin chào", "Hello")

    assert text.get("en") == "Hello"
    assert text.get("en-us") == "Hello"
    assert text.get("vi") == "Xin chào"
    assert text.get("fr") == "Xin chào"
    assert Text("Xin chào", "").get("en") == "Xin chào"


def test_where_is_left_out_of_equality():
    data = parse_yaml(GLOBALGAP)
    point = data.points[0]

    assert replace(point, where="elsewhere") == point
    assert replace(data, where={}) == data


def test_validate_returns_no_issue_for_a_valid_checklist():
    assert validate(parse_yaml(OCOP)) == []


# --- round trips ----------------------------------------------------------------------------


@pytest.mark.parametrize("rule", CHECKLISTS)
def test_yaml_round_trip_is_exact(rule):
    data = parse_yaml(CHECKLISTS[rule])

    assert parse_yaml(dump_yaml(data)) == data


@pytest.mark.parametrize("rule", CHECKLISTS)
def test_yaml_to_xlsx_to_yaml_round_trip_is_exact(rule):
    data = parse_yaml(CHECKLISTS[rule])

    from_xlsx = parse_xlsx(dump_xlsx(data))

    assert from_xlsx == data
    assert dump_yaml(from_xlsx) == dump_yaml(data)


def test_dumped_yaml_leaves_out_defaults_and_keeps_multi_line_texts_readable():
    written = dump_yaml(parse_yaml(GLOBALGAP))

    assert written.startswith("format: 1\n")
    assert "na_allowed: false" in written
    assert "na_allowed: true" not in written
    assert "justification: never" not in written
    assert "Nhà kính được vệ sinh.\n" in written  # a literal block, not an escaped string
    assert "minor_threshold: '0.95'" in written


def test_tricky_texts_survive_both_formats():
    def tricky(document):
        point = first_point(document)
        point["text"] = {"vi": "=SUM(A1)", "en": "yes"}
        point["guidance"] = {"vi": "1.10", "en": "  line one  \n\n  line two"}

    data = parse_yaml(edited(GLOBALGAP, tricky))

    assert data.points[0].text == Text("=SUM(A1)", "yes")
    assert data.points[0].guidance.en == "line one  \n\n  line two"
    assert parse_yaml(dump_yaml(data)) == data
    assert parse_xlsx(dump_xlsx(data)) == data


def test_texts_like_formulas_are_text_in_the_workbook_and_read_back_exactly():
    def formulas(document):
        point = first_point(document)
        point["text"] = {"vi": '=HYPERLINK("http://x","y")', "en": "+1+1"}
        point["guidance"] = {"vi": "- bước một\n- bước hai", "en": "'@SUM(A1)"}

    data = parse_yaml(edited(GLOBALGAP, formulas))
    written = dump_xlsx(data)

    points = openpyxl.load_workbook(io.BytesIO(written))["points"]
    cells = [cell(points, 2, name)
             for name in ("text_vi", "text_en", "guidance_vi", "guidance_en")]
    assert [c.value for c in cells] == ['\'=HYPERLINK("http://x","y")', "'+1+1",
                                        "'- bước một\n- bước hai", "''@SUM(A1)"]
    assert {c.data_type for c in cells} == {"s"}
    assert parse_xlsx(written) == data


def test_an_apostrophe_typed_before_other_text_is_kept():
    def quoted(workbook):
        cell(workbook["points"], 2, "text_en").value = "'Organic' label"

    assert parse_xlsx(edited_workbook(GLOBALGAP, quoted)).points[0].text.en == "'Organic' label"


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from("\n\t"),
    min_size=1, max_size=40,
).map(str.strip).filter(bool)


@settings(max_examples=25, deadline=None)
@given(vi=texts, en=texts)
def test_any_text_round_trips_through_both_formats(vi, en):
    data = parse_yaml(GLOBALGAP)
    point = replace(data.points[0], text=Text(vi, en))
    data = replace(data, points=(point, *data.points[1:]))

    assert parse_yaml(dump_yaml(data)) == data
    assert parse_xlsx(dump_xlsx(data)) == data


def test_dumped_workbook_has_five_sheets_with_bold_headers():
    workbook = openpyxl.load_workbook(io.BytesIO(dump_xlsx(parse_yaml(OCOP))))

    assert workbook.sheetnames == ["version", "profile", "sections", "points", "options"]
    assert all(cell.font.bold for cell in workbook["points"][1])
    assert [c.value for c in workbook["options"][2]] == ["A.1", "a", "Hộ gia đình", "A household",
                                                         1, None, None]
    assert [c.value for c in workbook["options"][5]][-2:] == [3, None]
    assert [c.value for c in workbook["options"][7]][-2:] == [None, "yes"]


# --- choosing the format --------------------------------------------------------------------


@pytest.mark.parametrize("filename", ["vietgap.yaml", "vietgap.YML"])
def test_read_checklist_reads_yaml_by_extension(filename):
    assert read_checklist(VIETGAP.encode(), filename) == parse_yaml(VIETGAP)


def test_read_checklist_reads_xlsx_by_extension():
    data = parse_yaml(OCOP)

    assert read_checklist(dump_xlsx(data), "ocop.XLSX") == data


@pytest.mark.parametrize("filename", ["checklist.csv", "checklist.xls", "checklist", ""])
def test_other_extensions_are_refused(filename):
    assert issues_of(read_checklist, b"format: 1", filename) == [
        "Choose a .yaml, .yml or .xlsx file."]


@pytest.mark.parametrize("filename", ["big.yaml", "big.xlsx"])
def test_oversized_files_are_refused_before_reading(filename):
    issues = issues_of(read_checklist, b"#" * (MAX_FILE_SIZE + 1), filename)

    assert len(issues) == 1
    assert "at most 2.0\xa0MB" in issues[0]


def test_oversized_yaml_text_is_refused():
    assert "at most" in issues_of(parse_yaml, "#" * (MAX_FILE_SIZE + 1))[0]


@pytest.mark.parametrize("content", [b"format: 1\n", b"", b"PK\x03\x04 broken"])
def test_bytes_that_are_not_a_workbook_are_refused(content):
    issues = issues_of(read_checklist, content, "checklist.xlsx")

    assert issues == ["The file is not an Excel workbook (.xlsx). Save it from Excel or "
                      "LibreOffice as “Excel Workbook (.xlsx)”."]


def test_a_zip_that_is_not_a_workbook_is_refused():
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("hello.txt", "hello")

    assert "not an Excel workbook" in issues_of(parse_xlsx, output.getvalue())[0]


def test_yaml_that_is_not_utf8_is_refused():
    issues = issues_of(read_checklist, "format: 1\nx: đ".encode("utf-16"), "a.yaml")

    assert "not UTF-8" in issues[0]


def test_malformed_yaml_names_the_line():
    text = "format: 1\nstandard:\n  code: x\n  name: {vi: a, en: b\nversion: {}\n"

    issues = issues_of(parse_yaml, text)

    assert len(issues) == 1
    assert issues[0].startswith("Line 5, column")


@pytest.mark.parametrize("text", ["just text", "- a\n- b\n", ""])
def test_yaml_that_is_not_a_mapping_is_refused(text):
    assert "does not hold a checklist" in issues_of(parse_yaml, text)[0]


# --- YAML problems --------------------------------------------------------------------------


def set_point(**values):
    return lambda document: first_point(document).update(values)


def set_version(**values):
    return lambda document: document["version"].update(values)


def set_params(**values):
    return lambda document: document["version"]["params"].update(values)


def add_section(**values):
    return lambda document: document["sections"].append(values)


YAML_PROBLEMS = {
    "format missing": (lambda d: d.pop("format"), "format is missing"),
    "format unsupported": (lambda d: d.update(format=2), "format “2” is not supported"),
    "unknown top key": (lambda d: d.update(sectons=[]), "top of the file: unknown key “sectons”"),
    "unknown point key": (set_point(guidence="x"),
                          "sections › AF › points › AF.1.1: unknown key “guidence”"),
    "standard code format": (lambda d: d["standard"].update(code="GlobalGAP"),
                             "standard: standard code “GlobalGAP” may only use lower-case"),
    "name too long": (lambda d: d["standard"].update(name={"vi": "t" * 201, "en": "t"}),
                      "standard: name (vi) is longer than 200 characters."),
    "tags too long": (lambda d: (d["profile"].extend(
        {"tag": f"{i:02}" + "t" * 37, "question": {"vi": "q", "en": "q"}} for i in range(6)),
        first_point(d).update(tags=[f"{i:02}" + "t" * 37 for i in range(6)])),
        "tags add up to more than 200 characters."),
    "standard code length": (lambda d: d["standard"].update(code="g" * 51),
                             "is longer than 50 characters"),
    "name in one language": (lambda d: d["standard"].update(name={"vi": "Tên"}),
                             "standard: name needs both Vietnamese and English."),
    "name not a pair": (lambda d: d["standard"].update(name="Tên"),
                        "standard: name must give both languages"),
    "unknown language": (lambda d: d["standard"].update(name={"vi": "a", "en": "b", "fr": "c"}),
                         "standard: name: unknown language “fr”"),
    "label missing": (lambda d: d["version"].pop("label"), "version: label is missing."),
    "label too long": (set_version(label="x" * 61), "is longer than 60 characters."),
    "rule unknown": (set_version(rule="percent"),
                     "version: rule “percent” is not one of percent_by_level, all_mandatory, "
                     "weighted_points."),
    "threshold out of range": (set_params(minor_threshold="1.5"),
                               "version › params: minor_threshold “1.5” must be a number "
                               "greater than 0 and at most 1"),
    "threshold not a number": (set_params(minor_threshold="most"),
                               "minor_threshold “most” must be a number"),
    "unknown param": (set_params(target_stars=3),
                      "version › params: “target_stars” is not a parameter of the "
                      "percent_by_level rule; it takes minor_threshold."),
    "params not a mapping": (set_version(params=[1]), "version › params: params must be a "
                                                      "mapping"),
    "description in one language": (lambda d: d["standard"].update(description={"en": "x"}),
                                    "standard: description needs both"),
    "text not quoted": (set_point(text={"vi": "Có", "en": True}),
                        "sections › AF › points › AF.1.1: text (en) is read as “True”, not as "
                        "text; put it in quotes."),
    "text missing": (lambda d: first_point(d).pop("text"),
                     "sections › AF › points › AF.1.1: text is missing."),
    "text in one language": (set_point(text={"vi": "Chỉ tiếng Việt"}),
                             "sections › AF › points › AF.1.1: text needs both Vietnamese and "
                             "English."),
    "control character": (set_point(text={"vi": "a\x07b", "en": "ab"}),
                          "text (vi) holds a control character"),
    "level wrong": (set_point(level="majr"),
                    "sections › AF › points › AF.1.1: level “majr” is not one of major, minor, "
                    "recommendation."),
    "level of another rule": (set_point(level="required"), "level “required” is not one of"),
    "level missing": (lambda d: first_point(d).pop("level"),
                      "sections › AF › points › AF.1.1: level is missing; choose one of major, "
                      "minor, recommendation."),
    "options on compliance rule": (
        set_point(options=[{"code": "a", "text": {"vi": "a", "en": "a"}, "points": 1}]),
        "sections › AF › points › AF.1.1: options are only for the weighted_points rule"),
    "justification wrong": (set_point(justification="sometimes"),
                            "justification “sometimes” is not one of never, always, "
                            "not_compliant, not_compliant_or_na."),
    "na_allowed wrong": (set_point(na_allowed="maybe"),
                         "sections › AF › points › AF.1.1: na_allowed “maybe” is not yes or no."),
    "tag not in profile": (set_point(tags=["orchard"]),
                           "sections › AF › points › AF.1.1: tag “orchard” is not asked in the "
                           "profile."),
    "tag format": (set_point(tags=["Green House"]), "tag “Green House” may only use lower-case"),
    "tags not a list": (set_point(tags="greenhouse"), "tags must be a list."),
    "course slug": (set_point(courses=["kế toán"]), "course “kế toán” may only use letters"),
    "point code duplicate": (lambda d: d["sections"][1]["points"][0].update(code="AF.1.1"),
                             "sections › FV › points › AF.1.1: point code “AF.1.1” is used more "
                             "than once."),
    "point code format": (set_point(code="AF 1.1"),
                          "sections › AF › points › AF 1.1: code “AF 1.1” may only use letters"),
    "point code too long": (set_point(code="A" * 33), "is longer than 32 characters."),
    "point code missing": (lambda d: first_point(d).pop("code"),
                           "sections › AF › points › #1: code is missing."),
    "section code duplicate": (lambda d: d["sections"][1].update(code="AF"),
                               "sections › AF: section code “AF” is used more than once."),
    "section title missing": (lambda d: d["sections"][1].pop("title"),
                              "sections › FV: title is missing."),
    "section title too long": (lambda d: d["sections"][1].update(
        title={"vi": "t" * 301, "en": "t"}), "sections › FV: title (vi) is longer than 300"),
    "part on compliance rule": (lambda d: d["sections"][1].update(part="A"),
                                "sections › FV: part is only for the weighted_points rule"),
    "profile tag duplicate": (lambda d: d["profile"][1].update(tag="greenhouse"),
                              "profile › greenhouse: tag “greenhouse” is asked more than once"),
    "profile question missing": (lambda d: d["profile"][0].pop("question"),
                                 "profile › greenhouse: question is missing."),
    "no sections": (lambda d: d.update(sections=[]), "The checklist has no sections."),
    "deep nesting": (lambda d: d["sections"][0].update(sections=_nested(12)),
                     "are nested more than 10 levels deep"),
}


def _nested(depth):
    section = {"code": f"N{depth}", "title": {"vi": "t", "en": "t"}}
    if depth:
        section["sections"] = _nested(depth - 1)
    return [section]


@pytest.mark.parametrize("problem", YAML_PROBLEMS)
def test_yaml_problem_is_reported_with_its_place(problem):
    change, expected = YAML_PROBLEMS[problem]

    issues = yaml_issues(GLOBALGAP, change)

    assert any(expected in issue for issue in issues), issues


OCOP_PROBLEMS = {
    "level on a criterion": (
        lambda d: first_point(d).update(level="major"),
        "sections › A › points › A.1: level must be empty for the weighted_points rule"),
    "one option": (lambda d: first_point(d)["options"].pop(),
                   "sections › A › points › A.1: a criterion needs at least two options."),
    "option code too long": (lambda d: first_point(d)["options"][0].update(code="a" * 17),
                             "is longer than 16 characters."),
    "option text too long": (lambda d: first_point(d)["options"][0].update(
        text={"vi": "t", "en": "t" * 301}), "options › a: text (en) is longer than 300"),
    "part name too long": (lambda d: d["version"]["params"].update(part_max={"PARTNINE9": 40}),
                           "part_max: “PARTNINE9” is not a valid part name"),
    "option code duplicate": (
        lambda d: first_point(d)["options"][1].update(code="a"),
        "sections › A › points › A.1 › options › a: option code “a” is used more than once"),
    "fractional points": (lambda d: first_point(d)["options"][0].update(points=2.5),
                          "sections › A › points › A.1 › options › a: points “2.5” must be a "
                          "whole number."),
    "points out of range": (lambda d: first_point(d)["options"][0].update(points=101),
                            "options › a: points must be from 0 to 100, not 101."),
    "points missing": (lambda d: first_point(d)["options"][0].pop("points"),
                       "options › a: points is missing."),
    "section without part": (lambda d: d["sections"][0].pop("part"),
                             "sections › A: this section holds criteria, so it needs a part: "
                             "one of A, B, C."),
    "unknown part": (lambda d: d["sections"][0].update(part="D"),
                     "sections › A: part “D” is not one of A, B, C"),
    "part over its maximum": (lambda d: d["version"]["params"].update(part_max={"A": 4, "B": 25}),
                              "version › params: the best options of part A add up to 5, more "
                              "than its maximum of 4."),
    "part_max value": (lambda d: d["version"]["params"].update(part_max={"A": 0, "B": 25}),
                       "part_max: the maximum of part A must be a whole number above 0"),
    "star_bounds not ascending": (lambda d: d["version"]["params"].update(
        star_bounds=[30, 50, 50, 90]), "version › params: star_bounds must be 4 whole numbers"),
    "star_bounds too short": (lambda d: d["version"]["params"].update(star_bounds=[30, 50]),
                              "star_bounds must be 4 whole numbers"),
    "target_stars out of range": (lambda d: d["version"]["params"].update(target_stars=6),
                                  "target_stars must be a whole number from 1 to 5"),
    "no points": (lambda d: [s.pop("points") for s in d["sections"]],
                  "The checklist has no control points."),
}


@pytest.mark.parametrize("problem", OCOP_PROBLEMS)
def test_weighted_points_problem_is_reported_with_its_place(problem):
    change, expected = OCOP_PROBLEMS[problem]

    issues = yaml_issues(OCOP, change)

    assert any(expected in issue for issue in issues), issues


@pytest.mark.parametrize(("levels", "expected"), [
    (["mandatory"], "mandatory_levels: “mandatory” is not one of required, major, minor, "
                    "recommendation."),
    ([], "mandatory_levels is empty"),
    ("required", "mandatory_levels must be a list"),
    (["major", "major"], "mandatory_levels lists “major” more than once"),
])
def test_mandatory_levels_problem_is_reported(levels, expected):
    issues = yaml_issues(VIETGAP, lambda d: d["version"]["params"].update(
        mandatory_levels=levels))

    assert any(expected in issue for issue in issues), issues


def test_all_yaml_problems_are_reported_together():
    def many(document):
        document["standard"]["code"] = "Bad Code"
        document["version"]["rule"] = "percent"
        first_point(document).update(level="majr", text={"vi": "x"}, tags=["orchard"])
        document["sections"][1]["points"][0]["code"] = "AF.1.1"

    issues = yaml_issues(GLOBALGAP, many)

    assert len(issues) == 5
    assert any("standard code “Bad Code”" in issue for issue in issues)
    assert any("rule “percent”" in issue for issue in issues)
    assert any("AF.1.1: text needs both" in issue for issue in issues)
    assert any("tag “orchard”" in issue for issue in issues)
    assert any("point code “AF.1.1” is used more than once" in issue for issue in issues)


def test_structural_problems_come_before_validation_problems():
    def two(document):
        document["version"]["label"] = ""
        first_point(document)["na_allowed"] = "maybe"

    issues = yaml_issues(GLOBALGAP, two)

    assert "na_allowed “maybe”" in issues[0]
    assert "label is missing" in issues[1]


def test_issues_are_capped_with_a_count_of_the_rest():
    def many_bad_points(document):
        first_point(document)["level"] = "majr"
        # Copies, not the same points again: those would be dumped as aliases, which are refused.
        document["sections"][0]["points"] = [
            copy.deepcopy(point) for point in document["sections"][0]["points"] * 250]

    issues = yaml_issues(GLOBALGAP, many_bad_points)

    assert len(issues) == 201
    assert issues[-1].startswith("… and ")
    assert issues[-1].endswith(" more problems.")


def test_validate_reports_a_cycle_of_sections():
    data = parse_yaml(GLOBALGAP)
    sections = (replace(data.sections[0], parent="AF.2"), *data.sections[1:])

    issues = validate(replace(data, sections=sections))

    assert any("section “AF” is inside itself through its parents (AF › AF.2 › AF)" in issue
               for issue in issues), issues


def test_levels_constant_lists_every_level():
    assert LEVELS == ("required", "major", "minor", "recommendation")


# --- XLSX problems --------------------------------------------------------------------------


def test_xlsx_level_problem_names_the_sheet_and_row():
    def bad_level(workbook):
        cell(workbook["points"], 3, "level").value = "majr"

    issues = xlsx_issues(GLOBALGAP, bad_level)

    assert issues == ["Sheet “points”, row 3: level “majr” is not one of major, minor, "
                      "recommendation."]


def test_all_xlsx_problems_are_reported_together_with_their_rows():
    def many(workbook):
        points = workbook["points"]
        cell(points, 2, "na_allowed").value = "maybe"
        cell(points, 4, "text_en").value = None
        cell(points, 5, "section").value = "ZZ"
        cell(workbook["sections"], 3, "parent").value = "XX"
        cell(workbook["version"], 10, "value").value = "{not json"
        cell(workbook["profile"], 3, "tag").value = "greenhouse"

    issues = xlsx_issues(GLOBALGAP, many)

    assert len(issues) == 7, issues
    expected = [
        "Sheet “points”, row 2: na_allowed “maybe” is not yes or no.",
        "Sheet “version”, row 10: params is not valid JSON",
        "Sheet “points”, row 4: text needs both Vietnamese and English.",
        "Sheet “points”, row 5: section “ZZ” is not the code of a section.",
        "Sheet “sections”, row 3: parent “XX” is not the code of a section.",
        "Sheet “profile”, row 3: tag “greenhouse” is asked more than once in the profile.",
        "Sheet “points”, row 5: tag “irrigation” is not asked in the profile.",
    ]
    for text in expected:
        assert any(issue.startswith(text) for issue in issues), (text, issues)


def test_xlsx_fractional_points_are_refused_and_whole_floats_accepted():
    def points(workbook):
        cell(workbook["options"], 2, "points").value = 2.5
        cell(workbook["options"], 3, "points").value = 5.0

    issues = xlsx_issues(OCOP, points)

    assert issues == ["Sheet “options”, row 2: points “2.5” must be a whole number."]


def test_xlsx_option_of_an_unknown_point_is_reported():
    def orphan(workbook):
        cell(workbook["options"], 2, "point").value = "Z.9"

    issues = xlsx_issues(OCOP, orphan)

    assert "Sheet “options”, row 2: point “Z.9” is not a code on the sheet “points”." in issues


def test_xlsx_section_cycle_is_reported():
    def cycle(workbook):
        cell(workbook["sections"], 2, "parent").value = "AF.2"

    issues = xlsx_issues(GLOBALGAP, cycle)

    assert any(issue.startswith("Sheet “sections”, row 2: section “AF” is inside itself")
               for issue in issues), issues


def test_xlsx_missing_sheet_and_column_are_reported():
    def damage(workbook):
        del workbook["points"]
        workbook["sections"].delete_cols(1)

    issues = xlsx_issues(GLOBALGAP, damage)

    assert issues == [
        "Sheet “sections”: the first row must name the columns; “code” missing.",
        "The workbook has no sheet “points”.",
    ]


def test_xlsx_format_row_is_required():
    def no_format(workbook):
        cell(workbook["version"], 2, "key").value = None
        cell(workbook["version"], 2, "value").value = None

    issues = xlsx_issues(VIETGAP, no_format)

    assert issues == ["Sheet “version”: the “format” row is missing; add it with the value 1."]


def test_xlsx_unknown_version_key_is_reported():
    def typo(workbook):
        cell(workbook["version"], 8, "key").value = "lable"

    issues = xlsx_issues(VIETGAP, typo)

    assert "Sheet “version”, row 8: “lable” is not one of the keys" in issues[0]
    assert "Sheet “version”: label is missing." in issues


@pytest.mark.parametrize(("written", "expected"), [
    ("Có", True), ("không", False), (True, True), (False, False), (1, True), (0, False),
    ("TRUE", True), ("no", False), (None, True), (" ", True),
])
def test_xlsx_yes_no_cells_accept_the_documented_spellings(written, expected):
    def set_na(workbook):
        cell(workbook["points"], 2, "na_allowed").value = written

    data = parse_xlsx(edited_workbook(GLOBALGAP, set_na))

    assert data.points[0].na_allowed is expected


def test_xlsx_reads_numbers_typed_in_text_cells():
    def numbers(workbook):
        cell(workbook["sections"], 2, "code").value = 1
        cell(workbook["points"], 2, "section").value = 1.0
        cell(workbook["points"], 3, "section").value = 1
        cell(workbook["version"], 2, "value").value = 1.0  # format

    data = parse_xlsx(edited_workbook(VIETGAP, numbers))

    assert data.sections[0].code == "1"
    assert [p.section for p in data.points] == ["1", "1"]


def test_xlsx_ignores_extra_columns_column_order_and_empty_rows():
    def rearrange(workbook):
        points = workbook["points"]
        points.move_range("A1:N10", cols=2)
        points["A1"] = "remarks"
        points["A2"] = "anything"
        points.insert_rows(3, amount=2)

    assert parse_xlsx(edited_workbook(GLOBALGAP, rearrange)) == parse_yaml(GLOBALGAP)


def test_xlsx_child_rows_before_their_parent_are_put_in_tree_order():
    def shuffle(workbook):
        sections = workbook["sections"]
        rows = [[c.value for c in row] for row in sections.iter_rows(min_row=2)]
        for number, values in enumerate([rows[1], rows[2], rows[0]], 2):
            for column, value in enumerate(values, 1):
                sections.cell(row=number, column=column).value = value

    data = parse_xlsx(edited_workbook(GLOBALGAP, shuffle))

    assert [s.code for s in data.sections] == ["FV", "AF", "AF.2"]
    assert [p.code for p in data.points] == ["FV.1.1", "AF.1.1", "AF.1.2", "AF.2.1"]


def test_xlsx_params_are_normalised():
    def params(workbook):
        cell(workbook["version"], 10, "value").value = '{"minor_threshold": 0.950}'

    assert parse_xlsx(edited_workbook(GLOBALGAP, params)).params == {"minor_threshold": "0.95"}


def test_xlsx_formula_cells_are_read_as_their_cached_value():
    # A formula never calculated by a spreadsheet program has no cached value: an empty cell.
    def formula(workbook):
        cell(workbook["points"], 2, "guidance_vi").value = "=1+1"
        cell(workbook["points"], 2, "guidance_en").value = "=1+1"

    assert parse_xlsx(edited_workbook(GLOBALGAP, formula)).points[0].guidance is None


def test_module_imports_no_models():
    tree = ast.parse(Path(checklist_io.__file__).read_text())
    imported = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                 for alias in node.names]

    assert not [name for name in imported if "models" in (name or "")]


# --- shipped checklists ---------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(SHIPPED_CHECKLISTS.glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_checklist_is_read_and_round_trips(path):
    data = read_checklist(path.read_bytes(), path.name)

    assert parse_yaml(dump_yaml(data)) == data
    assert parse_xlsx(dump_xlsx(data)) == data
