"""Tests of the pure scoring module (no database): GlobalG.A.P., VietGAP and OCOP rules."""

import os
from fractions import Fraction

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from certification.scoring import (
    ALL_MANDATORY,
    COMPLIANT,
    MAJOR,
    MINOR,
    NOT_APPLICABLE,
    NOT_COMPLIANT,
    PERCENT_BY_LEVEL,
    RECOMMENDATION,
    WEIGHTED_POINTS,
    ControlPointSpec,
    OptionSpec,
    PartScore,
    cheapest_suggestions,
    percent_by_level,
    score,
    star_for,
)


def property_settings(examples):
    """Hypothesis settings of a property test: ``examples`` examples, or at most
    $SCORING_MAX_EXAMPLES when set. ``make mutation`` sets it: it runs these tests once per mutant
    (with a fixed seed) and only needs to know whether a property fails, so there no example
    database is kept and a failing example is not shrunk."""
    cap = os.environ.get("SCORING_MAX_EXAMPLES")
    if not cap:
        return settings(max_examples=examples, deadline=None)
    return settings(max_examples=min(examples, int(cap)), deadline=None, database=None,
                    phases=(Phase.explicit, Phase.generate))


def cp(id_, level=MAJOR, section="S1", na_allowed=True, tags=()):
    return ControlPointSpec(id=id_, section_id=section, level=level, na_allowed=na_allowed,
                            tags=frozenset(tags))


def minors(n, section="S1"):
    return [cp(f"m{i}", MINOR, section) for i in range(n)]


def answers_with_failures(points, failures):
    """The first ``failures`` points not compliant, the rest compliant."""
    return {p.id: NOT_COMPLIANT if i < failures else COMPLIANT for i, p in enumerate(points)}


def ggap(points, answers, tags=frozenset(), **params):
    return score(PERCENT_BY_LEVEL, params, points, answers, set(tags))


# --- percent_by_level: worked examples from the issue ----------------------------------------


def test_20_minors_1_failure_passes_19_of_20_is_95_percent():
    points = minors(20)
    result = ggap(points, answers_with_failures(points, 1))
    assert result.ready and result.reason == "ready"
    assert result.levels[MINOR].percent == Fraction(19, 20)
    assert result.tolerated_minor_failures == 1
    assert result.minor_failures_remaining == 0


def test_20_minors_2_failures_fail_18_of_20_is_90_percent():
    points = minors(20)
    result = ggap(points, answers_with_failures(points, 2))
    assert not result.ready and result.reason == "minor_below_threshold"
    assert result.levels[MINOR].percent == Fraction(9, 10)
    assert result.minor_failures_remaining == -1
    assert [g.point_id for g in result.blocking_gaps] == ["m0", "m1"]


def test_10_minors_1_failure_fails_9_of_10_is_90_percent():
    points = minors(10)
    result = ggap(points, answers_with_failures(points, 1))
    assert not result.ready and result.reason == "minor_below_threshold"
    assert result.tolerated_minor_failures == 0
    assert result.minor_failures_remaining == -1


@pytest.mark.parametrize(("applicable", "tolerated"), [(20, 1), (10, 0), (100, 5), (19, 0)])
def test_tolerated_minor_failures_floor_5_percent(applicable, tolerated):
    # floor(0.05 x 20) = 1, floor(0.05 x 10) = 0, floor(0.05 x 100) = 5, floor(0.05 x 19) = 0
    points = minors(applicable)
    result = ggap(points, answers_with_failures(points, 0))
    assert result.tolerated_minor_failures == tolerated
    assert result.minor_failures_remaining == tolerated


def test_100_minors_5_failures_pass_6_fail_exact_fraction():
    points = minors(100)
    assert ggap(points, answers_with_failures(points, 5)).ready
    assert ggap(points, answers_with_failures(points, 6)).reason == "minor_below_threshold"


def test_float_threshold_is_exact():
    points = minors(20)
    result = ggap(points, answers_with_failures(points, 1), minor_threshold=0.95)
    assert result.threshold == Fraction(19, 20)
    assert result.ready and result.tolerated_minor_failures == 1


def test_custom_threshold_parameter():
    points = minors(10)
    result = ggap(points, answers_with_failures(points, 1), minor_threshold="0.9")
    assert result.ready and result.tolerated_minor_failures == 1
    assert result.threshold == Fraction(9, 10)


def test_custom_threshold_met_exactly_passes_one_failure_more_fails():
    # 0.9 of 10 Minors: 9/10 is exactly the pass mark, 8/10 is below it.
    points = minors(10)
    assert ggap(points, answers_with_failures(points, 1), minor_threshold="0.9").ready
    result = ggap(points, answers_with_failures(points, 2), minor_threshold="0.9")
    assert result.reason == "minor_below_threshold" and result.minor_failures_remaining == -1


def test_one_failed_major_blocks_and_comes_first_in_gaps():
    points = [cp("M1"), cp("M2"), *minors(10), cp("R1", RECOMMENDATION)]
    answers = {p.id: COMPLIANT for p in points}
    answers.update(M2=NOT_COMPLIANT, m0=NOT_COMPLIANT, R1=NOT_COMPLIANT)
    result = ggap(points, answers)
    assert result.reason == "major_failed" and not result.ready
    assert [g.point_id for g in result.gaps] == ["M2", "m0", "R1"]
    assert [g.blocking for g in result.gaps] == [True, True, False]
    assert result.levels[MAJOR].percent == Fraction(1, 2)


