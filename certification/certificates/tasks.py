"""Celery tasks of certificates: thin, take ids, safe to run twice (and handed over again by the
sweep until done: lms/outbox)."""

from celery import shared_task

from certification.certificates import services


@shared_task(name="certification.issue_course_certificate")
def issue_course_certificate(enrollment_id: int) -> str:
    certificate = services.certificate_issue_for_enrollment(enrollment_id=enrollment_id)
    if certificate.status == certificate.Status.VALID:
        services.certificate_render_pdf(certificate_id=certificate.pk)
    return certificate.code


@shared_task(name="certification.render_certificate_pdf")
def render_certificate_pdf(certificate_id: int) -> bool:
    return services.certificate_render_pdf(certificate_id=certificate_id)

