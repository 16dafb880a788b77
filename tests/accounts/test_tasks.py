"""The welcome email task and the Celery defaults every task inherits."""

import pytest
from django.conf import settings
from django.core import mail

from lms.accounts.tasks import send_welcome_email
from lms.celery import app
from tests.factories import UserFactory


def test_tasks_retry_transient_failures_with_backoff_by_default():
    assert OSError in send_welcome_email.autoretry_for
    assert send_welcome_email.retry_backoff
    assert send_welcome_email.retry_jitter
    assert send_welcome_email.max_retries == 5


def test_celery_serialises_json_acks_late_and_has_time_limits():
    conf = app.conf
    assert conf.task_serializer == "json"
    assert conf.accept_content == ["json"]
    assert conf.task_acks_late is True
    assert conf.task_time_limit == settings.CELERY_TASK_TIME_LIMIT > conf.task_soft_time_limit


@pytest.mark.django_db
def test_the_task_sends_the_welcome_email_and_is_harmless_when_run_twice():
    user = UserFactory()

    send_welcome_email.delay(user.pk)
    send_welcome_email.delay(user.pk)

    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_an_smtp_failure_makes_the_task_retry(settings, monkeypatch):
    from celery.exceptions import Retry

    user = UserFactory()

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr("lms.accounts.services.send_mail", refuse)

    with pytest.raises(Retry):
        send_welcome_email.apply(args=[user.pk], throw=True)
    user.refresh_from_db()
    assert user.welcome_email_sent_at is None
