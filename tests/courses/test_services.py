"""The writes of the courses app: enrolling, finishing lessons, submitting quizzes, completing."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from courses import selectors, services
from courses.models import Enrollment, LessonProgress, QuizAttempt
from courses.signals import enrollment_completed
from lms.cooperatives.models import Membership
from tests.factories import CooperativeFactory, MembershipFactory, UserFactory
from tests.factories.courses import (
    RIGHT_ANSWERS,
    WRONG_ANSWERS,
    lessons_of,
    make_course,
    quiz_of,
)

pytestmark = pytest.mark.django_db

TWO_OF_THREE = {**RIGHT_ANSWERS, "q-single": ["1"]}


def finish_lessons(enrollment, course):
    for lesson in lessons_of(course):
        services.lesson_complete(enrollment=enrollment, lesson=lesson)


def pass_quiz(enrollment, course):
    return services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course),
                                raw_answers=RIGHT_ANSWERS)


def status_of(enrollment):
    enrollment.refresh_from_db()
    return enrollment.status


@pytest.fixture
def received():
    """The `enrollment_completed` signals sent during the test, as their keyword arguments."""
    calls = []

    def receiver(sender, **kwargs):
        calls.append({"sender": sender, **kwargs})

    enrollment_completed.connect(receiver, weak=False)
    yield calls
    enrollment_completed.disconnect(receiver)


# --- enrolling


def test_enrollment_create_enrolls_the_user_in_the_course(learner, course):
    enrollment = services.enrollment_create(user=learner, course=course)
    assert enrollment.user == learner
    assert enrollment.course_key == course.translation_key
    assert enrollment.status == Enrollment.Status.ACTIVE


def test_enrollment_create_twice_keeps_one_enrollment(learner, course):
    first = services.enrollment_create(user=learner, course=course)
    second = services.enrollment_create(user=learner, course=course)
    assert first.pk == second.pk
    assert Enrollment.objects.filter(user=learner).count() == 1


def test_enrollment_create_refuses_an_unpublished_course(learner):
    draft = make_course(live=False)
    with pytest.raises(ValidationError):
        services.enrollment_create(user=learner, course=draft)
    assert not Enrollment.objects.filter(user=learner).exists()


# --- bulk enrollment by a cooperative manager


def test_a_manager_enrolls_active_members_of_their_cooperative(manager, cooperative, course):
    members = [MembershipFactory(cooperative=cooperative).user for _ in range(2)]
    added = services.enrollment_bulk_create(manager=manager, course=course,
                                            user_ids=[m.pk for m in members])
    assert added == 2
    enrolled = Enrollment.objects.filter(course_key=course.translation_key)
    assert set(enrolled.values_list("user_id", flat=True)) == {m.pk for m in members}
    assert set(enrolled.values_list("enrolled_by_id", flat=True)) == {manager.pk}


def test_bulk_enrollment_counts_only_the_members_who_were_not_enrolled_yet(
    manager, cooperative, course
):
    already, new = (MembershipFactory(cooperative=cooperative).user for _ in range(2))
    services.enrollment_create(user=already, course=course)
    added = services.enrollment_bulk_create(manager=manager, course=course,
                                            user_ids=[already.pk, new.pk])
    assert added == 1
    assert Enrollment.objects.filter(course_key=course.translation_key).count() == 2


def test_bulk_enrollment_refuses_a_user_who_is_not_a_member(manager, course):
    outsider = UserFactory()
    with pytest.raises(PermissionDenied):
        services.enrollment_bulk_create(manager=manager, course=course, user_ids=[outsider.pk])
    assert not Enrollment.objects.exists()


def test_bulk_enrollment_refuses_a_pending_member(manager, cooperative, course):
    pending = MembershipFactory(cooperative=cooperative, status=Membership.Status.PENDING).user
    with pytest.raises(PermissionDenied):
        services.enrollment_bulk_create(manager=manager, course=course, user_ids=[pending.pk])
    assert not Enrollment.objects.exists()


def test_bulk_enrollment_refuses_a_member_of_another_cooperative(manager, course):
    elsewhere = MembershipFactory(cooperative=CooperativeFactory()).user
    with pytest.raises(PermissionDenied):
        services.enrollment_bulk_create(manager=manager, course=course, user_ids=[elsewhere.pk])
    assert not Enrollment.objects.exists()


def test_bulk_enrollment_with_one_refused_user_enrolls_nobody(manager, cooperative, course):
    allowed = MembershipFactory(cooperative=cooperative).user
    outsider = UserFactory()
    with pytest.raises(PermissionDenied):
        services.enrollment_bulk_create(manager=manager, course=course,
                                        user_ids=[allowed.pk, outsider.pk])
    assert not Enrollment.objects.exists()


def test_a_plain_member_cannot_bulk_enroll_another_member(member, cooperative, course):
    other = MembershipFactory(cooperative=cooperative).user
    with pytest.raises(PermissionDenied):
        services.enrollment_bulk_create(manager=member, course=course, user_ids=[other.pk])
    assert not Enrollment.objects.exists()


def test_a_plain_member_cannot_bulk_enroll_themself(member, course):
    with pytest.raises(PermissionDenied):
        services.enrollment_bulk_create(manager=member, course=course, user_ids=[member.pk])
    assert not Enrollment.objects.exists()


# --- lessons


def test_lesson_complete_records_the_lesson_as_done(enrollment, course):
    lesson = lessons_of(course)[0]
    services.lesson_complete(enrollment=enrollment, lesson=lesson)
    assert list(LessonProgress.objects.values_list("lesson_key", flat=True)) == [
        lesson.translation_key]


def test_lesson_complete_twice_keeps_one_lesson_progress(enrollment, course):
    lesson = lessons_of(course)[0]
    services.lesson_complete(enrollment=enrollment, lesson=lesson)
    services.lesson_complete(enrollment=enrollment, lesson=lesson)
    assert LessonProgress.objects.filter(enrollment=enrollment).count() == 1


def test_lesson_complete_remembers_the_lesson_as_where_the_learner_left_off(enrollment, course):
    lesson = lessons_of(course)[1]
    services.lesson_complete(enrollment=enrollment, lesson=lesson)
    enrollment.refresh_from_db()
    assert enrollment.last_page_key == lesson.translation_key
    assert enrollment.last_activity_at is not None


# --- quizzes


def test_quiz_submit_refuses_an_unanswered_question_and_stores_no_attempt(enrollment, course):
    partial = {k: v for k, v in RIGHT_ANSWERS.items() if k != "q-multiple"}
    with pytest.raises(ValidationError) as refused:
        services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course), raw_answers=partial)
    assert refused.value.code == "unanswered"
    assert not QuizAttempt.objects.exists()


def test_quiz_submit_counts_an_unknown_option_as_unanswered(enrollment, course):
    forged = {**RIGHT_ANSWERS, "q-single": ["99"]}
    with pytest.raises(ValidationError):
        services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course), raw_answers=forged)
    assert not QuizAttempt.objects.exists()


def test_quiz_submit_with_right_answers_stores_a_passed_attempt_of_100(enrollment, course):
    attempt = pass_quiz(enrollment, course)
    attempt.refresh_from_db()
    assert attempt.passed is True
    assert attempt.score == Decimal("100.0")
    assert attempt.number == 1


def test_quiz_submit_grades_wrong_answers_on_the_server(enrollment, course):
    attempt = services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course),
                                   raw_answers=WRONG_ANSWERS)
    attempt.refresh_from_db()
    assert attempt.passed is False
    assert attempt.score == Decimal("0.0")


def test_quiz_submit_stores_the_score_of_two_right_of_three_as_failed_at_70(enrollment, course):
    attempt = services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course),
                                   raw_answers=TWO_OF_THREE)
    attempt.refresh_from_db()
    assert attempt.score == Decimal("66.7")
    assert attempt.passed is False


def test_quiz_submit_passes_two_right_of_three_at_a_pass_mark_of_60(learner):
    course = make_course(pass_mark=60)
    enrollment = services.enrollment_create(user=learner, course=course)
    attempt = services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course),
                                   raw_answers=TWO_OF_THREE)
    assert attempt.passed is True


def test_quiz_submit_stores_the_cleaned_answers(enrollment, course):
    forged = {**RIGHT_ANSWERS, "q-single": ["0", "1"], "q-unknown": ["0"]}
    attempt = services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course),
                                   raw_answers=forged)
    attempt.refresh_from_db()
    assert attempt.answers == {"q-single": ["0"], "q-multiple": ["0", "1"],
                               "q-true-false": ["true"]}


def test_quiz_submit_numbers_the_attempts(enrollment, course):
    quiz = quiz_of(course)
    for _ in range(2):
        services.quiz_submit(enrollment=enrollment, quiz=quiz, raw_answers=WRONG_ANSWERS)
    assert list(QuizAttempt.objects.order_by("number").values_list("number", flat=True)) == [1, 2]


def test_quiz_submit_refuses_an_attempt_after_the_attempt_limit_is_used(learner):
    course = make_course(attempt_limit=2)
    enrollment = services.enrollment_create(user=learner, course=course)
    quiz = quiz_of(course)
    for _ in range(2):
        services.quiz_submit(enrollment=enrollment, quiz=quiz, raw_answers=WRONG_ANSWERS)
    with pytest.raises(ValidationError):
        services.quiz_submit(enrollment=enrollment, quiz=quiz, raw_answers=RIGHT_ANSWERS)
    assert QuizAttempt.objects.count() == 2
    attempts = selectors.quiz_attempts(enrollment=enrollment, quiz=quiz)
    assert selectors.quiz_standing(quiz=quiz, attempts=attempts).attempts_left == 0


def test_quiz_submit_allows_any_number_of_attempts_when_the_limit_is_0(learner):
    course = make_course(attempt_limit=0)
    enrollment = services.enrollment_create(user=learner, course=course)
    quiz = quiz_of(course)
    for _ in range(5):
        services.quiz_submit(enrollment=enrollment, quiz=quiz, raw_answers=WRONG_ANSWERS)
    assert pass_quiz(enrollment, course).number == 6
    attempts = selectors.quiz_attempts(enrollment=enrollment, quiz=quiz)
    assert selectors.quiz_standing(quiz=quiz, attempts=attempts).attempts_left is None


def test_quiz_submit_refuses_a_submission_after_a_pass(enrollment, course):
    pass_quiz(enrollment, course)
    with pytest.raises(ValidationError):
        services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course),
                             raw_answers=WRONG_ANSWERS)
    assert QuizAttempt.objects.count() == 1


# --- completion


def test_finishing_every_lesson_without_passing_the_quiz_does_not_complete(enrollment, course):
    finish_lessons(enrollment, course)
    services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course), raw_answers=WRONG_ANSWERS)
    assert status_of(enrollment) == Enrollment.Status.ACTIVE


def test_passing_the_quiz_with_a_lesson_left_does_not_complete(enrollment, course):
    services.lesson_complete(enrollment=enrollment, lesson=lessons_of(course)[0])
    pass_quiz(enrollment, course)
    assert status_of(enrollment) == Enrollment.Status.ACTIVE


def test_every_lesson_done_and_the_quiz_passed_completes_the_enrollment(enrollment, course):
    finish_lessons(enrollment, course)
    pass_quiz(enrollment, course)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.completed_at is not None


def test_the_last_lesson_after_the_quiz_pass_completes_the_enrollment(enrollment, course):
    first, last = lessons_of(course)
    services.lesson_complete(enrollment=enrollment, lesson=first)
    pass_quiz(enrollment, course)
    services.lesson_complete(enrollment=enrollment, lesson=last)
    assert status_of(enrollment) == Enrollment.Status.COMPLETED


def test_a_course_without_a_quiz_completes_when_every_lesson_is_done(learner):
    course = make_course(quiz=False)
    enrollment = services.enrollment_create(user=learner, course=course)
    finish_lessons(enrollment, course)
    assert status_of(enrollment) == Enrollment.Status.COMPLETED


def test_enrollment_check_completion_is_false_while_items_are_left(enrollment, course):
    services.lesson_complete(enrollment=enrollment, lesson=lessons_of(course)[0])
    assert services.enrollment_check_completion(enrollment=enrollment) is False
    assert status_of(enrollment) == Enrollment.Status.ACTIVE


def test_completion_sends_enrollment_completed_once_after_the_commit(
    enrollment, course, received, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        finish_lessons(enrollment, course)
        pass_quiz(enrollment, course)
        assert received == []  # not before the commit
    assert received == [{"sender": Enrollment, "signal": enrollment_completed,
                         "enrollment_id": enrollment.pk}]


def test_completion_is_announced_only_once(
    enrollment, course, received, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        finish_lessons(enrollment, course)
        pass_quiz(enrollment, course)
    enrollment.refresh_from_db()
    completed_at = enrollment.completed_at

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.enrollment_check_completion(enrollment=enrollment) is False
        services.lesson_complete(enrollment=enrollment, lesson=lessons_of(course)[0])
    assert callbacks == []
    assert len(received) == 1
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.completed_at == completed_at


def test_no_signal_is_sent_while_the_course_is_not_complete(
    enrollment, course, received, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        finish_lessons(enrollment, course)
        services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course),
                             raw_answers=WRONG_ANSWERS)
    assert received == []
