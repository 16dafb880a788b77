"""Reading, checking and writing checklist files (YAML and XLSX) as plain data, without a database.

The format is described in docs/checklist-format.md. Both parsers turn a file into a
``ChecklistData`` and collect every problem they find (structure first, then ``validate``); any
problem raises ``ChecklistFileError`` listing them all, each naming its place in the file. The DB
service resolves course slugs and writes the data; nothing here touches the database.
"""

from __future__ import annotations

import io
import json
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePath
from typing import Any

import openpyxl
import yaml
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from certification.checklists.safe_reading import (
    MAX_SHEET_ROWS,
    Refused,
    check_xlsx,
    load_yaml,
    not_a_workbook,
)
from certification.scoring import (
    ALL_MANDATORY,
    DEFAULT_PART_MAX,
    DEFAULT_STAR_BOUNDS,
    DEFAULT_TARGET_STARS,
    MAJOR,
    MINOR,
    PERCENT_BY_LEVEL,
    RECOMMENDATION,
    RULES,
    WEIGHTED_POINTS,
    to_fraction,
)
from lms.exports.spreadsheets import spreadsheet_value_restore, xlsx_row

SHIPPED_CHECKLISTS = Path(__file__).resolve().parent / "shipped"  # the platform's own files

FORMAT_VERSION = 1

REQUIRED = "required"
LEVELS = (REQUIRED, MAJOR, MINOR, RECOMMENDATION)
LEVELS_BY_RULE: dict[str, tuple[str, ...]] = {
    PERCENT_BY_LEVEL: (MAJOR, MINOR, RECOMMENDATION),
    ALL_MANDATORY: LEVELS,
    WEIGHTED_POINTS: (),
}
JUSTIFICATION_NEVER = "never"
JUSTIFICATION_RULES = ("never", "always", "not_compliant", "not_compliant_or_na")
PARAMS_BY_RULE: dict[str, tuple[str, ...]] = {
    PERCENT_BY_LEVEL: ("minor_threshold",),
    ALL_MANDATORY: ("mandatory_levels",),
    WEIGHTED_POINTS: ("part_max", "star_bounds", "target_stars"),
}
STAR_BOUNDS_COUNT = len(DEFAULT_STAR_BOUNDS)  # lowest totals of 2, 3, 4 and 5 stars
MAX_STARS = STAR_BOUNDS_COUNT + 1
OPTION_POINTS_MAX = 100

# The limits of the fields that store them (certification.models, Course.slug).
CODE_MAX_LENGTH = 32
OPTION_CODE_MAX_LENGTH = 16
PART_MAX_LENGTH = 8
LABEL_MAX_LENGTH = 60
TAG_MAX_LENGTH = 40
TAGS_MAX_LENGTH = 200  # a point's tags joined with commas
STANDARD_CODE_MAX_LENGTH = 50
NAME_MAX_LENGTH = 200
TITLE_MAX_LENGTH = 300  # section titles, profile questions, option texts
COURSE_SLUG_MAX_LENGTH = 100

MAX_FILE_SIZE = 2 * 1024 * 1024
MAX_ISSUES = 200
# Bounds against hostile files; those checked before a file is parsed are in safe_reading.
MAX_ROWS = 20_000  # non-empty rows of a sheet
MAX_COLUMNS = 50  # columns of a sheet read: a checklist sheet has at most 14, further ones ignored
MAX_ITEMS = 50_000
MAX_SECTION_DEPTH = 10

STANDARD_CODE_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
TAG_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")
COURSE_SLUG_RE = re.compile(r"[-a-zA-Z0-9_]+")
# Characters that have no place in a text (and that XLSX cannot hold); tab and newline are fine.
TEXT_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
LINE_FORBIDDEN_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")

YES_WORDS = ("yes", "true", "1", "có")
NO_WORDS = ("no", "false", "0", "không")

PATH_SEPARATOR = " › "


# --- data -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A text in Vietnamese and English."""

    vi: str
    en: str

    def get(self, language: str | None) -> str:
        """The text in ``language`` ("en", "en-us", "vi"…), the Vietnamese one when missing."""
        code = (language or "").split("-")[0].lower()
        return (self.en if code == "en" else "") or self.vi


@dataclass(frozen=True)
class ProfileQuestionData:
    tag: str
    question: Text
    help: Text | None
    where: str = field(default="", compare=False)


@dataclass(frozen=True)
class OptionData:
    """An OCOP option. ``min_stars``: the least a product of that many stars may have on the
    criterion (the official sheet's ***, ****, *****); ``refuses``: choosing it is a ground for
    refusing the dossier."""

    code: str
    text: Text
    points: int
    min_stars: int | None = None
    refuses: bool = False
    where: str = field(default="", compare=False)


@dataclass(frozen=True)
class PointData:
    code: str
    section: str
    text: Text
    guidance: Text | None
    level: str
    na_allowed: bool
    justification: str
    evidence_required: bool
    evidence: Text | None
    tags: tuple[str, ...]
    courses: tuple[str, ...]
    options: tuple[OptionData, ...]
    where: str = field(default="", compare=False)


@dataclass(frozen=True)
class SectionData:
    code: str
    parent: str
    title: Text
    intro: Text | None
    part: str
    where: str = field(default="", compare=False)


@dataclass(frozen=True)
class ChecklistData:
    """One version of one standard. ``sections`` are flattened depth-first (parents before
    children); ``points`` follow their sections in that order, keeping their own order within a
    section. ``where`` maps the top-level fields (standard_code, name, description, label, rule,
    params, note) to their place in the file."""

    standard_code: str
    name: Text
    description: Text | None
    label: str
    rule: str
    params: dict[str, Any]
    note: Text | None
    profile: tuple[ProfileQuestionData, ...]
    sections: tuple[SectionData, ...]
    points: tuple[PointData, ...]
    where: dict[str, str] = field(default_factory=dict, compare=False, repr=False)


class ChecklistFileError(Exception):
    """A checklist file that cannot be imported; ``issues`` lists every problem found."""

    def __init__(self, issues: Iterable[str]):
        issues = list(issues)
        if len(issues) > MAX_ISSUES:
            more = len(issues) - MAX_ISSUES
            issues = issues[:MAX_ISSUES] + [
                ngettext("… and %(count)s more problem.", "… and %(count)s more problems.",
                         more) % {"count": more}
            ]
        self.issues = issues
        super().__init__("\n".join(issues))


# --- small helpers --------------------------------------------------------------------------


def _shown(value: Any, limit: int = 40) -> str:
    """A value as quoted in a message, cut short when long."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _clean_text(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _yes_no(value: Any, default: bool) -> bool | None:
    """A yes/no value: a boolean, 1/0 or one of the words of the format; None when it is none."""
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return {1: True, 0: False}.get(value)  # 1.0 == 1
    if isinstance(value, str):
        word = value.strip().lower()
        if not word:
            return default
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
    return None


def _whole_number(value: Any) -> int | None:
    """An int from an int, an integral float or a string of digits; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    return None


