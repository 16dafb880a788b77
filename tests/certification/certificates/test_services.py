"""Issuing, rendering, revoking and re-issuing certificates: once per completed course, the PDF
rendered in the background, failures recorded, history kept."""

import datetime
from decimal import Decimal

import pytest
from celery.exceptions import Retry
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale
from weasyprint.urls import FatalURLFetchingError

from certification.certificates import services, tasks
from certification.models import Certificate
from courses import services as course_services
from courses.models import CourseIndexPage, Enrollment
from lms.months import add_months
from tests.certification.conftest import (
    HOLDER_NAME,
    completed_enrollment,
    finish_course,
    issue,
)
from tests.factories import UserFactory
from tests.factories.courses import WRONG_ANSWERS, lessons_of, make_course, quiz_of

UTC = datetime.UTC


def certificates_of(user):
    return Certificate.objects.filter(recipient=user)


def complete_with_commit(captured, user, course):
    """Complete the course and run the on-commit callbacks: the signal fires and the (eager)
    task issues the certificate."""
    enrollment = course_services.enrollment_create(user=user, course=course)
    with captured(execute=True):
        finish_course(enrollment, course)
    return enrollment


# --- issuing on completion


def test_completing_a_course_issues_one_certificate_with_a_pdf(
        holder, course, django_capture_on_commit_callbacks):
    complete_with_commit(django_capture_on_commit_callbacks, holder, course)

    certificate = certificates_of(holder).get()
    assert certificate.pdf
    with certificate.pdf.open("rb") as file:
        assert file.read(5) == b"%PDF-"
    assert certificate.pdf_error == ""


def test_the_certificate_snapshot_states_holder_course_hours_trainer_and_issuers(
        holder, course, trainer, cooperative, django_capture_on_commit_callbacks):
    enrollment = complete_with_commit(django_capture_on_commit_callbacks, holder, course)
    enrollment.refresh_from_db()

    snapshot = certificates_of(holder).get().snapshot
    assert snapshot["holder"] == HOLDER_NAME
    assert snapshot["course"] == course.title
    assert snapshot["hours"] == "2"
    assert snapshot["trainer"] == trainer.full_name
    assert snapshot["trainer_id"] == trainer.pk
    assert snapshot["cooperative"] == cooperative.name
    assert snapshot["union"] == cooperative.union.name
    assert snapshot["completed_on"] == timezone.localdate(enrollment.completed_at).isoformat()


def test_the_certificate_records_its_holder_source_and_cooperative(
        holder, course, cooperative, django_capture_on_commit_callbacks):
    enrollment = complete_with_commit(django_capture_on_commit_callbacks, holder, course)

    certificate = certificates_of(holder).get()
    assert certificate.kind == Certificate.Kind.COURSE
    assert certificate.source_key == str(course.translation_key)
    assert certificate.source_id == enrollment.pk
    assert certificate.cooperative == cooperative
    assert certificate.status == Certificate.Status.VALID


def test_the_snapshot_does_not_change_when_the_course_does(holder, course):
    certificate = issue(holder, course)
    title = course.title
    course.title = "Tên mới của khóa học"
    course.save()

    certificate.refresh_from_db()
    assert certificate.snapshot["course"] == title


def test_a_ten_hour_course_states_ten_hours(holder, trainer):
    course = make_course(trainer=trainer, lessons=1, quiz=False)
    course.estimated_hours = Decimal("10")
    course.save()

    assert issue(holder, course).snapshot["hours"] == "10"


def test_a_half_hour_course_states_its_fraction(holder, trainer):
    course = make_course(trainer=trainer, lessons=1, quiz=False)
    course.estimated_hours = Decimal("1.5")
    course.save()

    assert issue(holder, course).snapshot["hours"] == "1.5"


def test_completing_a_course_without_a_quiz_issues_a_certificate(
        holder, trainer, django_capture_on_commit_callbacks):
    course = make_course(trainer=trainer, lessons=2, quiz=False)

    complete_with_commit(django_capture_on_commit_callbacks, holder, course)

    assert certificates_of(holder).count() == 1


def test_a_holder_without_a_cooperative_gets_a_certificate_without_one(learner, course):
    certificate = issue(learner, course)

    assert certificate.cooperative is None
    assert certificate.snapshot["cooperative"] == ""
    assert certificate.snapshot["union"] == ""


def test_failing_the_quiz_issues_no_certificate(
        holder, course, django_capture_on_commit_callbacks):
    enrollment = course_services.enrollment_create(user=holder, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons_of(course):
            course_services.lesson_complete(enrollment=enrollment, lesson=lesson)
        course_services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course),
                                    raw_answers=WRONG_ANSWERS)

    assert not certificates_of(holder).exists()


