"""Login, its rate limit, logout, and the Wagtail admin's login going through allauth."""

import pytest
from django.contrib.auth.views import LoginView
from django.urls import get_resolver, resolve, reverse

from tests.factories.accounts import PASSWORD, UserFactory

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


# --- every way in is allauth's ------------------------------------------------------------------


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), getattr(pattern.callback, "view_class", None)


def test_no_login_form_but_allauths_can_be_reached():
    """Any URL whose view is a plain Django login form (Wagtail's admin and front-end ones, or
    one a new package brings) is shadowed by a redirect to the rate-limited, verified login."""
    plain = [route for route, view in _routes(get_resolver().url_patterns)
             if view is not None and issubclass(view, LoginView) and "<" not in route]
    assert "_util/login/" in plain  # Wagtail's front-end login, found by the walk
    for route in plain:
        reached = resolve("/" + route).func.view_class
        assert not issubclass(reached, LoginView), route


def test_wagtails_front_end_login_cannot_log_in_an_unverified_account_or_skip_the_limit(client):
    unverified = UserFactory(verified=False)
    for _ in range(40):
        client.post("/_util/login/", {"username": unverified.email, "password": "sai"})

    response = client.post("/_util/login/?next=/learning/",
                           {"username": unverified.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=/learning/"
    assert "_auth_user_id" not in client.session
