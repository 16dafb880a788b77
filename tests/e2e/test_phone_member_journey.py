"""A member without e-mail, on a phone: the manager adds them by phone number and prints a
code; the member signs in with number and code, skips the password, takes a course and finds
the certificate."""

import re

import pytest
from playwright.sync_api import expect

from certification.models import Certificate
from lms.accounts.models import User
from tests.factories import MembershipFactory
from tests.factories.accounts import PASSWORD
from tests.factories.courses import RIGHT_ANSWERS, make_course, quiz_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_manager_adds_a_phone_member_who_signs_in_with_the_code_and_earns_a_certificate(
        live_server, browser, phone, screenshot, settings):
    settings.SITE_URL = live_server.url
    manager = MembershipFactory(role="manager", user__full_name="Chủ nhiệm Hoa").user
    cooperative = manager.memberships.get().cooperative
    course = make_course(lessons=1)

    page = phone
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", manager.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/cooperatives/$"))

    page.goto(f"{live_server.url}/cooperatives/{cooperative.pk}/")
    page.locator("#add-members").click()
    page.wait_for_url(re.compile(r"/members/add/$"))
    page.fill("input[name=full_name]", "Lò Thị Xuân")
    page.fill("input[name=contact]", "0987 654 321")
    page.locator("form[action$='/members/add/'] button[type=submit]").click()
    code_cell = page.locator("[data-code]")
    expect(code_cell).to_have_count(1)
    code = code_cell.inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    expect(page.locator(".sheet-card")).to_contain_text("0987 654 321")
    screenshot(page, "member-sheet-360")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    member = User.objects.get(phone="+84987654321")
    assert member.email is None and not member.has_usable_password()

    # The member's own phone: a fresh context, nobody signed in.
    context = browser.new_context(viewport={"width": 360, "height": 780},
                                  device_scale_factor=2, locale="vi-VN")
    own = context.new_page()
    own.set_default_timeout(15_000)
    own.goto(f"{live_server.url}/accounts/code/?contact=0987654321")
    expect(own.locator("input[name=contact]")).to_have_value("0987654321")
    own.fill("input[name=code]", code.lower().replace("-", ""))
    screenshot(own, "code-signin-360")
    assert own.evaluate("document.documentElement.scrollWidth") <= 360
    own.locator("main form button[type=submit]").click()
    own.wait_for_url(re.compile(r"/accounts/code/password/$"))
    screenshot(own, "code-password-360")
    own.locator("#skip-password").click()
    own.wait_for_url(re.compile(r"/learning/$"))

    own.goto(live_server.url + course.url)
    own.locator("button[name=action][value=enroll]").click()
    own.locator("form.lesson__done button").click()
    own.wait_for_url(re.compile(r"/kiem-tra/$"))
    quiz = quiz_of(course)
    for question_id, keys in RIGHT_ANSWERS.items():
        for key in keys:
            own.locator(f"input[name='q-{question_id}'][value='{key}']").check()
    own.locator("form.quiz button").click()
    own.wait_for_url(re.compile(rf"{re.escape(quiz.url)}\?attempt=1$"))

    own.goto(f"{live_server.url}/certificates/")
    expect(own.locator("main")).to_contain_text(course.title)
    screenshot(own, "phone-member-certificates-360")
    assert Certificate.objects.filter(recipient=member).count() == 1
    member.refresh_from_db()
    assert member.phone_verified
    context.close()
