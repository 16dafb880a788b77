"""Writes of the courses app: enrolling, finishing lessons, submitting quizzes, completing, and
asking for (and granting) more attempts at a quiz."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import grading, selectors
from courses.models import (
    AttemptRequest,
    CoursePage,
    Enrollment,
    LessonPage,
    LessonProgress,
    QuizAttempt,
    QuizPage,
)
from courses.signals import enrollment_completed
from lms.accounts.models import Notice
from lms.accounts.notices import notice_send

GRANT_CHOICES = (1, 2, 3)  # more attempts a trainer gives in one go


def enrollment_create(*, user, course: CoursePage, enrolled_by=None) -> Enrollment:
    """Enroll `user` in a live course; enrolling again returns the existing enrollment."""
    if not course.live:
        raise ValidationError(_("This course is not published."))
    existing = Enrollment.objects.filter(user=user, course_key=course.translation_key).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            enrollment = Enrollment.objects.create(
                user=user, course=course, course_key=course.translation_key,
                enrolled_by=enrolled_by,
            )
            if enrolled_by is not None and enrolled_by.pk != user.pk:
                # Enrolled by someone else (their manager): they would not know otherwise.
                notice_send(user=user, kind=Notice.Kind.ENROLLED, url=course.url or "",
                            person=enrolled_by.display_name, course=course.title)
            return enrollment
    except IntegrityError:  # a double click: the other request enrolled first
        return Enrollment.objects.get(user=user, course_key=course.translation_key)


def enrollment_bulk_create(*, manager, course: CoursePage, user_ids) -> int:
    """A cooperative manager enrolls members of their cooperatives; returns how many were new."""
    allowed = selectors.members_a_manager_can_enroll(manager=manager)
    users = list(allowed.filter(pk__in=user_ids))
    if len(users) != len(set(user_ids)):
        raise PermissionDenied(_("You can only enroll active members of a cooperative you "
                                 "manage."))
    already = set(Enrollment.objects.filter(course_key=course.translation_key, user__in=users)
                  .values_list("user_id", flat=True))
    for user in users:
        if user.pk not in already:
            enrollment_create(user=user, course=course, enrolled_by=manager)
    return len(users) - len(already)


def _touch(enrollment: Enrollment, page) -> None:
    enrollment.last_page_key = page.translation_key
    enrollment.last_activity_at = timezone.now()
    Enrollment.objects.filter(pk=enrollment.pk).update(
        last_page_key=enrollment.last_page_key, last_activity_at=enrollment.last_activity_at
    )


# How fresh "last activity" is kept by mere visits: the reminders and reports that read it count
# in days, so a learner reading on does not write on every page.
ACTIVITY_RESOLUTION = timedelta(hours=1)


def lesson_visit(*, enrollment: Enrollment, lesson: LessonPage) -> None:
    """Remember the lesson as where the learner left off. Nothing is written when that is
    already known and the last activity is recent: reading a lesson again costs no write."""
    if (enrollment.last_page_key == lesson.translation_key
            and enrollment.last_activity_at is not None
            and timezone.now() - enrollment.last_activity_at < ACTIVITY_RESOLUTION):
        return
    _touch(enrollment, lesson)


def lesson_complete(*, enrollment: Enrollment, lesson: LessonPage) -> None:
    LessonProgress.objects.get_or_create(enrollment=enrollment, lesson_key=lesson.translation_key)
    _touch(enrollment, lesson)
    enrollment_check_completion(enrollment=enrollment)


@transaction.atomic
def quiz_submit(*, enrollment: Enrollment, quiz: QuizPage, raw_answers: dict) -> QuizAttempt:
    """Grade a submission on the server and store it. Refused (ValidationError) when a question
    is unanswered, when the quiz is already passed, or when no attempt is left."""
    # Serialise attempts of one learner on one quiz, so two tabs cannot exceed the limit.
    Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    attempts = selectors.quiz_attempts(enrollment=enrollment, quiz=quiz)
    standing = selectors.quiz_standing(
        quiz=quiz, attempts=attempts,
        granted=selectors.quiz_attempts_granted(enrollment=enrollment, quiz=quiz))
    if standing.passed:
        raise ValidationError(_("You have already passed this quiz."))
    if not standing.can_attempt:
        raise ValidationError(_("You have used all your attempts at this quiz."))
    questions = quiz.grading_questions()
    answers = grading.clean_answers(questions, raw_answers)
    if grading.unanswered(questions, answers):
        raise ValidationError(_("Please answer every question before submitting."),
                              code="unanswered")
    result = grading.grade(questions, answers, quiz.pass_mark)
    attempt = QuizAttempt.objects.create(
        enrollment=enrollment, quiz=quiz, quiz_key=quiz.translation_key,
        number=len(attempts) + 1,
        answers={qid: sorted(keys) for qid, keys in answers.items()},
        score=result.score, passed=result.passed,
    )
    _touch(enrollment, quiz)
    if attempt.passed:
        enrollment_check_completion(enrollment=enrollment)
    return attempt


def enrollment_check_completion(*, enrollment: Enrollment) -> bool:
    """Complete the enrollment when every lesson is done and every quiz passed. Completion
    happens once: the status changes by a conditional update, and only the update that changed
    it announces `enrollment_completed` after the commit."""
    progress = selectors.enrollment_progress(
        enrollment=enrollment, outline=selectors.course_outline(course=enrollment.course)
    )
    if not progress.is_complete:
        return False
    now = timezone.now()
    changed = Enrollment.objects.filter(pk=enrollment.pk, status=Enrollment.Status.ACTIVE).update(
        status=Enrollment.Status.COMPLETED, completed_at=now
    )
    if changed:
        enrollment.status, enrollment.completed_at = Enrollment.Status.COMPLETED, now
        enrollment_id = enrollment.pk
        transaction.on_commit(lambda: enrollment_completed.send(
            sender=Enrollment, enrollment_id=enrollment_id))
    return bool(changed)


def course_trainers(*, course: CoursePage) -> list:
    """Who answers for a course's learners: its named trainer and its owner (the people whose
    "My learners" report lists them), each once."""
    people = {}
    for person in (course.trainer, course.owner):
        if person is not None:
            people.setdefault(person.pk, person)
    return list(people.values())


def attempt_request_create(*, enrollment: Enrollment, quiz: QuizPage,
                           message: str = "") -> tuple[AttemptRequest, bool]:
    """A learner out of attempts asks the course's trainers for more; returns the request and
    whether it is new. While one is open, asking again returns it and tells nobody twice."""
    message = " ".join(message.split())[:500]
    with transaction.atomic():
        # Serialised per learner, as attempts are: two clicks make one request.
        Enrollment.objects.select_for_update().get(pk=enrollment.pk)
        existing = AttemptRequest.objects.filter(
            enrollment=enrollment, quiz_key=quiz.translation_key,
            status=AttemptRequest.Status.OPEN).first()
        if existing is not None:
            return existing, False
        standing = selectors.quiz_standing(
            quiz=quiz, attempts=selectors.quiz_attempts(enrollment=enrollment, quiz=quiz),
            granted=selectors.quiz_attempts_granted(enrollment=enrollment, quiz=quiz))
        if not standing.may_ask_for_more:
            raise ValidationError(_("You can ask for more attempts only once you have used "
                                    "them all without passing."))
        request = AttemptRequest.objects.create(enrollment=enrollment, quiz=quiz,
                                                quiz_key=quiz.translation_key, message=message)
        course = enrollment.course
        for trainer in course_trainers(course=course):
            notice_send(user=trainer, kind=Notice.Kind.ATTEMPTS_ASKED,
                        url=reverse("courses_learners"),
                        person=enrollment.user.display_name, course=course.title)
    return request, True


def _attempt_request_close(*, attempt_request: AttemptRequest, by, status: str,
                           granted: int = 0) -> bool:
    """Close an open request once, by `by` who must see its course in "My learners"; False
    when it was closed already (a second click, or another trainer first)."""
    if not selectors.attempt_requests_for_trainer(user=by).filter(
            pk=attempt_request.pk).exists():
        raise PermissionDenied
    closed = AttemptRequest.objects.filter(
        pk=attempt_request.pk, status=AttemptRequest.Status.OPEN,
    ).update(status=status, granted=granted, decided_by=by, decided_at=timezone.now())
    if closed:
        attempt_request.refresh_from_db()
    return bool(closed)


@transaction.atomic
def attempt_request_grant(*, attempt_request: AttemptRequest, by, count: int) -> bool:
    """Give the learner `count` more attempts at the quiz and tell them; False when the request
    was already closed (nothing is given twice)."""
    if count not in GRANT_CHOICES:
        raise ValidationError(_("Choose 1, 2 or 3 more attempts."))
    if not _attempt_request_close(attempt_request=attempt_request, by=by,
                                  status=AttemptRequest.Status.GRANTED, granted=count):
        return False
    enrollment = attempt_request.enrollment
    quiz = attempt_request.quiz
    notice_send(user=enrollment.user, kind=Notice.Kind.ATTEMPTS_GRANTED,
                url=(quiz.url or "") if quiz else "", count=count,
                course=enrollment.course.title)
    return True


@transaction.atomic
def attempt_request_decline(*, attempt_request: AttemptRequest, by) -> bool:
    """Close the request without more attempts. The learner sees the answer on the quiz page;
    no notice is sent (there is no kind for it, and a refusal needs no e-mail or SMS)."""
    return _attempt_request_close(attempt_request=attempt_request, by=by,
                                  status=AttemptRequest.Status.DECLINED)
