"""Writes of self-assessments: starting one, the profile, saving answers field by field, evidence
photos, submitting (score, frozen report, action plan, certificate) and the action plan's work.

The verdict comes from the pure ``certification.scoring`` module; this module only feeds it and
freezes what it says, with the texts needed to show it later in either language."""

import datetime
import logging
from fractions import Fraction

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certification import scoring
from certification.assessment_selectors import (
    Checklist,
    answers_of,
    assessment_user_can_contribute,
    checklist_of,
    cooperative_user_can_start_assessment,
)
from certification.images import process_evidence_photo
from certification.models import (
    Answer,
    Assessment,
    Certificate,
    ControlPoint,
    CorrectiveAction,
    EvidencePhoto,
    ReadinessReport,
    Standard,
)

logger = logging.getLogger(__name__)

UNSET = object()
MAX_PHOTOS_PER_ANSWER = 6
ACTION_DUE_DAYS = {True: 30, False: 90}  # blocking gaps are due sooner


def _require_open(assessment: Assessment, user) -> None:
    if not assessment_user_can_contribute(user=user, assessment=assessment):
        raise PermissionDenied
    if not assessment.is_open:
        raise ValidationError(_("This self-assessment has been submitted and can no longer "
                                "change."), code="submitted")


def assessment_start(*, cooperative, standard: Standard, user) -> Assessment:
    """Start (or return the one already in progress) an assessment of ``cooperative`` against
    the newest published version of ``standard``. Only the cooperative's managers start one."""
    if not cooperative_user_can_start_assessment(user=user, cooperative=cooperative):
        raise PermissionDenied
    version = standard.current_version()
    if version is None:
        raise ValidationError(_("This standard has no published checklist yet."))
    existing = Assessment.objects.filter(cooperative=cooperative, version=version,
                                         status=Assessment.Status.IN_PROGRESS).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return Assessment.objects.create(cooperative=cooperative, version=version,
                                             started_by=user)
    except IntegrityError:  # a colleague started it at the same moment
        return Assessment.objects.get(cooperative=cooperative, version=version,
                                      status=Assessment.Status.IN_PROGRESS)


def assessment_profile_save(*, assessment: Assessment, user, answers: dict[str, bool]) -> None:
    _require_open(assessment, user)
    tags = set(assessment.version.profile_questions.values_list("tag", flat=True))
    profile = {tag: bool(answers.get(tag)) for tag in tags}
    Assessment.objects.filter(pk=assessment.pk).update(profile=profile, updated_at=timezone.now())
    assessment.profile = profile


def _allowed_values(point: ControlPoint) -> list[str]:
    options = [option.code for option in point.options.all()]
    if options:
        return options
    values = [scoring.COMPLIANT, scoring.NOT_COMPLIANT]
    if point.na_allowed:
        values.append(scoring.NOT_APPLICABLE)
    return values


def answer_save(*, assessment: Assessment, control_point: ControlPoint, user,
                value=UNSET, justification=UNSET, note=UNSET) -> Answer:
    """Save the given fields of one answer and only those, so two members working on the same
    assessment (even on the same point) never erase each other's other fields."""
    _require_open(assessment, user)
    if control_point.section.version_id != assessment.version_id:
        raise ValidationError(_("This control point is not part of this checklist."))
    changes = {}
    if value is not UNSET:
        value = (value or "").strip()
        if value and value not in _allowed_values(control_point):
            if value == scoring.NOT_APPLICABLE:
                raise ValidationError(_("This point cannot be answered “not applicable”: it "
                                        "applies to every farm in this profile."),
                                      code="na_refused")
            raise ValidationError(_("Choose one of the answers offered."), code="invalid")
        changes["value"] = value
    if justification is not UNSET:
        changes["justification"] = (justification or "").strip()[:5000]
    if note is not UNSET:
        changes["note"] = (note or "").strip()[:5000]
    answer, _created = Answer.objects.get_or_create(assessment=assessment,
                                                    control_point=control_point)
    if changes:
        changes["answered_by"] = user
        changes["updated_at"] = timezone.now()
        Answer.objects.filter(pk=answer.pk).update(**changes)
        Assessment.objects.filter(pk=assessment.pk).update(updated_at=timezone.now())
        for field, new in changes.items():
            setattr(answer, field, new)
    return answer


