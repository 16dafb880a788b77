"""The shipped OCOP checklists of product sets 7 ("Chế biến từ rau, củ, quả, hạt"), 12 ("Sản phẩm
trà từ thực vật khác") and 20 ("Tinh dầu và dược liệu khác") of Decision 26/2026/QĐ-TTg of 22 May
2026, Appendix II, against the official score sheets, and what the weighted_points rule makes of
them. Pure: no database. Written in the style of test_shipped_ocop.py (product set 1).

Each set's ``sheet`` is the sheet as printed, criterion by criterion: each box's points in the
sheet's order, a box marked ``***``, ``****`` or ``*****`` written with its stars. The files add,
on some criteria, a 0-point option coded ``none`` that is not a box of the sheet (no box can be
ticked), and model the grounds for refusing the dossier (those printed above the criteria, then
those of a criterion's "Bị loại nếu" note) as 0-point criteria in section R."""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from certification.scoring import WEIGHTED_POINTS, ControlPointSpec, score
from tests.certification.checklists.ocop_sheets import (
    best,
    by_id,
    group_section,
    lowest,
    parse_boxes,
    read_shipped,
    specs_from,
)

COURSE_FILES = Path(__file__).resolve().parents[3] / "lms" / "demo" / "content"
PART_MAX = {"A": 40, "B": 25, "C": 35}
COMMUNE_MARK = {"vi": "(Cấp xã đánh giá sơ bộ)", "en": "(Pre-assessed by the commune)"}
# The note that stops the scoring (foreign matter, or no product declaration), in the guidance.
OVERRIDE_WORDS = {"vi": "không chấm các bước tiếp theo", "en": "scores nothing further"}


@dataclass(frozen=True)
class Sheet:
    file: str
    code: str
    number: int
    sheet: dict[str, str]
    groups: dict[str, int]  # section code (part letter and group number) -> the group's points
    refusal_grounds: tuple[str, ...]
    refusal_notes: dict[str, str]  # refusal ground -> the criterion whose note it comes from
    with_none: frozenset[str]  # criteria whose every box states something a product may lack
    commune: frozenset[str]  # raw material, labour, idea, identity (Art. 7(2)(a), Mẫu 03)
    export: str  # the criterion on export, tagged `export`
    override: str  # the criterion whose note stops the scoring of the rest
    marks: dict[int, int]  # stars -> how many options the sheet marks with them
    marked_criteria: int


PROCESSED = Sheet(
    file="ocop_processed_fruit_vegetables.yaml", code="ocop-processed-fruit-vegetables", number=7,
    sheet={
        "1.1": "1*** 2 3",
        "1.2": "0 1 2",  # the first box prints no points: 0, as in every other set
        "1.3": "1 2 3",
        "1.4": "1 2 3",
        "1.5": "0 1 2**** 3*****",
        "1.6": "1**** 2 3",
        "1.7": "0 1",
        "2.1": "0 1 2 3****",
        "2.2": "0 1 2*** 3",
        "2.3": "1*** 2 3****",
        "2.4": "1",  # the sheet prints the criterion's 1 point and no boxes
        "3.1": "1 1 3",  # as printed: every other set gives the second box 2 points
        "3.2": "0 1",
        "3.3": "1 2 3",
        "3.4": "1 2****",
        "3.5": "1*** 2**** 3",
        "4.1": "1 2*** 3**** 5*****",
        "4.2": "0 1 2 3",
        "4.3": "0 1 2 3 5",
        "5.1": "0 1 2 3 5****",
        "5.2": "0 1 2",
        "5.3": "0 1*** 3 5",
        "6.1": "0 1 2****",
        "6.2": "0 1 2",
        "6.3": "0 1 2**** 3*****",
        "6.4": "1 2**** 3*****",
        "6.5": "0 1 3**** 5*****",
        "7": "0 1 3**** 5*****",
        "8": "2*** 4 5",
        "9": "1*** 3**** 5",
        "10": "1 2",
        "11": "1 2 3",
    },
    groups={"A1": 18, "A2": 10, "A3": 12, "B4": 13, "B5": 12, "C6": 15, "C7": 5, "C8": 5, "C9": 5,
            "C10": 2, "C11": 3},
    refusal_grounds=("R.1", "R.2", "R.3", "R.4", "R.5"),
    refusal_notes={"R.4": "1.1", "R.5": "2.1"},
    with_none=frozenset({"1.1", "1.6", "2.3", "2.4", "3.3", "3.4", "3.5", "6.4", "8", "9", "10",
                         "11"}),
    commune=frozenset({"1.1", "3.3", "2.1", "5.3"}),
    export="11", override="6.1",
    marks={3: 8, 4: 14, 5: 6}, marked_criteria=18,
)

