"""Signal receivers of the accounts app: they enqueue work, they hold no rules."""

from allauth.account.signals import email_confirmed
from django.db import transaction
from django.dispatch import receiver

from lms.accounts.tasks import send_welcome_email


@receiver(email_confirmed)
def enqueue_welcome_email(sender, request, email_address, **kwargs):
    user_id = email_address.user_id
    transaction.on_commit(lambda: send_welcome_email.delay(user_id))