def evidence_add(*, assessment: Assessment, control_point: ControlPoint, user,
                 upload) -> EvidencePhoto:
    """Attach a photo to the point's answer after Pillow has checked and cleaned it."""
    # answer_save checks that the user may still change the assessment.
    answer = answer_save(assessment=assessment, control_point=control_point, user=user)
    if answer.photos.count() >= MAX_PHOTOS_PER_ANSWER:
        raise ValidationError(_("A point can carry at most %(count)d photos; remove one "
                                "first.") % {"count": MAX_PHOTOS_PER_ANSWER}, code="too_many")
    processed = process_evidence_photo(upload)
    photo = EvidencePhoto(answer=answer, uploaded_by=user)
    photo.image.save(processed.content.name, processed.content, save=False)
    photo.save()
    return photo


def evidence_delete(*, photo: EvidencePhoto, user) -> None:
    _require_open(photo.answer.assessment, user)
    photo.image.delete(save=False)
    photo.delete()


# --- submission ----------------------------------------------------------------------------


def _text(obj, field: str) -> dict:
    return {"vi": getattr(obj, f"{field}_vi", ""), "en": getattr(obj, f"{field}_en", "")}


def _course_ref(course) -> dict:
    return {"key": str(course.translation_key), "id": course.pk, "title": course.title}


def _percent(numerator, denominator) -> int | None:
    return round(100 * Fraction(numerator, denominator)) if denominator else None


def assessment_score(assessment: Assessment, checklist: Checklist | None = None,
                     answers: dict[int, Answer] | None = None):
    """The scorer's result for the assessment's current answers."""
    checklist = checklist or checklist_of(assessment.version)
    answers = answers if answers is not None else answers_of(assessment)
    values = {point.code: answers[point.pk].value for point in checklist.points
              if point.pk in answers and answers[point.pk].value}
    return scoring.score(assessment.version.rule, assessment.version.params,
                         checklist.specs(), values, assessment.profile_tags)


def _status_of(point, answer, profile_tags) -> str:
    if point.tag_set and point.tag_set.isdisjoint(profile_tags):
        return "not_in_scope"
    if answer is None or not answer.value:
        return scoring.GAP_UNANSWERED
    return answer.value


