"""The Wagtail admin's user pages with a member who has a phone number and no e-mail address."""

import pytest
from django.test import Client
from django.urls import reverse

from lms.accounts.models import User
from tests.factories import PhoneUserFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    admin = UserFactory(is_staff=True, is_superuser=True, preferred_language="en")
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin)
    return client


def test_the_user_list_shows_a_phone_only_member(admin_client):
    PhoneUserFactory(full_name="Lò Thị Mai", phone="+84912345678")

    response = admin_client.get(reverse("wagtailusers_users:index"))

    assert response.status_code == 200
    assert "Lò Thị Mai" in response.content.decode()
    assert "0912 345 678" in response.content.decode()  # the contact column


@pytest.mark.parametrize("query", ["Mai", "912345678"])
def test_the_user_search_finds_a_phone_only_member_by_name_or_number(admin_client, query):
    PhoneUserFactory(full_name="Lò Thị Mai", phone="+84912345678")
    UserFactory(full_name="Trần Văn Minh")

    response = admin_client.get(reverse("wagtailusers_users:index"), {"q": query})

    assert response.status_code == 200
    assert "Lò Thị Mai" in response.content.decode()
    assert "Trần Văn Minh" not in response.content.decode()


def test_the_edit_page_of_a_phone_only_member_opens_and_saves(admin_client):
    member = PhoneUserFactory(full_name="Lò Thị Mai", phone="+84912345678")
    url = reverse("wagtailusers_users:edit", args=[member.pk])

    page = admin_client.get(url)
    assert page.status_code == 200
    assert "+84912345678" in page.content.decode()
    response = admin_client.post(url, {
        "csrfmiddlewaretoken": admin_client.cookies["csrftoken"].value,
        "email": "", "full_name": "Lò Thị Mai Anh", "phone": "0912 345 678",
        "preferred_language": "vi", "is_active": "on", "password1": "", "password2": "",
    })

    assert response.status_code == 302, response.content.decode()[:3000]
    member.refresh_from_db()
    assert (member.full_name, member.email, member.phone) == (
        "Lò Thị Mai Anh", None, "+84912345678")


def test_the_edit_page_refuses_to_empty_both_email_and_phone(admin_client):
    member = PhoneUserFactory(full_name="Lò Thị Mai", phone="+84912345678")
    url = reverse("wagtailusers_users:edit", args=[member.pk])
    admin_client.get(url)

    response = admin_client.post(url, {
        "csrfmiddlewaretoken": admin_client.cookies["csrftoken"].value,
        "email": "", "full_name": "Lò Thị Mai", "phone": "",
        "preferred_language": "vi", "is_active": "on", "password1": "", "password2": "",
    })

    assert response.status_code == 200
    assert "Enter an e-mail address or a phone number." in response.content.decode()
    member.refresh_from_db()
    assert member.phone == "+84912345678"
    assert User.objects.filter(pk=member.pk).exists()


def test_the_close_page_of_a_phone_only_member_opens(admin_client):
    member = PhoneUserFactory(full_name="Lò Thị Mai", phone="+84912345678")

    response = admin_client.get(reverse("wagtailusers_users:delete", args=[member.pk]))

    assert response.status_code == 200
