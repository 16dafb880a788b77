"""A stuck learner on a phone: fails the quiz at every attempt, asks the trainer for more; the
trainer (in a browser of their own) grants one from "My learners"; the learner sees the notice,
retakes the quiz and passes."""

import re

import pytest
from playwright.sync_api import expect

from courses import services
from courses.models import AttemptRequest, Enrollment
from tests.factories import TrainerFactory, UserFactory
from tests.factories.accounts import PASSWORD
from tests.factories.courses import make_course, quiz_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TRUE, FALSE = r"^\s*(True|Đúng)\s*$", r"^\s*(False|Sai)\s*$"


def log_in(page, base_url, user):
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/cooperatives/$"))


def answer(page, *texts):
    for text in texts:
        page.locator("label.option", has_text=re.compile(text)).first.click()
    page.locator("form.quiz button").click()


def test_a_stuck_learner_asks_the_trainer_gets_one_more_attempt_and_passes(
        live_server, browser, phone, screenshot):
    trainer = TrainerFactory(full_name="Giảng viên Hà")
    learner = UserFactory(full_name="Học viên Lan")
    course = make_course(trainer=trainer, lessons=0, attempt_limit=3)
    quiz = quiz_of(course)
    services.enrollment_create(user=learner, course=course)
    page = phone
    log_in(page, live_server.url, learner)

    page.goto(f"{live_server.url}{quiz.url}")
    for number in (1, 2, 3):
        answer(page, "The accountant", "A cash book", FALSE)
        page.wait_for_url(re.compile(rf"\?attempt={number}$"))
        expect(page.locator(".result--failed")).to_have_count(1)
        if number < 3:
            page.locator(".result a.button").click()

    # Out of attempts: the result offers to ask the trainer, not to try again.
    ask = page.locator(".ask-attempts form")
    expect(ask).to_be_visible()
    screenshot(page, "quiz-out-of-attempts-360")
    ask.locator("textarea[name=message]").fill("Em xin thêm một lượt")
    ask.locator("button").click()
    expect(page.locator(".ask-attempts__asked")).to_be_visible()
    screenshot(page, "quiz-asked-360")
    assert AttemptRequest.objects.get().message == "Em xin thêm một lượt"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # The trainer, on a phone of their own, grants one attempt from "My learners".
    context = browser.new_context(viewport={"width": 360, "height": 780},
                                  device_scale_factor=2, locale="vi-VN")
    trainer_page = context.new_page()
    trainer_page.set_default_timeout(15_000)
    log_in(trainer_page, live_server.url, trainer)
    trainer_page.goto(f"{live_server.url}/admin/courses/learners/")
    waiting = trainer_page.locator(".attempt-request", has_text="Học viên Lan")
    expect(waiting).to_contain_text("Em xin thêm một lượt")
    screenshot(trainer_page, "my-learners-asking-360")
    waiting.locator("button[name=count][value='1']").click()
    expect(trainer_page.locator(".attempt-request")).to_have_count(0)
    context.close()
    assert AttemptRequest.objects.get().granted == 1

    # The learner sees the notice behind the bell, follows it to the quiz and passes.
    page.goto(f"{live_server.url}/learning/")
    expect(page.locator(".notices-link__count")).to_contain_text("1")
    page.locator(".notices-link").click()
    page.wait_for_url(re.compile(r"/accounts/notices/$"))
    screenshot(page, "notice-attempts-granted-360")
    page.locator(".notice-list__item a").first.click()
    page.wait_for_url(re.compile(re.escape(quiz.url) + "$"))
    answer(page, "The general meeting of members", "A cash book", "Vouchers", TRUE)
    page.wait_for_url(re.compile(r"\?attempt=4$"))
    expect(page.locator(".result--passed")).to_have_count(1)
    assert Enrollment.objects.get(user=learner).status == Enrollment.Status.COMPLETED