def test_an_enrollment_not_completed_is_refused(holder, course):
    enrollment = course_services.enrollment_create(user=holder, course=course)

    with pytest.raises(ValidationError):
        services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)
    assert not certificates_of(holder).exists()


def test_the_task_refuses_an_enrollment_not_completed(holder, course):
    enrollment = course_services.enrollment_create(user=holder, course=course)

    with pytest.raises(ValidationError):
        tasks.issue_course_certificate.apply(args=[enrollment.pk], throw=True)
    assert not certificates_of(holder).exists()


# --- once only


def test_running_the_task_twice_leaves_one_certificate(holder, course):
    enrollment = completed_enrollment(holder, course)

    first = tasks.issue_course_certificate.apply(args=[enrollment.pk], throw=True).get()
    second = tasks.issue_course_certificate.apply(args=[enrollment.pk], throw=True).get()

    assert first == second
    assert certificates_of(holder).count() == 1


def test_calling_the_service_twice_returns_the_same_certificate(holder, course):
    enrollment = completed_enrollment(holder, course)

    first = services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)
    second = services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)

    assert first.pk == second.pk
    assert certificates_of(holder).count() == 1


def test_losing_the_race_to_another_worker_returns_its_certificate(holder, course, monkeypatch):
    enrollment = completed_enrollment(holder, course)
    theirs = services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)
    # This run looked before the other one committed: it saw no certificate in force.
    real_in_force = services.certificate_in_force
    looks = []

    def not_yet_then_real(*args, **kwargs):
        looks.append(args)
        return None if len(looks) == 1 else real_in_force(*args, **kwargs)

    monkeypatch.setattr(services, "certificate_in_force", not_yet_then_real)

    mine = services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)

    assert len(looks) == 2  # the insert failed on the constraint and it looked again
    assert mine.pk == theirs.pk
    assert certificates_of(holder).count() == 1


def test_completing_a_course_again_after_issuing_issues_nothing_new(
        holder, course, django_capture_on_commit_callbacks):
    enrollment = complete_with_commit(django_capture_on_commit_callbacks, holder, course)
    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrollment_check_completion(enrollment=enrollment)
        course_services.lesson_complete(enrollment=enrollment, lesson=lessons_of(course)[0])

    assert certificates_of(holder).count() == 1


# --- failures


@pytest.mark.parametrize("error", [OSError("database server gone"),
                                   ConnectionError("broker connection lost")])
