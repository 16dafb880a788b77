"""A member without e-mail, on a phone: signs up with a phone number, types the code sent by SMS,
and later logs in with the number written as people write it."""

import re

import pytest
from playwright.sync_api import expect

from lms.accounts.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "Vai-thieu-Luc-Ngan-2025"


def test_a_member_signs_up_with_a_phone_confirms_the_code_and_logs_in_with_the_number(
        live_server, phone, screenshot, sms_outbox):
    page = phone
    page.goto(live_server.url + "/accounts/signup/")
    page.fill("input[name=full_name]", "Lò Văn Páo")
    page.fill("input[name=phone]", "0912 345 678")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    screenshot(page, "signup-phone-360")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/accounts/phone/verify/$"))
    expect(page.locator("main")).to_contain_text("0912 345 678")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    code = re.search(r"\b(\d{6})\b", sms_outbox[-1].body).group(1)
    page.fill("input[name=code]", code)
    screenshot(page, "verify-phone-360")
    page.locator("form[action$='/accounts/phone/verify/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/cooperatives/$"))
    assert User.objects.get(phone="+84912345678").phone_verified

    # Another day: log out, and back in with the number as it is written on a card.
    page.goto(live_server.url + "/accounts/logout/")
    page.locator("main form button[type=submit]").last.click()
    page.goto(live_server.url + "/accounts/login/")
    expect(page.locator("input[name=login]")).to_have_count(1)
    page.fill("input[name=login]", "0912.345.678")
    page.fill("input[name=password]", PASSWORD)
    screenshot(page, "login-phone-360")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/cooperatives/$"))


def test_a_member_who_forgot_the_password_signs_in_with_a_code_by_sms(
        live_server, phone, screenshot, sms_outbox):
    member = User.objects.create_user(None, password=PASSWORD, phone="+84912345678",
                                      phone_verified=True, full_name="Lò Văn Páo")
    page = phone
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("link", name=re.compile("mã|code", re.I)).first.click()
    page.wait_for_url(re.compile(r"/accounts/login/code/$"))
    page.fill("input[name=login]", "0912 345 678")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/login/code/confirm/$"))
    code = re.search(r"\b(\d{6})\b", sms_outbox[-1].body).group(1)
    page.fill("input[name=code]", code)
    screenshot(page, "login-code-360")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/cooperatives/$"))

    page.goto(live_server.url + "/accounts/password/change/")
    expect(page.locator("input[name=oldpassword]")).to_have_count(0)
    page.fill("input[name=password1]", "Mat-khau-moi-2025")
    page.fill("input[name=password2]", "Mat-khau-moi-2025")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    member.refresh_from_db()
    assert member.check_password("Mat-khau-moi-2025")