def test_recommendations_never_block():
    points = [cp("M1"), cp("R1", RECOMMENDATION), cp("R2", RECOMMENDATION)]
    answers = {"M1": COMPLIANT, "R1": NOT_COMPLIANT, "R2": NOT_COMPLIANT}
    result = ggap(points, answers)
    assert result.ready
    assert result.levels[RECOMMENDATION].percent == 0
    assert not result.blocking_gaps


def test_na_leaves_the_denominator():
    # 21 minors, 1 N/A: 20 applicable, 1 failure -> 19/20 passes.
    points = minors(21)
    answers = answers_with_failures(points, 1)
    answers["m20"] = NOT_APPLICABLE
    result = ggap(points, answers)
    level = result.levels[MINOR]
    assert (level.applicable, level.compliant, level.not_compliant, level.not_applicable) == (
        20, 19, 1, 1)
    assert result.ready


def test_na_refused_counts_as_failure_and_is_reported():
    points = [cp("M1", na_allowed=False), cp("M2")]
    result = ggap(points, {"M1": NOT_APPLICABLE, "M2": COMPLIANT})
    assert result.reason == "major_failed"
    assert result.na_refusals == ("M1",)
    assert result.levels[MAJOR].applicable == 2
    assert result.gaps[0].status == "na_refused"


def test_applicability_by_profile_tags():
    points = [cp("M1"), cp("M2", tags={"irrigation"}), cp("M3", tags={"greenhouse", "packing"})]
    answers = {"M1": COMPLIANT, "M2": NOT_COMPLIANT}
    without = ggap(points, answers, tags={"organic"})
    assert without.ready and without.levels[MAJOR].applicable == 1
    with_tags = ggap(points, answers, tags={"irrigation", "packing"})
    assert with_tags.reason == "major_failed"
    assert with_tags.levels[MAJOR].applicable == 3
    assert with_tags.missing == ("M3",)


def test_unanswered_is_not_ready_with_reason_unanswered():
    points = [cp("M1"), *minors(20)]
    answers = answers_with_failures(points, 0)
    del answers["m5"]
    result = ggap(points, answers)
    assert not result.ready and result.reason == "unanswered"
    assert result.missing == ("m5",)
    assert result.levels[MINOR].missing == 1
    assert result.levels[MINOR].percent == Fraction(19, 20)
    assert result.minor_failures_remaining == 0


def test_unanswered_recommendation_still_not_ready():
    result = ggap([cp("M1"), cp("R1", RECOMMENDATION)], {"M1": COMPLIANT})
    assert result.reason == "unanswered"


def test_unanswered_points_are_blocking_gaps_after_the_answered_minor_failures():
    # m0 alone is within the tolerance (1 of 20): listed, not blocking. The two unanswered
    # Minors block, and count as failures and as missing.
    points = [cp("M1"), *minors(20), cp("R1", RECOMMENDATION)]
    answers = answers_with_failures(points, 0)
    answers.update(m0=NOT_COMPLIANT, R1=NOT_COMPLIANT)
    del answers["m3"], answers["m4"]
    result = ggap(points, answers)
    assert result.reason == "unanswered" and result.missing == ("m3", "m4")
    assert [(g.point_id, g.status, g.blocking) for g in result.gaps] == [
        ("m0", "not_compliant", False), ("m3", "unanswered", True), ("m4", "unanswered", True),
        ("R1", "not_compliant", False)]
    minor = result.levels[MINOR]
    assert (minor.missing, minor.not_compliant, minor.failures) == (2, 1, 3)
    assert result.minor_failures_remaining == 1 - 3


def test_gaps_name_their_section_and_level():
    points = [cp("M1", section="AF1"), cp("m1", MINOR, "AF2"), cp("R1", RECOMMENDATION, "AF3")]
    result = ggap(points, {"M1": NOT_COMPLIANT, "m1": NOT_COMPLIANT})
    assert [(g.point_id, g.section_id, g.level) for g in result.gaps] == [
        ("M1", "AF1", MAJOR), ("m1", "AF2", MINOR), ("R1", "AF3", RECOMMENDATION)]


def test_every_globalgap_level_is_reported_under_its_name_even_when_empty():
    result = ggap([cp("M1"), cp("m1", MINOR)], {"M1": COMPLIANT, "m1": COMPLIANT})
    assert {name: count.level for name, count in result.levels.items()} == {
        MAJOR: MAJOR, MINOR: MINOR, RECOMMENDATION: RECOMMENDATION}
    empty = result.levels[RECOMMENDATION]
    assert (empty.applicable, empty.failures, empty.percent) == (0, 0, None)


@pytest.mark.parametrize("rule", [PERCENT_BY_LEVEL, ALL_MANDATORY, WEIGHTED_POINTS])
def test_every_result_names_the_rule_that_scored_it(rule):
    assert score(rule, {}, [], {}, set()).rule == rule


