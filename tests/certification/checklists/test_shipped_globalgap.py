"""The shipped GlobalG.A.P. IFA v5.0-1 fruit-and-vegetables checklist (AF + CB + FV) and what the
percent_by_level rule makes of it: every official control point with its official number and
level, and the audit's verdict (100 % of applicable Major Musts, at least 95 % of applicable Minor
Musts). Pure: no database."""

import math
from collections import Counter

import pytest

from certification.scoring import (
    COMPLIANT,
    MAJOR,
    MAJOR_FAILED,
    MINOR,
    MINOR_BELOW_THRESHOLD,
    NOT_APPLICABLE,
    NOT_COMPLIANT,
    PERCENT_BY_LEVEL,
    READY,
    RECOMMENDATION,
    ControlPointSpec,
    score,
)
from tests.certification.checklists.ocop_sheets import read_shipped

FILE = "globalgap_ifa_fv.yaml"

# Official numbers and levels spot-checked against the IFA v5.0-1 level list: the Major Musts an
# earlier file shipped as Minor, and a few of each level.
OFFICIAL_LEVELS = {
    "CB.7.7.1": MAJOR,    # plant protection products stored in a locked store
    "CB.7.2.1": MAJOR,    # a competent person chooses the products
    "CB.7.6.1": MAJOR,    # the destination market's residue limits are known
    "CB.7.6.2": MAJOR,    # the spray programme adapted where those limits are stricter
    "CB.7.1.2": MAJOR,    # only products permitted for the crop in the country
    "AF.4.4.1": MAJOR,    # protective equipment
    "FV.4.1.1": MAJOR,    # microbial risk of the water used before harvest
    "FV.5.1.2": MAJOR,    # hygiene procedures for harvest and handling
    "FV.5.6.1": MAJOR,    # pest control in packing and storage areas
    "AF.1.1.1": MAJOR,
    "AF.3.2": MINOR,
    "CB.7.7.10": MINOR,   # store keys held by trained people only
    "AF.7.2.1": RECOMMENDATION,
    "CB.8.3": RECOMMENDATION,
}


@pytest.fixture(scope="module")
def data():
    return read_shipped(FILE)


@pytest.fixture(scope="module")
def specs(data):
    return tuple(ControlPointSpec(id=point.code, section_id=point.section, level=point.level,
                                  na_allowed=point.na_allowed, tags=frozenset(point.tags))
                 for point in data.points)


def every_tag(data) -> set[str]:
    return {tag for point in data.points for tag in point.tags}


def run(data, specs, answers, tags):
    return score(PERCENT_BY_LEVEL, data.params, specs, answers, tags)


def all_compliant(specs) -> dict[str, str]:
    return {spec.id: COMPLIANT for spec in specs}


# --- the file against the official list ---------------------------------------------------------


def test_the_file_is_ifa_v5_0_1_labelled_as_such_and_scored_by_levels(data):
    assert data.standard_code == "globalgap-ifa-fv"
    assert data.rule == PERCENT_BY_LEVEL and data.params == {"minor_threshold": "0.95"}
    assert "v5.0-1" in data.label
    assert "5.0-1" in data.note.vi and "5.0-1" in data.note.en
    assert "6" in data.note.en and "prevail" in data.note.en


def test_every_official_control_point_is_there_with_its_level(data):
    levels = Counter(point.level for point in data.points)
    modules = Counter(point.code.split(".")[0] for point in data.points)

    assert len(data.points) == 218
    assert levels == {MAJOR: 88, MINOR: 112, RECOMMENDATION: 18}
    assert modules == {"AF": 57, "CB": 108, "FV": 53}
    by_code = {point.code: point.level for point in data.points}
    for code, level in OFFICIAL_LEVELS.items():
        assert by_code[code] == level, code


def test_justifications_follow_the_self_assessment_rule(data):
    """A Major Must always carries a justification; a Minor Must or a Recommendation when it is
    not compliant or not applicable."""
    for point in data.points:
        expected = "always" if point.level == MAJOR else "not_compliant_or_na"
        assert point.justification == expected, point.code


def test_every_text_is_given_in_both_languages(data):
    for point in data.points:
        assert point.text.vi.strip() and point.text.en.strip(), point.code


