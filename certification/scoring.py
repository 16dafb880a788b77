"""Pure readiness scoring of a self-assessment under the GlobalG.A.P., VietGAP and OCOP rules.

Standard library only (no Django): the services feed it plain specs and answers.

Common rules, whatever the scoring rule:

* A control point applies when it has no applicability tags or when any of its tags is in the
  assessment profile's active tags; points that do not apply leave every count.
* A "not_applicable" answer removes the point from the denominators when the point allows N/A;
  on a point with ``na_allowed`` False it counts as not compliant and is reported as an N/A refusal.
* Unanswered applicable points are reported as missing and count as not compliant: an assessment
  with unanswered applicable points is never ready (reason "unanswered" unless a failure of the
  answered points already explains the verdict).
* Answers for ids that are not in the checklist are ignored (a stale answer of a removed point).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

PERCENT_BY_LEVEL = "percent_by_level"
ALL_MANDATORY = "all_mandatory"
WEIGHTED_POINTS = "weighted_points"
RULES = (PERCENT_BY_LEVEL, ALL_MANDATORY, WEIGHTED_POINTS)

COMPLIANT = "compliant"
NOT_COMPLIANT = "not_compliant"
NOT_APPLICABLE = "not_applicable"
COMPLIANCE_ANSWERS = (COMPLIANT, NOT_COMPLIANT, NOT_APPLICABLE)

MAJOR = "major"
MINOR = "minor"
RECOMMENDATION = "recommendation"
GLOBALGAP_LEVELS = (MAJOR, MINOR, RECOMMENDATION)

# Verdict reason codes.
READY = "ready"
UNANSWERED = "unanswered"
MAJOR_FAILED = "major_failed"
MINOR_BELOW_THRESHOLD = "minor_below_threshold"
MANDATORY_FAILED = "mandatory_failed"
BELOW_TARGET_STARS = "below_target_stars"
MINIMUMS_NOT_MET = "minimums_not_met"
NOT_ELIGIBLE = "not_eligible"

# Gap statuses.
GAP_NOT_COMPLIANT = "not_compliant"
GAP_NA_REFUSED = "na_refused"
GAP_UNANSWERED = "unanswered"

DEFAULT_MINOR_THRESHOLD = Fraction(95, 100)
DEFAULT_PART_MAX: dict[str, int] = {"A": 40, "B": 25, "C": 35}
# Lower bounds of stars 2, 3, 4 and 5 (1 star is everything below the first bound).
DEFAULT_STAR_BOUNDS: tuple[int, ...] = (30, 50, 70, 90)
DEFAULT_TARGET_STARS = 3

Answer = str | None


@dataclass(frozen=True)
class OptionSpec:
    """One answer option of an OCOP criterion and the points it carries.

    ``min_stars``: the official sheet marks this option as the least a product of that many stars
    (or more) may have on its criterion (``***``, ``****``, ``*****`` for 3, 4, 5): a product whose
    chosen option scores fewer points than it cannot be ranked that high, whatever its total.
    ``refuses``: choosing this option is a ground for refusing the dossier (a falsified dossier,
    food-safety papers not in order): not eligible, whatever the points."""

    id: str
    points: int
    min_stars: int | None = None
    refuses: bool = False


@dataclass(frozen=True)
class ControlPointSpec:
    """A control point (compliance rules) or criterion (weighted_points) of a checklist."""

    id: str
    section_id: str
    level: str = MAJOR
    na_allowed: bool = True
    tags: frozenset[str] = frozenset()
    part: str = ""
    options: tuple[OptionSpec, ...] = ()

    def applies_to(self, profile_tags: Iterable[str]) -> bool:
        """True when the point has no tags or shares one with the profile's active tags."""
        return not self.tags or not self.tags.isdisjoint(profile_tags)

    def option(self, option_id: str) -> OptionSpec:
        for option in self.options:
            if option.id == option_id:
                return option
        raise ValueError(f"Unknown option {option_id!r} for criterion {self.id!r}")

    @property
    def max_points(self) -> int:
        return max((option.points for option in self.options), default=0)