HERBAL_TEAS = Sheet(
    file="ocop_herbal_teas.yaml", code="ocop-herbal-teas", number=12,
    sheet={
        "1.1": "1 2*** 3",
        "1.2": "0 1 2",
        "1.3": "0 1 2 3",
        "1.4": "1 2 3",
        "1.5": "0 1 2**** 3*****",
        "1.6": "1**** 2 3",
        "1.7": "0 1",
        "2.1": "0 1 2 3****",
        "2.2": "0 1 2*** 3",
        "2.3": "1*** 2 3****",
        "2.4": "1",
        "3.1": "1 2 3",
        "3.2": "0 1",
        "3.3": "1 2 3",
        "3.4": "1 2****",
        "3.5": "1*** 2**** 3",
        "4.1": "1 2*** 3**** 5*****",
        "4.2": "0 1 2 3",
        "4.3": "0 1 2 3 5",
        "5.1": "0 1 2 3 5****",
        "5.2": "0 1 2",
        "5.3": "0 1*** 3 5",
        "6.1": "0 1 2****",
        "6.2": "0 1 2",
        "6.3": "0 1 2**** 3",
        "6.4": "0 1 2**** 3",
        "6.5": "0 1 3**** 5",
        "7": "0 1 3**** 5*****",
        "8": "2*** 4 5",
        "9": "1*** 3**** 5",
        "10": "1 2",
        "11": "1 2 3",
    },
    groups={"A1": 18, "A2": 10, "A3": 12, "B4": 13, "B5": 12, "C6": 15, "C7": 5, "C8": 5, "C9": 5,
            "C10": 2, "C11": 3},
    refusal_grounds=("R.1", "R.2", "R.3", "R.4", "R.5"),
    refusal_notes={"R.4": "1.1", "R.5": "2.1"},
    with_none=frozenset({"1.1", "1.6", "2.3", "2.4", "3.3", "3.4", "3.5", "8", "9", "10", "11"}),
    commune=frozenset({"1.1", "3.3", "2.1", "5.3"}),
    export="11", override="6.1",
    marks={3: 8, 4: 14, 5: 3}, marked_criteria=18,
)

ESSENTIAL_OILS = Sheet(
    file="ocop_essential_oils_herbs.yaml", code="ocop-essential-oils-herbs", number=20,
    sheet={
        "1.1": "1*** 2 4",  # no 3-point box
        "1.2": "0 1 2 3",
        "1.3": "1 2 3",
        "1.4": "0 1 2**** 3*****",
        "1.5": "1**** 2 3",
        "1.6": "0 1",
        "2.1": "0 1 2 4****",
        "2.2": "0 1 2*** 3",
        "2.3": "1*** 2 3****",
        "2.4": "1",
        "3.1": "1 2 3",
        "3.2": "0 1",
        "3.3": "1 2 3",
        "3.4": "1 2****",
        "3.5": "1*** 2**** 3",
        "4.1": "1 2*** 3**** 5*****",
        "4.2": "0 1 2 3",
        "4.3": "0 1 2 3 5",
        "5.1": "0 1 2 3 5****",
        "5.2": "0 1 2",
        "5.3": "0 1*** 3 5",
        "6": "1 3 5",
        "7": "0 1 3",
        "8": "0 1 3 5",
        "9": "0 1 2 4",
        "10": "0 1 3",
        "11": "0 1 3**** 5*****",
        "12": "1*** 3**** 5",
        "13": "1 2",
        "14": "1 2 3",
    },
    groups={"A1": 17, "A2": 11, "A3": 12, "B4": 13, "B5": 12, "C6": 5, "C7": 3, "C8": 5, "C9": 4,
            "C10": 3, "C11": 5, "C12": 5, "C13": 2, "C14": 3},
    refusal_grounds=("R.1", "R.2", "R.3", "R.4", "R.5"),
    refusal_notes={"R.5": "1.1"},
    with_none=frozenset({"1.1", "1.5", "2.3", "2.4", "3.3", "3.4", "3.5", "6", "12", "13", "14"}),
    commune=frozenset({"1.1", "3.3", "2.1", "5.3"}),
    export="14", override="6",
    marks={3: 7, 4: 10, 5: 3}, marked_criteria=13,
)

