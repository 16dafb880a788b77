"""The learner's pages, through the Django test client: catalog, course, lesson, quiz and
"My learning". Pages render in Vietnamese, so the tests check data, status codes and URLs rather
than interface text."""

import re

import pytest
from django.urls import reverse

from courses import services
from courses.models import Enrollment, QuizAttempt
from tests.factories import MembershipFactory
from tests.factories.courses import (
    QUESTIONS,
    RIGHT_ANSWERS,
    WRONG_ANSWERS,
    catalog,
    lessons_of,
    make_course,
    make_quiz,
    quiz_of,
)

pytestmark = pytest.mark.django_db


def form(answers):
    """Quiz answers as the quiz form posts them: fields named "q-<question id>"."""
    return {f"q-{qid}": keys for qid, keys in answers.items()}


def href(page):
    return f'href="{page.url}"'


def titles(response):
    return [course.title for course in response.context["courses"]]


@pytest.fixture
def learner_client(client, learner, enrollment):
    """The test client, logged in as a learner enrolled in `course`."""
    client.force_login(learner)
    return client


def option_texts():
    return [option["value"]["text"] for q in QUESTIONS if q["type"] != "true_false"
            for option in q["value"]["options"]]


def feedback_texts():
    texts = []
    for question in QUESTIONS:
        value = question["value"]
        if question["type"] == "true_false":
            texts += [value["feedback_true"], value["feedback_false"]]
        else:
            texts += [option["value"]["feedback"] for option in value["options"]]
    return texts


def feedback_only_words():
    """Words of the feedback that appear in no question or option text (those may be shown)."""
    shown = " ".join([*option_texts(), *(q["value"]["question"] for q in QUESTIONS)])
    shown_words = set(re.findall(r"\w+", shown))
    return {word for text in feedback_texts() for word in re.findall(r"\w+", text)
            if word not in shown_words}


# --- answer secrecy


def test_the_quiz_page_shows_every_option_text(learner_client, course):
    response = learner_client.get(quiz_of(course).url)
    assert response.status_code == 200
    for text in option_texts():
        assert text in response.text


def test_the_quiz_page_before_submission_shows_no_feedback(learner_client, course):
    response = learner_client.get(quiz_of(course).url)
    assert response.status_code == 200
    for text in feedback_texts():
        assert text not in response.text
    words = feedback_only_words()
    assert {"Right", "transparency"} <= words  # the check below checks something
    for word in words:
        assert not re.search(rf"\b{word}\b", response.text), word


def test_the_quiz_page_before_submission_has_no_correct_flag(learner_client, course):
    response = learner_client.get(quiz_of(course).url)
    assert response.status_code == 200
    assert "data-correct" not in response.text
    assert '"correct"' not in response.text
    for question in response.context["questions"]:
        assert set(question) == {"id", "kind", "text", "options", "chosen"}


def test_a_shuffled_quiz_page_shows_no_feedback_nor_correct_flag(client, learner):
    course = make_course(quiz=False)
    quiz = make_quiz(course, shuffle=True)
    services.enrollment_create(user=learner, course=course)
    client.force_login(learner)
    response = client.get(quiz.url)
    assert response.status_code == 200
    for text in feedback_texts():
        assert text not in response.text
    assert "data-correct" not in response.text
    assert '"correct"' not in response.text


def test_a_refused_submission_shows_the_form_again_without_feedback(learner_client, course):
    partial = {k: v for k, v in RIGHT_ANSWERS.items() if k != "q-multiple"}
    response = learner_client.post(quiz_of(course).url, form(partial))
    assert response.status_code == 200
    assert not QuizAttempt.objects.exists()
    for text in feedback_texts():
        assert text not in response.text


def test_submitting_the_quiz_redirects_to_the_attempt_result(learner_client, course):
    quiz = quiz_of(course)
    response = learner_client.post(quiz.url, form(WRONG_ANSWERS))
    assert response.status_code == 302
    assert response.url == f"{quiz.url}?attempt=1"
    assert QuizAttempt.objects.get().passed is False


@pytest.fixture
def failed_result(learner_client, course):
    """The result page of an attempt that chose "The accountant" and missed every question."""
    quiz = quiz_of(course)
    learner_client.post(quiz.url, form(WRONG_ANSWERS))
    response = learner_client.get(f"{quiz.url}?attempt=1")
    assert response.status_code == 200
    return response


