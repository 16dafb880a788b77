"""The shipped OCOP checklists of product sets 2 ("Thịt, thủy sản, trứng, sữa tươi") and 3 ("Gạo,
ngũ cốc, hạt sơ chế khác") of Decision 26/2026/QĐ-TTg of 22 May 2026, Appendix II, against their
official score sheets, and what the weighted_points rule makes of them. Pure: no database. Built
like test_shipped_ocop.py (product set 1).

``SHEETS[key].sheet`` is each sheet as printed, criterion by criterion: each box's points in the
sheet's order, a box marked ``***``, ``****`` or ``*****`` written with its stars. The files add,
on some criteria, a 0-point option coded ``none`` that is not a box of the sheet (no box can be
ticked), and model the three grounds for refusing the dossier as the 0-point criteria R.1-R.3."""

from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

from certification.checklists.files import ChecklistData
from certification.scoring import WEIGHTED_POINTS, ControlPointSpec, score
from tests.certification.checklists.ocop_sheets import best as best_options
from tests.certification.checklists.ocop_sheets import (
    group_section,
    lowest,
    parse_boxes,
    read_shipped,
    specs_from,
)

COURSE_FILES = Path(__file__).resolve().parents[3] / "lms" / "demo" / "content"
PART_MAX = {"A": 40, "B": 25, "C": 35}
REFUSAL_GROUNDS = ("R.1", "R.2", "R.3")
# Decision 26, Art. 7(2)(a) and form Mẫu 03: local raw material, local labour, origin of the
# product idea, local identity and know-how. The same criteria numbers in sets 1, 2 and 3.
COMMUNE_PRE_ASSESSED = {"1.1", "3.3", "2.1", "5.3"}
COMMUNE_MARK = {"vi": "(Cấp xã đánh giá sơ bộ)", "en": "(Pre-assessed by the commune)"}
# Parts A and B print the same boxes and marks in sets 1 and 3; set 2 swaps 1.2 and 1.3 and has
# no mark on value added (its 1.2).
PARTS_A_B_SET_3 = {
    "1.1": "1 2 3",
    "1.2": "0 1 2",
    "1.3": "1 2 3*****",
    "1.4": "1 2 3",
    "1.5": "0 1 2**** 3*****",
    "1.6": "1**** 2 3",
    "1.7": "0 1",
    "2.1": "0 1 3****",
    "2.2": "0 1 2*** 3",
    "2.3": "1*** 2 3****",
    "2.4": "1",  # the sheet prints the criterion's 1 point and no boxes
    "3.1": "1 2 3",
    "3.2": "0 1",
    "3.3": "1 2 3",
    "3.4": "1 2****",
    "3.5": "1*** 2**** 3",
    "4.1": "1 2*** 3**** 5*****",
    "4.2": "0 1 2 3",
    "4.3": "0 1 2 3 5",
    "5.1": "0 1 2 3 5****",  # set 3 prints this mark as "* * * *"
    "5.2": "0 1 2",
    "5.3": "0 1*** 3 5",
}
PARTS_A_B_SET_2 = {**PARTS_A_B_SET_3, "1.2": "1 2 3", "1.3": "0 1 2"}


@dataclass(frozen=True)
class Sheet:
    file: str
    code: str
    number: int
    sheet: dict[str, str]
    groups: dict[str, int]  # section code (part letter and group number) -> the group's points
    with_none: frozenset[str]  # criteria whose every box states something a product may lack
    export: str  # the global-market criterion


SHEETS = {
    "set2": Sheet(
        file="ocop_meat_fish_eggs_milk.yaml", code="ocop-meat-fish-eggs-milk", number=2,
        sheet={
            **PARTS_A_B_SET_2,
            "6.1": "1 2 4*****",  # impurities: no 0- and no 3-point box
            "6.2": "0 1 2 3****",
            "6.3": "0 1 3**** 5*****",
            "6.4": "0 1 2**** 3*****",
            "7": "0 1 3**** 5*****",  # distinctiveness: the sheet has no nutrition group
            "8": "2*** 4 5",
            "9": "1*** 3**** 5",
            "10": "1 2",
            "11": "1 2 3",
        },
        groups={"A1": 18, "A2": 10, "A3": 12, "B4": 13, "B5": 12, "C6": 15, "C7": 5, "C8": 5,
                "C9": 5, "C10": 2, "C11": 3},
        with_none=frozenset({"1.1", "1.2", "1.6", "2.3", "2.4", "3.3", "3.4", "3.5", "8", "9",
                             "10", "11"}),
        export="11",
    ),
    "set3": Sheet(
        file="ocop_rice_grains.yaml", code="ocop-rice-grains", number=3,
        sheet={
            **PARTS_A_B_SET_3,
            "6.1": "1 2 3****",  # impurities: no 0-point box
            "6.2": "0 1 2 3****",
            "6.3": "0 1 2**** 3*****",
            "6.4": "0 1 2**** 3*****",
            "7": "0 1 3",
            "8": "0 1 3**** 5*****",
            "9": "2*** 4 5",
            "10": "1*** 3**** 5",
            "11": "1 2",
            "12": "1 2 3",
        },
        groups={"A1": 18, "A2": 10, "A3": 12, "B4": 13, "B5": 12, "C6": 12, "C7": 3, "C8": 5,
                "C9": 5, "C10": 5, "C11": 2, "C12": 3},
        with_none=frozenset({"1.1", "1.3", "1.6", "2.3", "2.4", "3.3", "3.4", "3.5", "9", "10",
                             "11", "12"}),
        export="12",
    ),
}
KEYS = list(SHEETS)