SETS = (PROCESSED, HERBAL_TEAS, ESSENTIAL_OILS)
BY_FILE = pytest.mark.parametrize("sheet", SETS, ids=[s.file.removesuffix(".yaml") for s in SETS])


def boxes(sheet: Sheet, criterion: str) -> list[tuple[int, int | None]]:
    return parse_boxes(sheet.sheet[criterion])


def load(sheet: Sheet):
    return read_shipped(sheet.file)


_LOADED = {sheet.file: load(sheet) for sheet in SETS}


def data_of(sheet: Sheet):
    return _LOADED[sheet.file]


def points_of(sheet: Sheet):
    return {point.code: point for point in data_of(sheet).points}


def specs_of(sheet: Sheet) -> list[ControlPointSpec]:
    return list(specs_from(data_of(sheet)))


def run(sheet: Sheet, specs, answers, tags=frozenset({"export"})):
    return score(WEIGHTED_POINTS, data_of(sheet).params, specs, answers, set(tags))


SHEET_CRITERIA = [(sheet, criterion) for sheet in SETS for criterion in sheet.sheet]
SHEET_MARKS = [(sheet, criterion, points, stars) for sheet in SETS for criterion in sheet.sheet
               for points, stars in boxes(sheet, criterion) if stars]
REFUSALS = [(sheet, ground) for sheet in SETS for ground in sheet.refusal_grounds]


# --- the files follow the sheets ------------------------------------------------------------


@BY_FILE
def test_the_file_is_its_product_set_under_decision_26(sheet):
    data = data_of(sheet)
    assert data.standard_code == sheet.code
    assert data.rule == WEIGHTED_POINTS
    assert data.label.startswith(f"QĐ 26/2026/QĐ-TTg – Bộ {sheet.number} (")
    assert data.params == {"part_max": PART_MAX, "star_bounds": [30, 50, 70, 90],
                           "target_stars": 3}


@BY_FILE
def test_the_note_names_the_decision_the_set_the_lapse_and_who_decides(sheet):
    vi, en = data_of(sheet).note.vi, data_of(sheet).note.en
    for text in (vi, en):
        assert "26/2026/QĐ-TTg" in text and "148/QĐ-TTg" in text and "1489/QĐ-TTg" in text
        assert "2023" in text and "2025" in text
    assert "22/5/2026" in vi and f"bộ sản phẩm {sheet.number} (" in vi and "hết hiệu lực" in vi
    assert "Hội đồng" in vi and "tự đánh giá" in vi
    assert "22 May 2026" in en and f"product set {sheet.number} (" in en
    assert "ceased to have effect" in en
    assert "council prevails" in en and "self-assessment aid" in en and "training" in en.lower()


@BY_FILE
def test_the_criteria_are_the_sheets_in_its_order_and_groups(sheet):
    data = data_of(sheet)
    criteria = [point for point in data.points if point.code not in sheet.refusal_grounds]
    assert [point.code for point in criteria] == list(sheet.sheet)
    assert all(point.section == group_section(point.code) for point in criteria)
    assert [section.code for section in data.sections] == ["R", *sheet.groups]


@BY_FILE
def test_each_group_title_shows_the_groups_points(sheet):
    titles = {section.code: section.title for section in data_of(sheet).sections}
    for group, maximum in sheet.groups.items():
        number = group[1:]
        assert titles[group].vi.startswith(f"{group} – {number}. ")
        assert titles[group].vi.endswith(f"({maximum} điểm)")
        assert titles[group].en.endswith(f"({maximum} points)")


@pytest.mark.parametrize(("sheet", "criterion"), SHEET_CRITERIA,
                         ids=[f"{s.number}-{c}" for s, c in SHEET_CRITERIA])
