"""Sign-up with email and password, email verification, login, and the welcome email."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from lms.accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "Vai-thieu-Luc-Ngan-2025"


def sign_up(client, email="xuan@example.vn", **extra):
    data = {
        "full_name": "Nguyễn Thị Hồng Xuân",
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "preferred_language": "vi",
        **extra,
    }
    # The e-mail leaves through the outbox once the request's transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("account_signup"), data)


def confirmation_link(message) -> str:
    return re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", message.body).group(0)


def test_sign_up_creates_an_unverified_user_with_name_and_language(client):
    response = sign_up(client, preferred_language="en")

    assert response.status_code == 302
    user = User.objects.get(email="xuan@example.vn")
    assert user.full_name == "Nguyễn Thị Hồng Xuân"
    assert user.preferred_language == "en"
    assert not EmailAddress.objects.get(user=user).verified


def test_sign_up_sends_a_verification_link_and_nothing_else(client):
    sign_up(client)

    assert len(mail.outbox) == 1
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    assert mail.outbox[0].to == ["xuan@example.vn"]


def test_an_unverified_user_cannot_log_in(client):
    sign_up(client)
    client.logout()

    response = client.post(
        reverse("account_login"), {"login": "xuan@example.vn", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_following_the_link_verifies_logs_in_and_sends_the_welcome_email_once(
    client, django_capture_on_commit_callbacks
):
    sign_up(client)
    link = confirmation_link(mail.outbox[0])

    assert client.get(link).status_code == 200  # the page asks to confirm with a button
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)

    user = User.objects.get(email="xuan@example.vn")
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert client.session["_auth_user_id"] == str(user.pk)
    welcome = [m for m in mail.outbox if "/cooperatives/" in m.body]
    assert len(welcome) == 1
    user.refresh_from_db()
    assert user.welcome_email_sent_at is not None


def test_sign_up_with_a_taken_email_does_not_reveal_it_and_warns_the_owner(client, learner):
    response = sign_up(client, email=learner.email)

    # The page looks like any sign-up, so nobody can probe which emails have accounts.
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert User.objects.filter(email=learner.email).count() == 1
    assert mail.outbox[0].to == [learner.email]
    assert "/accounts/confirm-email/" not in mail.outbox[0].body


def test_sign_up_with_mismatched_passwords_is_refused_and_keeps_what_was_typed(client):
    response = sign_up(client, password2="something-else-2025", full_name="Trần Văn Minh")

    assert response.status_code == 200
    assert "password2" in response.context["form"].errors
    assert not User.objects.exists()
    page = response.content.decode()
    assert 'value="Trần Văn Minh"' in page
    assert 'value="xuan@example.vn"' in page