def test_the_result_of_a_failed_attempt_marks_every_missed_question_wrong(failed_result):
    assert [row["correct"] for row in failed_result.context["result"]["rows"]] == [False] * 3
    assert failed_result.text.count('class="is-wrong"') == 3
    assert 'class="is-right"' not in failed_result.text


def test_the_result_shows_the_chosen_answer_and_its_feedback(failed_result):
    assert "The accountant" in failed_result.text
    assert "The accountant records." in failed_result.text


def test_the_result_does_not_reveal_the_right_answer_of_a_missed_question(failed_result):
    assert "The general meeting of members" not in failed_result.text
    assert "Vouchers" not in failed_result.text  # a right option of the multiple choice
    assert "Right." not in failed_result.text
    assert "questions" not in failed_result.context


# --- drafts


def test_the_catalog_lists_a_published_course_and_not_an_unpublished_one(client):
    published, draft = make_course(), make_course(live=False)
    response = client.get(catalog().url)
    assert response.status_code == 200
    assert [c.pk for c in response.context["courses"]] == [published.pk]
    assert href(published) in response.text
    assert href(draft) not in response.text


@pytest.mark.parametrize("who", [None, "learner", "manager"])
def test_an_unpublished_course_answers_404(client, request, who):
    draft = make_course(live=False)
    if who:
        client.force_login(request.getfixturevalue(who))
    assert client.get(draft.url).status_code == 404


def test_a_published_course_answers_200_to_anonymous_visitors(client, course):
    assert client.get(course.url).status_code == 200


def test_a_draft_quiz_is_not_in_the_course_outline(client, learner):
    course = make_course(quiz=False)
    draft_quiz = make_quiz(course, live=False)
    services.enrollment_create(user=learner, course=course)
    client.force_login(learner)
    response = client.get(course.url)
    assert response.status_code == 200
    assert [item.pk for item in response.context["outline"]] == [
        lesson.pk for lesson in lessons_of(course)]
    assert href(draft_quiz) not in response.text


def test_a_draft_quiz_answers_404(client, learner):
    course = make_course(quiz=False)
    draft_quiz = make_quiz(course, live=False)
    services.enrollment_create(user=learner, course=course)
    client.force_login(learner)
    assert client.get(draft_quiz.url).status_code == 404


# --- access to lessons and quizzes


def item_of(course, kind):
    return lessons_of(course)[0] if kind == "lesson" else quiz_of(course)


