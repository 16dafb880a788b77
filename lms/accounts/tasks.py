"""Celery tasks of the accounts app: thin wrappers that take ids and call services."""

from celery import shared_task

from lms.accounts import services


@shared_task(name="accounts.send_email")
def send_email(message: dict) -> None:
    """Send an e-mail rendered during a request (allauth's account e-mails): the request only
    queues it, so no visitor waits for the mail server, whichever e-mail it is."""
    services.email_send_rendered(message=message)


@shared_task(name="accounts.send_welcome_email")
def send_welcome_email(user_id: int) -> bool:
    return services.user_send_welcome_email(user_id=user_id)
