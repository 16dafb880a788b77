"""The profile page and the language switch."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_profile_needs_a_login(client):
    response = client.get(reverse("account_profile"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_profile_saves_name_phone_and_language(client, learner):
    client.force_login(learner)

    response = client.post(
        reverse("account_profile"),
        {"full_name": "  Trần   Văn Minh ", "phone": "0912 345 678", "preferred_language": "en"},
    )

    assert response.status_code == 302
    learner.refresh_from_db()
    # The phone is stored in its one canonical form (lms.accounts.phones).
    assert (learner.full_name, learner.phone, learner.preferred_language) == (
        "Trần Văn Minh", "+84912345678", "en"
    )


def test_an_empty_name_is_refused_and_the_phone_typed_is_kept(client, learner):
    client.force_login(learner)

    response = client.post(
        reverse("account_profile"), {"full_name": " ", "phone": "0912 345 678",
                                     "preferred_language": "vi"}
    )

    assert response.status_code == 200
    assert "full_name" in response.context["form"].errors
    assert 'value="0912 345 678"' in response.content.decode()


def test_the_language_switch_sets_the_cookie_for_a_visitor(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})

    assert response.status_code == 302
    assert response.cookies["lms_language"].value == "en"
    assert client.get("/").headers["Content-Language"] == "en"


def test_the_language_switch_is_remembered_on_the_account(client, learner):
    client.force_login(learner)

    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    learner.refresh_from_db()
    assert learner.preferred_language == "en"


def test_a_signed_in_user_sees_their_preferred_language_on_any_device(client, learner):
    learner.preferred_language = "en"
    learner.save()
    client.force_login(learner)

    assert client.get("/").headers["Content-Language"] == "en"


def test_the_site_speaks_vietnamese_by_default(client):
    response = client.get("/")

    assert response.headers["Content-Language"] == "vi"
    assert "Tạo tài khoản miễn phí" in response.content.decode()


def test_a_browser_set_to_english_still_gets_vietnamese_until_the_switch(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").headers[
        "Content-Language"] == "vi"

    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "en"
    assert "Create a free account" in response.content.decode()
