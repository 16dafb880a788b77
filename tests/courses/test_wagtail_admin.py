"""The courses in the Wagtail admin: what trainers may create and edit, the "My learners"
report, and where each kind of course page may be created."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from courses import services
from courses.models import CourseIndexPage, CoursePage, LessonPage, QuizPage
from tests.factories import TrainerFactory, UserFactory
from tests.factories.courses import catalog, make_course

pytestmark = pytest.mark.django_db

LEARNERS = "courses_learners"


def refused(response):
    """A refusal from the admin: a 403, or a redirect away (to the login or the dashboard)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url != response.request["PATH_INFO"])


# --- pages a trainer may create and edit


def test_a_trainer_opens_the_form_to_add_a_course_under_the_catalog(client, trainer):
    client.force_login(trainer)
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalog().pk])
    assert client.get(url).status_code == 200


def test_a_trainer_edits_their_own_course(client, trainer):
    own = make_course(trainer=trainer)
    client.force_login(trainer)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200


def test_a_trainer_cannot_edit_a_course_owned_by_another_trainer(client, trainer):
    others = make_course(trainer=TrainerFactory())
    client.force_login(trainer)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[others.pk]))
    assert response.status_code != 200
    assert refused(response)


def test_a_trainer_cannot_post_changes_to_a_course_owned_by_another_trainer(client, trainer):
    others = make_course(trainer=TrainerFactory())
    client.force_login(trainer)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[others.pk]),
                           {"title": "Đã bị sửa", "slug": others.slug})
    assert refused(response)
    others.refresh_from_db()
    assert others.title != "Đã bị sửa"


def test_a_learner_cannot_reach_the_admin(client, learner):
    client.force_login(learner)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code != 200
    assert refused(response)


def test_a_learner_cannot_open_the_form_to_add_a_course(client, learner):
    client.force_login(learner)
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalog().pk])
    assert refused(client.get(url))


# --- the "My learners" report


@pytest.fixture
def two_trainers_courses(trainer):
    """A course of `trainer` and one of another trainer, each with a learner enrolled."""
    mine, theirs = make_course(trainer=trainer), make_course(trainer=TrainerFactory())
    my_learner, their_learner = UserFactory(), UserFactory()
    services.enrollment_create(user=my_learner, course=mine)
    services.enrollment_create(user=their_learner, course=theirs)
    return {"mine": (mine, my_learner), "theirs": (theirs, their_learner)}


def test_the_learners_report_shows_a_trainer_the_learners_of_their_course(
    client, trainer, two_trainers_courses
):
    course, my_learner = two_trainers_courses["mine"]
    client.force_login(trainer)
    response = client.get(reverse(LEARNERS))
    assert response.status_code == 200
    assert my_learner.email in response.text
    assert [e.user_id for e in response.context["object_list"]] == [my_learner.pk]


def test_the_learners_report_hides_the_learners_of_another_trainers_course(
    client, trainer, two_trainers_courses
):
    _course, their_learner = two_trainers_courses["theirs"]
    client.force_login(trainer)
    response = client.get(reverse(LEARNERS))
    assert response.status_code == 200
    assert their_learner.email not in response.text


def test_the_learners_report_shows_a_site_admin_every_learner(
    client, site_admin, two_trainers_courses
):
    client.force_login(site_admin)
    response = client.get(reverse(LEARNERS))
    assert response.status_code == 200
    for _course, learner in two_trainers_courses.values():
        assert learner.email in response.text


def test_the_learners_report_exports_names_like_formulas_as_text(client, trainer):
    course = make_course(trainer=trainer)
    CoursePage.objects.filter(pk=course.pk).update(title="@SUM(A1)")
    services.enrollment_create(user=UserFactory(full_name='=HYPERLINK("http://x","y")'),
                               course=course)
    client.force_login(trainer)

    as_csv = client.get(reverse(LEARNERS), {"export": "csv"})
    as_xlsx = client.get(reverse(LEARNERS), {"export": "xlsx"})

    rows = list(csv.reader(io.StringIO(b"".join(as_csv.streaming_content).decode())))
    assert rows[1][0] == '\'=HYPERLINK("http://x","y")'
    assert rows[1][2] == "'@SUM(A1)"
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(as_xlsx.streaming_content))).active
    learner, course_title = sheet["A2"], sheet["C2"]
    assert (learner.value, learner.data_type) == ('\'=HYPERLINK("http://x","y")', "s")
    assert (course_title.value, course_title.data_type) == ("'@SUM(A1)", "s")
    assert sheet["D2"].data_type == "n"  # progress, still a number