def readiness_snapshot(assessment: Assessment, user) -> tuple[dict, object, Checklist,
                                                               dict[int, Answer]]:
    """What the report states, built from the checklist, the answers and the scorer's result."""
    version = assessment.version
    checklist = checklist_of(version)
    answers = answers_of(assessment)
    result = assessment_score(assessment, checklist, answers)
    tags = assessment.profile_tags
    by_code = {point.code: point for point in checklist.points}

    def point_ref(point) -> dict:
        answer = answers.get(point.pk)
        return {
            "code": point.code, "section": point.section.code, "text": _text(point, "text"),
            "level": point.level, "evidence": _text(point, "evidence"),
            "justification": answer.justification if answer else "",
            "note": answer.note if answer else "",
            "photos": len(answer.photos.all()) if answer else 0,
            "courses": [_course_ref(course) for course in point.recommended_courses.all()],
        }

    # Every section whose subtree holds a scored point, in checklist order, with the totals of
    # its subtree: a parent section reads as the sum of its sub-sections.
    own = {row.section_id: row for row in result.sections}
    by_pk = {section.pk: section for section in checklist.sections}
    totals: dict[str, list[int]] = {}
    for section in reversed(checklist.sections):  # depth-first: children before parents
        total = totals.setdefault(section.code, [0, 0, 0, 0, 0])
        row = own.get(section.code)
        if row is not None:
            for index, value in enumerate((row.applicable, row.compliant, row.not_applicable,
                                           row.points, row.max_points)):
                total[index] += value
        if section.parent_id in by_pk:
            parent = totals.setdefault(by_pk[section.parent_id].code, [0, 0, 0, 0, 0])
            for index, value in enumerate(total):
                parent[index] += value
    sections = []
    for section in checklist.sections:
        applicable, compliant, not_applicable, points, max_points = totals[section.code]
        if not (applicable or not_applicable):
            continue
        parent = by_pk.get(section.parent_id)
        sections.append({
            "code": section.code, "title": _text(section, "title"),
            "parent": parent.code if parent else "",
            "depth": checklist.depth[section.pk], "applicable": applicable,
            "compliant": compliant, "not_applicable": not_applicable,
            "points": points, "max_points": max_points,
            "percent": _percent(points, max_points),
        })
    snapshot = {
        "standard": {"code": version.standard.code, "name": _text(version.standard, "name")},
        "version": {"id": version.pk, "label": version.label, "rule": version.rule,
                    "params": version.params, "note": _text(version, "note")},
        "cooperative": {"id": assessment.cooperative_id, "name": assessment.cooperative.name,
                        "province": str(assessment.cooperative.province)},
        "submitted_at": timezone.now().isoformat(),
        "submitted_by": user.full_name,
        "profile": [{"tag": question.tag, "question": _text(question, "question"),
                     "answer": question.tag in tags}
                    for question in version.profile_questions.order_by("sort_order", "pk")],
        "ready": result.ready, "reason": result.reason, "sections": sections,
        "points": {point.code: _status_of(point, answers.get(point.pk), tags)
                   for point in checklist.points},
    }
    missing_justification, missing_evidence = [], []
    for point in checklist.points:
        answer = answers.get(point.pk)
        status = snapshot["points"][point.code]
        if status in ("not_in_scope", scoring.GAP_UNANSWERED):
            continue
        if point.justification_needed(answer.value) and not answer.justification:
            missing_justification.append(point_ref(point))
        if point.evidence_required and status == scoring.COMPLIANT and \
                not answer.photos.all():
            missing_evidence.append(point_ref(point))
    snapshot["missing_justification"] = missing_justification
    snapshot["missing_evidence"] = missing_evidence

    if version.rule == scoring.WEIGHTED_POINTS:
        options = {(point.code, option.code): option for point in checklist.points
                   for option in point.options.all()}
        # The points of each chosen option, so that a later report can tell better from worse.
        snapshot["option_points"] = {
            point.code: options[(point.code, answers[point.pk].value)].points
            for point in checklist.points
            if point.pk in answers and (point.code, answers[point.pk].value) in options}
        snapshot["ocop"] = {
            "total": result.total, "max_total": result.max_total, "stars": result.stars,
            "target_stars": result.target_stars, "next_star": result.next_star,
            "points_to_next_star": result.points_to_next_star,
            "reaches_next_star": result.reaches_next_star,
            "parts": [{"part": part.part, "points": part.points, "max_points": part.max_points}
                      for part in result.parts.values()],
            "suggestions": [
                {**point_ref(by_code[move.criterion_id]), "gain": move.gain,
                 "from": _text(options[(move.criterion_id, move.from_option)], "text")
                 if move.from_option else None,
                 "to": _text(options[(move.criterion_id, move.to_option)], "text"),
                 "to_code": move.to_option}
                for move in result.suggestions],
        }
        snapshot["gaps"] = [
            {**point_ref(by_code[code]), "status": scoring.GAP_UNANSWERED, "blocking": True}
            for code in result.missing]
    else:
        levels = result.levels
        snapshot["levels"] = [
            {"level": level, "applicable": count.applicable, "compliant": count.compliant,
             "not_compliant": count.not_compliant, "not_applicable": count.not_applicable,
             "missing": count.missing, "percent": _percent(count.compliant, count.applicable)}
            for level, count in levels.items() if count.applicable or count.not_applicable]
        gaps = result.gaps if version.rule == scoring.PERCENT_BY_LEVEL else result.failures
        if version.rule == scoring.ALL_MANDATORY:
            gaps = list(gaps) + [scoring.Gap(code, by_code[code].section.code,
                                             by_code[code].level, scoring.GAP_UNANSWERED, True)
                                 for code in result.missing]
        ordered = sorted(gaps, key=lambda gap: not gap.blocking)  # blocking first, stable
        snapshot["gaps"] = [{**point_ref(by_code[gap.point_id]), "status": gap.status,
                             "blocking": gap.blocking} for gap in ordered]
        if version.rule == scoring.PERCENT_BY_LEVEL:
            snapshot["threshold"] = str(result.threshold)
            snapshot["tolerated_minor_failures"] = result.tolerated_minor_failures
            snapshot["minor_failures_remaining"] = result.minor_failures_remaining
    return snapshot, result, checklist, answers


