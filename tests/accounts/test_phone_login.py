"""Signing up and in with a phone number: sign-up confirmed by a code sent by SMS, password login
with the number as people write it, sign-in by code for a forgotten password, then a new one."""

import re

import pytest
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse

from lms.accounts.models import User
from tests.factories import PhoneUserFactory, UserFactory
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Vai-thieu-Luc-Ngan-2025"
PHONE = "+84912345678"


def csrf_client() -> Client:
    client = Client(enforce_csrf_checks=True)
    client.cookies["lms_language"] = "en"  # English pages for a visitor
    client.get(reverse("account_login"))  # sets the CSRF cookie
    return client


def post(client, name, data=None, *, token=True):
    data = dict(data or {})
    if token:
        data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    with TestCase.captureOnCommitCallbacks(execute=True):  # texts leave through the outbox
        return client.post(reverse(name), data)


def english() -> Client:
    client = Client()
    client.cookies["lms_language"] = "en"
    return client


def code_in(message) -> str:
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def signed_in(client) -> int | None:
    user_id = client.session.get("_auth_user_id")
    return int(user_id) if user_id else None


def sign_up(client, **extra):
    data = {"full_name": "Lò Văn Páo", "email": "", "phone": "0912 345 678",
            "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "preferred_language": "en",
            **extra}
    return post(client, "account_signup", data)


# --- sign-up -------------------------------------------------------------------------------


def test_sign_up_with_a_phone_texts_a_code_that_signs_the_person_in(sms_outbox):
    client = csrf_client()

    response = sign_up(client)

    assert response.status_code == 302
    assert response.url == reverse("account_verify_phone")
    user = User.objects.get(phone=PHONE)
    assert (user.email, user.phone_verified, user.full_name) == (None, False, "Lò Văn Páo")
    assert signed_in(client) is None
    assert [message.to for message in sms_outbox] == [PHONE]
    assert mail.outbox == []  # no e-mail address, no e-mail
    page = client.get(response.url)
    assert "0912 345 678" in page.content.decode()

    response = post(client, "account_verify_phone", {"code": code_in(sms_outbox[0])})

    assert response.status_code == 302
    assert signed_in(client) == user.pk
    user.refresh_from_db()
    assert user.phone_verified


def test_a_wrong_sign_up_code_signs_nobody_in(sms_outbox):
    client = csrf_client()
    sign_up(client)
    wrong = "000000" if code_in(sms_outbox[0]) != "000000" else "111111"

    response = post(client, "account_verify_phone", {"code": wrong})

    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()
    assert signed_in(client) is None
    assert not User.objects.get(phone=PHONE).phone_verified


def test_sign_up_needs_an_email_or_a_phone_and_not_both(sms_outbox):
    client = csrf_client()

    neither = sign_up(client, phone="")
    both = sign_up(client, email="pao@example.vn")

    assert "Enter an e-mail address or a phone number." in neither.content.decode()
    assert "not both" in both.content.decode()
    assert not User.objects.exists()
    assert sms_outbox == [] and mail.outbox == []


def test_sign_up_refuses_a_number_that_is_no_phone_number_with_an_example():
    client = csrf_client()

    response = sign_up(client, phone="12345")

    assert response.status_code == 200
    assert "0912 345 678 (10 digits starting with 0)" in response.content.decode()
    assert not User.objects.exists()


def test_an_email_sign_up_still_asks_to_confirm_the_address_and_sends_no_sms(sms_outbox):
    client = csrf_client()

    response = sign_up(client, phone="", email="pao@example.vn")

    assert response.url == reverse("account_email_verification_sent")
    assert signed_in(client) is None
    assert [m.to for m in mail.outbox] == [["pao@example.vn"]]
    assert sms_outbox == []


def test_the_sign_up_page_offers_a_phone_box():
    page = english().get(reverse("account_signup")).content.decode()

    assert 'name="phone"' in page and 'name="email"' in page
    assert 'placeholder="0912 345 678"' in page


