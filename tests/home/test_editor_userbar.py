"""The editor's link shows only on a page the person may edit, in the flow of the page where it
covers nothing; elsewhere (the dashboard, other trainers' courses, lessons for learners) no
trace of it; and nobody, editors included, gets the admin's scripts or styles on a page."""

import pytest
from django.urls import reverse

from courses import services
from tests.factories import TrainerFactory
from tests.factories.courses import lessons_of, make_course

pytestmark = pytest.mark.django_db

USERBAR = 'class="edit-page"'
ADMIN_ASSETS = "/static/wagtailadmin/"


def html_of(client, user, url) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_trainer_who_owns_a_course_gets_a_link_to_edit_it_and_no_admin_assets(
        client, trainer, learner):
    course = make_course(trainer=trainer)

    page = html_of(client, trainer, course.url)

    assert f'<a href="/admin/pages/{course.pk}/edit/">✎ Sửa trang này</a>' in page
    assert ADMIN_ASSETS not in page and "<wagtail-userbar" not in page
    services.enrollment_create(user=learner, course=course)
    assert len(page) - len(html_of(client, learner, course.url)) < 1_000


def test_the_trainer_who_owns_a_course_gets_the_userbar_on_its_lessons(client, trainer):
    course = make_course(trainer=trainer)
    services.enrollment_create(user=trainer, course=course)

    assert USERBAR in html_of(client, trainer, lessons_of(course)[0].url)


def test_a_trainer_gets_no_userbar_on_a_course_they_cannot_edit(client, trainer):
    course = make_course(trainer=TrainerFactory())

    page = html_of(client, trainer, course.url)

    assert USERBAR not in page
    assert ADMIN_ASSETS not in page


def test_a_learner_gets_no_userbar_on_a_course_or_a_lesson(client, learner):
    course = make_course()
    services.enrollment_create(user=learner, course=course)

    for url in (course.url, lessons_of(course)[0].url):
        page = html_of(client, learner, url)
        assert USERBAR not in page
        assert ADMIN_ASSETS not in page


@pytest.mark.parametrize("who", ["trainer", "officer"])
def test_no_userbar_on_the_dashboard_or_my_learning(client, request, who):
    user = request.getfixturevalue(who)

    for url in (reverse("dashboards:home"), reverse("courses:my_learning")):
        client.force_login(user)
        page = client.get(url).content.decode()
        assert USERBAR not in page
        assert ADMIN_ASSETS not in page


def test_an_officers_page_weighs_what_a_learners_weighs(client, officer, learner):
    course = make_course()

    officers = len(html_of(client, officer, course.url))
    learners = len(html_of(client, learner, course.url))

    # Only the officer's menu links (dashboard, certificates, administration) differ.
    assert officers - learners < 1_000
