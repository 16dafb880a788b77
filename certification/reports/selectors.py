"""Reads of readiness reports: an assessment's report and a cooperative's reports over time."""

from django.db.models import Count, Q, QuerySet

from certification.assessments.models import (
    Assessment,
    CorrectiveAction,
    ReadinessReport,
    ReadinessReportPdf,
)
from certification.certificates.models import Certificate
from certification.certificates.selectors import certificate_in_force
from certification.checklists.models import Standard
from lms.cooperatives.models import Cooperative


def report_of(assessment: Assessment) -> ReadinessReport | None:
    """The assessment's report, or None before submission (read from the loaded relation when
    the assessment was fetched with ``select_related("report")``)."""
    try:
        return assessment.report
    except ReadinessReport.DoesNotExist:
        return None


def report_pdfs_of(report: ReadinessReport) -> dict[str, ReadinessReportPdf]:
    """The report's PDFs by language, made or owed (from ``pdfs`` when prefetched)."""
    return {row.language: row for row in report.pdfs.all()}


def previous_report(report: ReadinessReport) -> ReadinessReport | None:
    """The cooperative's submitted report against the same standard just before this one."""
    assessment = report.assessment
    return (ReadinessReport.objects
            .filter(assessment__cooperative_id=assessment.cooperative_id,
                    assessment__version__standard_id=assessment.version.standard_id,
                    created_at__lt=report.created_at)
            .order_by("-created_at").first())


def assessment_certificate_source_key(assessment_id: int) -> str:
    """What a self-assessment certificate certifies: one per submitter and assessment."""
    return f"assessment:{assessment_id}"


def assessment_certificate_of(*, user, assessment: Assessment) -> Certificate | None:
    """The user's certificate in force for having completed this self-assessment."""
    return certificate_in_force(user=user, kind=Certificate.Kind.ASSESSMENT,
                                source_key=assessment_certificate_source_key(assessment.pk))



def history_of(*, cooperative: Cooperative, standard: Standard) -> QuerySet[ReadinessReport]:
    """Submitted reports of a cooperative against one standard, oldest first."""
    return (ReadinessReport.objects
            .filter(assessment__cooperative=cooperative, assessment__version__standard=standard)
            .select_related("assessment__version").order_by("created_at"))


def action_counts_of(reports) -> dict[int, dict]:
    """Open and closed corrective actions per assessment of the given reports."""
    return {
        row["assessment"]: row for row in
        CorrectiveAction.objects.filter(assessment__in=[r.assessment_id for r in reports])
        .values("assessment")
        .annotate(open=Count("pk", filter=~Q(status=CorrectiveAction.Status.DONE)),
                  closed=Count("pk", filter=Q(status=CorrectiveAction.Status.DONE)))
    }
