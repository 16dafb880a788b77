"""Fixtures of the certification tests: a course taught by `trainer`, a holder who is an
active member of `cooperative` (which belongs to a union), and helpers to complete a course."""

import pytest

from certification.certificates import services as certification_services
from courses import services as course_services
from courses.models import QuizPage
from tests.factories import (
    CooperativeFactory,
    CooperativeUnionFactory,
    MembershipFactory,
    TrainerFactory,
    UserFactory,
)
from tests.factories.courses import RIGHT_ANSWERS, lessons_of, make_course, quiz_of

HOLDER_NAME = "Nguyễn Thị Hồng Xuân"
TRAINER_NAME = "Lê Văn Thành"


def finish_course(enrollment, course):
    """Every lesson done and the quiz (if any) passed: the enrollment completes."""
    for lesson in lessons_of(course):
        course_services.lesson_complete(enrollment=enrollment, lesson=lesson)
    if QuizPage.objects.child_of(course).exists():
        course_services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course),
                                    raw_answers=RIGHT_ANSWERS)
    enrollment.refresh_from_db()
    return enrollment


def completed_enrollment(user, course):
    """A completed enrollment, without running the on-commit callbacks: no certificate yet."""
    return finish_course(course_services.enrollment_create(user=user, course=course), course)


def issue(user, course):
    """A certificate issued by the service directly (no PDF rendered): fast, for views."""
    enrollment = completed_enrollment(user, course)
    return certification_services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)


@pytest.fixture
def cooperative(db):
    """Overrides the suite's fixture: the cooperative belongs to its province's union."""
    return CooperativeFactory(union=CooperativeUnionFactory())


@pytest.fixture
def holder(cooperative):
    return MembershipFactory(
        cooperative=cooperative, role="member",
        user=UserFactory(full_name=HOLDER_NAME, phone="0912345678",
                         email="hong.xuan@example.vn"),
    ).user


@pytest.fixture
def trainer(db):
    """Overrides the suite's fixture: a name that does not contain the holder's, so finding
    the holder's name on a certificate cannot be the trainer's name found instead."""
    return TrainerFactory(full_name=TRAINER_NAME)


@pytest.fixture
def course(trainer):
    return make_course(trainer=trainer)


@pytest.fixture
def certificate(holder, course):
    return issue(holder, course)