def test_section_scores():
    points = [cp("a", section="AF1"), cp("b", MINOR, "AF1"), cp("c", MINOR, "AF2")]
    result = ggap(points, {"a": COMPLIANT, "b": NOT_APPLICABLE, "c": NOT_COMPLIANT})
    sections = {s.section_id: s for s in result.sections}
    assert (sections["AF1"].applicable, sections["AF1"].compliant) == (1, 1)
    assert sections["AF1"].not_applicable == 1
    assert (sections["AF2"].applicable, sections["AF2"].compliant) == (1, 0)
    assert sections["AF2"].ratio == 0


def test_invalid_inputs():
    with pytest.raises(ValueError, match="^Unknown level 'shall' for control point 'x'$"):
        ggap([cp("x", "shall")], {})
    with pytest.raises(ValueError, match="^Unknown answer 'yes' for control point 'x'$"):
        ggap([cp("x")], {"x": "yes"})
    with pytest.raises(ValueError, match="^Unknown scoring rule 'nope'$"):
        score("nope", {}, [], {}, set())


# --- all_mandatory ---------------------------------------------------------------------------


def test_all_mandatory_default_every_level_must_comply():
    points = [cp("a", "shall"), cp("b", "should")]
    result = score(ALL_MANDATORY, {}, points, {"a": COMPLIANT, "b": NOT_COMPLIANT}, set())
    assert result.reason == "mandatory_failed"
    assert [(g.point_id, g.blocking) for g in result.failures] == [("b", True)]


def test_all_mandatory_configurable_levels():
    points = [cp("a", "should"), cp("b", "shall"), cp("c", "should")]
    answers = {"a": NOT_COMPLIANT, "b": COMPLIANT, "c": COMPLIANT}
    result = score(ALL_MANDATORY, {"mandatory_levels": ["shall"]}, points, answers, set())
    assert result.ready and result.reason == "ready"
    assert [(g.point_id, g.blocking) for g in result.failures] == [("a", False)]
    answers["b"] = NOT_COMPLIANT
    result = score(ALL_MANDATORY, {"mandatory_levels": ["shall"]}, points, answers, set())
    assert result.reason == "mandatory_failed"
    assert [g.point_id for g in result.failures] == ["b", "a"]  # blocking first


def test_all_mandatory_reports_its_mandatory_levels_none_meaning_every_level():
    points = [cp("a", "shall"), cp("b", "should")]
    answers = {"a": COMPLIANT, "b": COMPLIANT}
    assert score(ALL_MANDATORY, {}, points, answers, set()).mandatory_levels is None
    result = score(ALL_MANDATORY, {"mandatory_levels": ["shall"]}, points, answers, set())
    assert result.mandatory_levels == frozenset({"shall"})


def test_all_mandatory_counts_levels_under_the_checklist_level_names_and_sections():
    points = [cp("a", "shall", "S1"), cp("b", "should", "S1"), cp("c", "shall", "S2")]
    answers = {"a": COMPLIANT, "b": NOT_APPLICABLE, "c": NOT_COMPLIANT}
    result = score(ALL_MANDATORY, {}, points, answers, set())
    assert {name: (c.level, c.applicable, c.compliant, c.not_applicable)
            for name, c in result.levels.items()} == {
        "shall": ("shall", 2, 1, 0), "should": ("should", 0, 0, 1)}
    assert [(s.section_id, s.applicable, s.compliant, s.not_applicable, s.points, s.max_points)
            for s in result.sections] == [("S1", 1, 1, 1, 1, 1), ("S2", 1, 0, 0, 0, 1)]


def test_all_mandatory_na_missing_and_tags():
    points = [cp("a", na_allowed=False), cp("b"), cp("c", tags={"x"}), cp("d")]
    result = score(ALL_MANDATORY, None, points, {"a": COMPLIANT, "b": NOT_APPLICABLE}, set())
    assert result.reason == "unanswered" and result.missing == ("d",)
    result = score(ALL_MANDATORY, {}, points, {"a": NOT_APPLICABLE, "b": NOT_APPLICABLE,
                                               "d": COMPLIANT}, set())
    assert result.reason == "mandatory_failed" and result.na_refusals == ("a",)
    assert result.levels[MAJOR].applicable == 2


# --- weighted_points (OCOP) ------------------------------------------------------------------


def crit(id_, part, points, section=None):
    return ControlPointSpec(id=id_, section_id=section or part, part=part,
                            options=tuple(OptionSpec(f"{id_}.{p}", p) for p in points))


def ocop_checklist():
    # A max 40, B max 25, C max 35 = 100
    return [
        crit("a1", "A", [0, 5, 10, 20]), crit("a2", "A", [0, 10, 20]),
        crit("b1", "B", [0, 5, 15]), crit("b2", "B", [0, 5, 10]),
        crit("c1", "C", [0, 10, 20]), crit("c2", "C", [0, 5, 15]),
    ]


def ocop(answers, params=None, points=None, tags=frozenset()):
    return score(WEIGHTED_POINTS, params or {}, points or ocop_checklist(), answers, set(tags))


@pytest.mark.parametrize(("total", "stars"), [
    (0, 1), (29, 1), (30, 2), (49, 2), (50, 3), (69, 3), (70, 4), (89, 4), (90, 5), (100, 5),
])
def test_star_bands_at_every_boundary(total, stars):
    assert star_for(total) == stars
    points = [crit("x", "A", list(range(101)))]
    result = ocop({"x": f"x.{total}"}, points=points)
    assert result.total == total and result.stars == stars


