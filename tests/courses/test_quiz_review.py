"""The review of a quiz attempt as the learner reads it: verdicts that agree with the answer,
the order the form showed, and, once passed, the way to the certificate. Pages render in
Vietnamese, the default, so the tests read the Vietnamese text a learner sees."""

import html
import json
import re
from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import reverse

from courses import services
from courses.models import Enrollment, QuizPage
from tests.factories.courses import QUESTIONS, RIGHT_ANSWERS, make_course, make_quiz, publish

pytestmark = pytest.mark.django_db


def main_of(response) -> str:
    """The page's own content, without the header (whose menu always links to My certificates)."""
    page = response.content.decode()
    return page[page.index("<main"):page.index("</main>")]


def visible_text(response) -> str:
    """The text of the page's content without tags, its spaces collapsed: what a learner reads."""
    text = re.sub(r"<[^>]+>", " ", main_of(response))
    text = re.sub(r"\s+", " ", html.unescape(text))
    return re.sub(r" ([:.,])", r"\1", text)


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def answer(client, quiz, answers: dict):
    """Post answers (by question id) through the quiz form, with its CSRF token: the form page
    and the result page it leads to."""
    form = client.get(quiz.url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode())
    data = {f"q-{qid}": keys for qid, keys in answers.items()}
    response = client.post(quiz.url, {"csrfmiddlewaretoken": token.group(1), **data})
    assert response.status_code == 302
    return form, client.get(response.url)


def submit(client, quiz, answers: dict) -> str:
    """The text of the result page after answering."""
    return visible_text(answer(client, quiz, answers)[1])


@pytest.fixture
def quiz_with_one_attempt(learner):
    course = make_course(quiz=False)
    quiz = make_quiz(course, attempt_limit=1)
    services.enrollment_create(user=learner, course=course)
    return quiz


@pytest.fixture
def quiz_with_three_attempts(learner):
    course = make_course(quiz=False)
    quiz = make_quiz(course, attempt_limit=3)
    services.enrollment_create(user=learner, course=course)
    return quiz


# --- verdicts that agree with the answer

ONE_RIGHT_ONE_WRONG = {**RIGHT_ANSWERS, "q-multiple": ["0", "2"]}  # a cash book, the weather diary


def test_a_multiple_answer_review_judges_each_ticked_option_on_its_own(
        learner, quiz_with_three_attempts):
    page = submit(csrf_client(learner), quiz_with_three_attempts, ONE_RIGHT_ONE_WRONG)

    assert ("Các câu trả lời của bạn: A cash book, A diary of the weather — chưa chính xác."
            in page)
    assert "A cash book: Bạn đã chọn ý này — đây là một đáp án đúng. Yes." in page
    assert ("A diary of the weather: Bạn đã chọn ý này — đây không phải là đáp án đúng. No."
            in page)
    assert "Bạn chưa chọn đủ các đáp án đúng." in page
    assert "chưa đúng" not in page


def test_a_review_with_attempts_left_keeps_the_missed_right_answers_hidden(
        learner, quiz_with_three_attempts):
    page = submit(csrf_client(learner), quiz_with_three_attempts, ONE_RIGHT_ONE_WRONG)

    assert "Vouchers" not in page
    assert "Bạn chưa chọn ý này" not in page


def test_after_the_last_attempt_the_review_names_the_right_answers_missed(
        learner, quiz_with_one_attempt):
    answers = {**ONE_RIGHT_ONE_WRONG, "q-single": ["1"]}  # the accountant
    page = submit(csrf_client(learner), quiz_with_one_attempt, answers)

    assert "Vouchers: Bạn chưa chọn ý này — đây là một đáp án đúng. Yes." in page
    assert ("Câu trả lời của bạn: The accountant — chưa chính xác. The accountant records. "
            "Đáp án đúng là: The general meeting of members Right.") in page


def test_a_single_choice_review_gives_the_verdict_then_the_trainers_feedback(
        learner, quiz_with_three_attempts):
    page = submit(csrf_client(learner), quiz_with_three_attempts, RIGHT_ANSWERS)

    assert "Câu trả lời của bạn: The general meeting of members — chính xác. Right." in page
    assert "Các câu trả lời của bạn: A cash book, Vouchers — chính xác." in page


@pytest.mark.parametrize(("chosen", "verdict"), [
    ("true", "Câu trả lời của bạn: Đúng — chính xác. Yes, transparency."),
    ("false", "Câu trả lời của bạn: Sai — chưa chính xác. They may."),
])
def test_a_true_false_verdict_never_reads_like_an_option_label(
        learner, quiz_with_three_attempts, chosen, verdict):
    page = submit(csrf_client(learner), quiz_with_three_attempts,
                  {**RIGHT_ANSWERS, "q-true-false": [chosen]})

    assert verdict in page
    assert not re.search(r"(Đúng|Sai) — (đúng|chưa đúng)", page)


def test_a_true_false_verdict_in_english(learner, quiz_with_three_attempts):
    learner.preferred_language = "en"
    learner.save(update_fields=["preferred_language"])
    page = submit(csrf_client(learner), quiz_with_three_attempts,
                  {**RIGHT_ANSWERS, "q-true-false": ["false"]})

    assert "Your answer: False — not correct. They may." in page
    assert "Your answers: A cash book, Vouchers — correct." in page


# --- the order the learner saw

