"""Integration: tasks go through the Redis broker to a real Celery worker process.

Runs when CELERY_BROKER_URL is set (CI's second pass, on PostgreSQL and Redis); skipped otherwise,
since without a broker tasks run eagerly in-process."""

import re
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from lms.accounts.models import User
from lms.accounts.tasks import send_welcome_email
from tests.celery_worker import requires_broker, running_worker, wait_for
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.worker,
    requires_broker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def worker(tmp_path):
    """A worker on the test database, sending email to files in tmp_path."""
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    env = {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
           "EMAIL_FILE_PATH": str(outbox)}
    with running_worker(tmp_path / "worker.log", env=env, name="test") as log:
        yield outbox, log


def sent_emails(outbox: Path) -> list[str]:
    return [path.read_text() for path in sorted(outbox.iterdir())]


def test_verifying_an_email_has_the_worker_send_the_welcome_email(client, worker):
    outbox, log = worker
    password = "Vai-thieu-Luc-Ngan-2025"
    client.post(reverse("account_signup"), {
        "full_name": "Nguyễn Thị Hồng Xuân", "email": "xuan@example.vn", "password1": password,
        "password2": password, "preferred_language": "vi",
    })
    # Account e-mails are queued too (the same work whether or not the address is taken), so
    # the worker sends the confirmation link.
    wait_for(lambda: sent_emails(outbox), timeout=60, what="the confirmation email", log=log)
    emails = sent_emails(outbox)
    assert mail.outbox == []
    links = re.findall(r"https?://\S+/accounts/confirm-email/\S+/", "".join(emails))
    assert len(emails) == len(links) == 1, emails
    link = links[0]

    client.post(link)  # commits, then enqueues the task on the Redis broker

    user = User.objects.get(email="xuan@example.vn")
    wait_for(lambda: User.objects.get(pk=user.pk).welcome_email_sent_at is not None,
             timeout=60, what="the welcome email", log=log)
    assert "accounts.send_welcome_email" in log.read_text()
    emails = sent_emails(outbox)
    assert len(emails) == 2  # the confirmation, then the welcome
    assert all("xuan@example.vn" in email for email in emails)


def test_a_task_delivered_twice_sends_one_email(worker):
    outbox, log = worker
    user = UserFactory()

    send_welcome_email.delay(user.pk)
    send_welcome_email.delay(user.pk)

    wait_for(lambda: log.read_text().count("succeeded") >= 2, timeout=60,
             what="both deliveries", log=log)
    assert len(sent_emails(outbox)) == 1