def test_each_criterion_keeps_the_sheets_boxes_points_order_and_marks(sheet, criterion):
    options = points_of(sheet)[criterion].options
    official = [option for option in options if option.code != "none"]
    assert [(option.points, option.min_stars) for option in official] == boxes(sheet, criterion)
    assert [option.code for option in official] == list("abcde"[:len(official)])
    assert not any(option.refuses for option in options)
    assert points_of(sheet)[criterion].na_allowed is False


@BY_FILE
def test_the_only_options_beyond_the_sheet_are_first_zero_point_none_options(sheet):
    points = points_of(sheet)
    with_none = {code for code in sheet.sheet
                 if any(option.code == "none" for option in points[code].options)}
    assert with_none == sheet.with_none
    for code in sheet.with_none:
        first = points[code].options[0]
        assert (first.code, first.points, first.min_stars, first.refuses) == ("none", 0, None,
                                                                             False)
        assert "(ngoài phiếu)" in first.text.vi and "(not a box on the sheet)" in first.text.en
        assert all(box_points for box_points, _stars in boxes(sheet, code))  # no 0-point box


@BY_FILE
def test_the_sheets_counts(sheet):
    points = points_of(sheet)
    assert len(sheet.sheet) == (30 if sheet is ESSENTIAL_OILS else 32)
    assert len(points) == len(sheet.sheet) + len(sheet.refusal_grounds)
    marks = Counter(option.min_stars for point in points.values() for option in point.options
                    if option.min_stars)
    assert marks == sheet.marks
    assert marks == Counter(stars for code in sheet.sheet for _p, stars in boxes(sheet, code)
                            if stars)
    assert len({code for code, point in points.items()
                if any(option.min_stars for option in point.options)}) == sheet.marked_criteria


@BY_FILE
def test_best_options_fill_every_group_part_and_the_total_exactly(sheet):
    data, points = data_of(sheet), points_of(sheet)
    part_of = {section.code: section.part for section in data.sections}
    by_group, by_part = Counter(), Counter()
    for point in points.values():
        top = max(option.points for option in point.options)
        if point.code in sheet.sheet:
            assert top == max(p for p, _stars in boxes(sheet, point.code))
        by_group[point.section] += top
        by_part[part_of[point.section]] += top
    assert {group: by_group[group] for group in sheet.groups} == sheet.groups
    assert by_group["R"] == 0
    assert dict(by_part) == PART_MAX
    assert sum(by_part.values()) == 100


@BY_FILE
def test_the_refusal_grounds_are_zero_point_criteria_with_one_refusing_option(sheet):
    data, points = data_of(sheet), points_of(sheet)
    assert [point.code for point in data.points if point.section == "R"] == list(
        sheet.refusal_grounds)
    for code in sheet.refusal_grounds:
        assert [(option.points, option.refuses, option.min_stars)
                for option in points[code].options] == [(0, False, None), (0, True, None)]


@BY_FILE
def test_grounds_from_a_criterions_note_and_that_criterion_point_at_each_other(sheet):
    points = points_of(sheet)
    for ground, criterion in sheet.refusal_notes.items():
        for language in ("vi", "en"):
            assert criterion in getattr(points[ground].guidance, language)
            assert ground in getattr(points[criterion].guidance, language)
    # Only the notes named above refuse: set 20 has no "Bị loại nếu" note on 2.1.
    noted = set(sheet.refusal_notes.values())
    assert noted == ({"1.1"} if sheet is ESSENTIAL_OILS else {"1.1", "2.1"})


def test_the_header_grounds_follow_each_sets_wording():
    """Sets 7 and 12: forgery, the food-safety certificate, the registration dossier. Set 20:
    forgery, the sector's compulsory production conditions, the product declaration, the
    registration dossier."""
    for sheet in (PROCESSED, HERBAL_TEAS):
        points = points_of(sheet)
        assert "an toàn thực phẩm" in points["R.2"].text.vi
        assert "Hồ sơ đăng ký" in points["R.3"].text.vi
    points = points_of(ESSENTIAL_OILS)
    assert "giả" in points["R.1"].text.vi
    assert "điều kiện bắt buộc" in points["R.2"].text.vi
    assert "công bố sản phẩm" in points["R.3"].text.vi
    assert "Hồ sơ đăng ký" in points["R.4"].text.vi
    assert "nhập khẩu" in points["R.5"].text.vi