@pytest.mark.parametrize("who", ["learner", "officer"])
def test_the_learners_report_is_refused_to_learners_and_officers(
    client, request, who, two_trainers_courses
):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse(LEARNERS))
    assert response.status_code != 200
    assert refused(response)
    for _course, learner in two_trainers_courses.values():
        assert learner.email not in response.content.decode()


# --- where course pages may be created


class TestCoursePageTree(WagtailPageTestCase):
    def test_a_course_can_be_created_in_the_catalog(self):
        self.assertCanCreateAt(CourseIndexPage, CoursePage)

    def test_a_lesson_can_be_created_in_a_course(self):
        self.assertCanCreateAt(CoursePage, LessonPage)

    def test_a_quiz_can_be_created_in_a_course(self):
        self.assertCanCreateAt(CoursePage, QuizPage)

    def test_a_lesson_cannot_be_created_in_the_catalog(self):
        self.assertCanNotCreateAt(CourseIndexPage, LessonPage)

    def test_a_lesson_cannot_be_created_in_a_lesson(self):
        self.assertCanNotCreateAt(LessonPage, LessonPage)

    def test_a_quiz_cannot_be_created_in_the_catalog(self):
        self.assertCanNotCreateAt(CourseIndexPage, QuizPage)


def test_a_trainer_cannot_add_a_lesson_to_another_trainers_course(client, trainer):
    other = TrainerFactory()
    course = make_course(lessons=0, quiz=False, trainer=other)
    client.force_login(trainer)

    response = client.get(reverse("wagtailadmin_pages:add",
                                  args=["courses", "lessonpage", course.pk]))

    assert response.status_code in (302, 403)


def test_a_trainer_adds_a_lesson_to_their_own_course(client, trainer):
    course = make_course(lessons=0, quiz=False, trainer=trainer)
    client.force_login(trainer)

    response = client.get(reverse("wagtailadmin_pages:add",
                                  args=["courses", "lessonpage", course.pk]))

    assert response.status_code == 200


# --- a trainer acts only on their own courses ---------------------------------------------------


def test_a_trainer_cannot_unpublish_or_restrict_another_trainers_live_course(client, trainer):
    others = make_course(trainer=TrainerFactory())
    client.force_login(trainer)

    unpublish = client.post(reverse("wagtailadmin_pages:unpublish", args=[others.pk]))
    privacy = client.post(reverse("wagtailadmin_pages:set_privacy", args=[others.pk]),
                          {"restriction_type": "password", "password": "bi-mat"})

    assert refused(unpublish) and refused(privacy)
    others.refresh_from_db()
    assert others.live
    assert not PageViewRestriction.objects.filter(page=others).exists()


def test_a_trainer_cannot_read_another_trainers_draft(client, trainer):
    others = make_course(trainer=TrainerFactory())
    others.title = "Bản nháp bí mật"
    others.save_revision()
    client.force_login(trainer)

    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[others.pk]))

    assert refused(draft)
    assert "Bản nháp bí mật" not in draft.content.decode()


def test_a_trainer_unpublishes_their_own_course(client, trainer):
    own = make_course(trainer=trainer)
    client.force_login(trainer)

    client.post(reverse("wagtailadmin_pages:unpublish", args=[own.pk]))

    own.refresh_from_db()
    assert not own.live


def test_the_trainer_a_site_admin_names_edits_the_course_whoever_created_it(client, trainer):
    course = make_course(trainer=TrainerFactory())
    course.trainer = trainer
    course.save()
    lesson = course.get_children().first()
    client.force_login(trainer)

    assert client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).status_code == 200


def test_the_trainer_drop_down_lists_trainers_only_and_only_a_site_admin_changes_it(trainer):
    learner, colleague, admin = UserFactory(), TrainerFactory(), UserFactory(is_superuser=True)
    own = make_course(trainer=trainer)
    form_class = CoursePage.get_edit_handler().get_form_class()

    for_trainer = form_class(instance=own, for_user=trainer)
    for_admin = form_class(instance=own, for_user=admin)

    choices = set(for_admin.fields["trainer"].queryset)
    assert {trainer, colleague} <= choices and learner not in choices
    assert for_trainer.fields["trainer"].disabled and not for_admin.fields["trainer"].disabled