def test_star_bounds_are_parameters():
    assert star_for(40, (20, 40, 60, 80)) == 3
    result = ocop({"a1": "a1.20", "a2": "a2.20"}, {"star_bounds": [20, 40, 60, 80]})
    assert result.total == 40 and result.stars == 3


def test_part_sums_and_maximums():
    result = ocop({"a1": "a1.20", "a2": "a2.10", "b1": "b1.5", "b2": "b2.10", "c1": "c1.20",
                   "c2": "c2.0"})
    assert {p: (s.points, s.max_points) for p, s in result.parts.items()} == {
        "A": (30, 40), "B": (15, 25), "C": (20, 35)}
    assert result.total == 65 and result.max_total == 100 and result.stars == 3
    assert result.ready and result.reason == "ready"
    sections = {s.section_id: s for s in result.sections}
    assert (sections["A"].points, sections["A"].max_points) == (30, 40)


def test_a_part_without_a_maximum_still_counts_its_points_against_a_maximum_of_0():
    points = [crit("a1", "A", [0, 20]), crit("d1", "D", [0, 5])]
    result = ocop({"a1": "a1.20", "d1": "d1.5"}, points=points)
    assert result.parts == {"A": PartScore("A", 20, 40), "B": PartScore("B", 0, 25),
                            "C": PartScore("C", 0, 35), "D": PartScore("D", 5, 0)}
    assert result.total == 25 and result.max_total == 100


def test_ocop_sections_count_applicable_and_answered_criteria_and_their_points():
    points = [crit("x", "A", [0, 5, 10], "S1"), crit("y", "A", [0, 4], "S1"),
              crit("z", "B", [0, 7], "S1"), crit("w", "B", [0, 3], "S2")]
    result = ocop({"x": "x.5", "y": "y.4"}, points=points)
    assert [(s.section_id, s.applicable, s.compliant, s.not_applicable, s.points, s.max_points)
            for s in result.sections] == [("S1", 3, 2, 0, 9, 21), ("S2", 1, 0, 0, 0, 3)]


def test_part_maximums_are_parameters():
    result = ocop({}, {"part_max": {"A": 35, "B": 25, "C": 40}})
    assert result.parts["A"].max_points == 35 and result.max_total == 100


def test_unanswered_criteria_score_zero_and_are_reported():
    result = ocop({"a1": "a1.20", "a2": "a2.20", "c1": "c1.20"})
    assert result.total == 60 and result.stars == 3
    assert result.missing == ("b1", "b2", "c2")
    assert not result.ready and result.reason == "unanswered"


def test_target_stars_reached_exactly_is_ready_one_star_short_is_not():
    # 50 points: exactly 3 stars.
    answers = {"a1": "a1.20", "a2": "a2.20", "b1": "b1.5", "b2": "b2.5", "c1": "c1.0",
               "c2": "c2.0"}
    result = ocop(answers)
    assert (result.total, result.stars, result.target_stars) == (50, 3, 3) and result.ready
    result = ocop(answers, {"target_stars": 4})
    assert result.target_stars == 4 and result.reason == "below_target_stars"


def test_below_target_stars_not_ready():
    answers = {c.id: c.options[0].id for c in ocop_checklist()}
    result = ocop(answers)
    assert result.reason == "below_target_stars"
    assert ocop(answers, {"target_stars": 1}).ready


def test_a_criterion_outside_the_profile_leaves_the_score_and_the_next_ones_still_count():
    export = ControlPointSpec("x", "X", part="C", tags=frozenset({"export"}),
                              options=(OptionSpec("x.5", 5),))
    points = [export, *ocop_checklist()]
    answers = {c.id: c.options[-1].id for c in ocop_checklist()}
    result = ocop(answers, points=points)
    assert result.total == 100 and result.missing == () and result.ready
    result = ocop(answers, points=points, tags={"export"})
    assert result.total == 100 and result.missing == ("x",)


def test_applicability_of_criteria_by_tags():
    points = [*ocop_checklist(), ControlPointSpec("x", "X", part="C", tags=frozenset({"export"}),
                                                  options=(OptionSpec("x.5", 5),))]
    assert "x" not in ocop({}, points=points).missing
    assert "x" in ocop({}, points=points, tags={"export"}).missing


def test_unknown_option_raises():
    with pytest.raises(ValueError, match="^Unknown option 'nope' for criterion 'a1'$"):
        ocop({"a1": "nope"})


def test_cheapest_options_reach_next_star_ordered_by_gain():
    # 65 points (3 stars), next star at 70: gap 5.
    answers = {"a1": "a1.20", "a2": "a2.10", "b1": "b1.5", "b2": "b2.10", "c1": "c1.20",
               "c2": "c2.0"}
    result = ocop(answers)
    assert (result.next_star, result.points_to_next_star) == (4, 5)
    # One change closes it: the smallest single gain >= 5 (a2 10->20 gains 10, b1 5->15 10,
    # c2 0->5 gains 5): c2 to 5 points, no overshoot.
    assert [(s.criterion_id, s.from_option, s.to_option, s.gain) for s in result.suggestions] == [
        ("c2", "c2.0", "c2.5", 5)]
    assert result.reaches_next_star


