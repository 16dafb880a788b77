"""The certification app's Celery tasks, where Celery's autodiscovery looks: each wing's own,
and the sweep that beat runs every LMS_SWEEP_SECONDS (docs/decisions/0010)."""

from celery import shared_task

from certification.certificates.services import certificates_sweep
from certification.certificates.tasks import (  # noqa: F401 - registered with the worker
    issue_course_certificate,
    render_certificate_pdf,
)
from certification.reports.recovery import assessment_certificates_sweep
from certification.reports.services import readiness_report_pdf_sweep
from certification.reports.tasks import (  # noqa: F401 - registered with the worker
    issue_assessment_certificate,
    render_readiness_report_pdf,
)


@shared_task(name="certification.sweep")
def sweep() -> dict:
    """What lost messages, broker outages and dead workers left undone, handed over again:
    course certificates and their PDFs, self-assessment certificates, readiness report PDFs."""
    return {**certificates_sweep(),
            "assessment_certificates": assessment_certificates_sweep(),
            "report_pdfs": readiness_report_pdf_sweep()}