def assessment_unanswered(assessment: Assessment) -> int:
    checklist = checklist_of(assessment.version)
    answers = answers_of(assessment)
    tags = assessment.profile_tags
    return sum(1 for point in checklist.points
               if _status_of(point, answers.get(point.pk), tags) == scoring.GAP_UNANSWERED)


def assessment_submit(*, assessment: Assessment, user) -> ReadinessReport:
    """Freeze the report, write the action plan and, after the commit, render the PDF and issue
    the submitter's self-assessment certificate. Submitting twice returns the first report."""
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().select_related(
            "version__standard", "cooperative__province").get(pk=assessment.pk)
        if not locked.is_open:
            return locked.report
        if not assessment_user_can_contribute(user=user, assessment=locked):
            raise PermissionDenied
        if locked.profile is None:
            raise ValidationError(_("Answer the profile questions first."), code="no_profile")
        unanswered = assessment_unanswered(locked)
        if unanswered:
            raise ValidationError(
                _("%(count)d applicable points are still unanswered; answer them before "
                  "submitting.") % {"count": unanswered}, code="unanswered")
        snapshot, result, checklist, answers = readiness_snapshot(locked, user)
        report = ReadinessReport.objects.create(assessment=locked, ready=result.ready,
                                                reason=result.reason, snapshot=snapshot)
        _action_plan_create(locked, snapshot, checklist)
        now = timezone.now()
        Assessment.objects.filter(pk=locked.pk).update(
            status=Assessment.Status.SUBMITTED, submitted_by=user, submitted_at=now,
            updated_at=now)
        language = user.preferred_language or settings.LANGUAGE_CODE
        transaction.on_commit(lambda: _enqueue_after_submit(report.pk, user.pk, language))
    assessment.refresh_from_db()
    return report


def _action_plan_create(assessment: Assessment, snapshot: dict, checklist: Checklist) -> None:
    by_code = {point.code: point for point in checklist.points}
    today = timezone.localdate()
    rows = [(gap, gap["status"], gap["blocking"], "", 0) for gap in snapshot["gaps"]]
    for move in snapshot.get("ocop", {}).get("suggestions", []):
        rows.append((move, "improve", False, move["to_code"], move["gain"]))
    actions = []
    for position, (item, gap, blocking, option, gain) in enumerate(rows):
        point = by_code[item["code"]]
        courses = list(point.recommended_courses.all())
        actions.append(CorrectiveAction(
            assessment=assessment, control_point=point, gap=gap, blocking=blocking,
            target_option=option, gain=gain, course=courses[0] if courses else None,
            owner=assessment.started_by, position=position,
            due_date=today + datetime.timedelta(days=ACTION_DUE_DAYS[bool(blocking)])))
    CorrectiveAction.objects.bulk_create(actions)


def _enqueue_after_submit(report_id, user_id: int, language: str) -> None:
    from certification.tasks import issue_assessment_certificate, render_readiness_report_pdf

    render_readiness_report_pdf.delay(str(report_id), language)
    issue_assessment_certificate.delay(str(report_id), user_id)