def _decimal_string(value: Any) -> str | None:
    """A number written as a plain decimal string ("0.95"); None when it is not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        return None
    try:
        number = Decimal(repr(value) if isinstance(value, float) else str(value).strip())
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return format(number.normalize(), "f")


def _normalise_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """Same meaning, one spelling: the threshold as a decimal string, integral floats as ints,
    lists as lists. Values that cannot be normalised are kept for ``validate`` to report."""

    def whole(value: Any) -> Any:
        number = _whole_number(value) if isinstance(value, float) else None
        return value if number is None else number

    result = dict(params)
    if "minor_threshold" in result:
        threshold = _decimal_string(result["minor_threshold"])
        if threshold is not None:
            result["minor_threshold"] = threshold
    if isinstance(result.get("mandatory_levels"), list | tuple):
        result["mandatory_levels"] = list(result["mandatory_levels"])
    if isinstance(result.get("part_max"), Mapping):
        result["part_max"] = {key: whole(value) for key, value in result["part_max"].items()}
    if isinstance(result.get("star_bounds"), list | tuple):
        result["star_bounds"] = [whole(value) for value in result["star_bounds"]]
    if "target_stars" in result:
        result["target_stars"] = whole(result["target_stars"])
    return result


def _check_size(size: int) -> None:
    if size > MAX_FILE_SIZE:
        raise ChecklistFileError([
            _("The file is %(size)s; a checklist file may be at most %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(MAX_FILE_SIZE)}
        ])


def _depth_first(sections: Sequence[SectionData]) -> list[SectionData]:
    """Sections ordered parents first, children right after their parent in their own order.
    Sections whose parent is unknown stay at the top level; those caught in a cycle go last."""
    known = {section.code for section in sections if section.code}
    children: dict[str, list[SectionData]] = defaultdict(list)
    roots = []
    for section in sections:
        if section.parent and section.parent in known:
            children[section.parent].append(section)
        else:
            roots.append(section)
    ordered: list[SectionData] = []
    seen: set[int] = set()
    stack = list(reversed(roots))
    while stack:
        section = stack.pop()
        if id(section) in seen:
            continue
        seen.add(id(section))
        ordered.append(section)
        stack.extend(reversed(children.get(section.code, ()) if section.code else ()))
    ordered.extend(section for section in sections if id(section) not in seen)
    return ordered


def _points_in_section_order(sections: Sequence[SectionData],
                             points: Iterable[PointData]) -> list[PointData]:
    index: dict[str, int] = {}
    for position, section in enumerate(sections):
        index.setdefault(section.code, position)
    return sorted(points, key=lambda point: index.get(point.section, len(index)))


# --- checks ---------------------------------------------------------------------------------


class _Checker:
    """Collects the messages of ``validate``."""

    def __init__(self) -> None:
        self.issues: list[str] = []

    def say(self, message: str, **values: Any) -> None:
        self.issues.append(message % values)

    def text(self, text: Text | None, where: str, name: str, *, required: bool,
             max_length: int | None = None) -> None:
        if text is None or (not text.vi and not text.en):
            if required:
                self.say(_("%(where)s: %(field)s is missing."), where=where, field=name)
            return
        if not text.vi or not text.en:
            self.say(_("%(where)s: %(field)s needs both Vietnamese and English."),
                     where=where, field=name)
        for language, value in (("vi", text.vi), ("en", text.en)):
            if max_length and len(value) > max_length:
                self.say(_("%(where)s: %(field)s (%(language)s) is longer than %(max)s "
                           "characters."),
                         where=where, field=name, language=language, max=max_length)
            if TEXT_FORBIDDEN_RE.search(value):
                self.say(_("%(where)s: %(field)s (%(language)s) holds a control character; "
                           "remove it."), where=where, field=name, language=language)

    def identifier(self, value: str, where: str, name: str, pattern: re.Pattern,
                   max_length: int, allowed: str) -> bool:
        """Checks a code, tag or slug; True when it is well formed."""
        if not value:
            self.say(_("%(where)s: %(field)s is missing."), where=where, field=name)
        elif len(value) > max_length:
            self.say(_("%(where)s: %(field)s “%(value)s” is longer than %(max)s characters."),
                     where=where, field=name, value=_shown(value), max=max_length)
        elif not pattern.fullmatch(value):
            self.say(_("%(where)s: %(field)s “%(value)s” may only use %(allowed)s."),
                     where=where, field=name, value=_shown(value), allowed=allowed)
        else:
            return True
        return False

    def code(self, value: str, where: str, name: str = "code",
             max_length: int = CODE_MAX_LENGTH) -> bool:
        return self.identifier(
            value, where, name, CODE_RE, max_length,
            _("letters, digits, dots, hyphens and underscores, starting with a letter or digit"))

    def tag(self, value: str, where: str, name: str = "tag") -> bool:
        return self.identifier(
            value, where, name, TAG_RE, TAG_MAX_LENGTH,
            _("lower-case letters, digits, hyphens and underscores, starting with a letter or "
              "digit"))

    def unique(self, items: Iterable[tuple[str, str]], message: str) -> None:
        """``message`` once for each repeat of a value; items are (value, where)."""
        seen: set[str] = set()
        for value, where in items:
            if not value:
                continue
            if value in seen:
                self.say(message, where=where, value=_shown(value))
            seen.add(value)

    def listed(self, values: Sequence[str], where: str, name: str) -> None:
        for value, count in Counter(values).items():
            if count > 1:
                self.say(_("%(where)s: %(field)s lists “%(value)s” more than once."),
                         where=where, field=name, value=_shown(value))


def _one_of(values: Iterable[str]) -> str:
    return ", ".join(values)


def validate(data: ChecklistData) -> list[str]:
    """Every problem of the content, each naming its place; empty when the checklist is valid."""
    check = _Checker()
    where = data.where
    standard_where = where.get("standard_code", "standard")
    check.identifier(data.standard_code, standard_where, "standard code", STANDARD_CODE_RE,
                     STANDARD_CODE_MAX_LENGTH,
                     _("lower-case letters, digits and hyphens, starting with a letter or digit"))
    check.text(data.name, where.get("name", "standard"), "name", required=True,
               max_length=NAME_MAX_LENGTH)
    check.text(data.description, where.get("description", "standard"), "description",
               required=False)
    _check_label(check, data.label, where.get("label", "version"))
    rule_known = _check_rule(check, data.rule, where.get("rule", "version"))
    check.text(data.note, where.get("note", "version"), "note", required=False)
    params_where = where.get("params", "params")
    part_max = _check_params(check, data.rule if rule_known else "", data.params, params_where)

    tags = _check_profile(check, data.profile)
    _check_sections(check, data, data.rule if rule_known else "", part_max)
    _check_points(check, data, tags, data.rule if rule_known else "")
    if data.rule == WEIGHTED_POINTS:
        _check_part_totals(check, data, part_max, params_where)
    return check.issues


def _check_label(check: _Checker, label: str, where: str) -> None:
    if not label:
        check.say(_("%(where)s: label is missing."), where=where)
    elif len(label) > LABEL_MAX_LENGTH:
        check.say(_("%(where)s: label “%(value)s” is longer than %(max)s characters."),
                  where=where, value=_shown(label), max=LABEL_MAX_LENGTH)
    elif LINE_FORBIDDEN_RE.search(label):
        check.say(_("%(where)s: label must be one line without control characters."),
                  where=where)


def _check_rule(check: _Checker, rule: str, where: str) -> bool:
    if not rule:
        check.say(_("%(where)s: rule is missing; choose one of %(rules)s."),
                  where=where, rules=_one_of(RULES))
    elif rule not in RULES:
        check.say(_("%(where)s: rule “%(value)s” is not one of %(rules)s."),
                  where=where, value=_shown(rule), rules=_one_of(RULES))
    else:
        return True
    return False


def _check_params(check: _Checker, rule: str, params: Any, where: str) -> dict[str, int]:
    """Checks the parameters of a known rule; returns the part maximums in force."""
    if not isinstance(params, Mapping):
        check.say(_("%(where)s: params must be a mapping of names to values."), where=where)
        return dict(DEFAULT_PART_MAX)
    if not rule:
        return dict(DEFAULT_PART_MAX)
    allowed = PARAMS_BY_RULE[rule]
    for key in params:
        if key not in allowed:
            check.say(_("%(where)s: “%(key)s” is not a parameter of the %(rule)s rule; it takes "
                        "%(allowed)s."),
                      where=where, key=_shown(key), rule=rule, allowed=_one_of(allowed))

    if "minor_threshold" in params and "minor_threshold" in allowed:
        value = params["minor_threshold"]
        number = _decimal_string(value) if isinstance(value, str) else None
        if number is None or not 0 < to_fraction(number) <= 1:
            check.say(_("%(where)s: minor_threshold “%(value)s” must be a number greater than 0 "
                        "and at most 1, written as a string such as “0.95”."),
                      where=where, value=_shown(value))

    if "mandatory_levels" in params and "mandatory_levels" in allowed:
        levels = params["mandatory_levels"]
        if not isinstance(levels, list | tuple) or not all(isinstance(v, str) for v in levels):
            check.say(_("%(where)s: mandatory_levels must be a list of levels taken from "
                        "%(levels)s."), where=where, levels=_one_of(LEVELS))
        elif not levels:
            check.say(_("%(where)s: mandatory_levels is empty; leave it out to make every level "
                        "mandatory."), where=where)
        else:
            for level in levels:
                if level not in LEVELS:
                    check.say(_("%(where)s: mandatory_levels: “%(value)s” is not one of "
                                "%(levels)s."),
                              where=where, value=_shown(level), levels=_one_of(LEVELS))
            check.listed(list(levels), where, "mandatory_levels")

    part_max = dict(DEFAULT_PART_MAX)
    if "part_max" in params and "part_max" in allowed:
        value = params["part_max"]
        if not isinstance(value, Mapping) or not value:
            check.say(_("%(where)s: part_max must map each part to its maximum, such as "
                        "%(example)s."),
                      where=where, example=json.dumps(DEFAULT_PART_MAX).replace('"', ""))
        else:
            part_max = {}
            for part, maximum in value.items():
                if not isinstance(part, str) or not CODE_RE.fullmatch(part) \
                        or len(part) > PART_MAX_LENGTH:
                    check.say(_("%(where)s: part_max: “%(value)s” is not a valid part name "
                                "(at most %(max)s letters and digits, such as A)."),
                              where=where, value=_shown(part), max=PART_MAX_LENGTH)
                elif isinstance(maximum, bool) or not isinstance(maximum, int) or maximum <= 0:
                    check.say(_("%(where)s: part_max: the maximum of part %(part)s must be a "
                                "whole number above 0, not “%(value)s”."),
                              where=where, part=part, value=_shown(maximum))
                    part_max[part] = 0
                else:
                    part_max[part] = maximum

    if "star_bounds" in params and "star_bounds" in allowed:
        bounds = params["star_bounds"]
        well_formed = (
            isinstance(bounds, list | tuple) and len(bounds) == STAR_BOUNDS_COUNT
            and all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in bounds)
            and all(low < high for low, high in zip(bounds, bounds[1:], strict=False))
        )
        if not well_formed:
            check.say(_("%(where)s: star_bounds must be %(count)s whole numbers above 0 in "
                        "ascending order (the lowest totals of 2, 3, 4 and 5 stars), such as "
                        "%(example)s."),
                      where=where, count=STAR_BOUNDS_COUNT, example=list(DEFAULT_STAR_BOUNDS))

    if "target_stars" in params and "target_stars" in allowed:
        target = params["target_stars"]
        if isinstance(target, bool) or not isinstance(target, int) \
                or not 1 <= target <= MAX_STARS:
            check.say(_("%(where)s: target_stars must be a whole number from 1 to %(max)s, such "
                        "as %(example)s, not “%(value)s”."),
                      where=where, max=MAX_STARS, example=DEFAULT_TARGET_STARS,
                      value=_shown(target))
    return part_max


def _check_profile(check: _Checker, profile: Sequence[ProfileQuestionData]) -> set[str]:
    for question in profile:
        check.tag(question.tag, question.where)
        check.text(question.question, question.where, "question", required=True,
                   max_length=TITLE_MAX_LENGTH)
        check.text(question.help, question.where, "help", required=False)
    check.unique(((question.tag, question.where) for question in profile),
                 _("%(where)s: tag “%(value)s” is asked more than once in the profile."))
    return {question.tag for question in profile}


def _check_sections(check: _Checker, data: ChecklistData, rule: str,
                    part_max: Mapping[str, int]) -> None:
    """Sections; parts are checked only when the rule is known."""
    if not data.sections:
        check.say(_("The checklist has no sections."))
    holding = {point.section for point in data.points}
    parents: dict[str, str] = {}
    for section in data.sections:
        parents.setdefault(section.code, section.parent)
    for section in data.sections:
        check.code(section.code, section.where)
        check.text(section.title, section.where, "title", required=True,
                   max_length=TITLE_MAX_LENGTH)
        check.text(section.intro, section.where, "intro", required=False)
        if section.parent:
            if section.parent not in parents:
                check.say(_("%(where)s: parent “%(value)s” is not the code of a section."),
                          where=section.where, value=_shown(section.parent))
            elif section.code:
                _check_no_cycle(check, section, parents)
        if rule:
            _check_part(check, section, rule, part_max, section.code in holding)
    check.unique(((section.code, section.where) for section in data.sections),
                 _("%(where)s: section code “%(value)s” is used more than once."))


def _check_part(check: _Checker, section: SectionData, rule: str, part_max: Mapping[str, int],
                holds_points: bool) -> None:
    if rule != WEIGHTED_POINTS:
        if section.part:
            check.say(_("%(where)s: part is only for the weighted_points rule; leave it empty."),
                      where=section.where)
    elif section.part:
        if section.part not in part_max:
            check.say(_("%(where)s: part “%(value)s” is not one of %(parts)s (the parts of "
                        "part_max)."),
                      where=section.where, value=_shown(section.part), parts=_one_of(part_max))
    elif holds_points:
        check.say(_("%(where)s: this section holds criteria, so it needs a part: one of "
                    "%(parts)s."), where=section.where, parts=_one_of(part_max))


def _check_no_cycle(check: _Checker, section: SectionData, parents: Mapping[str, str]) -> None:
    chain = [section.code]
    parent = section.parent
    while parent and parent in parents and parent not in chain:
        chain.append(parent)
        parent = parents[parent]
    if parent == section.code:
        check.say(_("%(where)s: section “%(value)s” is inside itself through its parents "
                    "(%(chain)s)."),
                  where=section.where, value=_shown(section.code),
                  chain=PATH_SEPARATOR.join([*chain, section.code]))


def _check_points(check: _Checker, data: ChecklistData, tags: set[str], rule: str) -> None:
    if not data.points:
        check.say(_("The checklist has no control points."))
    section_codes = {section.code for section in data.sections}
    levels = LEVELS_BY_RULE.get(rule, ())
    for point in data.points:
        where = point.where
        check.code(point.code, where)
        if not point.section:
            if "" not in section_codes:  # else the section's missing code is reported already
                check.say(_("%(where)s: section is missing."), where=where)
        elif point.section not in section_codes:
            check.say(_("%(where)s: section “%(value)s” is not the code of a section."),
                      where=where, value=_shown(point.section))
        check.text(point.text, where, "text", required=True)
        check.text(point.guidance, where, "guidance", required=False)
        check.text(point.evidence, where, "evidence", required=False)
        if point.justification not in JUSTIFICATION_RULES:
            check.say(_("%(where)s: justification “%(value)s” is not one of %(rules)s."),
                      where=where, value=_shown(point.justification),
                      rules=_one_of(JUSTIFICATION_RULES))
        for tag in point.tags:
            if check.tag(tag, where) and tag not in tags:
                check.say(_("%(where)s: tag “%(value)s” is not asked in the profile."),
                          where=where, value=_shown(tag))
        check.listed(point.tags, where, "tags")
        if len(",".join(point.tags)) > TAGS_MAX_LENGTH:
            check.say(_("%(where)s: tags add up to more than %(max)s characters."),
                      where=where, max=TAGS_MAX_LENGTH)
        for course in point.courses:
            check.identifier(course, where, "course", COURSE_SLUG_RE, COURSE_SLUG_MAX_LENGTH,
                             _("letters, digits, hyphens and underscores"))
        check.listed(point.courses, where, "courses")
        if rule == WEIGHTED_POINTS:
            _check_criterion(check, point)
        elif rule:
            if not point.level:
                check.say(_("%(where)s: level is missing; choose one of %(levels)s."),
                          where=where, levels=_one_of(levels))
            elif point.level not in levels:
                check.say(_("%(where)s: level “%(value)s” is not one of %(levels)s."),
                          where=where, value=_shown(point.level), levels=_one_of(levels))
            if point.options:
                check.say(_("%(where)s: options are only for the weighted_points rule; a control "
                            "point of the %(rule)s rule has none."), where=where, rule=rule)
    check.unique(((point.code, point.where) for point in data.points),
                 _("%(where)s: point code “%(value)s” is used more than once."))


def _check_criterion(check: _Checker, point: PointData) -> None:
    if point.level:
        check.say(_("%(where)s: level must be empty for the weighted_points rule (criteria have "
                    "options instead)."), where=point.where)
    if len(point.options) < 2:
        check.say(_("%(where)s: a criterion needs at least two options."), where=point.where)
    for option in point.options:
        check.code(option.code, option.where, max_length=OPTION_CODE_MAX_LENGTH)
        check.text(option.text, option.where, "text", required=True,
                   max_length=TITLE_MAX_LENGTH)
        if not 0 <= option.points <= OPTION_POINTS_MAX:
            check.say(_("%(where)s: points must be from 0 to %(max)s, not %(value)s."),
                      where=option.where, value=option.points, max=OPTION_POINTS_MAX)
        if option.min_stars is not None and not \
                MIN_STARS_LOWEST <= option.min_stars <= MAX_STARS:
            check.say(_("%(where)s: min_stars must be from %(low)s to %(high)s, not "
                        "%(value)s."), where=option.where, value=option.min_stars,
                      low=MIN_STARS_LOWEST, high=MAX_STARS)
        if option.refuses and option.min_stars is not None:
            check.say(_("%(where)s: an option that refuses the dossier cannot be the minimum of "
                        "a rank."), where=option.where)
    marked = sorted((option.min_stars, option.points, option.where) for option in point.options
                    if option.min_stars is not None)
    for (low, low_points, _low_where), (high, high_points, where) in zip(
            marked, marked[1:], strict=False):
        if low == high:
            check.say(_("%(where)s: two options are the minimum of %(stars)s stars; mark one."),
                      where=where, stars=high)
        elif high_points < low_points:
            check.say(_("%(where)s: the minimum of %(high)s stars scores fewer points than the "
                        "minimum of %(low)s stars; a higher rank asks for at least as much."),
                      where=where, high=high, low=low)
    check.unique(((option.code, option.where) for option in point.options),
                 _("%(where)s: option code “%(value)s” is used more than once in this "
                   "criterion."))


def _check_part_totals(check: _Checker, data: ChecklistData, part_max: Mapping[str, int],
                       where: str) -> None:
    part_of = {}
    for section in data.sections:
        part_of.setdefault(section.code, section.part)
    best: dict[str, int] = defaultdict(int)
    for point in data.points:
        if point.options:
            best[part_of.get(point.section, "")] += max(option.points for option in point.options)
    for part, maximum in part_max.items():
        if best.get(part, 0) > maximum > 0:
            check.say(_("%(where)s: the best options of part %(part)s add up to %(total)s, more "
                        "than its maximum of %(max)s."),
                      where=where, part=part, total=best[part], max=maximum)


# --- reading --------------------------------------------------------------------------------


def read_checklist(data: bytes, filename: str) -> ChecklistData:
    """A checklist from an uploaded file, YAML or XLSX by its extension."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix in (".yaml", ".yml"):
        _check_size(len(data))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ChecklistFileError([
                _("The file is not UTF-8 text (the byte at position %(position)s cannot be "
                  "read); save it as UTF-8.") % {"position": error.start + 1}
            ]) from None
        return parse_yaml(text)
    if suffix == ".xlsx":
        return parse_xlsx(data)
    raise ChecklistFileError([_("Choose a .yaml, .yml or .xlsx file.")])


