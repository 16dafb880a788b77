"""Celery tasks of the accounts app: thin wrappers that take ids and call services."""

from celery import shared_task

from lms.accounts import notices, services, sms

SEND_EMAIL = "accounts.send_email"
SEND_SMS = "accounts.send_sms"


@shared_task(name=SEND_EMAIL, autoretry_for=())
def send_email(message: dict) -> None:
    """Send an e-mail rendered during a request (allauth's account e-mails): the request only
    queues it (lms/outbox), so no visitor waits for the mail server, whichever e-mail it is.
    Not retried by Celery: the outbox tries again with backoff, and a message sent twice would
    reach the person twice."""
    services.email_send_rendered(message=message)


@shared_task(name=SEND_SMS, autoretry_for=())
def send_sms(to: str, body: str) -> None:
    """Send a text written during a request (allauth's codes and notes to a phone), queued
    through the outbox like SEND_EMAIL and for the same reasons; not retried by Celery either."""
    sms.sms_send(to=to, body=body)


@shared_task(name="accounts.send_welcome_email")
def send_welcome_email(user_id: int) -> bool:
    return services.user_send_welcome_email(user_id=user_id)


@shared_task(name=notices.DELIVER_NOTICE, autoretry_for=())
def deliver_notice(notice_id: int) -> str:
    """Not retried by Celery: the outbox tries again with backoff (lms/outbox)."""
    return notices.notice_deliver(notice_id=notice_id)
