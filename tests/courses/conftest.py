"""Fixtures of the courses tests: a published course (two lessons and a quiz) and a learner
enrolled in it."""

import pytest

from courses import services
from tests.factories.courses import make_course


@pytest.fixture
def course(db):
    return make_course()


@pytest.fixture
def enrollment(learner, course):
    return services.enrollment_create(user=learner, course=course)
