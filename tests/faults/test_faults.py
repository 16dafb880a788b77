"""Faults, on the real parts: PostgreSQL, a Redis of the test's own, real Celery workers with
beat running the sweeps. After each fault, every completed course has exactly one certificate
with its PDF, and every export ends done or failed, within seconds of recovery (the sweep
interval and leases are shortened: tests/faults/conftest.py FAST).

Runs in CI's second pass (CELERY_BROKER_URL and a PostgreSQL DATABASE_URL set). Each test
prints its figures (`-s` shows them): completions, faults, recovery time."""

import os
import time
import zipfile

import pytest
from django.db.models import Count, Q

from certification.certificates import services as certificate_services
from certification.models import Certificate
from courses import services as course_services
from courses.models import Enrollment
from lms.dashboards.exports import dashboard_export_request
from lms.dashboards.selectors import Filters, dashboard_scope
from lms.exports.models import Export
from tests.celery_worker import requires_broker
from tests.certification.conftest import finish_course
from tests.factories import CooperativeFactory, MembershipFactory, OfficerFactory, UserFactory
from tests.factories.courses import make_course

pytestmark = [
    pytest.mark.worker,
    requires_broker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COMPLETIONS = int(os.environ.get("LMS_FAULT_COMPLETIONS", "40"))
SETTLE_TIMEOUT = 180


@pytest.fixture
def course(db):
    return make_course(lessons=1, quiz=False)


def enrolled(course, count):
    enrollments = []
    for _ in range(count):
        user = UserFactory()
        enrollments.append(course_services.enrollment_create(user=user, course=course))
    return enrollments


def complete(enrollment, course):
    """Completes the course as the lesson page does; the hand-over runs on commit."""
    started = time.monotonic()
    finish_course(enrollment, course)
    return time.monotonic() - started


def tally(enrollments) -> dict[str, int]:
    """lost: a completion without a certificate; duplicated: one with two in force; stuck: a
    certificate in force without its PDF."""
    ids = [enrollment.pk for enrollment in enrollments]
    counts = dict(Certificate.objects.filter(kind="course", source_id__in=ids,
                                             replaced_at__isnull=True)
                  .values_list("source_id").annotate(n=Count("pk")))
    completed = Enrollment.objects.filter(pk__in=ids, status="completed").count()
    return {
        "completed": completed,
        "lost": sum(1 for pk in ids if counts.get(pk, 0) == 0),
        "duplicated": sum(1 for n in counts.values() if n > 1),
        "stuck": Certificate.objects.filter(kind="course", source_id__in=ids, pdf="").count(),
    }


def settle(enrollments, *, log) -> float:
    """Seconds until nothing is lost or stuck; fails with the tally and the log otherwise."""
    started = time.monotonic()
    deadline = started + SETTLE_TIMEOUT
    while time.monotonic() < deadline:
        figures = tally(enrollments)
        if figures["lost"] == figures["stuck"] == 0:
            return time.monotonic() - started
        time.sleep(0.25)
    pytest.fail(f"not recovered in {SETTLE_TIMEOUT} s: {tally(enrollments)}\n"
                f"{log.read_text()[-6000:]}")


def report(title, **figures):
    print(f"\n[fault] {title}: " + ", ".join(f"{key}={value}" for key, value in figures.items()))


def test_kill_9_of_the_workers_main_process_mid_batch_loses_nothing(start_worker, course):
    enrollments = enrolled(course, COMPLETIONS)
    worker = start_worker(pool="prefork", name="killed")
    for enrollment in enrollments:
        complete(enrollment, course)
    while Certificate.objects.filter(kind="course").count() < 3:
        time.sleep(0.02)

    worker.kill()
    at_kill = tally(enrollments)
    assert at_kill["lost"] + at_kill["stuck"] > 0, "killed too late: nothing was in flight"
    worker.start()
    recovery = settle(enrollments, log=worker.log)

    figures = tally(enrollments)
    report("kill -9 of the worker's main process", completions=COMPLETIONS,
           in_flight_at_kill=at_kill["lost"] + at_kill["stuck"],
           recovery_s=round(recovery, 1), **figures)
    assert figures == {"completed": COMPLETIONS, "lost": 0, "duplicated": 0, "stuck": 0}


def test_redis_down_and_back_mid_batch_loses_no_certificate(start_worker, broker, course):
    enrollments = enrolled(course, COMPLETIONS)
    worker = start_worker(name="redis-restart")
    third = COMPLETIONS // 3
    for enrollment in enrollments[:third]:
        complete(enrollment, course)

    broker.stop()  # everything queued in it is gone: it keeps nothing on disk
    down = [complete(enrollment, course) for enrollment in enrollments[third:2 * third]]
    time.sleep(2)
    broker.start()
    restarted = time.monotonic()
    for enrollment in enrollments[2 * third:]:
        complete(enrollment, course)
    settle(enrollments, log=worker.log)
    recovery = time.monotonic() - restarted

    figures = tally(enrollments)
    report("Redis stopped and started again", completions=COMPLETIONS,
           completed_while_down=len(down), slowest_completion_while_down_s=round(max(down), 2),
           recovery_s=round(recovery, 1), **figures)
    assert figures == {"completed": COMPLETIONS, "lost": 0, "duplicated": 0, "stuck": 0}
    assert max(down) < 3, "a learner waited for the broker"


def test_a_renderer_failing_for_a_while_is_retried_until_every_pdf_is_made(
        start_worker, course, tmp_path):
    count = max(10, COMPLETIONS // 4)
    enrollments = enrolled(course, count)
    faults = tmp_path / "faults"
    faults.mkdir()
    worker = start_worker(name="flaky-renderer", env={
        "LMS_TEST_RENDER_FAILS": "2", "LMS_TEST_FAULT_DIR": str(faults)})
    for enrollment in enrollments:
        complete(enrollment, course)

    recovery = settle(enrollments, log=worker.log)

    figures = tally(enrollments)
    certificates = Certificate.objects.filter(kind="course",
                                              source_id__in=[e.pk for e in enrollments])
    report("renderer failing twice per PDF", completions=count,
           recovery_s=round(recovery, 1), **figures)
    assert figures == {"completed": count, "lost": 0, "duplicated": 0, "stuck": 0}
    # Two failed tries and the third that made it.
    assert set(certificates.values_list("pdf_tries", "pdf_error", "pdf_next_try_at")) == {
        (3, "", None)}


def test_exports_whose_worker_was_killed_end_done(start_worker, course):
    cooperative = CooperativeFactory()
    officer = OfficerFactory(provinces=[cooperative.province])
    holders = [MembershipFactory(cooperative=cooperative).user for _ in range(16)]
    for enrollment in [course_services.enrollment_create(user=user, course=course)
                       for user in holders]:
        finish_course(enrollment, course)
    worker = start_worker(pool="prefork", name="export-killed",
                          env={"LMS_TEST_SLOW_PDF": "0.25"})
    certificates = Certificate.objects.filter(kind="course", cooperative=cooperative)
    while certificates.filter(~Q(pdf="")).count() < len(holders):
        time.sleep(0.1)

    archive = certificate_services.certificate_export_request(user=officer,
                                                              cooperative=cooperative)
    table = dashboard_export_request(scope=dashboard_scope(officer), table="learners",
                                     fmt="csv", filters=Filters(), params={})
    while Export.objects.get(pk=archive.pk).done < 2:
        time.sleep(0.05)
    worker.kill()
    killed_at = Export.objects.get(pk=archive.pk)
    assert killed_at.status == Export.Status.RUNNING and killed_at.done < len(holders)
    worker.start()
    started = time.monotonic()
    exports = Export.objects.filter(pk__in=[archive.pk, table.pk])
    while exports.exclude(status__in=["done", "failed"]).exists():
        assert time.monotonic() - started < SETTLE_TIMEOUT, worker.log.read_text()[-6000:]
        time.sleep(0.25)
    recovery = time.monotonic() - started

    archive.refresh_from_db()
    table.refresh_from_db()
    report("worker killed while building a ZIP", certificates=len(holders),
           done_at_kill=killed_at.done, recovery_s=round(recovery, 1),
           zip_tries=archive.tries, zip=archive.status, table=table.status)
    assert (archive.status, table.status) == ("done", "done")
    assert archive.tries == 2
    with archive.file.open("rb") as stored, zipfile.ZipFile(stored) as built:
        assert len(built.namelist()) == len(holders)
    with table.file.open("rb") as stored:
        assert stored.read().decode("utf-8-sig").count("\n") == len(holders) + 1