def _finish(data: ChecklistData, issues: list[str]) -> ChecklistData:
    issues = issues + validate(data)
    if issues:
        raise ChecklistFileError(issues)
    return data


# --- YAML -----------------------------------------------------------------------------------

ROOT_KEYS = ("format", "standard", "version", "profile", "sections")
STANDARD_KEYS = ("code", "name", "description")
VERSION_KEYS = ("label", "rule", "params", "note")
PROFILE_KEYS = ("tag", "question", "help")
SECTION_KEYS = ("code", "title", "intro", "part", "sections", "points")
POINT_KEYS = ("code", "text", "guidance", "level", "na_allowed", "justification",
              "evidence_required", "evidence", "tags", "courses", "options")
OPTION_KEYS = ("code", "text", "points", "min_stars", "refuses")
MIN_STARS_LOWEST = 2  # 1 star is any product; the official sheet marks 3, 4 and 5
TEXT_KEYS = ("vi", "en")


def parse_yaml(text: str) -> ChecklistData:
    """A checklist from the text of a YAML file; raises ChecklistFileError listing every problem."""
    _check_size(len(text.encode("utf-8", errors="replace")))
    try:
        document = load_yaml(text)  # no aliases, tags or deep nesting: see safe_reading
    except Refused as refused:
        raise ChecklistFileError([refused.message]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or ""
        if mark is None:
            raise ChecklistFileError([
                _("The YAML cannot be read: %(problem)s.") % {"problem": problem}
            ]) from None
        raise ChecklistFileError([
            _("Line %(line)s, column %(column)s: the YAML cannot be read (%(problem)s).")
            % {"line": mark.line + 1, "column": mark.column + 1, "problem": problem}
        ]) from None
    except yaml.YAMLError as error:
        raise ChecklistFileError([
            _("The YAML cannot be read: %(problem)s.") % {"problem": error}
        ]) from None
    reader = _YamlReader()
    data = reader.read(document)
    return _finish(data, reader.issues)


def _path(*parts: str) -> str:
    return PATH_SEPARATOR.join(part for part in parts if part)


class _YamlReader:
    """Turns the loaded YAML document into ChecklistData, noting structural problems."""

    def __init__(self) -> None:
        self.issues: list[str] = []
        self.items = 0
        self.sections: list[SectionData] = []
        self.points: list[PointData] = []

    def say(self, message: str, **values: Any) -> None:
        self.issues.append(message % values)

    def count(self) -> None:
        # A bound on the checklist's size, whatever the YAML's (which safe_reading bounds).
        self.items += 1
        if self.items > MAX_ITEMS:
            raise ChecklistFileError(self.issues + [
                _("The file holds more than %(max)s items; split it or check that it is a "
                  "checklist.") % {"max": MAX_ITEMS}
            ])

    def mapping(self, value: Any, where: str, keys: Sequence[str], what: str) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.say(_("%(where)s: %(what)s must be a mapping of keys to values."),
                     where=where, what=what)
            return {}
        for key in value:
            if key not in keys:
                self.say(_("%(where)s: unknown key “%(key)s”; the keys here are %(keys)s."),
                         where=where, key=_shown(key), keys=_one_of(keys))
        return value

    def sequence(self, value: Any, where: str, name: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.say(_("%(where)s: %(field)s must be a list."), where=where, field=name)
            return []
        return value

    def word(self, value: Any, where: str, name: str, default: str = "") -> str:
        """A code, tag, label or other one-word value."""
        if value is None:
            return default
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        self.say(_("%(where)s: %(field)s is read as “%(value)s”, not as text; put it in "
                   "quotes."), where=where, field=name, value=_shown(value))
        return str(value)

    def text(self, value: Any, where: str, name: str) -> Text | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.say(_("%(where)s: %(field)s must give both languages, as {vi: “…”, en: “…”}."),
                     where=where, field=name)
            shown = str(value)
            return Text(shown, shown)
        for key in value:
            if key not in TEXT_KEYS:
                self.say(_("%(where)s: %(field)s: unknown language “%(key)s”; use vi and en."),
                         where=where, field=name, key=_shown(key))
        parts = []
        for language in TEXT_KEYS:
            part = value.get(language)
            if part is None:
                part = ""
            elif not isinstance(part, str):
                self.say(_("%(where)s: %(field)s (%(language)s) is read as “%(value)s”, not as "
                           "text; put it in quotes."),
                         where=where, field=name, language=language, value=_shown(part))
                part = str(part)
            parts.append(_clean_text(part))
        return Text(*parts) if any(parts) else None

    def yes_no(self, value: Any, where: str, name: str, default: bool) -> bool:
        result = _yes_no(value, default)
        if result is None:
            self.say(_("%(where)s: %(field)s “%(value)s” is not yes or no."),
                     where=where, field=name, value=_shown(value))
            return default
        return result

    def words(self, value: Any, where: str, name: str) -> tuple[str, ...]:
        return tuple(self.word(item, where, name)
                     for item in self.sequence(value, where, name) if item is not None)

    def read(self, document: Any) -> ChecklistData:
        if not isinstance(document, dict):
            raise ChecklistFileError([
                _("The file does not hold a checklist: it should be a YAML mapping that starts "
                  "with “format: 1”.")
            ])
        self.mapping(document, _("top of the file"), ROOT_KEYS, _("the file"))
        version_format = document.get("format")
        if version_format is None:
            self.say(_("format is missing; the file should start with “format: 1”."))
        elif _whole_number(version_format) != FORMAT_VERSION:
            self.say(_("format “%(value)s” is not supported; this site reads format %(format)s."),
                     value=_shown(version_format), format=FORMAT_VERSION)

        standard = self.mapping(document.get("standard"), "standard", STANDARD_KEYS, "standard")
        version = self.mapping(document.get("version"), "version", VERSION_KEYS, "version")
        if "standard" not in document:
            self.say(_("standard is missing."))
        if "version" not in document:
            self.say(_("version is missing."))
        params_where = _path("version", "params")
        params = version.get("params")
        if params is None:
            params = {}
        elif not isinstance(params, dict):
            # Unknown keys are left to validate, which knows the keys of the rule.
            self.say(_("%(where)s: params must be a mapping of names to values."),
                     where=params_where)
            params = {}

        profile = tuple(self.profile_question(item, index) for index, item in enumerate(
            self.sequence(document.get("profile"), "profile", "profile"), 1))
        self.read_sections(document.get("sections"), "sections", parent="", depth=1)

        return ChecklistData(
            standard_code=self.word(standard.get("code"), "standard", "code"),
            name=self.text(standard.get("name"), "standard", "name") or Text("", ""),
            description=self.text(standard.get("description"), "standard", "description"),
            label=self.word(version.get("label"), "version", "label"),
            rule=self.word(version.get("rule"), "version", "rule"),
            params=_normalise_params(params),
            note=self.text(version.get("note"), "version", "note"),
            profile=profile,
            sections=tuple(self.sections),
            points=tuple(self.points),
            where={"standard_code": "standard", "name": "standard", "description": "standard",
                   "label": "version", "rule": "version", "params": params_where,
                   "note": "version"},
        )

    def item_where(self, prefix: str, value: Any, key: str, index: int) -> str:
        code = value.get(key) if isinstance(value, dict) else None
        shown = str(code).strip() if isinstance(code, str | int) else ""
        return _path(prefix, shown or f"#{index}")

    def profile_question(self, value: Any, index: int) -> ProfileQuestionData:
        self.count()
        where = self.item_where("profile", value, "tag", index)
        item = self.mapping(value, where, PROFILE_KEYS, _("a profile question"))
        return ProfileQuestionData(
            tag=self.word(item.get("tag"), where, "tag"),
            question=self.text(item.get("question"), where, "question") or Text("", ""),
            help=self.text(item.get("help"), where, "help"),
            where=where,
        )

    def read_sections(self, value: Any, prefix: str, parent: str, depth: int) -> None:
        items = self.sequence(value, prefix, "sections")
        if items and depth > MAX_SECTION_DEPTH:
            self.say(_("%(where)s: sections are nested more than %(max)s levels deep."),
                     where=prefix, max=MAX_SECTION_DEPTH)
            return
        for index, item_value in enumerate(items, 1):
            self.count()
            where = self.item_where(prefix, item_value, "code", index)
            item = self.mapping(item_value, where, SECTION_KEYS, _("a section"))
            code = self.word(item.get("code"), where, "code")
            self.sections.append(SectionData(
                code=code,
                parent=parent,
                title=self.text(item.get("title"), where, "title") or Text("", ""),
                intro=self.text(item.get("intro"), where, "intro"),
                part=self.word(item.get("part"), where, "part"),
                where=where,
            ))
            # A section's own points come before those of its sub-sections.
            for point_index, point in enumerate(
                    self.sequence(item.get("points"), where, "points"), 1):
                self.points.append(self.point(point, _path(where, "points"), code, point_index))
            self.read_sections(item.get("sections"), _path(where, "sections"), code, depth + 1)

    def point(self, value: Any, prefix: str, section: str, index: int) -> PointData:
        self.count()
        where = self.item_where(prefix, value, "code", index)
        item = self.mapping(value, where, POINT_KEYS, _("a control point"))
        options = tuple(
            self.option(option, _path(where, "options"), option_index)
            for option_index, option in enumerate(
                self.sequence(item.get("options"), where, "options"), 1))
        return PointData(
            code=self.word(item.get("code"), where, "code"),
            section=section,
            text=self.text(item.get("text"), where, "text") or Text("", ""),
            guidance=self.text(item.get("guidance"), where, "guidance"),
            level=self.word(item.get("level"), where, "level"),
            na_allowed=self.yes_no(item.get("na_allowed"), where, "na_allowed", True),
            justification=self.word(item.get("justification"), where, "justification",
                                    JUSTIFICATION_NEVER) or JUSTIFICATION_NEVER,
            evidence_required=self.yes_no(item.get("evidence_required"), where,
                                          "evidence_required", False),
            evidence=self.text(item.get("evidence"), where, "evidence"),
            tags=self.words(item.get("tags"), where, "tags"),
            courses=self.words(item.get("courses"), where, "courses"),
            options=options,
            where=where,
        )

    def option(self, value: Any, prefix: str, index: int) -> OptionData:
        self.count()
        where = self.item_where(prefix, value, "code", index)
        item = self.mapping(value, where, OPTION_KEYS, _("an option"))
        points = item.get("points")
        number = _whole_number(points)
        if points is None:
            self.say(_("%(where)s: points is missing."), where=where)
        elif number is None:
            self.say(_("%(where)s: points “%(value)s” must be a whole number."),
                     where=where, value=_shown(points))
        return OptionData(
            code=self.word(item.get("code"), where, "code"),
            text=self.text(item.get("text"), where, "text") or Text("", ""),
            points=number or 0,
            min_stars=self.min_stars(item.get("min_stars"), where),
            refuses=self.yes_no(item.get("refuses"), where, "refuses", False),
            where=where,
        )

    def min_stars(self, value: Any, where: str) -> int | None:
        if value is None:
            return None
        number = _whole_number(value)
        if number is None:
            self.say(_("%(where)s: min_stars “%(value)s” must be a whole number of stars."),
                     where=where, value=_shown(value))
        return number


# --- XLSX -----------------------------------------------------------------------------------

SHEET_VERSION = "version"
SHEET_PROFILE = "profile"
SHEET_SECTIONS = "sections"
SHEET_POINTS = "points"
SHEET_OPTIONS = "options"
VERSION_ROWS = ("format", "standard_code", "name_vi", "name_en", "description_vi",
                "description_en", "label", "rule", "params", "note_vi", "note_en")
# Every column of each sheet (the order of a written workbook) with its width; the required ones
# are those a row means nothing without. Sheets missing from the file count as empty.
SHEET_COLUMNS: dict[str, tuple[tuple[str, int], ...]] = {
    SHEET_VERSION: (("key", 18), ("value", 80)),
    SHEET_PROFILE: (("tag", 20), ("question_vi", 50), ("question_en", 50), ("help_vi", 40),
                    ("help_en", 40)),
    SHEET_SECTIONS: (("code", 12), ("parent", 12), ("title_vi", 40), ("title_en", 40),
                     ("intro_vi", 40), ("intro_en", 40), ("part", 8)),
    SHEET_POINTS: (("section", 12), ("code", 14), ("text_vi", 60), ("text_en", 60),
                   ("guidance_vi", 40), ("guidance_en", 40), ("level", 16), ("na_allowed", 12),
                   ("justification", 20), ("evidence_required", 18), ("evidence_vi", 30),
                   ("evidence_en", 30), ("tags", 20), ("courses", 30)),
    SHEET_OPTIONS: (("point", 14), ("code", 8), ("text_vi", 60), ("text_en", 60),
                    ("points", 8), ("min_stars", 10), ("refuses", 10)),
}
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    SHEET_VERSION: ("key", "value"),
    SHEET_PROFILE: ("tag", "question_vi", "question_en"),
    SHEET_SECTIONS: ("code", "title_vi", "title_en"),
    SHEET_POINTS: ("section", "code", "text_vi", "text_en"),
    SHEET_OPTIONS: ("point", "code", "text_vi", "text_en", "points"),
}
REQUIRED_SHEETS = (SHEET_VERSION, SHEET_SECTIONS, SHEET_POINTS)
WRAPPED_MIN_WIDTH = 30  # columns at least this wide hold texts and wrap


def _row_where(sheet: str, row: int) -> str:
    return _("Sheet “%(sheet)s”, row %(row)s") % {"sheet": sheet, "row": row}


def _sheet_where(sheet: str) -> str:
    return _("Sheet “%(sheet)s”") % {"sheet": sheet}


def _cell_text(value: Any) -> str:
    """The text of a cell: numbers as written (3.0 as "3"), dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _clean_text(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


@dataclass
class _Row:
    sheet: str
    number: int
    cells: dict[str, Any]

    @property
    def where(self) -> str:
        return _row_where(self.sheet, self.number)

    def text(self, column: str) -> str:
        return _cell_text(self.cells.get(column))

    def pair(self, prefix: str) -> Text | None:
        vi, en = self.text(f"{prefix}_vi"), self.text(f"{prefix}_en")
        return Text(vi, en) if vi or en else None

    def words(self, column: str) -> tuple[str, ...]:
        return tuple(word.strip() for word in self.text(column).split(",") if word.strip())


def parse_xlsx(data: bytes) -> ChecklistData:
    """A checklist from the bytes of an XLSX workbook; raises ChecklistFileError listing every
    problem."""
    _check_size(len(data))
    try:
        check_xlsx(data)  # a zip within sizes, parts, elements, sheets and rows: see safe_reading
    except Refused as refused:
        raise ChecklistFileError([refused.message]) from None
    issues: list[str] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True,
                                              keep_links=False)
            try:
                tables = {name: _read_sheet(workbook, name, issues) for name in SHEET_COLUMNS}
            finally:
                workbook.close()
    except ChecklistFileError:
        raise
    except Exception:  # openpyxl raises many kinds on a damaged or foreign zip
        raise ChecklistFileError([not_a_workbook()]) from None
    if any(name in REQUIRED_SHEETS and table is None for name, table in tables.items()):
        raise ChecklistFileError(issues)
    data_read = _XlsxReader(issues).read({name: table or [] for name, table in tables.items()})
    return _finish(data_read, issues)


def _read_sheet(workbook: Any, name: str, issues: list[str]) -> list[_Row] | None:
    """The non-empty rows of a sheet by column name; None when it cannot be read."""
    sheets = {title.strip().lower(): title for title in workbook.sheetnames}
    if name not in sheets:
        if name in REQUIRED_SHEETS:
            issues.append(_("The workbook has no sheet “%(sheet)s”.") % {"sheet": name})
        return None
    worksheet = workbook[sheets[name]]
    if hasattr(worksheet, "reset_dimensions"):
        worksheet.reset_dimensions()  # saved dimensions may be wrong; read every cell there is
    # Within bounds: openpyxl pads each row up to its last cell and fills in missing rows.
    rows = worksheet.iter_rows(values_only=True, max_col=MAX_COLUMNS, max_row=MAX_SHEET_ROWS)
    header = next(rows, None) or ()
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        column = _cell_text(title).lower()
        if not column:
            continue
        if column in columns:
            issues.append(_("%(where)s: column “%(column)s” appears twice.")
                          % {"where": _sheet_where(name), "column": _shown(column)})
        columns.setdefault(column, index)
    missing = [column for column in REQUIRED_COLUMNS[name] if column not in columns]
    if missing:
        issues.append(_("%(where)s: the first row must name the columns; %(columns)s missing.")
                      % {"where": _sheet_where(name),
                         "columns": ", ".join(f"“{column}”" for column in missing)})
        return None
    table = []
    for number, values in enumerate(rows, 2):
        if values.count(None) == len(values) or not any(_cell_text(value) for value in values):
            continue
        if len(table) >= MAX_ROWS:
            issues.append(_("%(where)s has more than %(max)s rows.")
                          % {"where": _sheet_where(name), "max": MAX_ROWS})
            break
        table.append(_Row(name, number, {  # less the apostrophe dump_xlsx put before formulas
            column: spreadsheet_value_restore(values[index]) if index < len(values) else None
            for column, index in columns.items()
        }))
    return table


class _XlsxReader:
    def __init__(self, issues: list[str]) -> None:
        self.issues = issues

    def say(self, message: str, **values: Any) -> None:
        self.issues.append(message % values)

    def yes_no(self, row: _Row, column: str, default: bool) -> bool:
        value = row.cells.get(column)
        result = _yes_no(value, default)
        if result is None:
            self.say(_("%(where)s: %(field)s “%(value)s” is not yes or no."),
                     where=row.where, field=column, value=_shown(value))
            return default
        return result

    def read(self, tables: Mapping[str, list[_Row]]) -> ChecklistData:
        version, where = self.version(tables[SHEET_VERSION])
        profile = tuple(
            ProfileQuestionData(tag=row.text("tag"), question=row.pair("question") or Text("", ""),
                                help=row.pair("help"), where=row.where)
            for row in tables[SHEET_PROFILE]
        )
        sections = _depth_first([
            SectionData(code=row.text("code"), parent=row.text("parent"),
                        title=row.pair("title") or Text("", ""), intro=row.pair("intro"),
                        part=row.text("part"), where=row.where)
            for row in tables[SHEET_SECTIONS]
        ])
        options = self.options(tables[SHEET_OPTIONS], tables[SHEET_POINTS])
        points = [
            PointData(
                code=row.text("code"), section=row.text("section"),
                text=row.pair("text") or Text("", ""), guidance=row.pair("guidance"),
                level=row.text("level"), na_allowed=self.yes_no(row, "na_allowed", True),
                justification=row.text("justification") or JUSTIFICATION_NEVER,
                evidence_required=self.yes_no(row, "evidence_required", False),
                evidence=row.pair("evidence"), tags=row.words("tags"),
                courses=row.words("courses"), options=tuple(options.get(id(row), ())),
                where=row.where,
            )
            for row in tables[SHEET_POINTS]
        ]
        return ChecklistData(
            standard_code=_cell_text(version.get("standard_code")),
            name=self.version_text(version, "name") or Text("", ""),
            description=self.version_text(version, "description"),
            label=_cell_text(version.get("label")),
            rule=_cell_text(version.get("rule")),
            params=_normalise_params(self.params(version.get("params"), where["params"])),
            note=self.version_text(version, "note"),
            profile=profile,
            sections=tuple(sections),
            points=tuple(_points_in_section_order(sections, points)),
            where=where,
        )

    def version(self, rows: list[_Row]) -> tuple[dict[str, Any], dict[str, str]]:
        """The values of the version sheet by key, and where each field is."""
        values: dict[str, Any] = {}
        found: dict[str, str] = {}
        for row in rows:
            key = row.text("key").lower()
            if key not in VERSION_ROWS:
                self.say(_("%(where)s: “%(key)s” is not one of the keys %(keys)s."),
                         where=row.where, key=_shown(key), keys=_one_of(VERSION_ROWS))
            elif key in values:
                self.say(_("%(where)s: “%(key)s” is given a second time."),
                         where=row.where, key=key)
            else:
                values[key] = row.cells.get("value")
                found[key] = row.where
        sheet = _sheet_where(SHEET_VERSION)
        if "format" not in values:
            self.say(_("%(where)s: the “format” row is missing; add it with the value 1."),
                     where=sheet)
        elif _whole_number(values["format"]) != FORMAT_VERSION:
            self.say(_("%(where)s: format “%(value)s” is not supported; this site reads format "
                       "%(format)s."),
                     where=found["format"], value=_shown(values["format"]),
                     format=FORMAT_VERSION)

        def place(*keys: str) -> str:
            return next((found[key] for key in keys if key in found), sheet)

        where = {
            "standard_code": place("standard_code"), "name": place("name_vi", "name_en"),
            "description": place("description_vi", "description_en"), "label": place("label"),
            "rule": place("rule"), "params": place("params"), "note": place("note_vi", "note_en"),
        }
        return values, where

    @staticmethod
    def version_text(values: Mapping[str, Any], prefix: str) -> Text | None:
        vi, en = _cell_text(values.get(f"{prefix}_vi")), _cell_text(values.get(f"{prefix}_en"))
        return Text(vi, en) if vi or en else None

    def params(self, value: Any, where: str) -> dict[str, Any]:
        text = _cell_text(value) if isinstance(value, str) or value is None else None
        if text == "":
            return {}
        example = '{"minor_threshold": "0.95"}'
        if text is None:
            self.say(_("%(where)s: params must be JSON, such as %(example)s."),
                     where=where, example=example)
            return {}
        try:
            params = json.loads(text)
        except ValueError as error:
            self.say(_("%(where)s: params is not valid JSON (%(error)s); write it like "
                       "%(example)s."), where=where, error=error, example=example)
            return {}
        if not isinstance(params, dict):
            self.say(_("%(where)s: params must be a JSON object, such as %(example)s."),
                     where=where, example=example)
            return {}
        return params

    def options(self, rows: list[_Row], point_rows: list[_Row]) -> dict[int, list[OptionData]]:
        """Options by the id of their point's row, in the order of their rows."""
        point_row_by_code: dict[str, _Row] = {}
        for point_row in point_rows:
            point_row_by_code.setdefault(point_row.text("code"), point_row)
        options: dict[int, list[OptionData]] = defaultdict(list)
        for row in rows:
            point = row.text("point")
            if not point:
                self.say(_("%(where)s: point is missing."), where=row.where)
                continue
            if point not in point_row_by_code:
                self.say(_("%(where)s: point “%(value)s” is not a code on the sheet “points”."),
                         where=row.where, value=_shown(point))
                continue
            raw_points = row.cells.get("points")
            number = _whole_number(raw_points)
            if raw_points is None or _cell_text(raw_points) == "":
                self.say(_("%(where)s: points is missing."), where=row.where)
            elif number is None:
                self.say(_("%(where)s: points “%(value)s” must be a whole number."),
                         where=row.where, value=_shown(raw_points))
            raw_stars = row.cells.get("min_stars")
            min_stars = None
            if raw_stars is not None and _cell_text(raw_stars) != "":
                min_stars = _whole_number(raw_stars)
                if min_stars is None:
                    self.say(_("%(where)s: min_stars “%(value)s” must be a whole number of "
                               "stars."), where=row.where, value=_shown(raw_stars))
            options[id(point_row_by_code[point])].append(OptionData(
                code=row.text("code"), text=row.pair("text") or Text("", ""),
                points=number or 0, min_stars=min_stars,
                refuses=self.yes_no(row, "refuses", False), where=row.where,
            ))
        return options


# --- writing --------------------------------------------------------------------------------


class _YamlDumper(yaml.SafeDumper):
    """Block style, list items indented under their key, multi-line texts as literal blocks,
    lists of words on one line."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list) -> yaml.SequenceNode:
    # Tags, courses and numbers on one line, as [greenhouse, irrigation].
    flow = all(isinstance(item, int) or (isinstance(item, str) and "\n" not in item)
               for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_YamlDumper.add_representer(str, _represent_str)
_YamlDumper.add_representer(list, _represent_list)


def _text_dict(text: Text) -> dict[str, str]:
    return {"vi": text.vi, "en": text.en}


def _put_text(target: dict[str, Any], key: str, text: Text | None) -> None:
    if text is not None:
        target[key] = _text_dict(text)


def dump_yaml(data: ChecklistData) -> str:
    """The YAML file of a valid checklist; optional fields are written only when set."""
    standard: dict[str, Any] = {"code": data.standard_code, "name": _text_dict(data.name)}
    _put_text(standard, "description", data.description)
    version: dict[str, Any] = {"label": data.label, "rule": data.rule}
    if data.params:
        version["params"] = dict(data.params)
    _put_text(version, "note", data.note)
    document: dict[str, Any] = {"format": FORMAT_VERSION, "standard": standard,
                                "version": version}
    if data.profile:
        document["profile"] = []
        for question in data.profile:
            item: dict[str, Any] = {"tag": question.tag,
                                    "question": _text_dict(question.question)}
            _put_text(item, "help", question.help)
            document["profile"].append(item)

    children: dict[str, list[SectionData]] = defaultdict(list)
    for section in data.sections:
        children[section.parent].append(section)
    points_of: dict[str, list[PointData]] = defaultdict(list)
    for point in data.points:
        points_of[point.section].append(point)

    def section_item(section: SectionData) -> dict[str, Any]:
        item: dict[str, Any] = {"code": section.code, "title": _text_dict(section.title)}
        _put_text(item, "intro", section.intro)
        if section.part:
            item["part"] = section.part
        if points_of.get(section.code):
            item["points"] = [_point_item(point) for point in points_of[section.code]]
        if children.get(section.code):
            item["sections"] = [section_item(child) for child in children[section.code]]
        return item

    document["sections"] = [section_item(section) for section in children.get("", ())]
    return yaml.dump(document, Dumper=_YamlDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100)


def _point_item(point: PointData) -> dict[str, Any]:
    item: dict[str, Any] = {"code": point.code, "text": _text_dict(point.text)}
    _put_text(item, "guidance", point.guidance)
    if point.level:
        item["level"] = point.level
    if not point.na_allowed:
        item["na_allowed"] = False
    if point.justification != JUSTIFICATION_NEVER:
        item["justification"] = point.justification
    if point.evidence_required:
        item["evidence_required"] = True
    _put_text(item, "evidence", point.evidence)
    if point.tags:
        item["tags"] = list(point.tags)
    if point.courses:
        item["courses"] = list(point.courses)
    if point.options:
        item["options"] = [_option_dict(option) for option in point.options]
    return item


def _option_dict(option: OptionData) -> dict:
    item = {"code": option.code, "text": _text_dict(option.text), "points": option.points}
    if option.min_stars is not None:
        item["min_stars"] = option.min_stars
    if option.refuses:
        item["refuses"] = True
    return item


def _yes_no_cell(value: bool) -> str:
    return "yes" if value else "no"


def _pair_cells(text: Text | None) -> list[str]:
    return [text.vi, text.en] if text is not None else ["", ""]


def dump_xlsx(data: ChecklistData) -> bytes:
    """The XLSX workbook of a valid checklist: five sheets, a bold header row on each."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    sheets = {name: _new_sheet(workbook, name) for name in SHEET_COLUMNS}

    params = json.dumps(data.params, ensure_ascii=False) if data.params else ""
    version_values: list[Any] = [
        FORMAT_VERSION, data.standard_code, *_pair_cells(data.name),
        *_pair_cells(data.description), data.label, data.rule, params, *_pair_cells(data.note),
    ]
    for key, value in zip(VERSION_ROWS, version_values, strict=True):
        _append(sheets[SHEET_VERSION], [key, value])
    for question in data.profile:
        _append(sheets[SHEET_PROFILE], [question.tag, *_pair_cells(question.question),
                                        *_pair_cells(question.help)])
    for section in data.sections:
        _append(sheets[SHEET_SECTIONS], [section.code, section.parent,
                                         *_pair_cells(section.title),
                                         *_pair_cells(section.intro), section.part])
    for point in data.points:
        _append(sheets[SHEET_POINTS], [
            point.section, point.code, *_pair_cells(point.text), *_pair_cells(point.guidance),
            point.level, _yes_no_cell(point.na_allowed), point.justification,
            _yes_no_cell(point.evidence_required), *_pair_cells(point.evidence),
            ", ".join(point.tags), ", ".join(point.courses),
        ])
        for option in point.options:
            _append(sheets[SHEET_OPTIONS], [
                point.code, option.code, *_pair_cells(option.text), option.points,
                option.min_stars, _yes_no_cell(option.refuses) if option.refuses else None])

    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _new_sheet(workbook: Any, name: str) -> Any:
    sheet = workbook.create_sheet(name)
    columns = SHEET_COLUMNS[name]
    sheet.append([column for column, _width in columns])
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    for index, (_column, width) in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def _append(sheet: Any, values: list[Any]) -> None:
    sheet.append(xlsx_row(sheet, values))  # a text that reads as a formula gets an apostrophe
    columns = SHEET_COLUMNS[sheet.title]
    wrap = Alignment(wrap_text=True, vertical="top")
    for cell, (_column, width) in zip(sheet[sheet.max_row], columns, strict=False):
        if width >= WRAPPED_MIN_WIDTH:
            cell.alignment = wrap