def test_cheapest_options_several_changes_largest_gains_first():
    # 0 points everywhere except a1 at 5: total 5, 1 star, next at 30: gap 25.
    answers = {c.id: c.options[0].id for c in ocop_checklist()}
    answers["a1"] = "a1.5"
    result = ocop(answers)
    assert result.points_to_next_star == 25
    gains = [s.gain for s in result.suggestions]
    assert gains == sorted(gains, reverse=True)
    assert len(result.suggestions) == 2  # no single gain reaches 25; 20 + 5 or more does
    assert sum(gains) >= 25 and result.reaches_next_star
    assert result.suggestions[0].gain == 20


def test_unanswered_criterion_suggestion_from_none():
    result = ocop({"a1": "a1.20", "a2": "a2.20", "b1": "b1.15", "b2": "b2.10", "c1": "c1.20"})
    assert result.total == 85 and result.points_to_next_star == 5
    assert [(s.criterion_id, s.from_option, s.to_option) for s in result.suggestions] == [
        ("c2", None, "c2.5")]


def test_a_change_closing_the_gap_exactly_is_preferred_to_an_overshoot():
    # Gap 10: x's best option gains exactly 10; y's options gain 12 or 20.
    points = [crit("x", "A", [0, 5, 10]), crit("y", "A", [0, 12, 20])]
    suggestions, reaches = cheapest_suggestions([(p, p.options[0]) for p in points], 10)
    assert [(s.criterion_id, s.to_option, s.gain) for s in suggestions] == [("x", "x.10", 10)]
    assert reaches


def test_short_of_a_closing_change_the_largest_gain_goes_first_ties_in_checklist_order():
    # Gap 25, no single change closes it: a (10), then b (10, tied with c), then the smallest
    # change closing the last 5 (d). Returned largest gain first.
    points = [crit("a", "A", [0, 10]), crit("b", "A", [0, 10]), crit("c", "A", [0, 10]),
              crit("d", "A", [0, 5])]
    suggestions, reaches = cheapest_suggestions([(p, p.options[0]) for p in points], 25)
    assert [(s.criterion_id, s.gain) for s in suggestions] == [("a", 10), ("b", 10), ("d", 5)]
    assert reaches


def test_next_star_unreachable_returns_everything_and_false():
    points = [crit("a", "A", [0, 5]), crit("b", "B", [0, 10])]
    result = ocop({"a": "a.0", "b": "b.0"}, points=points)
    assert result.points_to_next_star == 30
    assert [s.gain for s in result.suggestions] == [10, 5]
    assert not result.reaches_next_star


def test_five_stars_has_no_next_star():
    answers = {c.id: c.options[-1].id for c in ocop_checklist()}
    result = ocop(answers)
    assert result.total == 100 and result.stars == 5
    assert result.next_star is None and result.points_to_next_star is None
    assert result.suggestions == () and result.reaches_next_star is False


# --- property tests --------------------------------------------------------------------------

LEVELS = st.sampled_from([MAJOR, MINOR, RECOMMENDATION])
ANSWERS = st.sampled_from([COMPLIANT, NOT_COMPLIANT, NOT_APPLICABLE, None])


@st.composite
def ggap_assessments(draw):
    n = draw(st.integers(1, 30))
    points = [cp(f"p{i}", draw(LEVELS), na_allowed=draw(st.booleans())) for i in range(n)]
    answers = {p.id: draw(ANSWERS) for p in points}
    threshold = draw(st.sampled_from([Fraction(95, 100), Fraction(9, 10), Fraction(1), 0.95]))
    return points, answers, threshold


@property_settings(200)
@given(ggap_assessments(), st.data())
def test_property_percent_by_level_verdict_is_monotonic(assessment, data):
    points, answers, threshold = assessment
    failing = [pid for pid, a in answers.items() if a == NOT_COMPLIANT]
    before = percent_by_level({"minor_threshold": threshold}, points, answers, set())
    if not failing:
        return
    pid = data.draw(st.sampled_from(failing))
    after = percent_by_level({"minor_threshold": threshold}, points,
                             {**answers, pid: COMPLIANT}, set())
    if before.ready:
        assert after.ready
    # and the verdict agrees with the exact rule
    for result in (before, after):
        major, minor = result.levels[MAJOR], result.levels[MINOR]
        expected = (major.failures == 0 and not result.missing and (
            minor.applicable == 0
            or Fraction(minor.compliant, minor.applicable) >= result.threshold))
        assert result.ready == expected


@property_settings(200)
@given(ggap_assessments(), st.data())
def test_property_na_only_removes_points_from_denominator(assessment, data):
    points, answers, _ = assessment
    allowed = [p.id for p in points if p.na_allowed and answers[p.id] != NOT_APPLICABLE]
    if not allowed:
        return
    chosen = data.draw(st.lists(st.sampled_from(allowed), unique=True, min_size=1))
    before = percent_by_level({}, points, answers, set())
    after = percent_by_level({}, points, {**answers, **dict.fromkeys(chosen, NOT_APPLICABLE)},
                             set())
    by_id = {p.id: p for p in points}
    for level in (MAJOR, MINOR, RECOMMENDATION):
        removed = [pid for pid in chosen if by_id[pid].level == level]
        removed_compliant = sum(answers[pid] == COMPLIANT for pid in removed)
        b, a = before.levels[level], after.levels[level]
        assert a.applicable == b.applicable - len(removed)
        assert a.compliant == b.compliant - removed_compliant
        assert a.not_applicable == b.not_applicable + len(removed)
        if a.applicable:
            assert a.percent == Fraction(b.compliant - removed_compliant,
                                         b.applicable - len(removed))


