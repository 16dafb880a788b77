"""Writes of readiness reports: submitting an assessment freezes its report (what the scorer
says, with the texts needed to show it later in either language), drafts the action plan and,
after the commit, asks for the PDF and the submitter's certificate; rendering the PDF, one per
language, tried again with backoff until it is made (the sweep finds what is owed).

The verdict comes from the pure ``certification.scoring`` module; this module only feeds it and
freezes what it says."""

import datetime
import logging
from fractions import Fraction

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from weasyprint.urls import FatalURLFetchingError

from certification import scoring
from certification.assessments.models import (
    Answer,
    Assessment,
    CorrectiveAction,
    EvidencePhoto,
    OcopSelfReport,
    ReadinessReport,
    ReadinessReportPdf,
)
from certification.assessments.selectors import (
    answers_of,
    assessment_score,
    assessment_unanswered,
    assessment_user_can_contribute,
    justification_missing,
    point_status,
)
from certification.certificates import pdf
from certification.certificates.models import Certificate
from certification.certificates.services import certificate_issue
from certification.checklists.models import localized
from certification.checklists.selectors import Checklist, checklist_of
from certification.reports import tasks  # noqa: F401 - registers the tasks handed over by name
from certification.reports.context import LANGUAGES, report_context
from certification.reports.selectors import assessment_certificate_source_key, report_pdfs_of
from lms.accounts.models import User
from lms.files import file_replace
from lms.outbox.retry import after_grace, try_started
from lms.outbox.services import hand_over, hand_over_after_commit

logger = logging.getLogger(__name__)

ACTION_DUE_DAYS = {True: 30, False: 90}  # blocking gaps are due sooner
RENDER_PDF_TASK = "certification.render_readiness_report_pdf"
ISSUE_CERTIFICATE_TASK = "certification.issue_assessment_certificate"


def _text(obj, field: str) -> dict:
    return {"vi": getattr(obj, f"{field}_vi", ""), "en": getattr(obj, f"{field}_en", "")}


def _course_ref(course) -> dict:
    return {"key": str(course.translation_key), "id": course.pk, "title": course.title}


def _percent(numerator, denominator) -> int | None:
    return round(100 * Fraction(numerator, denominator)) if denominator else None


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
        "points": {point.code: point_status(point, answers.get(point.pk), tags)
                   for point in checklist.points},
    }
    missing_justification, missing_evidence = [], []
    for point in checklist.points:
        answer = answers.get(point.pk)
        status = snapshot["points"][point.code]
        if status in ("not_in_scope", scoring.GAP_UNANSWERED):
            continue
        if justification_missing(point, answer):
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
            "band_stars": result.band_stars, "minimum_stars": result.minimum_stars,
            "eligible": result.eligible,
            "refusals": [{**point_ref(by_code[code]),
                          "answer": _text(options[(code, answers[by_code[code].pk].value)],
                                          "text")}
                         for code in result.refusals],
            "unmet_minimums": [
                {**point_ref(by_code[minimum.criterion_id]), "stars": minimum.stars,
                 "gain": minimum.gain,
                 "from": _text(options[(minimum.criterion_id, minimum.from_option)], "text")
                 if minimum.from_option else None,
                 "to": _text(options[(minimum.criterion_id, minimum.to_option)], "text"),
                 "to_code": minimum.to_option}
                for minimum in result.unmet_minimums],
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
        language = _language_of(user)
        ReadinessReportPdf.objects.create(report=report, language=language,
                                          next_try_at=after_grace())
        _enqueue_after_submit(report.pk, user.pk, language)
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
    """Once the submission commits. A broker that cannot take them costs the submitter nothing:
    the sweeps find the owed PDF and certificate in the database and hand them over later."""
    hand_over_after_commit(RENDER_PDF_TASK, str(report_id), language)
    hand_over_after_commit(ISSUE_CERTIFICATE_TASK, str(report_id), user_id)


