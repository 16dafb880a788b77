"""Filled-in answer sheets (YAML) read against a checklist, for scoring without the web: a trainer
checking a paper sheet, or a test. No database: it is given the checklist's specs.

    profile: {export: false}          # the profile's tags, true or false
    answers:
      "AF 1.1": yes                   # levels rules: yes, no or na
      "1.1": 2                        # weighted_points: the chosen option's points ...
      "R.1": a                        # ... or its code, when two options score the same

Every problem is reported with the line it is on, all at once. The YAML is read as checklist
files are (safe_reading): no anchors, aliases or tags, within bounds of nesting and size."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import yaml
from django.utils.translation import gettext as _

from certification.checklists.safe_reading import Refused, compose_yaml, construct_yaml
from certification.scoring import (
    COMPLIANT,
    NOT_APPLICABLE,
    NOT_COMPLIANT,
    WEIGHTED_POINTS,
    ControlPointSpec,
)

MAX_SHEET_SIZE = 1024 * 1024
SHEET_KEYS = ("profile", "answers")
# What a person may write for a levels-based point; YAML itself reads yes/no as booleans.
COMPLIANCE_WORDS = {
    "yes": COMPLIANT, "có": COMPLIANT, "y": COMPLIANT, "compliant": COMPLIANT,
    "no": NOT_COMPLIANT, "không": NOT_COMPLIANT, "n": NOT_COMPLIANT,
    "not_compliant": NOT_COMPLIANT,
    "na": NOT_APPLICABLE, "n/a": NOT_APPLICABLE, "not_applicable": NOT_APPLICABLE,
}


class AnswerSheetError(Exception):
    def __init__(self, issues: list[str]):
        super().__init__("\n".join(issues))
        self.issues = issues


@dataclass(frozen=True)
class AnswerSheet:
    profile_tags: frozenset[str]
    answers: dict[str, str]  # control point code -> scorer answer (a value or an option id)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _scalar(node: yaml.Node):
    """The node's value as YAML reads it (yes -> True, 2 -> 2, "2" -> "2")."""
    return construct_yaml(node)


def read_answer_sheet(text: str, *, rule: str, points: Sequence[ControlPointSpec],
                      profile_tags: Sequence[str]) -> AnswerSheet:
    """The sheet's profile and answers in the scorer's terms; AnswerSheetError lists every
    problem with its line."""
    if len(text.encode()) > MAX_SHEET_SIZE:
        raise AnswerSheetError([_("The answer sheet is larger than 1 MB.")])
    try:
        root = compose_yaml(text)
        construct_yaml(root)  # every value can be made (no date 2024-13-45, no list as a key)
    except Refused as refused:
        raise AnswerSheetError([refused.message]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = _("line %(line)s") % {"line": mark.line + 1} if mark else _("the file")
        raise AnswerSheetError([_("%(where)s: this is not valid YAML (%(problem)s).") % {
            "where": where, "problem": getattr(error, "problem", "") or error}]) from None
    if not isinstance(root, yaml.MappingNode):
        raise AnswerSheetError([_("The answer sheet must be a mapping with “profile” and "
                                  "“answers”.")])
    issues: list[str] = []
    by_code = {point.id: point for point in points}
    known_tags = set(profile_tags)
    tags: set[str] = set()
    answers: dict[str, str] = {}
    for key_node, value_node in root.value:
        key = _scalar(key_node)
        if key not in SHEET_KEYS:
            issues.append(_("line %(line)s: “%(key)s” is not a part of an answer sheet; use "
                            "“profile” and “answers”.") % {"line": _line(key_node), "key": key})
        elif key == "profile":
            _read_profile(value_node, known_tags, tags, issues)
        else:
            _read_answers(value_node, rule, by_code, answers, issues)
    if issues:
        raise AnswerSheetError(issues)
    return AnswerSheet(profile_tags=frozenset(tags), answers=answers)


def _read_profile(node: yaml.Node, known: set[str], tags: set[str], issues: list[str]) -> None:
    if not isinstance(node, yaml.MappingNode):
        issues.append(_("line %(line)s: the profile must map each tag to true or false.")
                      % {"line": _line(node)})
        return
    for key_node, value_node in node.value:
        tag, value = _scalar(key_node), _scalar(value_node)
        if tag not in known:
            issues.append(_("line %(line)s: “%(tag)s” is not a profile question of this "
                            "checklist.") % {"line": _line(key_node), "tag": tag})
        elif not isinstance(value, bool):
            issues.append(_("line %(line)s: answer the profile question “%(tag)s” with true "
                            "or false.") % {"line": _line(value_node), "tag": tag})
        elif value:
            tags.add(tag)


def _read_answers(node: yaml.Node, rule: str, by_code: dict[str, ControlPointSpec],
                  answers: dict[str, str], issues: list[str]) -> None:
    if not isinstance(node, yaml.MappingNode):
        issues.append(_("line %(line)s: the answers must map each control point's number to "
                        "its answer.") % {"line": _line(node)})
        return
    for key_node, value_node in node.value:
        code, value, line = str(_scalar(key_node)), _scalar(value_node), _line(value_node)
        # An official number as printed ("AF 1.1.1") names the point coded AF.1.1.1.
        point = by_code.get(code) or by_code.get(" ".join(code.split()).replace(" ", "."))
        if point is not None:
            code = point.id
        if point is None:
            issues.append(_("line %(line)s: “%(code)s” is not a control point of this "
                            "checklist.") % {"line": _line(key_node), "code": code})
        elif code in answers:
            issues.append(_("line %(line)s: “%(code)s” is answered twice.")
                          % {"line": _line(key_node), "code": code})
        elif rule == WEIGHTED_POINTS:
            chosen = _option_of(point, value, line, issues)
            if chosen is not None:
                answers[code] = chosen
        else:
            chosen = _compliance_of(value)
            if chosen is None:
                issues.append(_("line %(line)s: answer “%(code)s” with yes, no or na, not "
                                "“%(value)s”.") % {"line": line, "code": code, "value": value})
            else:
                answers[code] = chosen


def _compliance_of(value) -> str | None:
    if isinstance(value, bool):
        return COMPLIANT if value else NOT_COMPLIANT
    return COMPLIANCE_WORDS.get(str(value).strip().lower()) if value is not None else None


def _option_of(point: ControlPointSpec, value, line: int, issues: list[str]) -> str | None:
    """An option chosen by its points (a number) or by its code (a text)."""
    if isinstance(value, int) and not isinstance(value, bool):
        matching = [option for option in point.options if option.points == value]
        if len(matching) == 1:
            return matching[0].id
        if not matching:
            issues.append(_("line %(line)s: criterion “%(code)s” has no option worth %(value)s "
                            "points; its options are worth %(points)s.") % {
                "line": line, "code": point.id, "value": value,
                "points": ", ".join(str(option.points) for option in point.options)})
        else:
            issues.append(_("line %(line)s: several options of “%(code)s” are worth %(value)s "
                            "points; write the option's code instead (%(codes)s).") % {
                "line": line, "code": point.id, "value": value,
                "codes": ", ".join(option.id for option in matching)})
        return None
    codes = {option.id: option.id for option in point.options}
    if value is not None and str(value) in codes:
        return codes[str(value)]
    issues.append(_("line %(line)s: answer criterion “%(code)s” with the points of an option "
                    "or its code (%(codes)s), not “%(value)s”.") % {
        "line": line, "code": point.id, "value": value, "codes": ", ".join(codes)})
    return None
