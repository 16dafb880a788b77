"""Celery tasks of readiness reports: thin, take ids, safe to run twice (and handed over again by
the sweep until done: lms/outbox)."""

from celery import shared_task

from certification.certificates import services as certificate_services
from certification.reports import services


@shared_task(name="certification.render_readiness_report_pdf")
def render_readiness_report_pdf(report_id: str, language: str) -> bool:
    return services.readiness_report_render_pdf(report_id=report_id, language=language)


@shared_task(name="certification.issue_assessment_certificate")
def issue_assessment_certificate(report_id: str, user_id: int) -> str:
    certificate = services.assessment_certificate_issue(report_id=report_id, user_id=user_id)
    if certificate.status == certificate.Status.VALID:
        certificate_services.certificate_render_pdf(certificate_id=certificate.pk)
    return certificate.code
