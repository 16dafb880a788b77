"""A learner out of quiz attempts asks the course's trainer for more; the trainer grants 1 to 3
(or declines) from "My learners", and the one rule of attempts left counts what was granted.
Users read English here (their account's language) so the tests read the words they see."""

import html
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import dateformat, timezone

from courses import selectors, services
from courses.models import AttemptRequest, QuizPage
from lms.accounts.models import Notice
from tests.factories import OfficerFactory, PhoneUserFactory, TrainerFactory, UserFactory
from tests.factories.courses import RIGHT_ANSWERS, WRONG_ANSWERS, make_course, quiz_of

pytestmark = pytest.mark.django_db

LEARNERS = "courses_learners"


@pytest.fixture
def trainer(db):
    return TrainerFactory(full_name="Trần Văn Giảng", preferred_language="en")


@pytest.fixture
def student(db):
    return UserFactory(full_name="Lò Thị Mai", preferred_language="en")


@pytest.fixture
def course(trainer):
    return make_course(trainer=trainer, lessons=1, attempt_limit=3)


@pytest.fixture
def quiz(course) -> QuizPage:
    return quiz_of(course)


@pytest.fixture
def enrollment(student, course):
    return services.enrollment_create(user=student, course=course)


def fail(enrollment, quiz, times: int = 1) -> None:
    for _ in range(times):
        services.quiz_submit(enrollment=enrollment, quiz=quiz, raw_answers=WRONG_ANSWERS)


def standing(enrollment, quiz):
    return selectors.quiz_standing(
        quiz=quiz, attempts=selectors.quiz_attempts(enrollment=enrollment, quiz=quiz),
        granted=selectors.quiz_attempts_granted(enrollment=enrollment, quiz=quiz))


ONE_RIGHT = {**WRONG_ANSWERS, "q-single": ["0"]}  # one question of three: 33.3 %


@pytest.fixture
def stuck(enrollment, quiz):
    """The learner has failed the quiz three times (the best at 33.3 %): no attempt left."""
    fail(enrollment, quiz, 2)
    services.quiz_submit(enrollment=enrollment, quiz=quiz, raw_answers=ONE_RIGHT)
    return enrollment