# --- the verdict ---------------------------------------------------------------------------------


def test_every_point_compliant_is_ready_whatever_the_profile(data, specs):
    for tags in (set(), every_tag(data)):
        result = run(data, specs, all_compliant(specs), tags)
        assert result.ready and result.reason == READY


def test_a_farm_whose_pesticide_store_is_not_locked_is_not_ready(data, specs):
    answers = {**all_compliant(specs), "CB.7.7.1": NOT_COMPLIANT}

    result = run(data, specs, answers, every_tag(data))

    assert not result.ready and result.reason == MAJOR_FAILED
    assert [gap.point_id for gap in result.blocking_gaps] == ["CB.7.7.1"]


def test_each_major_must_failed_alone_makes_the_farm_not_ready(data, specs):
    tags = every_tag(data)
    majors = [spec.id for spec in specs if spec.level == MAJOR]
    assert len(majors) == 88
    for code in majors:
        result = run(data, specs, {**all_compliant(specs), code: NOT_COMPLIANT}, tags)
        assert (result.ready, result.reason) == (False, MAJOR_FAILED), code


def test_a_major_must_that_allows_no_na_is_not_ready_when_answered_na(data, specs):
    no_na = [spec.id for spec in specs if spec.level == MAJOR and not spec.na_allowed]
    assert no_na
    for code in no_na:
        result = run(data, specs, {**all_compliant(specs), code: NOT_APPLICABLE},
                     every_tag(data))
        assert not result.ready, code


def test_minor_failures_are_tolerated_up_to_five_percent_and_not_one_more(data, specs):
    tags = every_tag(data)
    minors = [spec.id for spec in specs if spec.level == MINOR]
    tolerated = math.floor(len(minors) * 5 / 100)  # 112 applicable: 5
    assert tolerated == 5

    within = run(data, specs, {**all_compliant(specs),
                               **dict.fromkeys(minors[:tolerated], NOT_COMPLIANT)}, tags)
    over = run(data, specs, {**all_compliant(specs),
                             **dict.fromkeys(minors[:tolerated + 1], NOT_COMPLIANT)}, tags)

    assert within.ready and within.tolerated_minor_failures == 5
    assert (over.ready, over.reason) == (False, MINOR_BELOW_THRESHOLD)


def test_failed_recommendations_never_block(data, specs):
    recommendations = [spec.id for spec in specs if spec.level == RECOMMENDATION]
    answers = {**all_compliant(specs), **dict.fromkeys(recommendations, NOT_COMPLIANT)}

    assert run(data, specs, answers, every_tag(data)).ready


def test_points_behind_a_profile_question_leave_the_count_when_it_is_answered_no(data, specs):
    """A farm without post-harvest treatments is not held to them, even answered "no"."""
    treatments = [spec.id for spec in specs if "post_harvest_treatments" in spec.tags]
    answers = {**all_compliant(specs), **dict.fromkeys(treatments, NOT_COMPLIANT)}

    assert not run(data, specs, answers, every_tag(data)).ready
    assert run(data, specs, answers, every_tag(data) - {"post_harvest_treatments"}).ready


# --- the producer group's quality management system (option 2) ----------------------------------


@pytest.fixture(scope="module")
def qms():
    return read_shipped("globalgap_qms.yaml")


def qms_specs(qms):
    return tuple(ControlPointSpec(id=point.code, section_id=point.section, level=point.level,
                                  na_allowed=point.na_allowed, tags=frozenset(point.tags))
                 for point in qms.points)


def test_the_qms_is_its_own_checklist_where_every_requirement_must_be_met(qms):
    specs = qms_specs(qms)
    required = [spec.id for spec in specs if spec.level == "required"]
    everything = {tag for point in qms.points for tag in point.tags}
    compliant = {spec.id: COMPLIANT for spec in specs}

    assert qms.standard_code == "globalgap-qms" and qms.rule == "all_mandatory"
    assert len(required) >= 30
    assert score(qms.rule, qms.params, specs, compliant, everything).ready
    for code in required:
        result = score(qms.rule, qms.params, specs, {**compliant, code: NOT_COMPLIANT},
                       everything)
        assert not result.ready, code