@st.composite
def ocop_assessments(draw):
    n = draw(st.integers(1, 12))
    points = []
    answers = {}
    for i in range(n):
        values = sorted(draw(st.lists(st.integers(0, 20), min_size=1, max_size=5, unique=True)))
        criterion = crit(f"k{i}", draw(st.sampled_from("ABC")), values)
        points.append(criterion)
        option = draw(st.none() | st.sampled_from(criterion.options))
        answers[criterion.id] = option.id if option else None
    return points, answers


@property_settings(200)
@given(ocop_assessments())
def test_property_ocop_total_star_and_suggestions(assessment):
    points, answers = assessment
    result = score(WEIGHTED_POINTS, {}, points, answers, set())
    chosen_points = {o.id: o.points for p in points for o in p.options}
    expected_total = sum(chosen_points[a] for a in answers.values() if a is not None)
    assert result.total == expected_total == sum(p.points for p in result.parts.values())
    bounds = (30, 50, 70, 90)
    lower = ([0, *bounds])[result.stars - 1]
    upper = ([*bounds, float("inf")])[result.stars - 1]
    assert lower <= result.total < upper
    gains = [s.gain for s in result.suggestions]
    assert gains == sorted(gains, reverse=True)
    assert len({s.criterion_id for s in result.suggestions}) == len(gains)
    if result.reaches_next_star:
        assert sum(gains) >= result.points_to_next_star
        assert star_for(result.total + sum(gains)) >= result.next_star
    if result.stars == 5:
        assert result.next_star is None and not gains


@property_settings(200)
@given(ocop_assessments(), st.integers(1, 60))
def test_property_suggestions_use_fewest_changes(assessment, gap):
    points, answers = assessment
    chosen = [(p, p.option(answers[p.id]) if answers[p.id] else None) for p in points]
    suggestions, reaches = cheapest_suggestions(chosen, gap)
    best_gains = sorted(
        (max(o.points for o in p.options) - (c.points if c else 0) for p, c in chosen),
        reverse=True)
    best_gains = [g for g in best_gains if g > 0]
    assert reaches == (sum(best_gains) >= gap)
    if reaches:
        fewest = next(k for k in range(len(best_gains) + 1) if sum(best_gains[:k]) >= gap)
        assert len(suggestions) == fewest
        assert sum(s.gain for s in suggestions) >= gap


# --- OCOP star minimums and refusal grounds (Decision 26/2026) -------------------------------


def marked(id_, part, values, marks=None, refuses=()):
    """A criterion whose options score ``values``; ``marks`` maps a points value to the rank it
    is the minimum of (the sheet's ***, ****, *****); ``refuses`` lists refusing values."""
    marks = marks or {}
    return ControlPointSpec(id_, part, part=part, options=tuple(
        OptionSpec(f"{id_}.{v}", v, min_stars=marks.get(v), refuses=v in refuses)
        for v in values))


def minimum_sheet():
    """100 points in all: a 3-star minimum on m3 (1 point), a 4-star one on m4 (2 points), a
    5-star one on m5 (3 points), a refusal ground (gate: "no" refuses), and filler points."""
    return [
        marked("m3", "A", [0, 1, 2], {1: 3}),
        marked("m4", "A", [0, 1, 2, 3], {2: 4, 3: 5}),
        marked("m5", "B", [0, 3], {3: 5}),
        marked("gate", "C", [0, 1], refuses=(1,)),
        marked("a", "A", list(range(36))),
        marked("b", "B", list(range(23))),
        marked("c", "C", list(range(37))),
    ]


def minimum_answers(**chosen):
    answers = {"m3": "m3.1", "m4": "m4.3", "m5": "m5.3", "gate": "gate.0",
               "a": "a.35", "b": "b.22", "c": "c.36"}
    answers.update({key: f"{key}.{value}" for key, value in chosen.items()})
    return answers


def test_every_minimum_met_leaves_the_band_alone():
    result = ocop(minimum_answers(), points=minimum_sheet())
    assert result.total == 100 and (result.band_stars, result.minimum_stars, result.stars) == \
        (5, 5, 5)
    assert result.ready and result.eligible and result.unmet_minimums == ()


def test_a_3_star_minimum_missed_caps_the_rank_at_2_whatever_the_points():
    # 69 points, a 3-star band, but the 3-star minimum on m3 is not met.
    result = ocop(minimum_answers(m3=0, a=30, b=15, c=18), points=minimum_sheet())
    assert result.total == 69
    assert result.band_stars == 3 and result.minimum_stars == 2 and result.stars == 2
    assert not result.ready and result.reason == "minimums_not_met"
    assert result.next_star == 3 and result.points_to_next_star == 0
    assert [(m.criterion_id, m.stars, m.from_option, m.to_option, m.gain)
            for m in result.unmet_minimums] == [("m3", 3, "m3.0", "m3.1", 1)]
    assert [(s.criterion_id, s.to_option) for s in result.suggestions] == [("m3", "m3.1")]
    assert result.reaches_next_star


