"""The outbox: work written in the caller's transaction, handed to Celery after the commit, and
handed over again until a worker finishes it, with backoff and a bounded number of tries. Its
first user is account e-mail: sign-up works while the mail server or the broker is down, and
the e-mail arrives once they are back."""

import datetime
import socket

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from lms.accounts import tasks as account_tasks
from lms.accounts.models import User
from lms.outbox import services
from lms.outbox.models import Message
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db

MESSAGE = {"subject": "Chào bạn", "body": "Nội dung", "from_email": "", "to": ["a@example.vn"],
           "headers": {}, "alternatives": []}


@pytest.fixture(autouse=True)
def _short_backoff(settings):
    settings.LMS_RETRY_MAX_TRIES = 3
    settings.LMS_RETRY_BASE_SECONDS = 60
    settings.LMS_OUTBOX_LEASE_SECONDS = 600


@pytest.fixture
def no_mail_server(settings):
    """The real SMTP backend, pointed at a port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    return settings


def later(seconds):
    return timezone.now() + datetime.timedelta(seconds=seconds)


def test_a_message_is_handed_over_after_the_commit_and_gone_once_done(
        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.enqueue(account_tasks.SEND_EMAIL, MESSAGE)
        assert mail.outbox == []  # nothing before the commit

    assert [m.subject for m in mail.outbox] == ["Chào bạn"]
    assert not Message.objects.exists()


def test_a_rolled_back_transaction_leaves_no_message_and_sends_nothing(
        django_capture_on_commit_callbacks):
    with (django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError),
          transaction.atomic()):
        services.enqueue(account_tasks.SEND_EMAIL, MESSAGE)
        raise RuntimeError("the account could not be created")

    assert not Message.objects.exists()
    assert mail.outbox == []


def test_an_unknown_task_fails_in_the_caller():
    with pytest.raises(KeyError):
        services.enqueue("accounts.no_such_task", 1)


def test_with_the_broker_down_the_message_waits_for_the_sweep(
        monkeypatch, django_capture_on_commit_callbacks):
    def refuse(*args, **kwargs):
        raise OperationalError("Connection refused")

    with monkeypatch.context() as patched, django_capture_on_commit_callbacks(execute=True):
        patched.setattr(account_tasks.send_email, "apply_async", refuse)
        services.enqueue(account_tasks.SEND_EMAIL, MESSAGE)

    message = Message.objects.get()
    assert (message.tries, message.last_error) == (1, "OperationalError: Connection refused")
    wait = message.next_try_at - timezone.now()
    assert datetime.timedelta(seconds=29) < wait <= datetime.timedelta(seconds=60)
    assert services.outbox_sweep() == 0  # not due yet

    assert services.outbox_sweep(now=later(61)) == 1
    assert [m.subject for m in mail.outbox] == ["Chào bạn"]
    assert not Message.objects.exists()


def test_a_failing_task_is_tried_a_bounded_number_of_times_then_kept_for_a_person(
        no_mail_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.enqueue(account_tasks.SEND_EMAIL, MESSAGE)
    for _ in range(5):
        services.outbox_sweep(now=later(7200))

    message = Message.objects.get()
    assert message.tries == 3
    assert message.given_up and message.next_try_at is None
    assert "ConnectionRefusedError" in message.last_error


def test_a_message_a_worker_never_finished_is_handed_over_again_after_its_lease(
        monkeypatch, django_capture_on_commit_callbacks):
    handed = []
    with monkeypatch.context() as patched, django_capture_on_commit_callbacks(execute=True):
        # The broker took it, and the worker that took it died: nobody reports it done.
        patched.setattr(account_tasks.send_email, "apply_async",
                        lambda args, **kwargs: handed.append(args))
        services.enqueue(account_tasks.SEND_EMAIL, MESSAGE)

    assert services.outbox_sweep(now=later(599)) == 0
    assert services.outbox_sweep(now=later(601)) == 1
    assert len(handed) == 1 and len(mail.outbox) == 1
    assert not Message.objects.exists()


def test_sign_up_with_no_mail_server_creates_the_account_and_sends_the_email_later(
        no_mail_server, settings):
    client = Client(enforce_csrf_checks=True)
    page = client.get(reverse("account_signup"))
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("account_signup"), {
            "full_name": "Lê Thị Mai", "email": "mai@example.vn", "password1": PASSWORD,
            "password2": PASSWORD, "preferred_language": "vi",
            "csrfmiddlewaretoken": page.cookies["csrftoken"].value})

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert User.objects.filter(email="mai@example.vn").exists()
    queued = Message.objects.get(task=account_tasks.SEND_EMAIL)
    assert queued.args[0]["to"] == ["mai@example.vn"]
    assert "ConnectionRefusedError" in queued.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # back up
    assert services.outbox_sweep(now=later(3600)) == 1

    assert [m.to for m in mail.outbox] == [["mai@example.vn"]]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    assert not Message.objects.exists()


def test_the_command_shows_what_gave_up_and_hands_it_over_again(
        no_mail_server, settings, django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):
        services.enqueue(account_tasks.SEND_EMAIL, MESSAGE)
    for _ in range(3):
        services.outbox_sweep(now=later(7200))
    shown = StringIO()
    call_command("outbox", stdout=shown)
    assert "waiting: 0  gave up: 1" in shown.getvalue()
    assert "accounts.send_email" in shown.getvalue()
    assert "ConnectionRefusedError" in shown.getvalue()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    again = StringIO()
    call_command("outbox", "--retry", stdout=again)

    assert "handed over again: 1" in again.getvalue()
    assert "waiting: 0  gave up: 0" in again.getvalue()
    assert [m.subject for m in mail.outbox] == ["Chào bạn"]