def test_a_transient_failure_makes_the_task_retry(holder, course, monkeypatch, error):
    enrollment = completed_enrollment(holder, course)
    real_issue = services.certificate_issue_for_enrollment
    calls = []

    def fail_once(**kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            raise error
        return real_issue(**kwargs)

    monkeypatch.setattr(services, "certificate_issue_for_enrollment", fail_once)

    with pytest.raises(Retry):
        tasks.issue_course_certificate.apply(args=[enrollment.pk], throw=True)
    assert not certificates_of(holder).exists()


def test_the_retry_after_a_transient_failure_issues_the_certificate(
        holder, course, monkeypatch):
    enrollment = completed_enrollment(holder, course)
    real_issue = services.certificate_issue_for_enrollment
    calls = []

    def fail_once(**kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            raise OSError("database server gone")
        return real_issue(**kwargs)

    monkeypatch.setattr(services, "certificate_issue_for_enrollment", fail_once)

    result = tasks.issue_course_certificate.apply(args=[enrollment.pk], throw=False)  # retries

    assert len(calls) == 2
    assert result.get() == certificates_of(holder).get().code


def test_a_weasyprint_fatal_error_is_recorded_not_raised(
        holder, course, monkeypatch, django_capture_on_commit_callbacks):
    def fatal(html):
        raise FatalURLFetchingError("static:img/logo.svg could not be fetched")

    monkeypatch.setattr("certification.certificates.pdf.html_to_pdf", fatal)

    complete_with_commit(django_capture_on_commit_callbacks, holder, course)  # does not raise

    certificate = certificates_of(holder).get()
    assert not certificate.pdf
    assert "FatalURLFetchingError" in certificate.pdf_error
    assert "static:img/logo.svg" in certificate.pdf_error


def test_the_task_survives_a_weasyprint_fatal_error(holder, course, monkeypatch):
    enrollment = completed_enrollment(holder, course)

    def fatal(html):
        raise FatalURLFetchingError("fatal")

    monkeypatch.setattr("certification.certificates.pdf.html_to_pdf", fatal)

    result = tasks.issue_course_certificate.apply(args=[enrollment.pk], throw=True)

    assert result.get() == certificates_of(holder).get().code
    assert not certificates_of(holder).get().pdf


def test_a_rendering_error_is_recorded_and_cleared_by_a_later_success(
        certificate, monkeypatch):
    def broken(html):
        raise RuntimeError("no fonts")

    monkeypatch.setattr("certification.certificates.pdf.html_to_pdf", broken)
    assert services.certificate_render_pdf(certificate_id=certificate.pk) is False
    certificate.refresh_from_db()
    assert certificate.pdf_error == "RuntimeError: no fonts"

    monkeypatch.undo()
    assert services.certificate_render_pdf(certificate_id=certificate.pk) is True
    certificate.refresh_from_db()
    assert certificate.pdf
    assert certificate.pdf_error == ""


def test_rendering_again_keeps_the_existing_pdf_unless_forced(certificate):
    assert services.certificate_render_pdf(certificate_id=certificate.pk) is True
    first = Certificate.objects.get(pk=certificate.pk).pdf.name

    assert services.certificate_render_pdf(certificate_id=certificate.pk) is False
    assert Certificate.objects.get(pk=certificate.pk).pdf.name == first


# --- expiry


def test_a_certificate_of_a_course_without_validity_never_expires(certificate):
    assert certificate.expires_at is None


def test_a_twelve_month_validity_sets_the_expiry_twelve_months_after_issue(holder, course):
    course.certificate_valid_months = 12
    course.save()

    certificate = issue(holder, course)

    assert certificate.expires_at == add_months(certificate.issued_at, 12)
    assert certificate.expires_at.year == certificate.issued_at.year + 1
    assert certificate.expires_at.month == certificate.issued_at.month
    assert certificate.expires_at.time() == certificate.issued_at.time()


@pytest.mark.parametrize(("moment", "months", "expected"), [
    (datetime.datetime(2025, 1, 31, 9, 30, tzinfo=UTC), 1,
     datetime.datetime(2025, 2, 28, 9, 30, tzinfo=UTC)),
    (datetime.datetime(2024, 1, 31, 9, 30, tzinfo=UTC), 1,
     datetime.datetime(2024, 2, 29, 9, 30, tzinfo=UTC)),
    (datetime.datetime(2024, 2, 29, 0, 0, tzinfo=UTC), 12,
     datetime.datetime(2025, 2, 28, 0, 0, tzinfo=UTC)),
    (datetime.datetime(2025, 11, 15, 0, 0, tzinfo=UTC), 3,
     datetime.datetime(2026, 2, 15, 0, 0, tzinfo=UTC)),
    (datetime.datetime(2025, 12, 31, 0, 0, tzinfo=UTC), 12,
     datetime.datetime(2026, 12, 31, 0, 0, tzinfo=UTC)),
    (datetime.datetime(2025, 3, 31, 0, 0, tzinfo=UTC), 24,
     datetime.datetime(2027, 3, 31, 0, 0, tzinfo=UTC)),
])
def test_add_months_keeps_the_day_or_takes_the_last_of_a_shorter_month(
        moment, months, expected):
    assert add_months(moment, months) == expected


def test_a_certificate_past_its_last_day_is_expired(certificate):
    # The last moment of yesterday: "valid until" yesterday, so expired today.
    today = timezone.make_aware(datetime.datetime.combine(timezone.localdate(),
                                                          datetime.time.min))
    certificate.expires_at = today - datetime.timedelta(seconds=1)
    assert certificate.status == Certificate.Status.EXPIRED


def test_a_certificate_is_still_valid_on_its_last_day(certificate):
    # A moment of today already past: "valid until" today, so valid to the end of the day.
    certificate.expires_at = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(), datetime.time.min))
    assert certificate.status == Certificate.Status.VALID


def test_the_expiry_is_counted_in_local_calendar_months(holder, course, monkeypatch):
    course.certificate_valid_months = 1
    course.save()
    enrollment = completed_enrollment(holder, course)
    # 31 March, 01:00 in Vietnam (still 30 March in UTC): valid until 30 April.
    issued = datetime.datetime(2025, 3, 30, 18, 0, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: issued)

    certificate = services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)

    assert timezone.localdate(certificate.issued_at) == datetime.date(2025, 3, 31)
    assert timezone.localdate(certificate.expires_at) == datetime.date(2025, 4, 30)


# --- revoking


@pytest.mark.parametrize("reason", ["", "   "])
def test_revoking_needs_a_reason(certificate, officer, reason):
    with pytest.raises(ValidationError):
        services.certificate_revoke(certificate=certificate, by=officer, reason=reason)

    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    assert certificate.revoked_at is None


