"""Integration: completing a course sends the issuing task through the Redis broker to a real
Celery worker process, which issues the certificate and renders its PDF.

Runs when CELERY_BROKER_URL is set (CI's second pass, on PostgreSQL and Redis); skipped otherwise,
since without a broker tasks run eagerly in-process."""

import re

import pytest
from django.conf import settings

from certification import scoring
from certification.assessments import services as assessment_services
from certification.checklists.selectors import checklist_of
from certification.models import Certificate, ReadinessReportPdf
from certification.reports import services as report_services
from courses import services as course_services
from tests.celery_worker import requires_broker, running_worker, wait_for
from tests.certification.conftest import HOLDER_NAME, finish_course
from tests.factories.checklists import assessment_for, globalgap_dict, version_from_dict

pytestmark = [
    pytest.mark.worker,
    requires_broker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SUCCEEDED = re.compile(r"Task certification\.issue_course_certificate\[[^\]]+\] succeeded")


@pytest.fixture
def worker(tmp_path):
    """A worker on the test database, storing files (the PDFs are private) in the test's folders,
    so the test reads what the worker wrote and nothing lands in the project."""
    env = {"DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
           "DJANGO_PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT)}
    with running_worker(tmp_path / "worker.log", env=env, name="test-cert") as log:
        yield log


def test_completing_a_course_has_the_worker_issue_one_certificate_with_a_pdf(
        worker, holder, course):
    log = worker
    enrollment = course_services.enrollment_create(user=holder, course=course)

    finish_course(enrollment, course)  # commits; the completion enqueues the issuing task

    wait_for(lambda: Certificate.objects.filter(recipient=holder).exclude(pdf="").exists(),
             timeout=90, what="the certificate and its PDF", log=log)
    wait_for(lambda: SUCCEEDED.search(log.read_text()), timeout=30,
             what="the task to finish", log=log)
    assert Certificate.objects.filter(recipient=holder).count() == 1
    certificate = Certificate.objects.get(recipient=holder)
    assert certificate.snapshot["holder"] == HOLDER_NAME
    assert certificate.source_id == enrollment.pk
    assert certificate.pdf_error == ""
    with open(settings.PRIVATE_MEDIA_ROOT / certificate.pdf.name, "rb") as file:
        assert file.read(5) == b"%PDF-"


def test_submitting_an_assessment_has_the_worker_render_the_report_and_certificate(
        worker, cooperative, manager):
    log = worker
    version = version_from_dict(globalgap_dict(minors=4))
    assessment = assessment_for(cooperative=cooperative, version=version, user=manager)
    for point in checklist_of(version).points:
        assessment_services.answer_save(
            assessment=assessment, control_point=point, user=manager, value=scoring.COMPLIANT,
            justification="Đã kiểm tra")

    report = report_services.assessment_submit(assessment=assessment, user=manager)

    wait_for(lambda: ReadinessReportPdf.objects.filter(report=report).exclude(file="").exists(),
             timeout=90, what="the readiness report PDF", log=log)
    wait_for(lambda: Certificate.objects.filter(recipient=manager, kind="assessment")
             .exclude(pdf="").exists(), timeout=90, what="the assessment certificate", log=log)
    row = ReadinessReportPdf.objects.get(report=report)
    assert row.error == "" and row.language == "vi" and row.next_try_at is None
    with open(settings.PRIVATE_MEDIA_ROOT / row.file.name, "rb") as file:
        assert file.read(5) == b"%PDF-"
