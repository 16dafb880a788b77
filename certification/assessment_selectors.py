"""Reads of self-assessments: who may see or answer one, the checklist as the scorer sees it,
progress per section, and a cooperative's history against one standard."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from certification import scoring
from certification.models import (
    Answer,
    Assessment,
    ControlPoint,
    ControlPointOption,
    CorrectiveAction,
    EvidencePhoto,
    ReadinessReport,
    Section,
    Standard,
    StandardVersion,
)
from lms.cooperatives.models import Cooperative, Membership
from lms.cooperatives.selectors import cooperatives_overseen_by


def _is_active_member(user, cooperative_id: int) -> bool:
    return user.is_authenticated and Membership.objects.filter(
        user=user, cooperative_id=cooperative_id, status=Membership.Status.ACTIVE).exists()


def assessment_user_can_view(*, user, assessment: Assessment) -> bool:
    """Members of the cooperative; officers overseeing it (read-only); site admins."""
    if not user.is_authenticated:
        return False
    return _is_active_member(user, assessment.cooperative_id) or \
        cooperatives_overseen_by(user).filter(pk=assessment.cooperative_id).exists()


def assessment_user_can_contribute(*, user, assessment: Assessment) -> bool:
    """Active members answer and upload while the assessment is open, and work the action
    plan afterwards. Officers only read."""
    return _is_active_member(user, assessment.cooperative_id)


def cooperative_user_can_start_assessment(*, user, cooperative: Cooperative) -> bool:
    return user.is_authenticated and Membership.objects.filter(
        user=user, cooperative=cooperative, status=Membership.Status.ACTIVE,
        role=Membership.Role.MANAGER).exists()


def standards_available() -> QuerySet[Standard]:
    """Standards with a published version, for starting an assessment."""
    return Standard.objects.filter(versions__status=StandardVersion.Status.PUBLISHED) \
        .distinct().order_by("code")


def assessments_of_cooperative(*, cooperative: Cooperative) -> QuerySet[Assessment]:
    return (Assessment.objects.filter(cooperative=cooperative)
            .select_related("version__standard", "started_by", "submitted_by", "report")
            .order_by("-started_at"))


def assessments_visible_to(*, user) -> QuerySet[Assessment]:
    """Assessments of the user's cooperatives and of those they oversee."""
    member_of = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE) \
        .values("cooperative_id")
    from django.db.models import Q

    return (Assessment.objects
            .filter(Q(cooperative_id__in=member_of)
                    | Q(cooperative__in=cooperatives_overseen_by(user)))
            .select_related("cooperative", "version__standard", "report")
            .order_by("-started_at"))


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
        options=tuple(scoring.OptionSpec(option.code, option.points)
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


def answers_of(assessment: Assessment) -> dict[int, Answer]:
    """Answers by control point id, with their photos, in two queries."""
    answers = Answer.objects.filter(assessment=assessment).prefetch_related(
        Prefetch("photos", queryset=EvidencePhoto.objects.order_by("uploaded_at", "pk")))
    return {answer.control_point_id: answer for answer in answers}


@dataclass(frozen=True)
class SectionProgress:
    section: Section
    depth: int
    applicable: int
    answered: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.applicable) if self.applicable else 100

    @property
    def complete(self) -> bool:
        return self.answered >= self.applicable


def progress_of(checklist: Checklist, answers: dict[int, Answer],
                profile_tags: set[str]) -> list[SectionProgress]:
    """Applicable and answered points per section (sections holding no point are left out)."""
    rows = []
    for section in checklist.sections:
        applicable = [point for point in checklist.points_of(section)
                      if not point.tag_set or not point.tag_set.isdisjoint(profile_tags)]
        if not applicable and not checklist.points_of(section):
            continue
        answered = sum(1 for point in applicable
                       if point.pk in answers and answers[point.pk].value)
        rows.append(SectionProgress(section, checklist.depth[section.pk], len(applicable),
                                    answered))
    return rows


def report_of(assessment: Assessment) -> ReadinessReport | None:
    return ReadinessReport.objects.filter(assessment=assessment).first()


def corrective_actions_of(assessment: Assessment) -> QuerySet[CorrectiveAction]:
    return (CorrectiveAction.objects.filter(assessment=assessment)
            .select_related("control_point", "owner", "course").order_by("position"))


def history_of(*, cooperative: Cooperative, standard: Standard) -> QuerySet[ReadinessReport]:
    """Submitted reports of a cooperative against one standard, oldest first."""
    return (ReadinessReport.objects
            .filter(assessment__cooperative=cooperative, assessment__version__standard=standard)
            .select_related("assessment__version").order_by("created_at"))
