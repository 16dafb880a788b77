"""Reads of self-assessments: who may see, answer or start one, a cooperative's assessments,
answers with their photos, progress per section and the action plan."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from certification import scoring
from certification.assessments.models import Answer, Assessment, CorrectiveAction, EvidencePhoto
from certification.checklists.models import ControlPoint, Section
from certification.checklists.selectors import Checklist, checklist_of
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


def last_submitted_assessment(*, cooperative: Cooperative, standard) -> Assessment | None:
    """The cooperative's most recently submitted assessment against ``standard``, whatever
    the checklist's version."""
    return (Assessment.objects
            .filter(cooperative=cooperative, version__standard=standard,
                    status=Assessment.Status.SUBMITTED)
            .order_by("-submitted_at", "-pk").first())


def assessments_visible_to(*, user) -> QuerySet[Assessment]:
    """Assessments of the user's cooperatives and of those they oversee."""
    member_of = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE) \
        .values("cooperative_id")
    return (Assessment.objects
            .filter(Q(cooperative_id__in=member_of)
                    | Q(cooperative__in=cooperatives_overseen_by(user)))
            .select_related("cooperative", "version__standard", "report")
            .order_by("-started_at"))


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


@dataclass(frozen=True)
class Totals:
    answered: int
    applicable: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.applicable) if self.applicable else 100

    @property
    def unanswered(self) -> int:
        return self.applicable - self.answered


def progress_totals(progress: list[SectionProgress]) -> Totals:
    """Answered and applicable points over the whole checklist."""
    return Totals(sum(row.answered for row in progress), sum(row.applicable for row in progress))


def progress_of(checklist: Checklist, answers: dict[int, Answer],
                profile_tags: set[str]) -> list[SectionProgress]:
    """Applicable and answered points per section (sections holding no point are left out)."""
    rows = []
    for section in checklist.sections:
        applicable = [point for point in checklist.points_of(section)
                      if point.applies_to(profile_tags)]
        if not applicable and not checklist.points_of(section):
            continue
        answered = sum(1 for point in applicable
                       if point.pk in answers and answers[point.pk].value)
        rows.append(SectionProgress(section, checklist.depth[section.pk], len(applicable),
                                    answered))
    return rows


def corrective_actions_of(assessment: Assessment) -> QuerySet[CorrectiveAction]:
    return (CorrectiveAction.objects.filter(assessment=assessment)
            .select_related("control_point", "owner", "course").order_by("position"))


def assessment_score(assessment: Assessment, checklist: Checklist | None = None,
                     answers: dict[int, Answer] | None = None) -> scoring.ScoreResult:
    """The scorer's result for the assessment's current answers."""
    checklist = checklist or checklist_of(assessment.version)
    answers = answers if answers is not None else answers_of(assessment)
    values = {point.code: answers[point.pk].value for point in checklist.points
              if point.pk in answers and answers[point.pk].value}
    return scoring.score(assessment.version.rule, assessment.version.params,
                         checklist.specs(), values, assessment.profile_tags)


NOT_IN_SCOPE = "not_in_scope"


def point_status(point: ControlPoint, answer: Answer | None, profile_tags) -> str:
    """The answer's value, or "not in scope" (the profile leaves the point out) or
    "unanswered"."""
    if not point.applies_to(profile_tags):
        return NOT_IN_SCOPE
    if answer is None or not answer.value:
        return scoring.GAP_UNANSWERED
    return answer.value


def assessment_unanswered(assessment: Assessment) -> int:
    """How many applicable points are still unanswered."""
    checklist = checklist_of(assessment.version)
    answers = answers_of(assessment)
    tags = assessment.profile_tags
    return sum(1 for point in checklist.points
               if point_status(point, answers.get(point.pk), tags) == scoring.GAP_UNANSWERED)


def justification_missing(point: ControlPoint, answer: Answer | None) -> bool:
    """The answer's value asks for a justification under the point's rule and none is given."""
    return bool(answer is not None and answer.value
                and point.justification_needed(answer.value)
                and not answer.justification.strip())


def points_missing_justification(checklist: Checklist, answers: dict[int, Answer],
                                 profile_tags) -> list[ControlPoint]:
    """Answered applicable points whose justification is still missing, in checklist order."""
    return [point for point in checklist.points
            if point.applies_to(profile_tags)
            and justification_missing(point, answers.get(point.pk))]


def progress_percents(assessments: list[Assessment]) -> dict[int, int]:
    """Progress of the open assessments of one page, in three queries whatever their number."""
    open_ones = [a for a in assessments if a.is_open]
    if not open_ones:
        return {}
    versions = {a.version_id for a in open_ones}
    sections = list(Section.objects.filter(version_id__in=versions))
    points = list(ControlPoint.objects.filter(section__version_id__in=versions)
                  .only("pk", "section_id", "tags"))
    answers: dict[int, dict[int, Answer]] = {}
    for answer in Answer.objects.filter(assessment__in=open_ones).exclude(value="") \
            .only("assessment_id", "control_point_id", "value"):
        answers.setdefault(answer.assessment_id, {})[answer.control_point_id] = answer
    checklists = {}
    for version_id in versions:
        own = tuple(s for s in sections if s.version_id == version_id)
        own_pks = {s.pk for s in own}
        checklists[version_id] = Checklist(
            version=None, sections=own, depth={s.pk: 0 for s in own},
            points=tuple(p for p in points if p.section_id in own_pks))
    return {
        a.pk: progress_totals(progress_of(
            checklists[a.version_id], answers.get(a.pk, {}), a.profile_tags)).percent
        for a in open_ones}


def standards_with_history(*, user) -> set[tuple[int, str]]:
    """(cooperative id, standard code) pairs with a submitted report the user may see."""
    return set(assessments_visible_to(user=user).filter(status=Assessment.Status.SUBMITTED)
               .order_by().values_list("cooperative_id", "version__standard__code").distinct())
