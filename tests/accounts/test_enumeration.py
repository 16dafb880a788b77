"""Forms that must not tell whether an address or a phone number has an account, not even by how
long they take.

A stopwatch is a poor test (shared machines, noise), so these tests count the expensive work
instead: password hashes, e-mails and text messages queued. The two answers of each form must do
the same amount of each, and look the same. bench/enumeration.py measures the times themselves."""

import re

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse

from lms.accounts import adapter, tasks
from lms.accounts.models import User
from lms.outbox.models import Message
from lms.outbox.services import enqueue
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Vai-thieu-Luc-Ngan-2025"
TAKEN = "da-co@example.vn"
NEW = "chua-co@example.vn"
TAKEN_PHONE = "+84912345678"


class CountingHasher(PBKDF2PasswordHasher):
    """PBKDF2 with few iterations (a fast test) that counts every hash it computes: making a
    password and checking one both come here."""

    algorithm = "counting_pbkdf2"
    iterations = 1_000
    calls = 0

    def encode(self, password, salt, iterations=None):
        type(self).calls += 1
        return super().encode(password, salt, iterations)


@pytest.fixture(autouse=True)
def _counting_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]


@pytest.fixture
def owner():
    return UserFactory(email=TAKEN)


@pytest.fixture
def queued(monkeypatch):
    """The e-mails and texts handed to the outbox, as (task, recipient) (the task still runs:
    eager)."""
    sent = []

    def spy(task, *args):
        sent.append((task, args[0]["to"] if task == tasks.SEND_EMAIL else args[0]))
        return enqueue(task, *args)

    monkeypatch.setattr(adapter, "enqueue", spy)
    return sent


def work(queued, post):
    """Hashes computed, e-mails and texts queued while answering one request, and the answer."""
    CountingHasher.calls, queued[:] = 0, []
    with TestCase.captureOnCommitCallbacks(execute=True):  # the outbox hands it over
        response = post()
    return {"hashes": CountingHasher.calls,
            "emails_queued": sum(task == tasks.SEND_EMAIL for task, _ in queued),
            "sms_queued": sum(task == tasks.SEND_SMS for task, _ in queued)}, response


def sign_up(email):
    client = Client(enforce_csrf_checks=False)
    data = {"full_name": "Lê Thị Mai", "email": email, "password1": PASSWORD,
            "password2": PASSWORD, "preferred_language": "vi"}
    return lambda: client.post(reverse("account_signup"), data)


def test_sign_up_does_the_same_work_for_a_taken_and_a_new_address(owner, queued):
    taken, taken_response = work(queued, sign_up(TAKEN))
    new, new_response = work(queued, sign_up(NEW))

    assert taken == new == {"hashes": 1, "emails_queued": 1, "sms_queued": 0}
    assert (taken_response.status_code, taken_response.url) == (
        new_response.status_code, new_response.url)
    # Each went to its address: a note to the owner, a confirmation link to the newcomer.
    assert [m.to for m in mail.outbox] == [[TAKEN], [NEW]]
    assert "/accounts/confirm-email/" not in mail.outbox[0].body
    assert "/accounts/confirm-email/" in mail.outbox[1].body
    assert User.objects.filter(email=TAKEN).count() == 1


def test_account_emails_are_queued_not_sent_inside_the_request(owner, monkeypatch):
    handed = []
    monkeypatch.setattr(tasks.send_email, "apply_async",
                        lambda args, **kwargs: handed.append(args[0]))

    with TestCase.captureOnCommitCallbacks(execute=True):
        sign_up(TAKEN)()
        sign_up(NEW)()

    assert mail.outbox == []  # nothing reached the mail server during the requests
    assert [m["to"] for m in handed] == [[TAKEN], [NEW]]
    assert all(m["subject"].startswith("[") and m["body"] for m in handed)
    # Each stays in the outbox until a worker reports it sent.
    assert Message.objects.filter(task=tasks.SEND_EMAIL).count() == 2


