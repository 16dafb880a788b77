"""Login, its rate limit, logout, and the Wagtail admin's login going through allauth."""

import pytest
from django.urls import reverse

from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_verified_user_logs_in_with_email_and_password(client, learner):
    response = client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(learner.pk)


def test_login_is_case_insensitive_on_the_email(client, learner):
    client.post(reverse("account_login"), {"login": learner.email.upper(), "password": PASSWORD})

    assert client.session["_auth_user_id"] == str(learner.pk)


def test_a_wrong_password_is_refused_with_a_message(client, learner):
    response = client.post(reverse("account_login"), {"login": learner.email, "password": "sai"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


def test_repeated_failed_logins_are_rate_limited_even_with_the_right_password(client, learner):
    url = reverse("account_login")
    for _ in range(5):
        client.post(url, {"login": learner.email, "password": "sai-mat-khau"})

    response = client.post(url, {"login": learner.email, "password": PASSWORD})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].non_field_errors()


def test_logout_ends_the_session(client, learner):
    client.force_login(learner)

    client.post(reverse("account_logout"))

    assert "_auth_user_id" not in client.session


def test_the_admin_login_page_sends_people_to_the_rate_limited_login(client):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=/admin/"


def test_the_admin_asks_anonymous_visitors_to_log_in_through_allauth(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_trainer_logs_in_and_reaches_the_admin(client, trainer):
    client.post(reverse("account_login"), {"login": trainer.email, "password": PASSWORD})

    assert client.get("/admin/").status_code == 200
