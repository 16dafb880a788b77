"""The shipped VietGAP crop checklist and what the all_mandatory rule makes of it, and the course
links of every shipped checklist. Pure: no database."""

from pathlib import Path

import pytest
import yaml

from certification.checklists.files import SHIPPED_CHECKLISTS
from certification.scoring import (
    ALL_MANDATORY,
    COMPLIANT,
    MANDATORY_FAILED,
    NOT_COMPLIANT,
    READY,
    ControlPointSpec,
    score,
)
from tests.certification.checklists.ocop_sheets import read_shipped

COURSE_FILES = Path(__file__).resolve().parents[3] / "lms" / "demo" / "content"


@pytest.fixture(scope="module")
def data():
    return read_shipped("vietgap_crop.yaml")


@pytest.fixture(scope="module")
def specs(data):
    return tuple(ControlPointSpec(id=point.code, section_id=point.section, level=point.level,
                                  na_allowed=point.na_allowed, tags=frozenset(point.tags))
                 for point in data.points)


def test_vietgap_is_all_mandatory_and_says_its_codes_are_not_clause_numbers(data):
    assert data.rule == ALL_MANDATORY and "TCVN 11892-1:2017" in data.label
    assert "not the standard's clause numbers" in data.note.en
    assert "không phải số điều khoản" in data.note.vi


def test_every_requirement_met_is_ready_and_any_one_missed_is_not(data, specs):
    tags = {tag for point in data.points for tag in point.tags}
    compliant = {spec.id: COMPLIANT for spec in specs}

    assert score(ALL_MANDATORY, data.params, specs, compliant, tags).reason == READY
    for spec in specs:
        result = score(ALL_MANDATORY, data.params, specs, {**compliant, spec.id: NOT_COMPLIANT},
                       tags)
        assert (result.ready, result.reason) == (False, MANDATORY_FAILED), spec.id


@pytest.mark.parametrize("path", sorted(SHIPPED_CHECKLISTS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_recommended_course_of_a_shipped_checklist_is_a_demo_course(path):
    slugs = {yaml.safe_load(course.read_text(encoding="utf-8"))["slug"]
             for course in COURSE_FILES.glob("*/course.yaml")}
    data = read_shipped(path.name)
    assert {slug for point in data.points for slug in point.courses} <= slugs