def test_password_reset_does_the_same_work_for_a_known_and_an_unknown_address(owner, queued):
    client = Client()

    def ask(email):
        return lambda: client.post(reverse("account_reset_password"), {"email": email})

    known, known_response = work(queued, ask(TAKEN))
    unknown, unknown_response = work(queued, ask("ai-do@example.vn"))

    assert known == unknown == {"hashes": 0, "emails_queued": 1, "sms_queued": 0}
    assert (known_response.status_code, known_response.url) == (
        unknown_response.status_code, unknown_response.url)


def test_a_failed_login_does_the_same_work_for_a_known_and_an_unknown_address(owner, queued):
    client = Client()

    def log_in(login):
        return lambda: client.post(reverse("account_login"),
                                   {"login": login, "password": "sai-mat-khau-2025"})

    known, known_response = work(queued, log_in(TAKEN))
    unknown, unknown_response = work(queued, log_in("ai-do@example.vn"))
    # A phone number logs in too (ACCOUNT_LOGIN_METHODS): a number on an account and one on
    # none check one password hash alike, and are refused alike.
    owner.phone, owner.phone_verified = TAKEN_PHONE, True
    owner.save(update_fields=["phone", "phone_verified"])
    phone, phone_response = work(queued, log_in("0912 345 678"))
    no_phone, no_phone_response = work(queued, log_in("0987 654 321"))

    assert known == unknown and known["hashes"] >= 1 and known["emails_queued"] == 0
    assert phone == no_phone == {"hashes": 1, "emails_queued": 0, "sms_queued": 0}
    assert known_response.status_code == unknown_response.status_code == 200
    assert phone_response.status_code == no_phone_response.status_code == 200
    assert phone_response.context["form"].errors == no_phone_response.context["form"].errors
    assert "_auth_user_id" not in client.session


def english() -> Client:
    client = Client()
    client.cookies["lms_language"] = "en"
    return client


def sign_up_by_phone(phone):
    client = english()
    data = {"full_name": "Lò Văn Páo", "email": "", "phone": phone, "password1": PASSWORD,
            "password2": PASSWORD, "preferred_language": "vi"}
    return lambda: client.post(reverse("account_signup"), data)


def test_sign_up_does_the_same_work_for_a_taken_and_a_new_phone(queued, sms_outbox):
    UserFactory(email=None, phone=TAKEN_PHONE, phone_verified=True)

    taken, taken_response = work(queued, sign_up_by_phone("0912 345 678"))
    new, new_response = work(queued, sign_up_by_phone("0987 654 321"))

    assert taken == new == {"hashes": 1, "emails_queued": 0, "sms_queued": 1}
    assert (taken_response.status_code, taken_response.url) == (
        new_response.status_code, new_response.url)
    # The owner is told they have an account; the newcomer gets a code.
    assert [m.to for m in sms_outbox] == [TAKEN_PHONE, "+84987654321"]
    assert "already has one" in sms_outbox[0].body and "/accounts/login/" in sms_outbox[0].body
    assert re.search(r"\b\d{6}\b", sms_outbox[1].body)
    assert User.objects.filter(phone=TAKEN_PHONE).count() == 1


def test_a_sign_in_code_does_the_same_work_for_a_known_and_an_unknown_phone(queued, sms_outbox):
    UserFactory(email=None, phone=TAKEN_PHONE, phone_verified=True)

    def ask(phone):
        return lambda: english().post(reverse("account_request_login_code"), {"login": phone})

    known, known_response = work(queued, ask("0912 345 678"))
    unknown, unknown_response = work(queued, ask("0987 654 321"))

    assert known == unknown == {"hashes": 0, "emails_queued": 0, "sms_queued": 1}
    assert (known_response.status_code, known_response.url) == (
        unknown_response.status_code, unknown_response.url)
    assert "no account" in sms_outbox[1].body