def test_exactly_the_minimum_option_meets_it_and_a_better_one_too():
    assert ocop(minimum_answers(m3=1), points=minimum_sheet()).minimum_stars == 5
    assert ocop(minimum_answers(m3=2), points=minimum_sheet()).minimum_stars == 5


def test_a_4_star_minimum_does_not_touch_3_stars():
    result = ocop(minimum_answers(m4=1, a=30, b=15, c=20), points=minimum_sheet())
    assert result.total == 70 and result.band_stars == 4
    assert result.minimum_stars == 3 and result.stars == 3 and result.ready


def test_a_rank_asks_the_most_demanding_option_marked_for_it_or_below():
    # m4 has **** on 2 points and ***** on 3 points: 5 stars need 3 points there.
    result = ocop(minimum_answers(m4=2), points=minimum_sheet())
    assert result.band_stars == 5 and result.minimum_stars == 4 and result.stars == 4
    assert [(m.criterion_id, m.stars, m.to_option) for m in result.unmet_minimums] == [
        ("m4", 5, "m4.3")]


def test_a_2_star_minimum_missed_leaves_1_star_whatever_the_points():
    points = [marked("m2", "A", [0, 1], {1: 2}), marked("f", "A", list(range(61)))]
    result = ocop({"m2": "m2.0", "f": "f.60"}, points=points)
    assert (result.band_stars, result.minimum_stars, result.stars) == (3, 1, 1)
    assert result.reason == "minimums_not_met" and result.next_star == 2
    assert [(m.criterion_id, m.stars, m.to_option, m.gain) for m in result.unmet_minimums] == [
        ("m2", 2, "m2.1", 1)]


def test_an_unanswered_criterion_misses_its_minimum_by_the_whole_required_option():
    answers = minimum_answers()
    del answers["m3"]
    result = ocop(answers, points=minimum_sheet())
    assert (result.total, result.band_stars, result.stars) == (99, 5, 2)
    assert result.reason == "unanswered" and result.missing == ("m3",)
    assert [(m.criterion_id, m.stars, m.from_option, m.to_option, m.gain)
            for m in result.unmet_minimums] == [("m3", 3, None, "m3.1", 1)]
    assert [(s.criterion_id, s.from_option, s.to_option, s.gain) for s in result.suggestions] == [
        ("m3", None, "m3.1", 1)]


def test_unmet_minimums_are_listed_cheapest_first_with_the_points_still_missing():
    result = ocop(minimum_answers(m4=0, m5=0, a=30, b=19, c=20), points=minimum_sheet())
    # 1 + 0 + 0 + 30 + 19 + 20 = 70: band 4, but m4 (2 points short) caps it at 3.
    assert (result.total, result.band_stars, result.stars) == (70, 4, 3)
    assert result.next_star == 4 and result.points_to_next_star == 0
    assert [(m.criterion_id, m.gain) for m in result.unmet_minimums] == [("m4", 2)]
    five = ocop(minimum_answers(m4=2, m5=0, a=35, b=22, c=31), points=minimum_sheet())
    # 1 + 2 + 0 + 35 + 22 + 31 = 91: band 5; 5 stars need m4 at 3 and m5 at 3.
    assert five.stars == 4 and five.next_star == 5
    assert [(m.criterion_id, m.gain) for m in five.unmet_minimums] == [("m4", 1), ("m5", 3)]


def test_the_moves_to_the_next_star_add_points_beyond_the_minimums():
    result = ocop(minimum_answers(m3=0, a=10, b=10, c=10), points=minimum_sheet())
    # 0 + 3 + 3 + 10 + 10 + 10 = 36: band 2, next star 3 needs 50 points and m3 at 1.
    assert (result.stars, result.next_star, result.points_to_next_star) == (2, 3, 14)
    moves = {s.criterion_id: s for s in result.suggestions}
    assert moves["m3"].to_option in ("m3.1", "m3.2")
    assert sum(s.gain for s in result.suggestions) >= 14 and result.reaches_next_star


def test_a_criterion_raised_for_its_minimum_is_raised_further_in_one_move():
    # 30 points, 2 stars: 3 stars need m at 1 point (1 gained) and 50 points (19 more). Both
    # come from m: one move from m.0 to m.20 gaining 20.
    points = [marked("m", "A", [0, 1, 20], {1: 3}), marked("f", "A", [0, 30])]
    result = ocop({"m": "m.0", "f": "f.30"}, points=points)
    assert (result.stars, result.next_star, result.points_to_next_star) == (2, 3, 20)
    assert [(s.criterion_id, s.from_option, s.to_option, s.gain) for s in result.suggestions] == [
        ("m", "m.0", "m.20", 20)]
    assert result.reaches_next_star


