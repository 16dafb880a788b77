"""Integration: completing a course sends the issuing task through the Redis broker to a real
Celery worker process, which issues the certificate and renders its PDF.

Runs when CELERY_BROKER_URL is set (CI's second pass, on PostgreSQL and Redis); skipped otherwise,
since without a broker tasks run eagerly in-process."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings

from certification.models import Certificate
from courses import services as course_services
from tests.certification.conftest import HOLDER_NAME, finish_course
from tests.test_celery_worker import BASE_DIR, database_url, wait_for

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(
        not os.environ.get("CELERY_BROKER_URL"),
        reason="CELERY_BROKER_URL is not set: the real-worker test needs a Redis broker "
        "(CI's second pass sets it).",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SUCCEEDED = re.compile(r"Task certification\.issue_course_certificate\[[^\]]+\] succeeded")


@pytest.fixture
def worker(tmp_path):
    """A `celery worker` process on the test database, storing media (the PDFs) in the test's
    MEDIA_ROOT, so the test reads what the worker wrote and nothing lands in the project."""
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    from lms.celery import app

    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge(settings.CELERY_TASK_DEFAULT_QUEUE)
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool=solo", "--loglevel=INFO",
         "--without-gossip", "--without-mingle", "--without-heartbeat",
         "-Q", settings.CELERY_TASK_DEFAULT_QUEUE, "-n", f"test-cert-{os.getpid()}@%h"],
        cwd=BASE_DIR, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
    )
    try:
        wait_for(lambda: "ready." in log.read_text(), timeout=60, what="the worker to start",
                 log=log)
        yield log
    finally:
        process.terminate()
        process.wait(timeout=30)


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
    with open(settings.MEDIA_ROOT / certificate.pdf.name, "rb") as file:
        assert file.read(5) == b"%PDF-"
