"""Trainers preview lessons and quizzes without enrolling; learners see their own language."""

import pytest
from django.test import RequestFactory
from wagtail.models import Locale

from courses.models import CourseIndexPage
from tests.factories.courses import lessons_of, make_course, quiz_of

pytestmark = pytest.mark.django_db


def test_a_lesson_preview_renders_its_content_without_an_enrollment(trainer):
    lesson = lessons_of(make_course(lessons=1, trainer=trainer))[0]
    request = RequestFactory().get("/")
    request.user = trainer

    response = lesson.serve_preview(request, "")
    response.render()

    assert response.status_code == 200
    assert "Nội dung bài học." in response.content.decode()


def test_a_quiz_preview_shows_the_questions_but_no_answer_and_no_submit_button(trainer):
    quiz = quiz_of(make_course(lessons=0, trainer=trainer))
    request = RequestFactory().get("/")
    request.user = trainer

    response = quiz.serve_preview(request, "")
    response.render()
    page = response.content.decode()

    assert "Who decides the cooperative" in page
    assert "The accountant records." not in page
    assert "<button" not in page.split('class="quiz"')[1].split("</form>")[0]


def test_an_english_speaker_is_served_the_english_copy_of_a_course(client, learner):
    course = make_course(lessons=1)
    english = Locale.objects.get_or_create(language_code="en")[0]
    home_en = course.get_parent().get_parent().copy_for_translation(english)
    home_en.save_revision().publish()
    catalog_en = CourseIndexPage.objects.get(locale__language_code="vi").copy_for_translation(
        english)
    catalog_en.save_revision().publish()
    course_en = course.copy_for_translation(english)
    course_en.title = "Course in English"
    course_en.save_revision().publish()
    learner.preferred_language = "en"
    learner.save()
    client.force_login(learner)

    page = client.get(course.url).content.decode()

    assert "Course in English" in page
