"""What the shipped OCOP checklist tests share: reading a shipped file once, the scorer's specs
of its criteria, and the sheet's boxes written as "0 1 2**** 3*****"."""

from functools import cache

from certification.checklists.files import SHIPPED_CHECKLISTS, ChecklistData, read_checklist
from certification.scoring import ControlPointSpec, OptionSpec


def parse_boxes(boxes: str) -> list[tuple[int, int | None]]:
    """A criterion's boxes as the sheet prints them: (points, stars of the mark or None)."""
    return [(int(box.rstrip("*")), box.count("*") or None) for box in boxes.split()]


def group_section(criterion: str) -> str:
    """The section of a criterion's group: its part letter and the group's number."""
    group = int(criterion.split(".")[0])
    return ("A" if group <= 3 else "B" if group <= 5 else "C") + str(group)


@cache
def read_shipped(file: str) -> ChecklistData:
    path = SHIPPED_CHECKLISTS / file
    return read_checklist(path.read_bytes(), path.name)


def specs_from(data: ChecklistData) -> tuple[ControlPointSpec, ...]:
    """Each criterion as the scorer sees it, with its section's part."""
    part_of = {section.code: section.part for section in data.sections}
    return tuple(ControlPointSpec(
        id=point.code, section_id=point.section, level="", na_allowed=point.na_allowed,
        tags=frozenset(point.tags), part=part_of[point.section],
        options=tuple(OptionSpec(option.code, option.points, option.min_stars, option.refuses)
                      for option in point.options),
    ) for point in data.points)


def best(specs) -> dict[str, str]:
    """The best option everywhere, and no refusal ground."""
    return {spec.id: max((o for o in spec.options if not o.refuses), key=lambda o: o.points).id
            for spec in specs}


def lowest(spec: ControlPointSpec) -> OptionSpec:
    return min(spec.options, key=lambda option: option.points)


def by_id(specs) -> dict[str, ControlPointSpec]:
    return {spec.id: spec for spec in specs}
