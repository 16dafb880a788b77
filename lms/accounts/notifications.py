"""The platform's recurring emails, the part every one of them shares: who still wants which
topic, signed unsubscribe links (no login needed), the once-only log, and sending a message in
the recipient's language with its unsubscribe footer and one-click headers (RFC 8058).

What each email says is chosen where its data lives (`lms.dashboards.notifications`): accounts
sits below courses and certification and never imports them."""

from collections.abc import Iterable

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import SentEmail, User


class Topic(models.TextChoices):
    """What a person can unsubscribe from: each is one switch on the user."""

    DIGEST = "digest", _("the weekly digest")
    REMINDERS = "reminders", _("reminders")


TOPIC_FIELDS = {Topic.DIGEST: "email_digest", Topic.REMINDERS: "email_reminders"}


def _salt(topic: str) -> str:
    # One salt per topic: a digest link can never unsubscribe someone from reminders.
    return f"lms.accounts.unsubscribe.{topic}"


def unsubscribe_token(*, user: User, topic: str) -> str:
    """A token naming the user, signed for one topic. It does not expire: an old email's link
    must keep working."""
    return signing.dumps(user.pk, salt=_salt(topic))


def unsubscribe_url(*, user: User, topic: str) -> str:
    token = unsubscribe_token(user=user, topic=topic)
    return settings.SITE_URL + reverse("accounts:unsubscribe", args=[topic, token])


def user_from_unsubscribe_token(*, topic: str, token: str) -> User | None:
    """The user the token was made for, or None when the topic is unknown or the token was
    altered or made for another topic."""
    if topic not in TOPIC_FIELDS:
        return None
    try:
        user_id = signing.loads(token, salt=_salt(topic))
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=user_id).first()


def user_wants(user: User, topic: str) -> bool:
    return user.is_active and bool(user.email) and getattr(user, TOPIC_FIELDS[Topic(topic)])


def user_set_subscription(*, user: User, topic: str, subscribed: bool) -> bool:
    """Turn one topic on or off; returns whether anything changed."""
    field = TOPIC_FIELDS[Topic(topic)]
    if getattr(user, field) == subscribed:
        return False
    setattr(user, field, subscribed)
    user.save(update_fields=[field])
    return True


def sent_keys(*, user: User, kind: str, keys: Iterable[str]) -> set[str]:
    """Which of `keys` this user has already been sent an email of `kind` about."""
    return set(
        SentEmail.objects.filter(user=user, kind=kind, key__in=list(keys)).values_list(
            "key", flat=True
        )
    )


def sent_record(*, user: User, kind: str, keys: Iterable[str]) -> None:
    SentEmail.objects.bulk_create([SentEmail(user=user, kind=kind, key=key) for key in keys])


def email_send(*, user: User, topic: str, template: str, context: dict) -> None:
    """Render `emails/<template>_subject.txt`, `.txt` and `.html` in the user's language, with
    the unsubscribe link of `topic` in the footer and in the List-Unsubscribe headers, and send.

    Callers lock the user and record the send in the same transaction, so a retried task that
    finds the record sends nothing."""
    language = user.preferred_language or settings.LANGUAGE_CODE
    link = unsubscribe_url(user=user, topic=topic)
    with translation.override(language):
        context = {
            **context,
            "user": user,
            "site_url": settings.SITE_URL,
            "profile_url": settings.SITE_URL + reverse("account_profile"),
            "unsubscribe_url": link,
            "topic_label": Topic(topic).label,
            "language": language,
        }
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        text = render_to_string(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Content-Language": language,
            # Automatic mail: no out-of-office replies.
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    message.send()