@dataclass(frozen=True)
class SectionScore:
    """Per-section result. For the compliance rules ``points``/``max_points`` are the compliant
    and applicable counts; for weighted_points ``compliant`` counts answered criteria and the
    points are the chosen and best option points of the applicable criteria."""

    section_id: str
    applicable: int
    compliant: int
    not_applicable: int
    points: int
    max_points: int

    @property
    def ratio(self) -> Fraction | None:
        return Fraction(self.points, self.max_points) if self.max_points else None


@dataclass(frozen=True)
class LevelCount:
    """Counts of one level. ``not_compliant`` includes N/A refusals; ``missing`` (unanswered)
    points are applicable and not compliant but counted apart."""

    level: str
    applicable: int = 0
    compliant: int = 0
    not_compliant: int = 0
    not_applicable: int = 0
    missing: int = 0

    @property
    def failures(self) -> int:
        """Applicable points not compliant, unanswered ones included."""
        return self.applicable - self.compliant

    @property
    def percent(self) -> Fraction | None:
        """Compliant / applicable as an exact fraction (x 100 for a percentage); None if empty."""
        return Fraction(self.compliant, self.applicable) if self.applicable else None


@dataclass(frozen=True)
class Gap:
    """An applicable point that is not compliant; ``blocking`` when it prevents readiness."""

    point_id: str
    section_id: str
    level: str
    status: str
    blocking: bool


@dataclass(frozen=True)
class Suggestion:
    """Switching a criterion from its current option to a better one gains ``gain`` points."""

    criterion_id: str
    from_option: str | None
    to_option: str
    gain: int


@dataclass(frozen=True)
class UnmetMinimum:
    """A criterion below the option the sheet requires for ``stars`` stars: moving from
    ``from_option`` to ``to_option`` (the required one) gains ``gain`` points."""

    criterion_id: str
    stars: int
    from_option: str | None
    to_option: str
    gain: int


@dataclass(frozen=True)
class PartScore:
    part: str
    points: int
    max_points: int


@dataclass(frozen=True)
class ScoreResult:
    """Fields common to every rule's result."""

    rule: str
    ready: bool
    reason: str
    sections: tuple[SectionScore, ...]
    missing: tuple[str, ...]
    na_refusals: tuple[str, ...]


@dataclass(frozen=True)
class PercentByLevelResult(ScoreResult):
    levels: dict[str, LevelCount] = field(default_factory=dict)
    threshold: Fraction = DEFAULT_MINOR_THRESHOLD
    tolerated_minor_failures: int = 0
    minor_failures_remaining: int = 0
    gaps: tuple[Gap, ...] = ()

    @property
    def blocking_gaps(self) -> tuple[Gap, ...]:
        return tuple(gap for gap in self.gaps if gap.blocking)


@dataclass(frozen=True)
class AllMandatoryResult(ScoreResult):
    levels: dict[str, LevelCount] = field(default_factory=dict)
    mandatory_levels: frozenset[str] | None = None
    failures: tuple[Gap, ...] = ()


