"""The shipped OCOP checklist against the official score sheet of product set 1 ("Rau, củ, quả, hạt
tươi", Decision 26/2026/QĐ-TTg of 22 May 2026, Appendix II), and what the weighted_points rule makes
of it. Pure: no database.

``SHEET`` is the sheet as printed, criterion by criterion: each box's points in the sheet's order, a
box marked ``***``, ``****`` or ``*****`` written with its stars. The file adds, on some criteria, a
0-point option coded ``none`` that is not a box of the sheet (no box can be ticked), and models the
three grounds for refusing the dossier as the 0-point criteria R.1-R.3."""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from certification.checklists.files import SHIPPED_CHECKLISTS
from certification.scoring import WEIGHTED_POINTS, score
from tests.certification.checklists.ocop_sheets import (
    best,
    by_id,
    group_section,
    lowest,
    parse_boxes,
    read_shipped,
    specs_from,
)

PATH = SHIPPED_CHECKLISTS / "ocop_fresh_produce.yaml"
COURSE_FILES = Path(__file__).resolve().parents[3] / "lms" / "demo" / "content"

SHEET = {
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
    "5.1": "0 1 2 3 5****",
    "5.2": "0 1 2",
    "5.3": "0 1*** 3 5",
    "6.1": "0 1 2****",
    "6.2": "0 1 2 3**** 4",
    "6.3": "0 1 2 3",
    "6.4": "0 1 2 3",
    "7": "0 1 3",
    "8": "0 1 3**** 5",
    "9": "2*** 4 5",
    "10": "1*** 3**** 5",
    "11": "1 2",
    "12": "1 2 3",
}
# The sheet's groups: section code (part letter and group number) -> the group's points.
GROUPS = {"A1": 18, "A2": 10, "A3": 12, "B4": 13, "B5": 12, "C6": 12, "C7": 3, "C8": 5, "C9": 5,
          "C10": 5, "C11": 2, "C12": 3}
PART_MAX = {"A": 40, "B": 25, "C": 35}
REFUSAL_GROUNDS = ("R.1", "R.2", "R.3")
# Criteria whose every box states something a product may lack: they get the `none` option.
WITH_NONE = {"1.1", "1.3", "1.6", "2.3", "2.4", "3.3", "3.4", "3.5", "9", "10", "11", "12"}
# Decision 26, Art. 7(2)(a) and form Mẫu 03 part II: local raw material, local labour, origin of
# the product idea, local identity and know-how.
COMMUNE_PRE_ASSESSED = {"1.1", "3.3", "2.1", "5.3"}
COMMUNE_MARK = {"vi": "(Cấp xã đánh giá sơ bộ)", "en": "(Pre-assessed by the commune)"}


def boxes(criterion: str) -> list[tuple[int, int | None]]:
    return parse_boxes(SHEET[criterion])


SHEET_MARKS = [(criterion, points, stars) for criterion in SHEET
               for points, stars in boxes(criterion) if stars]


@pytest.fixture(scope="module")
def data():
    return read_shipped(PATH.name)


@pytest.fixture(scope="module")
def points(data):
    return {point.code: point for point in data.points}


@pytest.fixture(scope="module")
def specs(data):
    return list(specs_from(data))


def run(data, specs, answers, tags=frozenset({"export"})):
    return score(WEIGHTED_POINTS, data.params, specs, answers, set(tags))


# --- the file follows the sheet -------------------------------------------------------------


def test_the_file_is_the_fresh_produce_set_under_decision_26(data):
    assert data.standard_code == "ocop-fresh-produce"
    assert data.rule == WEIGHTED_POINTS
    assert "26/2026/QĐ-TTg" in data.label and "Bộ 1" in data.label
    assert data.params == {"part_max": PART_MAX, "star_bounds": [30, 50, 70, 90],
                           "target_stars": 3}


def test_the_note_names_the_decision_the_lapse_and_who_decides(data):
    vi, en = data.note.vi, data.note.en
    for text in (vi, en):
        assert "26/2026/QĐ-TTg" in text and "148/QĐ-TTg" in text and "2023" in text
    assert "22/5/2026" in vi and "bộ sản phẩm 1" in vi and "hết hiệu lực" in vi
    assert "Hội đồng" in vi and "tự đánh giá" in vi
    assert "22 May 2026" in en and "product set 1" in en and "ceased to have effect" in en
    assert "council prevails" in en and "self-assessment aid" in en and "training" in en.lower()