@pytest.mark.parametrize("kind", ["lesson", "quiz"])
def test_lessons_and_quizzes_send_anonymous_visitors_to_log_in(client, course, kind):
    item = item_of(course, kind)
    response = client.get(item.url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "next=" in response.url


@pytest.mark.parametrize("kind", ["lesson", "quiz"])
def test_lessons_and_quizzes_send_a_learner_not_enrolled_to_the_course_page(
    client, learner, course, kind
):
    client.force_login(learner)
    response = client.get(item_of(course, kind).url)
    assert response.status_code == 302
    assert response.url == course.url


@pytest.mark.parametrize("kind", ["lesson", "quiz"])
def test_an_enrolled_learner_opens_lessons_and_quizzes(learner_client, course, kind):
    assert learner_client.get(item_of(course, kind).url).status_code == 200


def test_a_learner_not_enrolled_cannot_submit_a_quiz(client, learner, course):
    client.force_login(learner)
    response = client.post(quiz_of(course).url, form(RIGHT_ANSWERS))
    assert response.status_code == 302
    assert not QuizAttempt.objects.exists()


# --- enrolling and progress


def test_a_learner_enrolls_and_is_sent_to_the_first_lesson(client, learner, course):
    client.force_login(learner)
    response = client.post(course.url, {"action": "enroll"})
    assert response.status_code == 302
    assert response.url == lessons_of(course)[0].url
    assert Enrollment.objects.filter(user=learner, course=course).count() == 1


def test_an_anonymous_visitor_posting_enroll_is_sent_to_log_in(client, course):
    response = client.post(course.url, {"action": "enroll"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Enrollment.objects.exists()


def test_finishing_a_lesson_records_it_and_goes_to_the_next(learner_client, enrollment, course):
    first, second = lessons_of(course)
    response = learner_client.post(first.url)
    assert response.status_code == 302
    assert response.url == second.url
    assert list(enrollment.lessons_done.values_list("lesson_key", flat=True)) == [
        first.translation_key]


def test_the_resume_link_points_to_lesson_2_after_finishing_lesson_1(learner_client, course):
    first, second = lessons_of(course)
    learner_client.post(first.url)
    response = learner_client.get(course.url)
    assert response.context["resume"].pk == second.pk
    assert f'class="button button--block" {href(second)}' in response.text


def test_the_resume_link_points_to_the_lesson_left_unfinished(learner_client, course):
    first, second = lessons_of(course)
    learner_client.post(first.url)  # done, sent on to lesson 2
    learner_client.get(second.url)  # opened, not finished: this is where they left off
    response = learner_client.get(course.url)
    assert response.context["resume"].pk == second.pk


def test_my_learning_lists_a_course_in_progress_with_its_percent(learner_client, course):
    learner_client.post(lessons_of(course)[0].url)  # 1 of 3 items
    response = learner_client.get(reverse("courses:my_learning"))
    assert response.status_code == 200
    [in_progress] = response.context["in_progress"]
    assert in_progress.course_id == course.pk
    assert in_progress.percent == 33
    assert response.context["completed"] == []
    assert 'aria-valuenow="33"' in response.text
    assert href(course) in response.text


def test_my_learning_lists_a_completed_course_under_completed(learner_client, course):
    for lesson in lessons_of(course):
        learner_client.post(lesson.url)
    learner_client.post(quiz_of(course).url, form(RIGHT_ANSWERS))
    response = learner_client.get(reverse("courses:my_learning"))
    assert response.context["in_progress"] == []
    [completed] = response.context["completed"]
    assert completed.course_id == course.pk
    assert completed.is_completed


def test_my_learning_needs_login(client):
    response = client.get(reverse("courses:my_learning"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


# --- catalog filters


@pytest.fixture
def three_courses(db):
    return {
        "management": make_course(category_slug="management", level="beginner"),
        "accounting": make_course(category_slug="accounting", level="beginner"),
        "advanced": make_course(category_slug="management", level="advanced"),
    }


def test_the_catalog_lists_every_published_course_without_filters(client, three_courses):
    response = client.get(catalog().url)
    assert {c.pk for c in response.context["courses"]} == {
        c.pk for c in three_courses.values()}


def test_the_catalog_filters_by_category(client, three_courses):
    response = client.get(catalog().url, {"category": "accounting"})
    assert [c.pk for c in response.context["courses"]] == [three_courses["accounting"].pk]
    assert href(three_courses["management"]) not in response.text


def test_the_catalog_filters_by_level(client, three_courses):
    response = client.get(catalog().url, {"level": "advanced"})
    assert [c.pk for c in response.context["courses"]] == [three_courses["advanced"].pk]


def test_the_catalog_filters_by_category_and_level_together(client, three_courses):
    response = client.get(catalog().url, {"category": "management", "level": "beginner"})
    assert [c.pk for c in response.context["courses"]] == [three_courses["management"].pk]


def test_the_catalog_ignores_an_unknown_level(client, three_courses):
    response = client.get(catalog().url, {"level": "expert"})
    assert len(response.context["courses"]) == 3
    assert response.context["selected_level"] == ""


# --- bulk enrollment by a cooperative manager


def test_a_manager_sees_the_bulk_enroll_form(client, manager, member, course):
    client.force_login(manager)
    response = client.get(course.url)
    assert member in response.context["members"]
    assert 'value="enroll_members"' in response.text
    assert f'name="members" value="{member.pk}"' in response.text


def test_a_plain_member_does_not_see_the_bulk_enroll_form(client, member, manager, course):
    client.force_login(member)
    response = client.get(course.url)
    assert response.context["members"] == []
    assert 'value="enroll_members"' not in response.text


def test_a_manager_enrolls_a_member_from_the_course_page(client, manager, member, course):
    client.force_login(manager)
    response = client.post(course.url, {"action": "enroll_members", "members": [member.pk]})
    assert response.status_code == 302
    enrollment = Enrollment.objects.get(user=member)
    assert enrollment.enrolled_by == manager


def test_a_plain_member_posting_enroll_members_enrolls_nobody(
    client, member, cooperative, course
):
    other = MembershipFactory(cooperative=cooperative).user
    client.force_login(member)
    response = client.post(course.url, {"action": "enroll_members", "members": [other.pk]})
    assert response.status_code == 302
    assert response.url == course.url
    assert not Enrollment.objects.exists()
