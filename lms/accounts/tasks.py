"""Celery tasks of the accounts app: thin wrappers that take ids and call services."""

from celery import shared_task

from lms.accounts import services


@shared_task(name="accounts.send_welcome_email")
def send_welcome_email(user_id: int) -> bool:
    return services.user_send_welcome_email(user_id=user_id)