@dataclass(frozen=True)
class WeightedPointsResult(ScoreResult):
    """``stars`` is the projected rank: the lower of ``band_stars`` (the total's band) and
    ``minimum_stars`` (the highest rank whose every minimum option is met). ``unmet_minimums``
    lists the minimums of the next star not yet met, cheapest first; ``suggestions`` are the
    fewest moves reaching the next star, the unmet minimums included. ``refusals`` are the
    criteria whose chosen option refuses the dossier: then ``eligible`` is False."""

    parts: dict[str, PartScore] = field(default_factory=dict)
    total: int = 0
    max_total: int = 0
    stars: int = 1
    band_stars: int = 1
    minimum_stars: int = 5
    target_stars: int = DEFAULT_TARGET_STARS
    next_star: int | None = None
    points_to_next_star: int | None = None
    unmet_minimums: tuple[UnmetMinimum, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    reaches_next_star: bool = False
    eligible: bool = True
    refusals: tuple[str, ...] = ()


Result = PercentByLevelResult | AllMandatoryResult | WeightedPointsResult


def to_fraction(value: int | float | str | Decimal | Fraction) -> Fraction:
    """Exact fraction of a parameter; a float goes through its shortest repr (0.95 -> 19/20)."""
    if isinstance(value, float):
        return Fraction(repr(value))
    return Fraction(value)


# --- compliance rules ------------------------------------------------------------------------


@dataclass
class _Tally:
    applicable: int = 0
    compliant: int = 0
    not_compliant: int = 0
    not_applicable: int = 0
    missing: int = 0

    def freeze_level(self, level: str) -> LevelCount:
        return LevelCount(level, self.applicable, self.compliant, self.not_compliant,
                          self.not_applicable, self.missing)

    def freeze_section(self, section_id: str) -> SectionScore:
        return SectionScore(section_id, self.applicable, self.compliant, self.not_applicable,
                            self.compliant, self.applicable)


@dataclass(frozen=True)
class _Status:
    point: ControlPointSpec
    status: str  # COMPLIANT, NOT_COMPLIANT, NOT_APPLICABLE, GAP_NA_REFUSED or GAP_UNANSWERED


def _statuses(
    points: Sequence[ControlPointSpec], answers: Mapping[str, Answer], profile_tags: set[str]
) -> list[_Status]:
    """Status of every point that applies by profile, in checklist order."""
    statuses = []
    for point in points:
        if not point.applies_to(profile_tags):
            continue
        answer = answers.get(point.id)
        if answer is None:
            status = GAP_UNANSWERED
        elif answer not in COMPLIANCE_ANSWERS:
            raise ValueError(f"Unknown answer {answer!r} for control point {point.id!r}")
        elif answer == NOT_APPLICABLE and not point.na_allowed:
            status = GAP_NA_REFUSED
        else:
            status = answer
        statuses.append(_Status(point, status))
    return statuses


def _tally(statuses: Iterable[_Status], key: str) -> dict[str, _Tally]:
    tallies: dict[str, _Tally] = {}
    for item in statuses:
        name = item.point.level if key == "level" else item.point.section_id
        tally = tallies.setdefault(name, _Tally())
        if item.status == NOT_APPLICABLE:
            tally.not_applicable += 1
            continue
        tally.applicable += 1
        if item.status == COMPLIANT:
            tally.compliant += 1
        elif item.status == GAP_UNANSWERED:
            tally.missing += 1
        else:
            tally.not_compliant += 1
    return tallies


def _sections(statuses: Iterable[_Status]) -> tuple[SectionScore, ...]:
    return tuple(tally.freeze_section(section_id)
                 for section_id, tally in _tally(statuses, "section").items())


def _missing_and_refusals(statuses: Sequence[_Status]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    missing = tuple(item.point.id for item in statuses if item.status == GAP_UNANSWERED)
    refusals = tuple(item.point.id for item in statuses if item.status == GAP_NA_REFUSED)
    return missing, refusals


def _gap(item: _Status, blocking: bool) -> Gap:
    status = GAP_NOT_COMPLIANT if item.status == NOT_COMPLIANT else item.status
    return Gap(item.point.id, item.point.section_id, item.point.level, status, blocking)


def percent_by_level(
    params: Mapping[str, Any],
    points: Sequence[ControlPointSpec],
    answers: Mapping[str, Answer],
    profile_tags: set[str],
) -> PercentByLevelResult:
    """GlobalG.A.P.: ready when every applicable Major Must is compliant and compliant / applicable
    Minor Musts >= ``params["minor_threshold"]`` (default 0.95, compared as exact fractions).
    Recommendations have no minimum. Tolerated Minor failures = floor((1 - threshold) x applicable
    Minor Musts); ``minor_failures_remaining`` is that minus the current Minor failures (unanswered
    ones included), negative when over. Gaps list failed Majors, then Minor failures (blocking when
    the answered ones exceed the tolerance), then unanswered points (blocking), then failed
    Recommendations (never blocking)."""
    threshold = to_fraction(params.get("minor_threshold", DEFAULT_MINOR_THRESHOLD))
    for point in points:
        if point.level not in GLOBALGAP_LEVELS:
            raise ValueError(f"Unknown level {point.level!r} for control point {point.id!r}")
    statuses = _statuses(points, answers, profile_tags)
    tallies = _tally(statuses, "level")
    levels = {level: tallies.get(level, _Tally()).freeze_level(level)
              for level in GLOBALGAP_LEVELS}
    major, minor = levels[MAJOR], levels[MINOR]
    tolerated = math.floor((1 - threshold) * minor.applicable)
    remaining = tolerated - minor.failures
    missing, refusals = _missing_and_refusals(statuses)
    # The answered Minor failures alone break the threshold (unanswered ones taken as compliant):
    # compliant / applicable < threshold, exactly (equivalent to failures > tolerated).
    minor_over = bool(minor.applicable) and (
        Fraction(minor.applicable - minor.not_compliant, minor.applicable) < threshold
    )

    if major.not_compliant:
        reason = MAJOR_FAILED
    elif minor_over:
        reason = MINOR_BELOW_THRESHOLD
    elif missing:
        reason = UNANSWERED
    else:
        reason = READY
    ready = reason == READY

    answered_failures = [item for item in statuses
                         if item.status in (NOT_COMPLIANT, GAP_NA_REFUSED)]
    gaps = (
        [_gap(item, True) for item in answered_failures if item.point.level == MAJOR]
        + [_gap(item, minor_over) for item in answered_failures if item.point.level == MINOR]
        + [_gap(item, True) for item in statuses if item.status == GAP_UNANSWERED]
        + [_gap(item, False) for item in answered_failures
           if item.point.level == RECOMMENDATION]
    )
    return PercentByLevelResult(
        rule=PERCENT_BY_LEVEL, ready=ready, reason=reason, sections=_sections(statuses),
        missing=missing, na_refusals=refusals, levels=levels, threshold=threshold,
        tolerated_minor_failures=tolerated, minor_failures_remaining=remaining, gaps=tuple(gaps),
    )


def all_mandatory(
    params: Mapping[str, Any],
    points: Sequence[ControlPointSpec],
    answers: Mapping[str, Answer],
    profile_tags: set[str],
) -> AllMandatoryResult:
    """VietGAP default: ready when every applicable point of a level in
    ``params["mandatory_levels"]`` (default: every level) is compliant and nothing applicable is
    unanswered. Failures of other levels are listed but never block."""
    raw_levels = params.get("mandatory_levels")
    mandatory = None if raw_levels is None else frozenset(raw_levels)

    def is_mandatory(point: ControlPointSpec) -> bool:
        return mandatory is None or point.level in mandatory

    statuses = _statuses(points, answers, profile_tags)
    tallies = _tally(statuses, "level")
    levels = {level: tally.freeze_level(level) for level, tally in tallies.items()}
    missing, refusals = _missing_and_refusals(statuses)
    failures = [_gap(item, is_mandatory(item.point)) for item in statuses
                if item.status in (NOT_COMPLIANT, GAP_NA_REFUSED)]
    failures.sort(key=lambda gap: not gap.blocking)  # stable: blocking first, checklist order
    if any(gap.blocking for gap in failures):
        reason = MANDATORY_FAILED
    elif missing:
        reason = UNANSWERED
    else:
        reason = READY
    return AllMandatoryResult(
        rule=ALL_MANDATORY, ready=reason == READY, reason=reason, sections=_sections(statuses),
        missing=missing, na_refusals=refusals, levels=levels, mandatory_levels=mandatory,
        failures=tuple(failures),
    )


# --- weighted points -------------------------------------------------------------------------


def star_for(total: int | Fraction, bounds: Sequence[int] = DEFAULT_STAR_BOUNDS) -> int:
    """Stars of a total: 1 plus the number of band lower bounds (stars 2..n) it reaches."""
    return 1 + sum(1 for bound in bounds if total >= bound)


def cheapest_suggestions(
    criteria: Sequence[tuple[ControlPointSpec, OptionSpec | None]], gap: int
) -> tuple[list[Suggestion], bool]:
    """Fewest option changes that gain at least ``gap`` points, one change per criterion.

    Greedy: while no single remaining criterion can close the gap, take the criterion whose best
    option gains the most (ties: checklist order); once one can, take the smallest single change
    that closes it (least overshoot). This gives the minimum number of changes. The result is
    ordered by gain descending. When even every best option falls short, all of them are
    returned and the flag is False.
    """
    moves: list[list[Suggestion]] = []  # per criterion, its improving options by gain ascending
    for criterion, chosen in criteria:
        current = chosen.points if chosen else 0
        options = sorted(
            (Suggestion(criterion.id, chosen.id if chosen else None, option.id,
                        option.points - current)
             for option in criterion.options
             if option.points > current and not option.refuses),
            key=lambda suggestion: suggestion.gain,
        )
        if options:
            moves.append(options)
    chosen_moves: list[Suggestion] = []
    remaining = gap
    while remaining > 0 and moves:
        closing = [(min((s for s in options if s.gain >= remaining), key=lambda s: s.gain), i)
                   for i, options in enumerate(moves) if options[-1].gain >= remaining]
        if closing:
            best, index = min(closing, key=lambda pair: (pair[0].gain, pair[1]))
        else:
            index = max(range(len(moves)), key=lambda i: (moves[i][-1].gain, -i))
            best = moves[index][-1]
        chosen_moves.append(best)
        remaining -= best.gain
        del moves[index]
    chosen_moves.sort(key=lambda suggestion: -suggestion.gain)
    return chosen_moves, remaining <= 0


def required_option(criterion: ControlPointSpec, stars: int) -> OptionSpec | None:
    """The option the sheet requires on ``criterion`` for a ``stars``-star product: the most
    demanding option marked for ``stars`` or fewer; None when the rank asks nothing of it."""
    marked = [option for option in criterion.options
              if option.min_stars is not None and option.min_stars <= stars]
    return max(marked, key=lambda option: (option.points, option.min_stars), default=None)


def meets_minimum(criterion: ControlPointSpec, chosen: OptionSpec | None, stars: int) -> bool:
    """Whether the chosen option scores at least the option required for ``stars`` stars."""
    required = required_option(criterion, stars)
    return required is None or (chosen is not None and chosen.points >= required.points)


def minimum_stars(criteria: Sequence[tuple[ControlPointSpec, OptionSpec | None]],
                  top: int) -> int:
    """The highest rank, up to ``top``, whose every minimum is met. Meeting the minimums of a rank
    meets those of the ranks below (a rank requires at least what the one below it does), so the
    first rank met counting down is the answer."""
    for stars in range(top, 1, -1):
        if all(meets_minimum(criterion, option, stars) for criterion, option in criteria):
            return stars
    return 1


def unmet_minimums(criteria: Sequence[tuple[ControlPointSpec, OptionSpec | None]],
                   stars: int) -> list[UnmetMinimum]:
    """The minimums of a ``stars``-star rank not met yet, cheapest first (then checklist order)."""
    unmet = []
    for criterion, chosen in criteria:
        if meets_minimum(criterion, chosen, stars):
            continue
        required = required_option(criterion, stars)
        unmet.append(UnmetMinimum(criterion.id, required.min_stars,
                                  chosen.id if chosen else None, required.id,
                                  required.points - (chosen.points if chosen else 0)))
    return sorted(unmet, key=lambda minimum: minimum.gain)  # stable: checklist order on ties


def _moves_to_next_star(criteria: Sequence[tuple[ControlPointSpec, OptionSpec | None]],
                        minimums: Sequence[UnmetMinimum], points_gap: int
                        ) -> tuple[list[Suggestion], bool]:
    """Every unmet minimum is a move that must be made; the points still missing after them
    come from the fewest further changes (a criterion raised for its minimum may be raised
    further, as one move)."""
    raised = {minimum.criterion_id: minimum for minimum in minimums}
    after_minimums = [(criterion, criterion.option(raised[criterion.id].to_option)
                       if criterion.id in raised else chosen) for criterion, chosen in criteria]
    remaining = points_gap - sum(minimum.gain for minimum in minimums)
    extra, reaches = (cheapest_suggestions(after_minimums, remaining) if remaining > 0
                      else ([], True))
    further = {move.criterion_id: move for move in extra}
    moves = [Suggestion(minimum.criterion_id, minimum.from_option,
                        further[minimum.criterion_id].to_option
                        if minimum.criterion_id in further else minimum.to_option,
                        minimum.gain + (further[minimum.criterion_id].gain
                                        if minimum.criterion_id in further else 0))
             for minimum in minimums]
    moves += [move for move in extra if move.criterion_id not in raised]
    moves.sort(key=lambda move: -move.gain)
    return moves, reaches


def weighted_points(
    params: Mapping[str, Any],
    points: Sequence[ControlPointSpec],
    answers: Mapping[str, Answer],
    profile_tags: set[str],
) -> WeightedPointsResult:
    """OCOP: one option per criterion, points summed per part and in total. The total's band by
    ``params["star_bounds"]`` (lower bounds of stars 2..5, default 30/50/70/90) gives
    ``band_stars``; the projected rank is the lower of that and the highest rank whose minimum
    options are all met. Part maximums are ``params["part_max"]`` (default A 40, B 25, C 35).
    Unanswered criteria score 0 and are reported. An option that refuses the dossier makes the
    product not eligible whatever the points. Ready when eligible, nothing is unanswered and the
    projected rank reaches ``params["target_stars"]`` (default 3, the lowest rank a province
    awards). The moves to the next rank: see ``_moves_to_next_star``."""
    part_max = dict(params.get("part_max", DEFAULT_PART_MAX))
    bounds = tuple(sorted(params.get("star_bounds", DEFAULT_STAR_BOUNDS)))
    target = int(params.get("target_stars", DEFAULT_TARGET_STARS))
    top = len(bounds) + 1

    chosen: list[tuple[ControlPointSpec, OptionSpec | None]] = []
    for point in points:
        if not point.applies_to(profile_tags):
            continue
        answer = answers.get(point.id)
        chosen.append((point, None if answer is None else point.option(answer)))

    part_points: dict[str, int] = dict.fromkeys(part_max, 0)
    section_rows: dict[str, list[int]] = {}  # section -> [applicable, answered, points, max]
    for point, option in chosen:
        value = option.points if option else 0
        part_points[point.part] = part_points.get(point.part, 0) + value
        row = section_rows.setdefault(point.section_id, [0, 0, 0, 0])
        row[0] += 1
        row[1] += option is not None
        row[2] += value
        row[3] += point.max_points
    parts = {part: PartScore(part, total, int(part_max.get(part, 0)))
             for part, total in part_points.items()}
    total = sum(part_points.values())
    band = star_for(total, bounds)
    capped = minimum_stars(chosen, top)
    stars = min(band, capped)
    missing = tuple(point.id for point, option in chosen if option is None)
    refusals = tuple(point.id for point, option in chosen if option is not None and option.refuses)

    next_star = stars + 1 if stars < top else None
    to_next = max(bounds[next_star - 2] - total, 0) if next_star is not None else None
    minimums: list[UnmetMinimum] = []
    suggestions: list[Suggestion] = []
    reaches = False
    if next_star is not None:
        minimums = unmet_minimums(chosen, next_star)
        suggestions, reaches = _moves_to_next_star(chosen, minimums, to_next)

    if refusals:
        reason = NOT_ELIGIBLE
    elif missing:
        reason = UNANSWERED
    elif band < target:
        reason = BELOW_TARGET_STARS
    elif capped < target:
        reason = MINIMUMS_NOT_MET
    else:
        reason = READY
    sections = tuple(SectionScore(section_id, applicable, answered, 0, pts, max_pts)
                     for section_id, (applicable, answered, pts, max_pts)
                     in section_rows.items())
    return WeightedPointsResult(
        rule=WEIGHTED_POINTS, ready=reason == READY, reason=reason, sections=sections,
        missing=missing, na_refusals=(), parts=parts, total=total,
        max_total=sum(int(value) for value in part_max.values()), stars=stars, band_stars=band,
        minimum_stars=capped, target_stars=target, next_star=next_star,
        points_to_next_star=to_next, unmet_minimums=tuple(minimums),
        suggestions=tuple(suggestions), reaches_next_star=reaches, eligible=not refusals,
        refusals=refusals,
    )


_RULE_FUNCTIONS = {
    PERCENT_BY_LEVEL: percent_by_level,
    ALL_MANDATORY: all_mandatory,
    WEIGHTED_POINTS: weighted_points,
}


def score(
    rule: str,
    params: Mapping[str, Any] | None,
    points: Sequence[ControlPointSpec],
    answers: Mapping[str, Answer],
    profile_tags: set[str],
) -> Result:
    """Score an assessment under the named rule ("percent_by_level", "all_mandatory" or
    "weighted_points")."""
    try:
        function = _RULE_FUNCTIONS[rule]
    except KeyError:
        raise ValueError(f"Unknown scoring rule {rule!r}") from None
    return function(params or {}, points, answers, profile_tags)