@BY_FILE
def test_no_lowest_option_is_a_minimum_so_every_minimum_can_be_missed(sheet):
    points = points_of(sheet)
    for code in sheet.sheet:
        assert min(points[code].options, key=lambda o: o.points).min_stars is None


@BY_FILE
@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_commune_pre_assessed_criteria_are_marked_in_their_guidance(sheet, language):
    points = points_of(sheet)
    marked = {code for code, point in points.items()
              if point.guidance and getattr(point.guidance, language).startswith(
                  COMMUNE_MARK[language])}
    assert marked == sheet.commune
    assert not any(COMMUNE_MARK[language] in getattr(point.guidance, language)
                   for code, point in points.items() if point.guidance and code not in marked)


@BY_FILE
@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_note_that_stops_the_scoring_is_explained_where_it_is_printed(sheet, language):
    points = points_of(sheet)
    explained = {code for code, point in points.items() if point.guidance
                 and OVERRIDE_WORDS[language] in getattr(point.guidance, language)}
    assert explained == {sheet.override}


@BY_FILE
def test_only_the_global_market_criterion_depends_on_the_export_question(sheet):
    data, points = data_of(sheet), points_of(sheet)
    assert [question.tag for question in data.profile] == ["export"]
    assert {code for code, point in points.items() if point.tags} == {sheet.export}
    assert points[sheet.export].tags == ("export",)
    assert f" {sheet.export} " in data.profile[0].help.vi
    assert f" {sheet.export} " in data.profile[0].help.en


@BY_FILE
def test_every_text_is_in_both_languages(sheet):
    data = data_of(sheet)
    texts = [data.name, data.description, data.note]
    texts += [section.title for section in data.sections]
    texts += [point.text for point in data.points]
    texts += [point.guidance for point in data.points if point.guidance]
    texts += [option.text for point in data.points for option in point.options]
    assert all(text.vi.strip() and text.en.strip() and text.vi != text.en for text in texts)


@BY_FILE
def test_the_linked_courses_exist(sheet):
    slugs = {yaml.safe_load(path.read_text(encoding="utf-8"))["slug"]
             for path in COURSE_FILES.glob("*/course.yaml")}
    linked = {slug for point in data_of(sheet).points for slug in point.courses}
    assert linked and linked <= slugs


# --- spot checks against the printed sheets -------------------------------------------------


def official(sheet: Sheet, criterion: str) -> list[tuple[str, int, int | None]]:
    return [(option.code, option.points, option.min_stars)
            for option in points_of(sheet)[criterion].options]


def test_spot_checks_of_set_7():
    assert official(PROCESSED, "1.1") == [("none", 0, None), ("a", 1, 3), ("b", 2, None),
                                          ("c", 3, None)]
    assert official(PROCESSED, "3.1") == [("a", 1, None), ("b", 1, None), ("c", 3, None)]
    assert official(PROCESSED, "6.4") == [("none", 0, None), ("a", 1, None), ("b", 2, 4),
                                          ("c", 3, 5)]
    assert official(PROCESSED, "6.5") == [("a", 0, None), ("b", 1, None), ("c", 3, 4),
                                          ("d", 5, 5)]
    assert official(PROCESSED, "7") == [("a", 0, None), ("b", 1, None), ("c", 3, 4), ("d", 5, 5)]
    assert official(PROCESSED, "8") == [("none", 0, None), ("a", 2, 3), ("b", 4, None),
                                        ("c", 5, None)]
    assert "độc quyền" in points_of(PROCESSED)["3.5"].options[-1].text.vi


def test_spot_checks_of_set_12():
    assert official(HERBAL_TEAS, "1.1") == [("none", 0, None), ("a", 1, None), ("b", 2, 3),
                                            ("c", 3, None)]
    assert official(HERBAL_TEAS, "1.3") == [("a", 0, None), ("b", 1, None), ("c", 2, None),
                                            ("d", 3, None)]
    assert official(HERBAL_TEAS, "6.3") == [("a", 0, None), ("b", 1, None), ("c", 2, 4),
                                            ("d", 3, None)]
    assert official(HERBAL_TEAS, "6.5") == [("a", 0, None), ("b", 1, None), ("c", 3, 4),
                                            ("d", 5, None)]
    assert official(HERBAL_TEAS, "9") == [("none", 0, None), ("a", 1, 3), ("b", 3, 4),
                                          ("c", 5, None)]
    assert "nước pha" in points_of(HERBAL_TEAS)["6.3"].text.vi