def boxes(key: str, criterion: str) -> list[tuple[int, int | None]]:
    return parse_boxes(SHEETS[key].sheet[criterion])


CRITERIA = [(key, criterion) for key in KEYS for criterion in SHEETS[key].sheet]
SHEET_MARKS = [(key, criterion, points, stars) for key, criterion in CRITERIA
               for points, stars in boxes(key, criterion) if stars]
GROUNDS = [(key, ground) for key in KEYS for ground in REFUSAL_GROUNDS]


def load(key: str) -> ChecklistData:
    return read_shipped(SHEETS[key].file)


@cache
def points_of(key: str) -> dict:
    return {point.code: point for point in load(key).points}


@cache
def specs_of(key: str) -> tuple[ControlPointSpec, ...]:
    return specs_from(load(key))


def run(key, answers, tags=frozenset({"export"})):
    return score(WEIGHTED_POINTS, load(key).params, specs_of(key), answers, set(tags))


def best(key) -> dict[str, str]:
    return best_options(specs_of(key))


def spec(key, criterion) -> ControlPointSpec:
    return next(spec for spec in specs_of(key) if spec.id == criterion)


def options_of(key, criterion) -> list[tuple[str, int, int | None]]:
    return [(option.code, option.points, option.min_stars)
            for option in points_of(key)[criterion].options]


# --- the files follow the sheets ------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_each_file_is_its_product_set_under_decision_26(key):
    data, sheet = load(key), SHEETS[key]
    assert data.standard_code == sheet.code
    assert data.rule == WEIGHTED_POINTS
    assert "26/2026/QĐ-TTg" in data.label and f"Bộ {sheet.number} (" in data.label
    assert data.params == {"part_max": PART_MAX, "star_bounds": [30, 50, 70, 90],
                           "target_stars": 3}


@pytest.mark.parametrize("key", KEYS)
def test_the_note_names_the_decision_the_set_the_lapse_and_who_decides(key):
    data, number = load(key), SHEETS[key].number
    vi, en = data.note.vi, data.note.en
    for text in (vi, en):
        assert "26/2026/QĐ-TTg" in text and "148/QĐ-TTg" in text and "2023" in text
        assert "1489/QĐ-TTg" in text and "2025" in text
    assert "22/5/2026" in vi and f"bộ sản phẩm {number} (" in vi and "hết hiệu lực" in vi
    assert "Hội đồng" in vi and "tự đánh giá" in vi
    assert "22 May 2026" in en and f"product set {number} (" in en
    assert "ceased to have effect" in en
    assert "council prevails" in en and "self-assessment aid" in en and "training" in en.lower()


@pytest.mark.parametrize("key", KEYS)
def test_the_criteria_are_the_sheets_in_its_order_and_groups(key):
    data = load(key)
    criteria = [point for point in data.points if point.code not in REFUSAL_GROUNDS]
    assert [point.code for point in criteria] == list(SHEETS[key].sheet)
    assert all(point.section == group_section(point.code) for point in criteria)
    assert [section.code for section in data.sections] == ["R", *SHEETS[key].groups]


@pytest.mark.parametrize(("key", "criterion"), CRITERIA, ids=[f"{k}-{c}" for k, c in CRITERIA])
def test_each_criterion_keeps_the_sheets_boxes_points_order_and_marks(key, criterion):
    options = points_of(key)[criterion].options
    official = [option for option in options if option.code != "none"]
    assert [(option.points, option.min_stars) for option in official] == boxes(key, criterion)
    assert [option.code for option in official] == list("abcde"[:len(official)])
    assert not any(option.refuses for option in options)


