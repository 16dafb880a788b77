"""The certification app's Celery tasks, where Celery's autodiscovery looks: each wing's own."""

from certification.certificates.tasks import (  # noqa: F401 - registered with the worker
    issue_course_certificate,
    render_certificate_pdf,
)
from certification.reports.tasks import (  # noqa: F401 - registered with the worker
    issue_assessment_certificate,
    render_readiness_report_pdf,
)