def test_spot_checks_of_set_20():
    assert official(ESSENTIAL_OILS, "1.1") == [("none", 0, None), ("a", 1, 3), ("b", 2, None),
                                               ("c", 4, None)]
    assert official(ESSENTIAL_OILS, "2.1") == [("a", 0, None), ("b", 1, None), ("c", 2, None),
                                               ("d", 4, 4)]
    assert official(ESSENTIAL_OILS, "6") == [("none", 0, None), ("a", 1, None), ("b", 3, None),
                                             ("c", 5, None)]
    assert official(ESSENTIAL_OILS, "9") == [("a", 0, None), ("b", 1, None), ("c", 2, None),
                                             ("d", 4, None)]
    assert official(ESSENTIAL_OILS, "11") == [("a", 0, None), ("b", 1, None), ("c", 3, 4),
                                              ("d", 5, 5)]
    assert official(ESSENTIAL_OILS, "12") == [("none", 0, None), ("a", 1, 3), ("b", 3, 4),
                                              ("c", 5, None)]
    assert "Giá trị tăng thêm" in points_of(ESSENTIAL_OILS)["1.2"].text.vi  # no area certificate


# --- scoring ---------------------------------------------------------------------------------


@BY_FILE
def test_best_options_everywhere_score_100_five_stars_ready_and_eligible(sheet):
    specs = specs_of(sheet)
    result = run(sheet, specs, best(specs))
    assert result.total == 100 and result.max_total == 100
    assert {part: (s.points, s.max_points) for part, s in result.parts.items()} == {
        part: (maximum, maximum) for part, maximum in PART_MAX.items()}
    assert (result.stars, result.band_stars, result.minimum_stars) == (5, 5, 5)
    assert result.ready and result.reason == "ready"
    assert result.eligible and result.refusals == () and result.missing == ()


@pytest.mark.parametrize(("sheet", "criterion", "points", "stars"), SHEET_MARKS,
                         ids=[f"{s.number}-{c}-{p}pt-{n}stars" for s, c, p, n in SHEET_MARKS])
def test_each_star_minimum_missed_alone_caps_the_stars_below_its_rank(
    sheet, criterion, points, stars
):
    specs = specs_of(sheet)
    spec = by_id(specs)[criterion]
    answers = best(specs)
    answers[criterion] = lowest(spec).id
    result = run(sheet, specs, answers)
    lowest_rank = min(option.min_stars for option in spec.options if option.min_stars)

    assert result.band_stars == 5  # at most 5 points lost: the total alone would give 5 stars
    assert result.stars < stars
    assert result.stars == result.minimum_stars == lowest_rank - 1
    assert criterion in {minimum.criterion_id for minimum in result.unmet_minimums}
    assert result.eligible

    marked = next(option for option in spec.options if option.min_stars == stars)
    assert marked.points == points
    answers[criterion] = marked.id
    assert run(sheet, specs, answers).stars >= stars


@pytest.mark.parametrize(("sheet", "ground"), REFUSALS,
                         ids=[f"{s.number}-{g}" for s, g in REFUSALS])
def test_each_refusal_ground_alone_makes_the_product_not_eligible(sheet, ground):
    specs = specs_of(sheet)
    answers = best(specs)
    answers[ground] = next(option for option in by_id(specs)[ground].options if option.refuses).id
    result = run(sheet, specs, answers)
    assert not result.eligible and not result.ready
    assert result.reason == "not_eligible" and result.refusals == (ground,)
    assert result.total == 100  # the points do not help


def test_a_herbal_tea_with_under_half_its_raw_material_from_the_province_is_two_stars():
    """Set 12 marks the 2-point box of 1.1 (50% to under 75%) as the 3-star minimum, where sets 7
    and 20 mark the 1-point box: the same answer caps a tea at 2 stars and not a dried fruit."""
    for sheet, expected in ((HERBAL_TEAS, 2), (PROCESSED, 5), (ESSENTIAL_OILS, 5)):
        specs = specs_of(sheet)
        answers = best(specs)
        answers["1.1"] = "a"  # some raw material from the province, under 50%
        result = run(sheet, specs, answers)
        assert result.band_stars == 5 and result.stars == expected