def assessment_certificate_issue(*, report_id, user_id: int) -> Certificate:
    """The submitter's certificate that the cooperative completed this self-assessment. It
    states completion, never certification against the standard."""
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
        kind=Certificate.Kind.ASSESSMENT, recipient=user,
        source_key=assessment_certificate_source_key(assessment.pk),
        source_id=assessment.pk, cooperative=assessment.cooperative, snapshot_for=snapshot_for)


# The evidence photos a report's PDF shows: their thumbnails, a few per point, so the file stays
# light enough for a phone; the page and the assessment keep every photo.
PDF_PHOTOS_PER_POINT = 3
PDF_PHOTOS_MAX = 30


def report_photos(report: ReadinessReport, language: str) -> tuple[list[dict], dict]:
    """(rows for the template: code, text, keys of the photos shown, how many more; the files
    by key, for the PDF's fetcher). Read through the storage API, wherever the files are."""
    photos = (EvidencePhoto.objects.filter(answer__assessment_id=report.assessment_id)
              .select_related("answer__control_point")
              .order_by("answer__control_point__section__sort_order",
                        "answer__control_point__sort_order", "uploaded_at", "pk"))
    rows, files, by_point = [], {}, {}
    for photo in photos:
        point = photo.answer.control_point
        row = by_point.get(point.pk)
        if row is None:
            row = by_point[point.pk] = {"code": point.code,
                                        "text": localized(point, "text", language),
                                        "keys": [], "more": 0}
            rows.append(row)
        if len(row["keys"]) >= PDF_PHOTOS_PER_POINT or len(files) >= PDF_PHOTOS_MAX:
            row["more"] += 1
            continue
        key = f"evidence-{photo.pk}"
        files[key] = photo.thumbnail if photo.thumbnail else photo.image
        row["keys"].append(key)
    return rows, files


def readiness_report_html(report: ReadinessReport, language: str, *,
                          photos: list[dict] | None = None) -> str:
    context = report_context(report, language=language, for_pdf=True)
    context["photos"] = photos or []
    with translation.override(language):
        return render_to_string("certification/reports/pdf/report.html", context)


def readiness_report_render_pdf(*, report_id, language: str, force: bool = False) -> bool:
    """Render the report in ``language`` into that language's row, unless its file is there;
    True when stored now. Another language's file is never touched.

    A failure does not raise: it is recorded on the row with the time of the next try, after a
    backoff with jitter (lms/outbox/retry.py), which the sweep keeps; after the last try the
    page says the PDF could not be made until a member asks again. The row is locked while
    rendering, so two workers given the same PDF store one file."""
    report = ReadinessReport.objects.select_related("assessment").get(pk=report_id)
    ReadinessReportPdf.objects.get_or_create(report=report, language=language,
                                             defaults={"next_try_at": after_grace()})
    rows = ReadinessReportPdf.objects.filter(report=report, language=language)
    if not force and rows.exclude(file="").exists():
        return False
    # Counted before it starts: a try that kills its worker still counts (lms/outbox/retry.py).
    tries = try_started(rows)
    with transaction.atomic():
        row = rows.select_for_update().get()
        if row.file and not force:
            return False
        try:
            photos, files = report_photos(report, language)
            content = pdf.html_to_pdf(readiness_report_html(report, language, photos=photos),
                                      stylesheet=pdf.REPORT_STYLESHEET, files=files)
        except (Exception, FatalURLFetchingError) as error:  # noqa: BLE001 - recorded
            logger.exception("Readiness report %s (%s) could not be rendered (try %s)",
                             report.pk, language, tries)
            rows.update(error=f"{type(error).__name__}: {error}"[:2000])
            return False
        file_replace(row.file, f"bao-cao-san-sang-{report.assessment_id}-{language}.pdf",
                     ContentFile(content))
        ReadinessReportPdf.objects.filter(pk=row.pk).update(
            file=row.file.name, error="", next_try_at=None, rendered_at=timezone.now())
    return True


# --- the PDF, asked for from the report page -------------------------------------------------


