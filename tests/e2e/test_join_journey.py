"""Journey 1's start, in a phone-sized browser: sign up, verify the email, log in, and ask to
join a cooperative."""

import re

import pytest
from django.core import mail

from lms.cooperatives.models import Membership
from tests.factories import CooperativeFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EMAIL = "xuan.nguyen@example.vn"
PASSWORD = "Vai-thieu-Luc-Ngan-2025"


def test_a_new_learner_signs_up_verifies_logs_in_and_asks_to_join(live_server, phone, screenshot):
    cooperative = CooperativeFactory(name="Hợp tác xã Vải thiều Phượng Sơn")
    page = phone

    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    screenshot(page, "home-360")

    page.goto(live_server.url + "/accounts/signup/")
    page.fill("input[name=full_name]", "Nguyễn Thị Hồng Xuân")
    page.fill("input[name=email]", EMAIL)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    screenshot(page, "signup-360")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/cooperatives/$"))

    # Log out and back in, as a learner on another day would.
    page.goto(live_server.url + "/accounts/logout/")
    page.locator("main form button[type=submit]").last.click()
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=login]", EMAIL)
    page.fill("input[name=password]", PASSWORD)
    screenshot(page, "login-360")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/cooperatives/$"))

    page.goto(live_server.url + "/cooperatives/join/")
    page.fill("input[name=q]", "Phượng Sơn")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url(re.compile(r"q="))
    screenshot(page, "join-360")
    page.locator(f"form:has(input[name=cooperative][value='{cooperative.pk}']) button").click()
    page.wait_for_url(re.compile(r"/cooperatives/$"))
    screenshot(page, "my-cooperative-360")

    assert cooperative.name in page.content()
    membership = Membership.objects.get(user__email=EMAIL)
    assert membership.cooperative == cooperative
    assert membership.status == Membership.Status.PENDING
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