@pytest.mark.parametrize("key", KEYS)
def test_the_only_options_beyond_the_sheet_are_first_zero_point_none_options(key):
    points, with_none = points_of(key), SHEETS[key].with_none
    assert {code for code in SHEETS[key].sheet
            if any(o.code == "none" for o in points[code].options)} == with_none
    for code in with_none:
        first = points[code].options[0]
        assert (first.code, first.points, first.min_stars, first.refuses) == ("none", 0, None,
                                                                             False)
        assert "(ngoài phiếu)" in first.text.vi and "(not a box on the sheet)" in first.text.en
        assert all(value for value, _stars in boxes(key, code))  # the sheet has no 0-point box


@pytest.mark.parametrize(("key", "criteria", "marks", "marked"), [
    ("set2", 31, {3: 7, 4: 13, 5: 6}, 17),
    ("set3", 32, {3: 7, 4: 14, 5: 6}, 18),
])
def test_the_sheets_counts(key, criteria, marks, marked):
    points = points_of(key)
    assert len(SHEETS[key].sheet) == criteria
    assert len(points) == criteria + len(REFUSAL_GROUNDS)
    counted = Counter(option.min_stars for point in points.values() for option in point.options
                      if option.min_stars)
    assert counted == marks
    assert Counter(stars for k, _criterion, _points, stars in SHEET_MARKS if k == key) == marks
    assert len({code for code, point in points.items()
                if any(option.min_stars for option in point.options)}) == marked


@pytest.mark.parametrize("key", KEYS)
def test_best_options_fill_every_group_part_and_the_total_exactly(key):
    data, points, groups = load(key), points_of(key), SHEETS[key].groups
    part_of = {section.code: section.part for section in data.sections}
    by_group, by_part = Counter(), Counter()
    for point in points.values():
        top = max(option.points for option in point.options)
        if point.code in SHEETS[key].sheet:
            assert top == max(p for p, _stars in boxes(key, point.code))
        by_group[point.section] += top
        by_part[part_of[point.section]] += top
    assert {group: by_group[group] for group in groups} == groups
    assert by_group["R"] == 0
    assert dict(by_part) == PART_MAX
    assert sum(by_part.values()) == 100
    # The group maxima printed in the section titles are the sheet's.
    titles = {section.code: section.title for section in data.sections}
    for group, maximum in groups.items():
        assert f"({maximum} điểm)" in titles[group].vi
        assert f"({maximum} point" in titles[group].en


@pytest.mark.parametrize("key", KEYS)
def test_the_refusal_grounds_are_zero_point_criteria_with_one_refusing_option(key):
    data, points = load(key), points_of(key)
    assert [point.code for point in data.points if point.section == "R"] == list(REFUSAL_GROUNDS)
    for code in REFUSAL_GROUNDS:
        options = points[code].options
        assert [(option.points, option.refuses, option.min_stars) for option in options] == [
            (0, False, None), (0, True, None)]


@pytest.mark.parametrize("key", KEYS)
def test_no_lowest_option_is_a_minimum_so_every_minimum_can_be_missed(key):
    points = points_of(key)
    for code in SHEETS[key].sheet:
        assert min(points[code].options, key=lambda o: o.points).min_stars is None


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("key", KEYS)
def test_the_commune_pre_assessed_criteria_are_marked_in_their_guidance(key, language):
    points = points_of(key)
    marked = {code for code, point in points.items()
              if point.guidance and getattr(point.guidance, language).startswith(
                  COMMUNE_MARK[language])}
    assert marked == COMMUNE_PRE_ASSESSED
    assert not any(COMMUNE_MARK[language] in getattr(point.guidance, language)
                   for code, point in points.items() if point.guidance and code not in marked)


@pytest.mark.parametrize("key", KEYS)
def test_only_the_global_market_criterion_depends_on_the_export_question(key):
    data, points, export = load(key), points_of(key), SHEETS[key].export
    assert [question.tag for question in data.profile] == ["export"]
    assert {code for code, point in points.items() if point.tags} == {export}
    assert points[export].tags == ("export",)
    assert points[export].section == f"C{export}"
    question = data.profile[0]
    assert f"tiêu chí {export} " in question.help.vi and f"criterion {export} " in question.help.en


@pytest.mark.parametrize("key", KEYS)
def test_every_text_is_in_both_languages(key):
    data = load(key)
    texts = [data.name, data.description, data.note]
    texts += [section.title for section in data.sections]
    texts += [point.text for point in data.points]
    texts += [point.guidance for point in data.points if point.guidance]
    texts += [option.text for point in data.points for option in point.options]
    assert all(text.vi.strip() and text.en.strip() and text.vi != text.en for text in texts)