def test_revoking_keeps_the_certificate_and_records_when_why_and_by_whom(certificate, officer):
    services.certificate_revoke(certificate=certificate, by=officer,
                                reason="Gian lận trong bài kiểm tra")

    certificate = Certificate.objects.get(pk=certificate.pk)
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_reason == "Gian lận trong bài kiểm tra"
    assert certificate.revoked_by == officer
    assert certificate.revoked_at is not None


def test_revoking_again_keeps_the_first_reason(certificate, officer, site_admin):
    services.certificate_revoke(certificate=certificate, by=officer, reason="Lý do đầu tiên")
    services.certificate_revoke(certificate=Certificate.objects.get(pk=certificate.pk),
                                by=site_admin, reason="Lý do thứ hai")

    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Lý do đầu tiên"
    assert certificate.revoked_by == officer


# --- re-issuing


def test_reissuing_after_a_name_correction_states_the_new_name(certificate, holder, officer):
    holder.full_name = "Nguyễn Thị Hồng Xuân Mai"
    holder.save()

    new = services.certificate_reissue(certificate=certificate, by=officer)

    assert new.pk != certificate.pk
    assert new.code != certificate.code
    assert new.snapshot["holder"] == "Nguyễn Thị Hồng Xuân Mai"
    assert new.snapshot["course"] == certificate.snapshot["course"]
    assert new.status == Certificate.Status.VALID


def test_reissuing_marks_the_old_certificate_replaced_by_the_new_one(
        certificate, holder, officer):
    holder.full_name = "Nguyễn Thị Hồng Xuân Mai"
    holder.save()

    new = services.certificate_reissue(certificate=certificate, by=officer)

    old = Certificate.objects.get(pk=certificate.pk)
    assert old.status == Certificate.Status.REPLACED
    assert old.replaced_by == new
    assert old.snapshot["holder"] == HOLDER_NAME  # the old one still states what it stated


def test_after_reissuing_only_the_new_certificate_is_in_force(certificate, holder, officer):
    new = services.certificate_reissue(certificate=certificate, by=officer)

    assert list(Certificate.objects.filter(recipient=holder, replaced_at__isnull=True)) == [new]
    assert certificates_of(holder).count() == 2


def test_reissuing_a_replaced_certificate_returns_its_replacement(certificate, officer):
    new = services.certificate_reissue(certificate=certificate, by=officer)

    again = services.certificate_reissue(certificate=certificate, by=officer)

    assert again.pk == new.pk
    assert certificate.recipient.certificates.count() == 2


def test_the_task_after_a_reissue_returns_the_new_certificate(certificate, holder, officer):
    new = services.certificate_reissue(certificate=certificate, by=officer)

    code = tasks.issue_course_certificate.apply(args=[certificate.source_id], throw=True).get()

    assert code == new.code
    assert certificates_of(holder).count() == 2


# --- language


def test_the_certificate_is_in_the_holders_preferred_language(holder, course):
    holder.preferred_language = "en"
    holder.save()

    assert issue(holder, course).language == "en"


def test_a_vietnamese_speaker_gets_a_vietnamese_certificate(holder, course):
    assert issue(holder, course).language == "vi"


def test_an_english_speaker_gets_the_english_title_of_a_translated_course(holder, course):
    english = Locale.objects.get_or_create(language_code="en")[0]
    home_en = course.get_parent().get_parent().copy_for_translation(english)
    home_en.save_revision().publish()
    catalog_en = CourseIndexPage.objects.get(locale__language_code="vi").copy_for_translation(
        english)
    catalog_en.save_revision().publish()
    course_en = course.copy_for_translation(english)
    course_en.title = "Cooperative bookkeeping"
    course_en.save_revision().publish()
    holder.preferred_language = "en"
    holder.save()

    assert issue(holder, course).snapshot["course"] == "Cooperative bookkeeping"


def test_the_completion_date_is_the_enrollments(holder, course):
    enrollment = completed_enrollment(holder, course)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=datetime.datetime(2025, 6, 30, 20, 0, tzinfo=UTC))  # 1 July in Vietnam

    certificate = services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)

    assert certificate.snapshot["completed_on"] == "2025-07-01"


def test_another_users_completion_gives_them_their_own_certificate(holder, course):
    other = UserFactory(full_name="Trần Văn Bình")
    mine, theirs = issue(holder, course), issue(other, course)

    assert mine.pk != theirs.pk
    assert theirs.snapshot["holder"] == "Trần Văn Bình"
