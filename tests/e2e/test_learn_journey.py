"""Journey 1 on a phone: browse the catalog, enroll, read every lesson, fail then pass the quiz,
and find the course completed on "My learning"."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import Enrollment
from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD
from tests.factories.courses import make_course

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def choose(page, *texts):
    for text in texts:
        page.locator("label.option", has_text=re.compile(text)).first.click()


def submit(page):
    page.locator("form.quiz button").click()


def test_a_learner_takes_a_course_to_completion(live_server, phone, screenshot):
    learner = UserFactory()
    course = make_course(lessons=2, attempt_limit=3)
    page = phone
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", learner.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/cooperatives/$"))

    page.goto(f"{live_server.url}/learning/catalog/")
    screenshot(page, "catalog-360")
    page.locator(".course-card a", has_text=course.title).click()
    page.locator("button[name=action][value=enroll]").click()
    page.wait_for_url(re.compile(r"/bai-1/$"))
    screenshot(page, "lesson-360")
    page.locator("form.lesson__done button").click()
    page.wait_for_url(re.compile(r"/bai-2/$"))
    page.locator("form.lesson__done button").click()
    page.wait_for_url(re.compile(r"/kiem-tra/$"))
    screenshot(page, "quiz-360")

    # Forgetting a question is refused with a message, and the answers given are kept.
    choose(page, "The accountant", "A cash book")
    submit(page)
    # The refusal re-renders the same address, so wait for the message rather than a URL.
    expect(page.locator(".form-errors")).to_have_count(1)
    assert page.locator("label.option", has_text="The accountant").locator("input").is_checked()
    choose(page, r"^\s*(False|Sai)\s*$")
    submit(page)
    page.wait_for_url(re.compile(r"\?attempt=1$"))
    screenshot(page, "quiz-failed-360")
    assert page.locator(".result--failed").count() == 1

    page.locator(".result a.button").click()
    choose(page, "The general meeting of members", "A cash book", "Vouchers",
           r"^\s*(True|Đúng)\s*$")
    submit(page)
    page.wait_for_url(re.compile(r"\?attempt=2$"))
    assert page.locator(".result--passed").count() == 1

    page.goto(f"{live_server.url}/learning/")
    screenshot(page, "my-learning-360")
    completed = page.locator("section", has=page.locator("h2", has_text=re.compile(
        "Completed|Đã hoàn thành")))
    assert course.title in completed.last.inner_text()
    assert Enrollment.objects.get(user=learner).status == Enrollment.Status.COMPLETED
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
