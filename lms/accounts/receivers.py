"""Signal receivers of the accounts app: they enqueue work, they hold no rules."""

from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from lms.outbox.services import enqueue


@receiver(email_confirmed)
def enqueue_welcome_email(sender, request, email_address, **kwargs):
    enqueue("accounts.send_welcome_email", email_address.user_id)
