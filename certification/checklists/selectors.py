"""Reads of checklists: the standards one can assess against, and a version loaded as the
scorer and the assessment pages see it."""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery

from certification import scoring
from certification.checklists.models import (
    ControlPoint,
    ControlPointOption,
    Section,
    Standard,
    StandardVersion,
)


def versions_for_listing() -> QuerySet[StandardVersion]:
    """Versions with their number of control points and of self-assessments, each counted in
    its own subquery so that the two do not multiply each other."""

    def count(relation: str) -> Subquery:
        return Subquery(StandardVersion.objects.filter(pk=OuterRef("pk")).order_by()
                        .annotate(n=Count(relation)).values("n")[:1],
                        output_field=IntegerField())

    return StandardVersion.objects.select_related("standard").annotate(
        point_count=count("sections__control_points"), assessment_count=count("assessments"))


def standards_available() -> QuerySet[Standard]:
    """Standards with a published version, for starting an assessment."""
    return Standard.objects.filter(versions__status=StandardVersion.Status.PUBLISHED) \
        .distinct().order_by("code")


@dataclass(frozen=True)
class Checklist:
    """A version's sections (depth-first, with depth) and control points, loaded once."""

    version: StandardVersion
    sections: tuple[Section, ...]
    depth: dict[int, int]
    points: tuple[ControlPoint, ...]

    def points_of(self, section: Section) -> list[ControlPoint]:
        return [point for point in self.points if point.section_id == section.pk]

    def specs(self) -> list[scoring.ControlPointSpec]:
        return [spec_of(point) for point in self.points]


def spec_of(point: ControlPoint) -> scoring.ControlPointSpec:
    return scoring.ControlPointSpec(
        id=point.code, section_id=point.section.code if point.section_id else "",
        level=point.level, na_allowed=point.na_allowed, tags=point.tag_set,
        part=point.section.part,
        options=tuple(scoring.OptionSpec(option.code, option.points, option.min_stars,
                                         option.refuses)
                      for option in point.options.all()),
    )


def checklist_of(version: StandardVersion) -> Checklist:
    """Sections in depth-first order and their points with options and recommended courses,
    in four queries whatever the checklist's size."""
    sections = list(Section.objects.filter(version=version).order_by("sort_order", "pk"))
    children: dict[int | None, list[Section]] = {}
    for section in sections:
        children.setdefault(section.parent_id, []).append(section)
    ordered: list[Section] = []
    depth: dict[int, int] = {}

    def walk(parent_id, level):
        for section in children.get(parent_id, []):
            ordered.append(section)
            depth[section.pk] = level
            walk(section.pk, level + 1)

    walk(None, 0)
    by_pk = {section.pk: section for section in ordered}
    position = {section.pk: index for index, section in enumerate(ordered)}
    points = list(
        ControlPoint.objects.filter(section__version=version)
        .prefetch_related(
            Prefetch("options", queryset=ControlPointOption.objects.order_by("sort_order", "pk")),
            "recommended_courses")
    )
    for point in points:
        point.section = by_pk[point.section_id]
    points.sort(key=lambda point: (position[point.section_id], point.sort_order, point.pk))
    return Checklist(version=version, sections=tuple(ordered), depth=depth, points=tuple(points))


