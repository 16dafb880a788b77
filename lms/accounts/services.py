"""Writes of the accounts app."""

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from lms.accounts.models import User


def email_to_dict(message: EmailMessage) -> dict:
    """A rendered e-mail as JSON-safe data for a task (text, HTML alternatives, headers)."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def email_send_rendered(*, message: dict) -> None:
    """Send an e-mail built by email_to_dict."""
    email = EmailMultiAlternatives(
        message["subject"],
        message["body"],
        message.get("from_email") or settings.DEFAULT_FROM_EMAIL,
        message["to"],
        headers=message.get("headers") or {},
    )
    for content, mimetype in message.get("alternatives") or []:
        email.attach_alternative(content, mimetype)
    email.send()


def user_send_welcome_email(*, user_id: int) -> bool:
    """Send the welcome email once per user, in their language. Returns whether it was sent now.

    Safe to run twice: the user row is locked and the sent time recorded in the same transaction,
    so a rerun (a retried or duplicated task) finds it sent and does nothing."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user_id)
        if user.welcome_email_sent_at is not None or not user.email:
            return False
        with translation.override(user.preferred_language):
            context = {
                "user": user,
                "site_url": settings.SITE_URL,
                "cooperatives_url": settings.SITE_URL + reverse("cooperatives:mine"),
            }
            subject = render_to_string("emails/welcome_subject.txt", context).strip()
            body = render_to_string("emails/welcome.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        user.welcome_email_sent_at = timezone.now()
        user.save(update_fields=["welcome_email_sent_at"])
    return True


def user_set_language(*, user: User, language: str) -> None:
    if language in dict(settings.LANGUAGES) and user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