class PdfState:
    READY = "ready"
    PENDING = "pending"  # owed: with a worker now, or tried again later by the sweep
    FAILED = "failed"  # every try failed; a member may ask again
    NONE = "none"  # never asked for in this language


def _language_of(user) -> str:
    """The submitter's language, in which submitting prints the report."""
    language = (getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE)[:2]
    return language if language in LANGUAGES else settings.LANGUAGE_CODE[:2]


def pdf_state(row: ReadinessReportPdf | None) -> str:
    """Where one language's PDF stands (one of ``PdfState``)."""
    if row is None:
        return PdfState.NONE
    if row.file:
        return PdfState.READY
    if row.next_try_at is not None:
        return PdfState.PENDING
    # No try left (a failure always records its error): only a member's retry starts again.
    return PdfState.FAILED


def readiness_report_pdf_state(report: ReadinessReport, language: str) -> str:
    return pdf_state(report_pdfs_of(report).get(language))


def readiness_report_pdf_request(report: ReadinessReport, language: str) -> ReadinessReportPdf:
    """Ask for the report's PDF in ``language``: the first ask makes its row and hands it to
    the worker (which renders it at once in development, where tasks run eagerly). A later ask
    hands it over again only if its next try is due and no sweep has come yet; otherwise the
    row is left to its worker or to the sweep. The report is committed already and the task
    makes the row if it cannot see it yet, so the hand-over need not wait for a commit."""
    if language not in LANGUAGES:
        raise ValueError(f"No readiness report in {language!r}.")
    row, created = ReadinessReportPdf.objects.get_or_create(
        report=report, language=language, defaults={"next_try_at": after_grace()})
    due = not row.file and row.next_try_at is not None and row.next_try_at <= timezone.now()
    if created or due:
        hand_over(RENDER_PDF_TASK, str(report.pk), language)
    return row


def readiness_report_pdf_retry(*, report: ReadinessReport, language: str, user) -> None:
    """A member asks again after a failure: the tries start afresh and the worker renders it."""
    if not assessment_user_can_contribute(user=user, assessment=report.assessment):
        raise PermissionDenied
    if language not in LANGUAGES:
        raise ValueError(f"No readiness report in {language!r}.")
    row, created = ReadinessReportPdf.objects.get_or_create(
        report=report, language=language, defaults={"next_try_at": after_grace()})
    again = created or ReadinessReportPdf.objects.filter(pk=row.pk, file="").update(
        tries=0, error="", next_try_at=after_grace())
    if again:
        hand_over(RENDER_PDF_TASK, str(report.pk), language)


def readiness_report_pdf_sweep(*, now=None, limit: int = 200) -> int:
    """What a broker outage, a lost message or a dead worker left undone, handed over again:
    every PDF whose next try is due, after making the submitter's-language row of any report
    that has none (reports submitted before PDFs had rows, PDFs deleted when an account
    closed). Returns how many the broker took."""
    now = now or timezone.now()
    without = (ReadinessReport.objects
               .exclude(Exists(ReadinessReportPdf.objects.filter(report=OuterRef("pk"))))
               .select_related("assessment__submitted_by").order_by("created_at")[:limit])
    for report in without:
        ReadinessReportPdf.objects.get_or_create(
            report=report, language=_language_of(report.assessment.submitted_by),
            defaults={"next_try_at": now})
    due = list(ReadinessReportPdf.objects.filter(file="", next_try_at__lte=now)
               .order_by("next_try_at").values_list("report_id", "language")[:limit])
    return sum(hand_over(RENDER_PDF_TASK, str(report_id), language)
               for report_id, language in due)


# --- the OCOP self-assessment report (Mẫu 02) ------------------------------------------------


def ocop_self_report_save(*, assessment: Assessment, form, user) -> OcopSelfReport:
    """Save what a member filled in of Mẫu 02 (a valid ``OcopSelfReportForm``)."""
    if not assessment_user_can_contribute(user=user, assessment=assessment):
        raise PermissionDenied
    report = form.save(commit=False)
    report.assessment, report.updated_by = assessment, user
    report.save()
    return report