def assessment_certificate_issue(*, report_id, user_id: int) -> Certificate:
    """The submitter's certificate that the cooperative completed this self-assessment. It
    states completion, never certification against the standard."""
    from certification.services import certificate_issue
    from lms.accounts.models import User

    report = ReadinessReport.objects.select_related(
        "assessment__cooperative", "assessment__version__standard").get(pk=report_id)
    user = User.objects.get(pk=user_id)
    assessment = report.assessment
    standard = assessment.version.standard

    def snapshot_for(language: str) -> dict:
        return {
            "holder": user.full_name,
            "cooperative": assessment.cooperative.name,
            "standard": getattr(standard, f"name_{language}", "") or standard.name_vi,
            "version": assessment.version.label,
            "completed_on": timezone.localdate(assessment.submitted_at).isoformat(),
            "report_id": str(report.pk),
        }

    return certificate_issue(
        kind=Certificate.Kind.ASSESSMENT, recipient=user, source_key=f"assessment:{assessment.pk}",
        source_id=assessment.pk, cooperative=assessment.cooperative, snapshot_for=snapshot_for)


def corrective_action_update(*, action: CorrectiveAction, user, owner=UNSET, due_date=UNSET,
                             status=UNSET, closing_note=UNSET, closing_photo=None
                             ) -> CorrectiveAction:
    """Members of the cooperative work the action plan between assessments; closing an action
    records what was done and when, optionally with a photo. Everything is checked before
    anything (the photo file included) is written."""
    from lms.cooperatives.models import Membership

    if not assessment_user_can_contribute(user=user, assessment=action.assessment):
        raise PermissionDenied
    if owner not in (UNSET, None) and not Membership.objects.filter(
            user=owner, cooperative_id=action.assessment.cooperative_id,
            status=Membership.Status.ACTIVE).exists():
        raise ValidationError({"owner": _("Choose a member of the cooperative.")})
    note = action.closing_note if closing_note is UNSET else (closing_note or "").strip()[:5000]
    new_status = action.status if status is UNSET else status
    if new_status not in CorrectiveAction.Status.values:
        raise ValidationError({"status": _("Choose one of the statuses offered.")})
    if new_status == CorrectiveAction.Status.DONE and not note:
        raise ValidationError({"closing_note": _("Say what was done to close this action.")})
    processed = process_evidence_photo(closing_photo) if closing_photo is not None else None
    if owner is not UNSET:
        action.owner = owner
    if due_date is not UNSET:
        action.due_date = due_date
    action.closing_note = note
    if new_status != action.status:
        action.status = new_status
        action.closed_at = timezone.now() if new_status == CorrectiveAction.Status.DONE \
            else None
    replaced = ""
    if processed is not None:
        replaced = action.closing_photo.name if action.closing_photo else ""
        action.closing_photo.save(processed.content.name, processed.content, save=False)
    action.save()
    if replaced:
        action.closing_photo.storage.delete(replaced)
    return action


def readiness_report_html(report: ReadinessReport, language: str) -> str:
    from django.template.loader import render_to_string
    from django.utils import translation

    from certification.report_context import report_context

    with translation.override(language):
        return render_to_string("certification/readiness_report_pdf.html",
                                report_context(report, language=language, for_pdf=True))


def readiness_report_render_pdf(*, report_id, language: str, force: bool = False) -> bool:
    """Render and store the report's PDF (in ``language``) unless it exists. A failure is
    recorded on the report and does not raise, as for certificates."""
    from weasyprint.urls import FatalURLFetchingError

    from certification import pdf

    report = ReadinessReport.objects.select_related("assessment").get(pk=report_id)
    if report.pdf and report.pdf_language == language and not force:
        return False
    try:
        content = pdf.html_to_pdf(readiness_report_html(report, language),
                                  stylesheet=pdf.REPORT_STYLESHEET)
    except (Exception, FatalURLFetchingError) as error:  # noqa: BLE001 - recorded
        logger.exception("Readiness report %s could not be rendered", report.pk)
        report.pdf_error = f"{type(error).__name__}: {error}"[:2000]
        report.save(update_fields=["pdf_error"])
        return False
    name = f"bao-cao-san-sang-{report.assessment_id}-{language}.pdf"
    if report.pdf:
        report.pdf.delete(save=False)
    report.pdf.save(name, ContentFile(content), save=False)
    report.pdf_language, report.pdf_error = language, ""
    report.save(update_fields=["pdf", "pdf_language", "pdf_error"])
    return True