MORE_QUESTIONS = [
    {"type": "multiple_choice", "id": f"q-extra-{n}", "value": {
        "question": f"Extra question {n}?",
        "options": [{"type": "item", "id": f"o-{n}-{i}", "value": {
            "text": f"Option {n}.{i}", "correct": i < 2, "feedback": ""}} for i in range(5)],
    }} for n in range(5)
]


def form_order(page: str) -> list[tuple[str, list[str]]]:
    """(question, its option labels) in the order the quiz form shows them."""
    order = []
    for fieldset in page.split("<fieldset")[1:]:
        legend = re.search(r"<legend>.*?</span>\s*(.*?)</legend>", fieldset, re.S).group(1)
        labels = re.findall(r"<span>([^<]*)</span>\s*</label>", fieldset)
        order.append((html.unescape(legend.strip()), [html.unescape(x) for x in labels]))
    return order


def review_order(page: str) -> list[tuple[str, list[str]]]:
    """(question, the option labels it reviews) in the order the result shows them."""
    order = []
    for row in re.split(r'<li class="is-(?:right|wrong)">', page)[1:]:
        question = re.search(r"<strong>(.*?)</strong>", row, re.S).group(1)
        labels = re.findall(r'class="result__option-label">([^<]*)<', row)
        order.append((html.unescape(question), [html.unescape(x) for x in labels]))
    return order


def test_a_shuffled_quiz_reviews_in_the_order_its_form_showed(learner):
    course = make_course(quiz=False)
    quiz = publish(course, QuizPage(
        title="Bài kiểm tra", slug="kiem-tra", questions=json.dumps(QUESTIONS + MORE_QUESTIONS),
        shuffle=True, attempt_limit=3))
    services.enrollment_create(user=learner, course=course)
    # Every option of a multiple choice ticked, so the review names each of them.
    answers = {**RIGHT_ANSWERS, "q-multiple": ["0", "1", "2"],
               **{q["id"]: [str(i) for i in range(5)] for q in MORE_QUESTIONS}}
    form, result = answer(csrf_client(learner), quiz, answers)

    shown = form_order(main_of(form))
    authored = [q["value"]["question"] for q in QUESTIONS + MORE_QUESTIONS]
    assert [question for question, _ in shown] != authored  # shuffled: the check checks something
    reviewed = review_order(main_of(result))
    assert [question for question, _ in reviewed] == [question for question, _ in shown]
    multiple = {q["value"]["question"] for q in QUESTIONS + MORE_QUESTIONS
                if q["type"] == "multiple_choice"}
    assert reviewed == [(question, labels if question in multiple else [])
                        for question, labels in shown]


# --- after passing


def test_after_passing_the_quiz_page_shows_no_attempts_left(learner, quiz_with_three_attempts):
    client = csrf_client(learner)
    result = submit(client, quiz_with_three_attempts, RIGHT_ANSWERS)
    page = visible_text(client.get(quiz_with_three_attempts.url))

    for text in (result, page):
        assert "lượt" not in text
        assert "Bạn đã đạt bài kiểm tra này." in text


def test_after_an_earlier_failed_attempt_and_a_pass_the_old_result_says_passed(
        learner, quiz_with_three_attempts):
    client = csrf_client(learner)
    submit(client, quiz_with_three_attempts, ONE_RIGHT_ONE_WRONG | {"q-single": ["1"],
                                                                    "q-true-false": ["false"]})
    submit(client, quiz_with_three_attempts, RIGHT_ANSWERS)
    page = visible_text(client.get(f"{quiz_with_three_attempts.url}?attempt=1"))

    assert "Bạn đã đạt bài kiểm tra này." in page
    assert "hết lượt" not in page


def test_passing_the_last_quiz_of_a_course_points_to_my_certificates(learner):
    course = make_course(lessons=0)
    quiz = course.get_children().specific().get()
    services.enrollment_create(user=learner, course=course)
    client = csrf_client(learner)
    submit(client, quiz, RIGHT_ANSWERS)
    response = client.get(quiz.url)

    assert f'href="{reverse("certification:mine")}"' in main_of(response)
    page = visible_text(response)
    assert "Xem chứng chỉ của bạn" in page
    assert "lượt" not in page


def test_passing_a_quiz_of_an_unfinished_course_does_not_point_to_certificates(
        learner, quiz_with_three_attempts):
    submit(csrf_client(learner), quiz_with_three_attempts, RIGHT_ANSWERS)  # lessons remain

    response = csrf_client(learner).get(quiz_with_three_attempts.url)
    assert "Bạn đã đạt bài kiểm tra này." in visible_text(response)
    assert reverse("certification:mine") not in main_of(response)


# --- the completed course


def test_a_completed_course_page_shows_the_date_and_links_to_my_certificates(
        learner, enrollment, course):
    Enrollment.objects.filter(pk=enrollment.pk).update(
        status=Enrollment.Status.COMPLETED, completed_at=datetime(2025, 3, 5, 10, tzinfo=UTC))
    response = csrf_client(learner).get(course.url)

    page = visible_text(response)
    assert "Đã hoàn thành khóa học ngày 05/03/2025." in page
    assert "Xem chứng chỉ của bạn" in page
    assert f'href="{reverse("certification:mine")}"' in main_of(response)


def test_a_course_in_progress_does_not_link_to_certificates(learner, enrollment, course):
    response = csrf_client(learner).get(course.url)

    assert reverse("certification:mine") not in main_of(response)