@pytest.mark.parametrize("key", KEYS)
def test_the_linked_courses_exist(key):
    slugs = {yaml.safe_load(path.read_text(encoding="utf-8"))["slug"]
             for path in COURSE_FILES.glob("*/course.yaml")}
    linked = {slug for point in load(key).points for slug in point.courses}
    assert linked and linked <= slugs


# --- spot checks against the source, written out in full ------------------------------------

SPOT_CHECKS = [
    # Set 2: value added (1.2) carries no mark, unlike sets 1 and 3.
    ("set2", "1.2", [("none", 0, None), ("a", 1, None), ("b", 2, None), ("c", 3, None)]),
    ("set2", "1.3", [("a", 0, None), ("b", 1, None), ("c", 2, None)]),
    ("set2", "3.5", [("none", 0, None), ("a", 1, 3), ("b", 2, 4), ("c", 3, None)]),
    ("set2", "4.1", [("a", 1, None), ("b", 2, 3), ("c", 3, 4), ("d", 5, 5)]),
    ("set2", "6.1", [("a", 1, None), ("b", 2, None), ("c", 4, 5)]),
    ("set2", "6.3", [("a", 0, None), ("b", 1, None), ("c", 3, 4), ("d", 5, 5)]),
    ("set2", "6.4", [("a", 0, None), ("b", 1, None), ("c", 2, 4), ("d", 3, 5)]),
    ("set2", "7", [("a", 0, None), ("b", 1, None), ("c", 3, 4), ("d", 5, 5)]),
    ("set2", "8", [("none", 0, None), ("a", 2, 3), ("b", 4, None), ("c", 5, None)]),
    ("set2", "9", [("none", 0, None), ("a", 1, 3), ("b", 3, 4), ("c", 5, None)]),
    ("set2", "11", [("none", 0, None), ("a", 1, None), ("b", 2, None), ("c", 3, None)]),
    # Set 3.
    ("set3", "1.3", [("none", 0, None), ("a", 1, None), ("b", 2, None), ("c", 3, 5)]),
    ("set3", "1.5", [("a", 0, None), ("b", 1, None), ("c", 2, 4), ("d", 3, 5)]),
    ("set3", "5.1", [("a", 0, None), ("b", 1, None), ("c", 2, None), ("d", 3, None),
                     ("e", 5, 4)]),
    ("set3", "6.1", [("a", 1, None), ("b", 2, None), ("c", 3, 4)]),
    ("set3", "6.3", [("a", 0, None), ("b", 1, None), ("c", 2, 4), ("d", 3, 5)]),
    ("set3", "7", [("a", 0, None), ("b", 1, None), ("c", 3, None)]),
    ("set3", "8", [("a", 0, None), ("b", 1, None), ("c", 3, 4), ("d", 5, 5)]),
    ("set3", "10", [("none", 0, None), ("a", 1, 3), ("b", 3, 4), ("c", 5, None)]),
    ("set3", "12", [("none", 0, None), ("a", 1, None), ("b", 2, None), ("c", 3, None)]),
]


@pytest.mark.parametrize(("key", "criterion", "expected"), SPOT_CHECKS,
                         ids=[f"{k}-{c}" for k, c, _e in SPOT_CHECKS])
def test_spot_checks_of_options_points_and_marks(key, criterion, expected):
    assert options_of(key, criterion) == expected


def test_spot_checks_of_what_the_set_2_criteria_are_about():
    points, titles = points_of("set2"), {s.code: s.title for s in load("set2").sections}
    assert "nuôi" in points["1.1"].text.vi and "caught" in points["1.1"].text.en
    assert "giết mổ" in points["1.2"].text.vi and "slaughter" in points["1.2"].text.en
    for international in ("ASC", "BAP", "MSC"):
        assert international in points["1.3"].options[-1].text.en
    assert "Tạp chất" in points["6.1"].text.vi and points["6.4"].text.en == "Smell"
    assert "Tính độc đáo" in titles["C7"].vi and "Đảm bảo chất lượng" in titles["C9"].vi
    assert "Cơ hội thị trường toàn cầu" in titles["C11"].vi
    assert "12" not in points and not any("Dinh dưỡng" in t.vi for t in titles.values())


def test_spot_checks_of_what_the_set_3_criteria_are_about():
    points, titles = points_of("set3"), {s.code: s.title for s in load("set3").sections}
    assert "Tạp chất" in points["6.1"].text.vi and "evenness" in points["6.2"].text.en
    assert points["6.4"].text.en == "Smell and taste"
    assert "amylose" in points["7"].guidance.vi and "amylose" in points["7"].guidance.en
    assert titles["C9"].vi == "C9 – 9. Công bố sản phẩm (5 điểm)"  # the sheet's heading
    assert "Dinh dưỡng" in titles["C7"].vi and "Đảm bảo chất lượng" in titles["C10"].vi


