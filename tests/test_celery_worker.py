"""Integration: tasks go through the Redis broker to a real Celery worker process.

Runs when CELERY_BROKER_URL is set (CI's second pass, on PostgreSQL and Redis); skipped otherwise,
since without a broker tasks run eagerly in-process."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.urls import reverse

from lms.accounts.models import User
from lms.accounts.tasks import send_welcome_email
from lms.celery import app
from tests.factories import UserFactory

BASE_DIR = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(
        not os.environ.get("CELERY_BROKER_URL"),
        reason="CELERY_BROKER_URL is not set: the real-worker test needs a Redis broker "
        "(CI's second pass sets it).",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("the worker process needs a database it can open: set DATABASE_URL to "
                    "PostgreSQL")
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(tmp_path):
    """A `celery worker` process on the test database, sending email to files in tmp_path."""
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(outbox),
    }
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge(settings.CELERY_TASK_DEFAULT_QUEUE)
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool=solo", "--loglevel=INFO",
         "--without-gossip", "--without-mingle", "--without-heartbeat",
         "-Q", settings.CELERY_TASK_DEFAULT_QUEUE, "-n", f"test-{os.getpid()}@%h"],
        cwd=BASE_DIR, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
    )
    try:
        wait_for(lambda: "ready." in log.read_text(), timeout=60, what="the worker to start",
                 log=log)
        yield outbox, log
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_for(condition, *, timeout: float, what: str, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}; worker log:\n{log.read_text()}")


def sent_emails(outbox: Path) -> list[str]:
    return [path.read_text() for path in sorted(outbox.iterdir())]


def test_verifying_an_email_has_the_worker_send_the_welcome_email(client, worker):
    outbox, log = worker
    password = "Vai-thieu-Luc-Ngan-2025"
    client.post(reverse("account_signup"), {
        "full_name": "Nguyễn Thị Hồng Xuân", "email": "xuan@example.vn", "password1": password,
        "password2": password, "preferred_language": "vi",
    })
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)

    client.post(link)  # commits, then enqueues the task on the Redis broker

    user = User.objects.get(email="xuan@example.vn")
    wait_for(lambda: User.objects.get(pk=user.pk).welcome_email_sent_at is not None,
             timeout=60, what="the welcome email", log=log)
    assert "accounts.send_welcome_email" in log.read_text()
    emails = sent_emails(outbox)
    assert len(emails) == 1
    assert "xuan@example.vn" in emails[0]


def test_a_task_delivered_twice_sends_one_email(worker):
    outbox, log = worker
    user = UserFactory()

    send_welcome_email.delay(user.pk)
    send_welcome_email.delay(user.pk)

    wait_for(lambda: log.read_text().count("succeeded") >= 2, timeout=60,
             what="both deliveries", log=log)
    assert len(sent_emails(outbox)) == 1