def test_a_texted_code_is_sent_only_after_the_sign_up_commits(sms_outbox):
    client = csrf_client()
    data = {"full_name": "Lò Văn Páo", "email": "", "phone": "0912 345 678",
            "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "preferred_language": "vi",
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        client.post(reverse("account_signup"), data)

    assert sms_outbox == []  # queued in the outbox, not sent inside the request
    for callback in callbacks:
        callback()
    assert [m.to for m in sms_outbox] == [PHONE]


# --- password login ------------------------------------------------------------------------


def test_a_phone_account_logs_in_with_its_number_as_people_write_it():
    user = PhoneUserFactory(preferred_language="en", phone=PHONE)
    client = csrf_client()

    response = post(client, "account_login", {"login": "0912 345 678", "password": PASSWORD})

    assert response.status_code == 302
    assert signed_in(client) == user.pk


@pytest.mark.parametrize("written", ["0912.345.678", "+84 912 345 678", "84912345678"])
def test_other_ways_of_writing_the_number_log_in_too(written):
    user = PhoneUserFactory(preferred_language="en", phone=PHONE)
    client = csrf_client()

    post(client, "account_login", {"login": written, "password": PASSWORD})

    assert signed_in(client) == user.pk


def test_a_wrong_password_on_a_phone_account_is_refused():
    PhoneUserFactory(preferred_language="en", phone=PHONE)
    client = csrf_client()

    response = post(client, "account_login", {"login": "0912345678", "password": "sai-roi-2025"})

    assert response.status_code == 200
    assert signed_in(client) is None
    assert "phone number and/or password" in response.content.decode()


def test_the_login_page_has_one_box_for_an_email_or_a_phone_and_a_code_link():
    page = english().get(reverse("account_login")).content.decode()

    assert page.count('name="login"') == 1
    assert 'name="phone"' not in page and 'name="email"' not in page
    assert "E-mail or phone number" in page
    assert reverse("account_request_login_code") in page


def test_something_neither_an_email_nor_a_phone_is_refused_with_an_example():
    client = csrf_client()

    response = post(client, "account_login", {"login": "pao", "password": PASSWORD})

    assert "such as 0912 345 678" in response.content.decode()
    assert signed_in(client) is None


def test_an_email_account_still_logs_in_with_its_address():
    user = UserFactory(preferred_language="en", email="mai@example.vn")
    client = csrf_client()

    post(client, "account_login", {"login": "mai@example.vn", "password": PASSWORD})

    assert signed_in(client) == user.pk


def test_an_unconfirmed_number_on_an_email_account_signs_nobody_in(sms_outbox):
    # Typed on the profile and never confirmed: possibly someone else's number.
    UserFactory(preferred_language="en", email="mai@example.vn", phone=PHONE, phone_verified=False)
    client = csrf_client()

    post(client, "account_login", {"login": "0912345678", "password": PASSWORD})
    post(client, "account_request_login_code", {"login": "0912345678"})

    assert signed_in(client) is None
    assert len(sms_outbox) == 1 and "no account" in sms_outbox[0].body


def test_an_email_account_with_a_number_is_not_asked_to_confirm_it_at_login(sms_outbox):
    user = UserFactory(preferred_language="en", email="mai@example.vn", phone=PHONE,
                       phone_verified=False)
    client = csrf_client()

    post(client, "account_login", {"login": "mai@example.vn", "password": PASSWORD})

    assert signed_in(client) == user.pk
    assert sms_outbox == []


def test_a_phone_account_whose_number_is_unconfirmed_confirms_it_at_login(sms_outbox):
    user = PhoneUserFactory(preferred_language="en", phone=PHONE, phone_verified=False)
    client = csrf_client()

    response = post(client, "account_login", {"login": "0912345678", "password": PASSWORD})

    assert response.url == reverse("account_verify_phone")
    assert signed_in(client) is None
    post(client, "account_verify_phone", {"code": code_in(sms_outbox[0])})
    assert signed_in(client) == user.pk


def test_failed_logins_are_counted_per_number(settings):
    """allauth counts failed logins per e-mail; here per phone number too, so wrong passwords
    on one number neither lock out another nor go unlimited."""
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS,
                                    "login_failed": "100/m/ip,3/5m/key"}
    PhoneUserFactory(preferred_language="en", phone=PHONE)
    other = PhoneUserFactory(preferred_language="en", phone="+84987654321")
    client = csrf_client()
    for _ in range(3):
        post(client, "account_login", {"login": "0912345678", "password": "sai-roi-2025"})

    locked = post(client, "account_login", {"login": "0912345678", "password": PASSWORD})
    assert "Too many failed login attempts" in locked.content.decode()
    post(client, "account_login", {"login": "0987 654 321", "password": PASSWORD})
    assert signed_in(client) == other.pk


