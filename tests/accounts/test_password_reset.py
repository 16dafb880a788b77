"""Password reset by email link, without revealing which addresses have accounts."""

import re

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Nhan-long-Hung-Yen-2026"


def test_a_reset_link_lets_the_user_choose_a_new_password_and_log_in(client, learner):
    with TestCase.captureOnCommitCallbacks(execute=True):  # the outbox hands it over
        client.post(reverse("account_reset_password"), {"email": learner.email})
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", mail.outbox[0].body).group(0)

    form_page = client.get(link, follow=True)  # allauth moves the key into the session
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.check_password(NEW_PASSWORD)
    client.logout()
    client.post(reverse("account_login"), {"login": learner.email, "password": NEW_PASSWORD})
    assert client.session["_auth_user_id"] == str(learner.pk)


def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_no_link(client):
    response = client.post(reverse("account_reset_password"), {"email": "ai-do@example.vn"})

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    assert "/accounts/password/reset/key/" not in "".join(m.body for m in mail.outbox)


def test_a_forged_reset_link_is_refused_with_a_message(client, learner):
    response = client.get("/accounts/password/reset/key/zz-forged-key/", follow=True)

    assert response.status_code == 200
    assert response.context.get("token_fail") is True
