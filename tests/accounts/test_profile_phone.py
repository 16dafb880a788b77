"""The profile's phone number: stored in one form, unique, and required of a phone-only account;
the e-mail line and e-mail choices shown only to an account with an e-mail address."""

import pytest
from django.test import Client
from django.urls import reverse

from lms.accounts.models import User
from tests.factories import PhoneUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    User.objects.filter(pk=user.pk).update(preferred_language="en")
    client.force_login(user)
    client.get(reverse("account_profile"))  # sets the CSRF cookie
    return client


def save(client, *, token=True, **data):
    data = {"full_name": "Lò Văn Páo", "preferred_language": "en", **data}
    if token:
        data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    return client.post(reverse("account_profile"), data)


def test_the_phone_is_stored_in_its_one_form_and_shown_as_people_write_it():
    user = UserFactory()
    client = csrf_client(user)

    save(client, phone="0912.345.678")

    user.refresh_from_db()
    assert user.phone == "+84912345678"
    assert 'value="0912 345 678"' in client.get(reverse("account_profile")).content.decode()


def test_a_phone_taken_by_another_account_is_refused_with_a_clear_message():
    PhoneUserFactory(phone="+84912345678")
    user = UserFactory()
    client = csrf_client(user)

    response = save(client, phone="0912 345 678")

    assert response.status_code == 200
    assert "already used by another account" in response.content.decode()
    user.refresh_from_db()
    assert user.phone is None


def test_a_number_that_is_no_phone_number_is_refused():
    user = UserFactory()
    client = csrf_client(user)

    response = save(client, phone="12")

    assert "10 digits starting with 0" in response.content.decode()


def test_a_new_number_must_be_confirmed_again():
    user = PhoneUserFactory(phone="+84912345678", phone_verified=True)
    client = csrf_client(user)

    save(client, phone="0987 654 321")
    user.refresh_from_db()
    assert (user.phone, user.phone_verified) == ("+84987654321", False)


def test_saving_the_same_number_keeps_it_confirmed():
    user = PhoneUserFactory(phone="+84912345678", phone_verified=True)
    client = csrf_client(user)

    save(client, phone="0912 345 678")

    user.refresh_from_db()
    assert user.phone_verified


def test_a_phone_only_account_cannot_empty_its_phone():
    user = PhoneUserFactory(phone="+84912345678")
    client = csrf_client(user)

    response = save(client, phone="")

    assert "You sign in with this phone number" in response.content.decode()
    user.refresh_from_db()
    assert user.phone == "+84912345678"


def test_an_email_account_may_empty_its_phone():
    user = UserFactory(phone="+84912345678")
    client = csrf_client(user)

    save(client, phone="")

    user.refresh_from_db()
    assert user.phone is None


def test_a_phone_only_account_sees_no_email_line_and_keeps_its_email_choices():
    user = PhoneUserFactory(phone="+84912345678", email_reminders=True)
    client = csrf_client(user)

    page = client.get(reverse("account_profile")).content.decode()
    save(client, phone="0912 345 678")

    assert 'id="emails"' not in page and 'name="email_reminders"' not in page
    assert "0912 345 678" in page
    user.refresh_from_db()
    assert user.email_reminders  # not turned off by a box it was never shown


def test_an_email_account_sees_its_address_and_email_choices():
    user = UserFactory(email="mai@example.vn")
    page = csrf_client(user).get(reverse("account_profile")).content.decode()

    assert "mai@example.vn" in page and 'name="email_reminders"' in page


def test_the_profile_refuses_a_post_without_csrf():
    user = UserFactory()
    client = csrf_client(user)

    response = save(client, token=False, phone="0912 345 678")

    assert response.status_code == 403
    user.refresh_from_db()
    assert user.phone is None