# --- scoring ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_best_options_everywhere_score_100_five_stars_ready_and_eligible(key):
    result = run(key, best(key))
    assert result.total == 100 and result.max_total == 100
    assert {part: (s.points, s.max_points) for part, s in result.parts.items()} == {
        part: (maximum, maximum) for part, maximum in PART_MAX.items()}
    assert (result.stars, result.band_stars, result.minimum_stars) == (5, 5, 5)
    assert result.ready and result.reason == "ready"
    assert result.eligible and result.refusals == () and result.missing == ()


@pytest.mark.parametrize("key", KEYS)
def test_without_export_evidence_the_global_market_criterion_is_skipped(key):
    result = run(key, best(key), tags=())
    assert result.total == 97 and result.parts["C"].points == 32
    assert (result.stars, result.band_stars, result.minimum_stars) == (5, 5, 5)
    assert result.ready and result.missing == ()


@pytest.mark.parametrize(("key", "criterion", "points", "stars"), SHEET_MARKS,
                         ids=[f"{k}-{c}-{p}pt-{s}stars" for k, c, p, s in SHEET_MARKS])
def test_each_star_minimum_missed_alone_caps_the_stars_below_its_rank(
    key, criterion, points, stars
):
    criterion_spec = spec(key, criterion)
    answers = best(key)
    answers[criterion] = lowest(criterion_spec).id
    result = run(key, answers)
    lowest_rank = min(option.min_stars for option in criterion_spec.options if option.min_stars)

    assert result.band_stars == 5  # at most 5 points lost: the total alone would give 5 stars
    assert result.stars < stars
    assert result.stars == result.minimum_stars == lowest_rank - 1
    assert criterion in {minimum.criterion_id for minimum in result.unmet_minimums}
    assert result.eligible

    marked = next(option for option in criterion_spec.options if option.min_stars == stars)
    assert marked.points == points
    answers[criterion] = marked.id
    restored = run(key, answers)
    assert restored.stars >= stars and restored.minimum_stars >= stars
    # The next option below the mark is not enough for its rank.
    below = [option for option in criterion_spec.options if option.points < points]
    answers[criterion] = max(below, key=lambda option: option.points).id
    assert run(key, answers).minimum_stars < stars


@pytest.mark.parametrize(("key", "ground"), GROUNDS, ids=[f"{k}-{g}" for k, g in GROUNDS])
def test_each_refusal_ground_alone_makes_the_product_not_eligible(key, ground):
    answers = best(key)
    answers[ground] = next(option for option in spec(key, ground).options if option.refuses).id
    result = run(key, answers)
    assert not result.eligible and not result.ready
    assert result.reason == "not_eligible" and result.refusals == (ground,)
    assert result.total == 100  # the points do not help


@pytest.mark.parametrize("key", KEYS)
def test_the_three_star_minimums_of_each_sheet(key):
    """The best options except every criterion carrying a 3-star mark, left at its lowest
    option: 72 points (a 4-star total) but 2 stars, not ready; each one raised to its mark alone
    is not enough, all of them together give 3 stars."""
    three_star = {criterion for k, criterion, _points, stars in SHEET_MARKS
                  if k == key and stars == 3}
    assert three_star == {"2.2", "2.3", "3.5", "4.1", "5.3",
                          *({"8", "9"} if key == "set2" else {"9", "10"})}
    answers = best(key)
    for criterion in three_star:
        answers[criterion] = lowest(spec(key, criterion)).id
    result = run(key, answers)
    assert result.total == 72 and result.band_stars == 4
    assert result.stars == result.minimum_stars == 2
    assert not result.ready and result.reason == "minimums_not_met" and result.eligible
    assert {minimum.criterion_id for minimum in result.unmet_minimums} == three_star

    marked = {criterion: next(o for o in spec(key, criterion).options if o.min_stars == 3).id
              for criterion in three_star}
    for criterion, option in marked.items():
        assert run(key, {**answers, criterion: option}).stars == 2
    raised = run(key, {**answers, **marked})
    # 3 stars and ready: 2.3, 3.5, 4.1 and quality assurance also mark a higher box for 4 stars.
    assert raised.stars == raised.minimum_stars == 3 and raised.ready
    assert {minimum.criterion_id for minimum in raised.unmet_minimums} >= {"2.3", "3.5", "4.1"}