def text_of(response) -> str:
    """What a person reads on the page: the text without tags, spaces collapsed."""
    page = response.content.decode()
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def token_of(response, action: str) -> str:
    """The CSRF token of the page's form posting to `action`: the button is there."""
    page = response.content.decode()
    match = re.search(rf'<form method="post" action="{re.escape(action)}">\s*'
                      r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match, f"no form posting to {action} on the page"
    return match.group(1)


# --- the rule of attempts left


def test_the_quiz_page_model_adds_granted_attempts_to_the_limit():
    quiz = QuizPage(attempt_limit=3)
    assert quiz.attempts_left(3) == 0
    assert quiz.attempts_left(3, 1) == 1
    assert quiz.attempts_left(4, 1) == 0
    assert quiz.attempts_left(5, 1) == 0  # never below zero
    assert QuizPage(attempt_limit=0).attempts_left(9, 2) is None  # unlimited stays unlimited


def test_at_exactly_the_limit_no_attempt_is_left_and_a_fourth_is_refused(stuck, quiz):
    assert standing(stuck, quiz).attempts_left == 0
    with pytest.raises(ValidationError):
        fail(stuck, quiz)
    assert len(selectors.quiz_attempts(enrollment=stuck, quiz=quiz)) == 3


def test_one_attempt_granted_allows_exactly_one_more(stuck, quiz, trainer):
    request, _created = services.attempt_request_create(enrollment=stuck, quiz=quiz)
    services.attempt_request_grant(attempt_request=request, by=trainer, count=1)
    assert standing(stuck, quiz).attempts_left == 1
    fail(stuck, quiz)
    assert standing(stuck, quiz).attempts_left == 0
    with pytest.raises(ValidationError):
        fail(stuck, quiz)


def test_grants_add_up_over_several_requests(stuck, quiz, trainer):
    first, _ = services.attempt_request_create(enrollment=stuck, quiz=quiz)
    services.attempt_request_grant(attempt_request=first, by=trainer, count=1)
    fail(stuck, quiz)
    second, _ = services.attempt_request_create(enrollment=stuck, quiz=quiz)
    services.attempt_request_grant(attempt_request=second, by=trainer, count=2)
    assert standing(stuck, quiz).attempts_left == 2  # 3 + 1 + 2 allowed, 4 used


def test_attempts_granted_to_one_learner_leave_the_others_at_the_quiz_limit(
        stuck, quiz, course, trainer):
    other = services.enrollment_create(user=UserFactory(), course=course)
    fail(other, quiz, 3)
    request, _ = services.attempt_request_create(enrollment=stuck, quiz=quiz)
    services.attempt_request_grant(attempt_request=request, by=trainer, count=3)
    assert standing(stuck, quiz).attempts_left == 3
    assert standing(other, quiz).attempts_left == 0


def test_a_granted_learner_who_passes_completes_the_course(stuck, quiz, course, trainer):
    request, _ = services.attempt_request_create(enrollment=stuck, quiz=quiz)
    services.attempt_request_grant(attempt_request=request, by=trainer, count=1)
    attempt = services.quiz_submit(enrollment=stuck, quiz=quiz, raw_answers=RIGHT_ANSWERS)
    assert attempt.passed and attempt.number == 4


# --- asking


def test_asking_before_every_attempt_is_used_is_refused(enrollment, quiz):
    fail(enrollment, quiz, 2)
    with pytest.raises(ValidationError):
        services.attempt_request_create(enrollment=enrollment, quiz=quiz)
    assert not AttemptRequest.objects.exists()


def test_asking_after_passing_is_refused(enrollment, quiz):
    services.quiz_submit(enrollment=enrollment, quiz=quiz, raw_answers=RIGHT_ANSWERS)
    with pytest.raises(ValidationError):
        services.attempt_request_create(enrollment=enrollment, quiz=quiz)


def test_asking_at_a_quiz_with_unlimited_attempts_is_refused(student, trainer):
    course = make_course(trainer=trainer, lessons=0, attempt_limit=0)
    enrollment = services.enrollment_create(user=student, course=course)
    fail(enrollment, quiz_of(course), 4)
    with pytest.raises(ValidationError):
        services.attempt_request_create(enrollment=enrollment, quiz=quiz_of(course))


def test_asking_tells_the_course_trainer_with_a_link_to_my_learners(
        stuck, quiz, trainer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request, created = services.attempt_request_create(
            enrollment=stuck, quiz=quiz, message="  Em cần   thêm một lần  ")
    assert created and request.status == AttemptRequest.Status.OPEN
    assert request.message == "Em cần thêm một lần"
    notice = Notice.objects.get(user=trainer)
    assert notice.kind == Notice.Kind.ATTEMPTS_ASKED
    assert notice.url == reverse(LEARNERS)
    assert [m.to for m in mail.outbox] == [[trainer.email]]
    assert "Lò Thị Mai" in mail.outbox[0].subject
    assert reverse(LEARNERS) in mail.outbox[0].body


def test_asking_tells_the_owner_and_the_named_trainer_once_each(
        student, trainer, django_capture_on_commit_callbacks):
    owner = TrainerFactory()
    course = make_course(trainer=trainer, lessons=0)
    type(course).objects.filter(pk=course.pk).update(owner=owner)
    course.refresh_from_db()
    enrollment = services.enrollment_create(user=student, course=course)
    fail(enrollment, quiz_of(course), 3)
    with django_capture_on_commit_callbacks(execute=True):
        services.attempt_request_create(enrollment=enrollment, quiz=quiz_of(course))
    assert sorted(m.to[0] for m in mail.outbox) == sorted([trainer.email, owner.email])


def test_asking_again_while_a_request_is_open_changes_nothing(
        stuck, quiz, trainer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = services.attempt_request_create(enrollment=stuck, quiz=quiz)
        again, created = services.attempt_request_create(enrollment=stuck, quiz=quiz,
                                                         message="Nhắc lại")
    assert not created and again.pk == first.pk
    assert AttemptRequest.objects.count() == 1
    assert Notice.objects.filter(user=trainer).count() == 1
    assert len(mail.outbox) == 1


# --- granting and declining


def test_granting_closes_the_request_and_tells_the_learner_with_a_link_to_the_quiz(
        stuck, quiz, trainer, student, django_capture_on_commit_callbacks):
    request, _ = services.attempt_request_create(enrollment=stuck, quiz=quiz)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.attempt_request_grant(attempt_request=request, by=trainer, count=2)
    request.refresh_from_db()
    assert (request.status, request.granted, request.decided_by) == (
        AttemptRequest.Status.GRANTED, 2, trainer)
    assert request.decided_at is not None
    notice = Notice.objects.get(user=student)
    assert (notice.kind, notice.params["count"], notice.url) == (
        Notice.Kind.ATTEMPTS_GRANTED, 2, quiz.url)
    assert [m.to for m in mail.outbox] == [[student.email]]
    assert "gave you more attempts at the quiz of" in mail.outbox[0].subject
    assert mail.outbox[0].subject.endswith(": 2.")
    assert quiz.url in mail.outbox[0].body


def test_a_phone_only_learner_is_told_of_a_grant_by_text_message(
        course, quiz, trainer, sms_outbox, django_capture_on_commit_callbacks):
    learner = PhoneUserFactory(preferred_language="en")
    enrollment = services.enrollment_create(user=learner, course=course)
    fail(enrollment, quiz, 3)
    request, _ = services.attempt_request_create(enrollment=enrollment, quiz=quiz)
    with django_capture_on_commit_callbacks(execute=True):
        services.attempt_request_grant(attempt_request=request, by=trainer, count=1)
    assert [m.to for m in sms_outbox] == [learner.phone]
    assert quiz.url in sms_outbox[0].body


def test_granting_twice_gives_the_attempts_once(stuck, quiz, trainer):
    request, _ = services.attempt_request_create(enrollment=stuck, quiz=quiz)
    assert services.attempt_request_grant(attempt_request=request, by=trainer, count=2)
    assert not services.attempt_request_grant(attempt_request=request, by=trainer, count=3)
    assert standing(stuck, quiz).attempts_left == 2
    assert Notice.objects.filter(kind=Notice.Kind.ATTEMPTS_GRANTED).count() == 1


@pytest.mark.parametrize("count", [0, 4, -1])
def test_only_1_2_or_3_attempts_can_be_granted(stuck, quiz, trainer, count):
    request, _ = services.attempt_request_create(enrollment=stuck, quiz=quiz)
    with pytest.raises(ValidationError):
        services.attempt_request_grant(attempt_request=request, by=trainer, count=count)
    request.refresh_from_db()
    assert request.status == AttemptRequest.Status.OPEN


def test_a_trainer_of_another_course_cannot_grant(stuck, quiz):
    request, _ = services.attempt_request_create(enrollment=stuck, quiz=quiz)
    with pytest.raises(PermissionDenied):
        services.attempt_request_grant(attempt_request=request, by=TrainerFactory(), count=1)
    with pytest.raises(PermissionDenied):
        services.attempt_request_decline(attempt_request=request, by=TrainerFactory())
    request.refresh_from_db()
    assert request.status == AttemptRequest.Status.OPEN
    assert standing(stuck, quiz).attempts_left == 0


def test_a_site_admin_may_grant_on_any_course(stuck, quiz, site_admin):
    request, _ = services.attempt_request_create(enrollment=stuck, quiz=quiz)
    assert services.attempt_request_grant(attempt_request=request, by=site_admin, count=1)


def test_declining_closes_the_request_gives_nothing_and_sends_no_notice(
        stuck, quiz, trainer, student, django_capture_on_commit_callbacks):
    request, _ = services.attempt_request_create(enrollment=stuck, quiz=quiz)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.attempt_request_decline(attempt_request=request, by=trainer)
    request.refresh_from_db()
    assert (request.status, request.granted) == (AttemptRequest.Status.DECLINED, 0)
    assert standing(stuck, quiz).attempts_left == 0
    assert not Notice.objects.filter(user=student).exists()
    assert mail.outbox == []
    # The learner may ask again: a new request, open.
    again, created = services.attempt_request_create(enrollment=stuck, quiz=quiz)
    assert created and again.pk != request.pk


# --- the learner's quiz page


def test_the_quiz_page_out_of_attempts_offers_to_ask_the_trainer(stuck, quiz, student):
    client = csrf_client(student)
    page = text_of(client.get(quiz.url))
    assert "Ask the trainer for more attempts" in page
    assert "Message to the trainer (optional)" in page


def test_the_quiz_page_with_attempts_left_offers_no_asking(enrollment, quiz, student):
    fail(enrollment, quiz, 2)
    page = text_of(csrf_client(student).get(quiz.url))
    assert "Ask the trainer for more attempts" not in page


def test_asking_from_the_quiz_page_then_the_page_says_when(stuck, quiz, student, trainer):
    client = csrf_client(student)
    action = reverse("courses:attempts_ask", args=[quiz.pk])
    token = token_of(client.get(quiz.url), action)
    response = client.post(action, {"csrfmiddlewaretoken": token, "message": "Xin thêm lượt"})
    assert response.status_code == 302 and response.url == quiz.url
    request = AttemptRequest.objects.get()
    assert request.message == "Xin thêm lượt"
    page = text_of(client.get(quiz.url))
    assert "Your request has been sent to the trainer." in page
    date = dateformat.format(timezone.localtime(request.created_at), "j M Y")
    assert f"Asked on {date}; you will be told when the trainer answers." in page
    assert "Ask the trainer for more attempts" not in page


def test_a_second_ask_from_the_page_makes_no_second_request_and_says_so(
        stuck, quiz, student):
    client = csrf_client(student)
    action = reverse("courses:attempts_ask", args=[quiz.pk])
    token = token_of(client.get(quiz.url), action)
    client.post(action, {"csrfmiddlewaretoken": token})
    client.get(quiz.url)  # the first message shown
    client.post(action, {"csrfmiddlewaretoken": token})
    assert AttemptRequest.objects.count() == 1
    assert "You have already asked for more attempts." in text_of(client.get(quiz.url))


def test_asking_without_a_csrf_token_is_refused(stuck, quiz, student):
    response = csrf_client(student).post(reverse("courses:attempts_ask", args=[quiz.pk]))
    assert response.status_code == 403
    assert not AttemptRequest.objects.exists()


def test_asking_about_a_quiz_of_a_course_one_is_not_enrolled_in_does_nothing(quiz):
    outsider = UserFactory()
    client = Client()
    client.force_login(outsider)
    response = client.post(reverse("courses:attempts_ask", args=[quiz.pk]))
    assert response.status_code == 302
    assert not AttemptRequest.objects.exists()


def test_after_a_decline_the_quiz_page_says_so_and_offers_asking_again(
        stuck, quiz, student, trainer):
    request, _ = services.attempt_request_create(enrollment=stuck, quiz=quiz)
    services.attempt_request_decline(attempt_request=request, by=trainer)
    page = text_of(csrf_client(student).get(quiz.url))
    assert "The trainer did not give more attempts" in page
    assert "Ask the trainer for more attempts" in page


# --- the trainer's "My learners"


@pytest.fixture
def open_request(stuck, quiz):
    request, _ = services.attempt_request_create(enrollment=stuck, quiz=quiz,
                                                 message="Cho em thi lại")
    return request


def decide_url(request) -> str:
    return reverse("courses_attempt_request_decide", args=[request.pk])


def test_my_learners_shows_open_requests_first_with_best_score_and_message(
        open_request, trainer):
    client = csrf_client(trainer)
    response = client.get(reverse(LEARNERS))
    page = text_of(response)
    assert "Asking for more quiz attempts" in page
    requests_part = page[page.index("Asking for more quiz attempts"):]
    assert "Lò Thị Mai" in requests_part
    assert "Cho em thi lại" in requests_part
    assert "best quiz score 33.3%" in requests_part  # the best of three failed attempts
    for label in ("Grant 1 more attempt", "Grant 2 more attempts", "Grant 3 more attempts",
                  "Decline"):
        assert label in requests_part
    # Before the list of every learner.
    assert page.index("Asking for more quiz attempts") < page.index("Progress (%)")


def test_my_learners_hides_requests_of_another_trainers_course(open_request):
    other = TrainerFactory(preferred_language="en")
    page = text_of(csrf_client(other).get(reverse(LEARNERS)))
    assert "Asking for more quiz attempts" not in page
    assert "Cho em thi lại" not in page


def test_granting_from_my_learners_with_its_token_gives_the_attempt(
        open_request, trainer, quiz, student, django_capture_on_commit_callbacks):
    client = csrf_client(trainer)
    token = token_of(client.get(reverse(LEARNERS)), decide_url(open_request))
    with django_capture_on_commit_callbacks(execute=True):
        # What the "Grant 1 more attempt" button sends: its count.
        response = client.post(decide_url(open_request), {
            "csrfmiddlewaretoken": token, "count": "1"})
    assert response.status_code == 302 and response.url == reverse(LEARNERS)
    open_request.refresh_from_db()
    assert (open_request.status, open_request.granted) == (AttemptRequest.Status.GRANTED, 1)
    page = text_of(client.get(reverse(LEARNERS)))
    assert "Lò Thị Mai has 1 more attempt and has been told." in page
    assert "Cho em thi lại" not in page  # answered: no longer waiting
    learner_page = text_of(csrf_client(student).get(quiz.url))
    assert "1 attempt left." in learner_page


def test_declining_from_my_learners_closes_the_request(open_request, trainer):
    client = csrf_client(trainer)
    token = token_of(client.get(reverse(LEARNERS)), decide_url(open_request))
    client.post(decide_url(open_request), {"csrfmiddlewaretoken": token,
                                           "decision": "decline"})
    open_request.refresh_from_db()
    assert open_request.status == AttemptRequest.Status.DECLINED


def test_deciding_without_a_csrf_token_is_refused(open_request, trainer):
    response = csrf_client(trainer).post(decide_url(open_request),
                                         {"decision": "grant", "count": "3"})
    assert response.status_code == 403
    open_request.refresh_from_db()
    assert open_request.status == AttemptRequest.Status.OPEN


@pytest.mark.parametrize("who", ["other_trainer", "officer", "learner"])
def test_others_cannot_decide_even_with_a_token(open_request, cooperative, who):
    person = {"other_trainer": TrainerFactory,
              "officer": lambda: OfficerFactory(provinces=[cooperative.province]),
              "learner": UserFactory}[who]()
    client = csrf_client(person)
    client.get(reverse("account_profile"))  # a page that sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(decide_url(open_request), {
        "csrfmiddlewaretoken": token, "decision": "grant", "count": "3"})
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response.url.split("?")[0] in ("/admin/", "/admin/login/", "/accounts/login/")
    open_request.refresh_from_db()
    assert open_request.status == AttemptRequest.Status.OPEN


def test_a_get_to_the_decision_address_is_not_allowed(open_request, trainer):
    assert csrf_client(trainer).get(decide_url(open_request)).status_code == 405


def test_the_learners_data_download_keeps_their_requests(open_request, student):
    from courses.receivers import learning_data

    data = learning_data(sender=None, user=student)
    asked = data["enrollments"][0]["attempt_requests"]
    assert [(r["message"], r["status"]) for r in asked] == [("Cho em thi lại", "open")]