def test_one_point_still_missing_after_the_minimums_takes_one_more_move():
    # 48 points, 2 stars: 3 stars need m at 1 point (1 gained) and 50 points: 1 more, from g.
    points = [marked("m", "A", [0, 1], {1: 3}), marked("g", "A", [0, 1, 5]),
              marked("f", "A", [0, 48])]
    result = ocop({"m": "m.0", "g": "g.0", "f": "f.48"}, points=points)
    assert (result.stars, result.next_star, result.points_to_next_star) == (2, 3, 2)
    assert [(s.criterion_id, s.from_option, s.to_option, s.gain) for s in result.suggestions] == [
        ("m", "m.0", "m.1", 1), ("g", "g.0", "g.1", 1)]
    assert result.reaches_next_star


def test_a_refusal_ground_makes_the_dossier_not_eligible_whatever_the_points():
    result = ocop(minimum_answers(gate=1), points=minimum_sheet())
    assert result.total == 101 and result.band_stars == 5
    assert not result.eligible and result.refusals == ("gate",) and result.na_refusals == ()
    assert not result.ready and result.reason == "not_eligible"


def test_a_refusal_outranks_unanswered_criteria():
    answers = minimum_answers(gate=1)
    del answers["a"]
    result = ocop(answers, points=minimum_sheet())
    assert result.reason == "not_eligible" and result.missing == ("a",)


def test_suggestions_never_move_to_a_refusing_option():
    points = [marked("x", "A", [0, 40], refuses=(40,)), marked("y", "A", [0, 10])]
    result = ocop({"x": "x.0", "y": "y.0"}, points=points)
    assert [s.to_option for s in result.suggestions] == ["y.10"]
    assert not result.reaches_next_star


@st.composite
def ocop_sheets_with_minimums(draw):
    """Criteria with options marked as star minimums in rising order (as the sheet does: a
    higher mark on a better option), plus gates whose "no" option refuses the dossier."""
    points, answers = [], {}
    for i in range(draw(st.integers(1, 10))):
        values = sorted(draw(st.lists(st.integers(0, 15), min_size=2, max_size=5, unique=True)))
        marks, rank = {}, 2
        for value in values[1:]:
            if draw(st.booleans()) and rank < 5:
                rank = draw(st.integers(rank + 1, 5))
                marks[value] = rank
        criterion = marked(f"k{i}", draw(st.sampled_from("ABC")), values, marks)
        points.append(criterion)
        answers[criterion.id] = draw(st.sampled_from(criterion.options)).id
    for i in range(draw(st.integers(0, 2))):
        gate = marked(f"g{i}", "C", [0, 1], refuses=(1,))
        points.append(gate)
        answers[gate.id] = draw(st.sampled_from(gate.options)).id
    return points, answers


@property_settings(300)
@given(ocop_sheets_with_minimums())
def test_property_projected_stars_are_the_lower_of_band_and_minimums(sheet):
    points, answers = sheet
    result = ocop(answers, points=points)
    assert result.band_stars == star_for(result.total)
    assert result.stars == min(result.band_stars, result.minimum_stars)
    chosen = {p.id: p.option(answers[p.id]) for p in points}
    for rank in range(2, result.minimum_stars + 1):  # every rank up to the cap is met ...
        for p in points:
            required = [o for o in p.options if o.min_stars and o.min_stars <= rank]
            assert not required or chosen[p.id].points >= max(o.points for o in required)
    if result.minimum_stars < 5:  # ... and the next one is not
        rank = result.minimum_stars + 1
        assert any(chosen[p.id].points < max(
            (o.points for o in p.options if o.min_stars and o.min_stars <= rank), default=0)
            for p in points)


@property_settings(300)
@given(ocop_sheets_with_minimums(), st.data())
def test_property_a_better_option_never_lowers_the_rank(sheet, data):
    points, answers = sheet
    before = ocop(answers, points=points)
    raisable = [p for p in points
                if any(o.points > p.option(answers[p.id]).points and not o.refuses
                       for o in p.options)]
    if not raisable:
        return
    criterion = data.draw(st.sampled_from(raisable))
    current = criterion.option(answers[criterion.id]).points
    better = data.draw(st.sampled_from(
        [o for o in criterion.options if o.points > current and not o.refuses]))
    after = ocop({**answers, criterion.id: better.id}, points=points)
    assert after.stars >= before.stars and after.minimum_stars >= before.minimum_stars


@property_settings(300)
@given(ocop_sheets_with_minimums())
def test_property_a_refusing_answer_is_never_eligible_nor_ready(sheet):
    points, answers = sheet
    result = ocop(answers, points=points)
    refusing = any(p.option(answers[p.id]).refuses for p in points)
    assert result.eligible == (not refusing)
    if refusing:
        assert not result.ready and result.reason == "not_eligible"


@property_settings(300)
@given(ocop_sheets_with_minimums())
def test_property_making_the_suggested_moves_reaches_the_next_star(sheet):
    points, answers = sheet
    result = ocop(answers, points=points)
    if result.next_star is None:
        assert result.stars == 5 and not result.suggestions
        return
    met = {m.criterion_id for m in result.unmet_minimums}
    assert met <= {s.criterion_id for s in result.suggestions}
    if result.reaches_next_star:
        moved = {**answers, **{s.criterion_id: s.to_option for s in result.suggestions}}
        assert ocop(moved, points=points).stars >= result.next_star