def test_the_criteria_are_the_sheets_in_its_order_and_groups(data):
    criteria = [point for point in data.points if point.code not in REFUSAL_GROUNDS]
    assert [point.code for point in criteria] == list(SHEET)
    assert all(point.section == group_section(point.code) for point in criteria)
    assert [section.code for section in data.sections] == ["R", *GROUPS]


@pytest.mark.parametrize("criterion", list(SHEET))
def test_each_criterion_keeps_the_sheets_boxes_points_order_and_marks(points, criterion):
    options = points[criterion].options
    official = [option for option in options if option.code != "none"]
    assert [(option.points, option.min_stars) for option in official] == boxes(criterion)
    assert [option.code for option in official] == list("abcde"[:len(official)])
    assert not any(option.refuses for option in options)


def test_the_only_options_beyond_the_sheet_are_first_zero_point_none_options(points):
    with_none = {code for code in SHEET if any(o.code == "none" for o in points[code].options)}
    assert with_none == WITH_NONE
    for code in WITH_NONE:
        first = points[code].options[0]
        assert (first.code, first.points, first.min_stars, first.refuses) == ("none", 0, None,
                                                                             False)
        assert "(ngoài phiếu)" in first.text.vi and "(not a box on the sheet)" in first.text.en
        assert all(points for points, _stars in boxes(code))  # the sheet has no 0-point box


def test_the_sheets_counts(points):
    assert len(SHEET) == 32
    assert len(points) == 32 + len(REFUSAL_GROUNDS)
    marks = Counter(option.min_stars for point in points.values() for option in point.options
                    if option.min_stars)
    assert marks == {3: 7, 4: 12, 5: 3}
    assert sum(marks.values()) == 22
    assert len({point.code for point in points.values()
                if any(option.min_stars for option in point.options)}) == 16


def test_best_options_fill_every_group_part_and_the_total_exactly(data, points):
    part_of = {section.code: section.part for section in data.sections}
    by_group, by_part = Counter(), Counter()
    for point in points.values():
        top = max(option.points for option in point.options)
        if point.code in SHEET:
            assert top == max(p for p, _stars in boxes(point.code))
        by_group[point.section] += top
        by_part[part_of[point.section]] += top
    assert {group: by_group[group] for group in GROUPS} == GROUPS
    assert by_group["R"] == 0
    assert dict(by_part) == PART_MAX
    assert sum(by_part.values()) == 100


def test_the_refusal_grounds_are_zero_point_criteria_with_one_refusing_option(data, points):
    assert [point.code for point in data.points if point.section == "R"] == list(REFUSAL_GROUNDS)
    for code in REFUSAL_GROUNDS:
        options = points[code].options
        assert [(option.points, option.refuses, option.min_stars) for option in options] == [
            (0, False, None), (0, True, None)]


def test_no_lowest_option_is_a_minimum_so_every_minimum_can_be_missed(points):
    for code in SHEET:
        assert min(points[code].options, key=lambda o: o.points).min_stars is None


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_commune_pre_assessed_criteria_are_marked_in_their_guidance(points, language):
    marked = {code for code, point in points.items()
              if point.guidance and getattr(point.guidance, language).startswith(
                  COMMUNE_MARK[language])}
    assert marked == COMMUNE_PRE_ASSESSED
    assert not any(COMMUNE_MARK[language] in getattr(point.guidance, language)
                   for code, point in points.items() if point.guidance and code not in marked)


def test_only_the_global_market_criterion_depends_on_the_export_question(data, points):
    assert [question.tag for question in data.profile] == ["export"]
    assert {code for code, point in points.items() if point.tags} == {"12"}
    assert points["12"].tags == ("export",)


def test_every_text_is_in_both_languages(data):
    texts = [data.name, data.description, data.note]
    texts += [section.title for section in data.sections]
    texts += [point.text for point in data.points]
    texts += [point.guidance for point in data.points if point.guidance]
    texts += [option.text for point in data.points for option in point.options]
    assert all(text.vi.strip() and text.en.strip() and text.vi != text.en for text in texts)


def test_the_linked_courses_exist():
    slugs = {yaml.safe_load(path.read_text(encoding="utf-8"))["slug"]
             for path in COURSE_FILES.glob("*/course.yaml")}
    data = read_shipped(PATH.name)
    linked = {slug for point in data.points for slug in point.courses}
    assert linked and linked <= slugs