def test_login_refuses_a_post_without_csrf():
    PhoneUserFactory(preferred_language="en", phone=PHONE)
    client = csrf_client()

    response = post(client, "account_login", {"login": "0912345678", "password": PASSWORD},
                    token=False)

    assert response.status_code == 403
    assert signed_in(client) is None


# --- sign-in by code, then a new password --------------------------------------------------


def test_a_member_who_forgot_the_password_signs_in_by_code_and_sets_a_new_one(sms_outbox):
    user = PhoneUserFactory(preferred_language="en", phone=PHONE)
    client = csrf_client()

    response = post(client, "account_request_login_code", {"login": "0912 345 678"})

    assert response.url == reverse("account_confirm_login_code")
    assert [m.to for m in sms_outbox] == [PHONE]
    page = client.get(response.url).content.decode()
    assert "0912 345 678" in page
    post(client, "account_confirm_login_code", {"code": code_in(sms_outbox[0])})
    assert signed_in(client) == user.pk

    page = client.get(reverse("account_change_password")).content.decode()
    assert 'name="oldpassword"' not in page
    assert "Your old one is not needed" in page
    response = post(client, "account_change_password",
                    {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_after_a_password_login_the_current_password_is_still_asked():
    user = PhoneUserFactory(preferred_language="en", phone=PHONE)
    client = csrf_client()
    post(client, "account_login", {"login": "0912345678", "password": PASSWORD})

    page = client.get(reverse("account_change_password")).content.decode()
    response = post(client, "account_change_password",
                    {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert 'name="oldpassword"' in page
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_wrong_sign_in_code_signs_nobody_in(sms_outbox):
    PhoneUserFactory(preferred_language="en", phone=PHONE)
    client = csrf_client()
    post(client, "account_request_login_code", {"login": "0912345678"})
    wrong = "000000" if code_in(sms_outbox[0]) != "000000" else "111111"

    post(client, "account_confirm_login_code", {"code": wrong})

    assert signed_in(client) is None


def test_sign_in_codes_are_limited_per_number(sms_outbox):
    PhoneUserFactory(preferred_language="en", phone=PHONE)

    answers = [post(english(), "account_request_login_code", {"login": "0912345678"},
                    token=False) for _ in range(4)]

    assert len(sms_outbox) == 3  # ACCOUNT_RATE_LIMITS["request_login_code"]: 3 per number
    assert "Too many" in answers[-1].content.decode()


def test_an_email_account_still_gets_its_sign_in_code_by_email(sms_outbox):
    user = UserFactory(preferred_language="en", email="mai@example.vn")
    client = csrf_client()

    post(client, "account_request_login_code", {"login": "mai@example.vn"})

    assert sms_outbox == []
    assert [m.to for m in mail.outbox] == [["mai@example.vn"]]
    code = re.search(r"^\s*([A-Z0-9-]{6,})\s*$", mail.outbox[0].body, re.M).group(1)
    post(client, "account_confirm_login_code", {"code": code})
    assert signed_in(client) == user.pk
