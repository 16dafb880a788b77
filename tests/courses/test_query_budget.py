"""Learner pages cost a fixed number of queries, at most ten, whatever the size of the data: each
page is measured (once its caches are warm, as they are for every visitor but the first) with
small data, then with more courses, lessons, enrollments, learners or certificates, and must
cost the same."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from tests.certification.conftest import issue
from tests.factories import MembershipFactory, UserFactory
from tests.factories.courses import (
    WRONG_ANSWERS,
    catalog,
    lessons_of,
    make_course,
    quiz_of,
)

pytestmark = pytest.mark.django_db

BUDGET = 10


def queries_of(client, url) -> int:
    client.get(url)  # the first view fills the caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def enrolled_with_progress(user, *, lessons=2):
    course = make_course(lessons=lessons)
    enrollment = services.enrollment_create(user=user, course=course)
    services.lesson_complete(enrollment=enrollment, lesson=lessons_of(course)[0])
    return course


@pytest.mark.parametrize("signed_in", [True, False], ids=["learner", "anonymous"])
def test_the_home_page_costs_the_same_for_2_and_12_learners(client, learner, signed_in):
    if signed_in:
        client.force_login(learner)
    MembershipFactory.create_batch(2)
    small = queries_of(client, "/")

    MembershipFactory.create_batch(10)
    big = queries_of(client, "/")

    assert small == big <= BUDGET


@pytest.mark.parametrize("signed_in", [True, False], ids=["learner", "anonymous"])
def test_the_catalog_costs_the_same_for_2_and_12_courses(client, learner, signed_in):
    if signed_in:
        client.force_login(learner)
    for _ in range(2):
        services.enrollment_create(user=learner, course=make_course(lessons=1, quiz=False))
    url = catalog().url
    small = queries_of(client, url)

    for _ in range(10):
        services.enrollment_create(user=learner, course=make_course(lessons=1, quiz=False))
    big = queries_of(client, url)

    assert small == big <= BUDGET
    assert client.get(url).content.decode().count('class="course-card"') == 12


@pytest.mark.parametrize("signed_in", [True, False], ids=["learner", "anonymous"])
def test_a_course_page_costs_the_same_for_2_and_12_lessons(client, learner, signed_in):
    if signed_in:
        client.force_login(learner)
    small_course = enrolled_with_progress(learner, lessons=2)
    big_course = enrolled_with_progress(learner, lessons=12)

    small, big = queries_of(client, small_course.url), queries_of(client, big_course.url)

    assert small == big <= BUDGET
    assert client.get(big_course.url).content.decode().count('class="outline__item') == 13


def test_a_lesson_page_costs_the_same_for_2_and_12_lessons(client, learner):
    client.force_login(learner)
    small_course = enrolled_with_progress(learner, lessons=2)
    big_course = enrolled_with_progress(learner, lessons=12)

    small = queries_of(client, lessons_of(small_course)[1].url)
    big = queries_of(client, lessons_of(big_course)[1].url)

    assert small == big <= BUDGET


def test_a_quiz_page_costs_the_same_for_2_and_12_lessons(client, learner):
    client.force_login(learner)
    small_course = enrolled_with_progress(learner, lessons=2)
    big_course = enrolled_with_progress(learner, lessons=12)

    small = queries_of(client, quiz_of(small_course).url)
    big = queries_of(client, quiz_of(big_course).url)

    assert small == big <= BUDGET


def test_a_quiz_page_out_of_attempts_stays_within_the_budget(client, learner):
    course = make_course(attempt_limit=1)
    enrollment = services.enrollment_create(user=learner, course=course)
    services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course), raw_answers=WRONG_ANSWERS)
    client.force_login(learner)

    assert queries_of(client, quiz_of(course).url) <= BUDGET


def test_my_learning_costs_the_same_for_2_and_12_enrollments(client, learner):
    client.force_login(learner)
    for _ in range(2):
        enrolled_with_progress(learner, lessons=1)
    url = reverse("courses:my_learning")
    small = queries_of(client, url)

    for _ in range(10):
        enrolled_with_progress(learner, lessons=1)
    big = queries_of(client, url)

    assert small == big <= BUDGET


def test_my_learning_reads_only_the_learners_progress_rows(client, learner):
    """Progress is counted per enrollment through a subquery on its index: joining the lesson
    progress and quiz attempt tables made PostgreSQL scan all of them (1.5 million rows in the
    national profile, 3 s a page)."""
    client.force_login(learner)
    enrolled_with_progress(learner, lessons=2)
    client.get(reverse("courses:my_learning"))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("courses:my_learning"))
    assert response.status_code == 200
    joins = [query["sql"] for query in captured if 'JOIN "courses_lessonprogress"' in query["sql"]
             or 'JOIN "courses_quizattempt"' in query["sql"]]
    assert not joins


@pytest.mark.parametrize("signed_in", [True, False], ids=["learner", "anonymous"])
def test_the_verify_page_costs_the_same_for_2_and_8_certificates(client, learner, signed_in):
    if signed_in:
        client.force_login(learner)
    course = make_course(lessons=1, quiz=False)
    certificates = [issue(UserFactory(), course) for _ in range(2)]
    url = reverse("certification:verify_code", args=[certificates[0].code])
    small = queries_of(client, url)

    for _ in range(6):
        issue(UserFactory(), course)
    big = queries_of(client, url)

    assert small == big <= BUDGET