# --- scoring ---------------------------------------------------------------------------------


def test_best_options_everywhere_score_100_five_stars_ready_and_eligible(data, specs):
    result = run(data, specs, best(specs))
    assert result.total == 100 and result.max_total == 100
    assert {part: (s.points, s.max_points) for part, s in result.parts.items()} == {
        part: (maximum, maximum) for part, maximum in PART_MAX.items()}
    assert (result.stars, result.band_stars, result.minimum_stars) == (5, 5, 5)
    assert result.ready and result.reason == "ready"
    assert result.eligible and result.refusals == () and result.missing == ()


@pytest.mark.parametrize(("criterion", "points", "stars"), SHEET_MARKS,
                         ids=[f"{c}-{p}pt-{s}stars" for c, p, s in SHEET_MARKS])
def test_each_star_minimum_missed_alone_caps_the_stars_below_its_rank(
    data, specs, criterion, points, stars
):
    spec = by_id(specs)[criterion]
    answers = best(specs)
    answers[criterion] = lowest(spec).id
    result = run(data, specs, answers)
    lowest_rank = min(option.min_stars for option in spec.options if option.min_stars)

    assert result.band_stars == 5  # at most 5 points lost: the total alone would give 5 stars
    assert result.stars < stars
    assert result.stars == result.minimum_stars == lowest_rank - 1
    assert criterion in {minimum.criterion_id for minimum in result.unmet_minimums}
    assert result.eligible

    marked = next(option for option in spec.options if option.min_stars == stars)
    assert marked.points == points
    answers[criterion] = marked.id
    assert run(data, specs, answers).stars >= stars


@pytest.mark.parametrize("ground", REFUSAL_GROUNDS)
def test_each_refusal_ground_alone_makes_the_product_not_eligible(data, specs, ground):
    answers = best(specs)
    answers[ground] = next(option for option in by_id(specs)[ground].options if option.refuses).id
    result = run(data, specs, answers)
    assert not result.eligible and not result.ready
    assert result.reason == "not_eligible" and result.refusals == (ground,)
    assert result.total == 100  # the points do not help


def test_the_issues_worked_case_is_not_three_stars_under_the_sheets_minimums(data, specs):
    """No trademark application, no quality declaration, no food-safety papers, no tests and
    sales only inside the commune: the issue says 69 points, "3 stars, ready" under the old file.
    Here: those criteria at their lowest option, the rest chosen to make exactly 69."""
    answers = best(specs)
    answers.update({
        "3.5": "none",  # no trademark application accepted or published (-3)
        "9": "none",    # no quality declaration: without tests no box is met either (-5)
        "10": "none",   # no food-safety establishment certificate (-5)
        "7": "a",       # no tests: no nutrition indicator on a test report (-3)
        "4.1": "a",     # sold only within the commune (-4)
        # The rest, to come down to 69 while meeting the other 3-star minimums (2.2, 2.3, 5.3):
        "1.2": "a",     # growing area not certified (-2)
        "2.4": "none",  # Vietnamese-only label (-1)
        "4.2": "c",     # a distribution unit without IT (-1)
        "4.3": "b",     # at most 3 promotion activities (-4)
    })
    result = run(data, specs, answers, tags=())  # no export evidence: 12 is skipped (-3)

    assert result.total == 69 and result.band_stars == 3
    assert result.stars == 2 and result.minimum_stars == 2
    assert not result.ready and result.reason == "minimums_not_met" and result.eligible
    three_star = {spec.id for spec in specs for option in spec.options if option.min_stars == 3}
    assert three_star == {"2.2", "2.3", "3.5", "4.1", "5.3", "9", "10"}
    # The sheet's seven 3-star minimums: four fail (the issue counted five; none of the other
    # three, packaging 2.2, label 2.3 and story 5.3, is about trademarks, papers or tests).
    unmet = {(minimum.criterion_id, minimum.to_option) for minimum in result.unmet_minimums
             if minimum.stars == 3}
    assert unmet == {("3.5", "a"), ("4.1", "b"), ("9", "a"), ("10", "a")}
    assert result.next_star == 3 and result.points_to_next_star == 0

    # Where the facility must hold the food-safety certificate, the dossier is refused outright.
    answers["R.2"] = "b"
    refused = run(data, specs, answers, tags=())
    assert not refused.eligible and refused.reason == "not_eligible"
