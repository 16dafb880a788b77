"""Notices: telling a person that something happened that concerns them (a join request, a
decision, a course a manager enrolled them in, a certificate, quiz attempts asked for or granted).

`notice_send` records the notice in the person's list, in the caller's transaction, and queues
its delivery (lms/outbox): an e-mail, or a text message for a phone-only account. The words are
chosen by the notice's kind and written in the reader's language when it is read or sent, so the
apps above accounts pass only names and a link."""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import Notice, User
from lms.outbox.services import enqueue

DELIVER_NOTICE = "accounts.deliver_notice"

# What each kind says; the names between %(…)s are the params the caller gives.
TEXTS = {
    Notice.Kind.JOIN_REQUESTED: _("%(person)s asks to join %(cooperative)s."),
    Notice.Kind.JOIN_APPROVED: _("You are now a member of %(cooperative)s."),
    Notice.Kind.JOIN_DECLINED: _("Your request to join %(cooperative)s was declined."),
    Notice.Kind.MEMBER_ADDED: _("%(person)s added you to %(cooperative)s."),
    Notice.Kind.ENROLLED: _("%(person)s enrolled you in the course “%(course)s”."),
    Notice.Kind.CERTIFICATE_ISSUED: _("Your certificate for “%(title)s” is ready."),
    Notice.Kind.ATTEMPTS_ASKED: _(
        "%(person)s has used every attempt at the quiz of “%(course)s” and asks for more."
    ),
    Notice.Kind.ATTEMPTS_GRANTED: _(
        "The trainer gave you more attempts at the quiz of “%(course)s”: %(count)s."
    ),
}


def notice_text(notice: Notice) -> str:
    """The notice in the active language. A name left out by an older notice shows empty rather
    than failing the whole list."""
    params = {key: str(value) for key, value in (notice.params or {}).items()}
    template = str(TEXTS[Notice.Kind(notice.kind)])
    try:
        return template % params
    except (KeyError, ValueError):
        return str(Notice.Kind(notice.kind).label)


def notice_send(*, user: User, kind: str, url: str = "", **params) -> Notice | None:
    """Tell one person. Nothing for a closed or inactive account. The delivery leaves after the
    caller's transaction commits, and not at all if it rolls back."""
    if user.is_closed or not user.is_active:
        return None
    with transaction.atomic():
        notice = Notice.objects.create(user=user, kind=kind, params=params, url=url)
        User.objects.filter(pk=user.pk).update(unread_notices=F("unread_notices") + 1)
        enqueue(DELIVER_NOTICE, notice.pk)
    return notice


def notice_deliver(*, notice_id: int) -> str:
    """Send a notice by e-mail, else by text message; returns how ("email", "sms" or "" when the
    person cannot be reached or the notice is gone). Safe to run twice only in that it sends
    again: the outbox hands a message over until one try succeeds."""
    from django.core.mail import send_mail

    from lms.accounts import sms

    notice = Notice.objects.select_related("user").filter(pk=notice_id).first()
    if notice is None or notice.user.is_closed:
        return ""
    user = notice.user
    link = settings.SITE_URL + notice.url if notice.url.startswith("/") else notice.url
    with translation.override(user.preferred_language):
        text = notice_text(notice)
        if user.email:
            brand = _("Cooperative Academy")
            body = f"{text}\n\n{link}\n" if link else f"{text}\n"
            send_mail(f"[{brand}] {text}", body, settings.DEFAULT_FROM_EMAIL, [user.email])
            return "email"
        if user.phone:
            sms.sms_send(to=user.phone, body=f"{text} {link}".strip())
            return "sms"
    return ""


def notices_for(*, user: User, limit: int = 50) -> list[Notice]:
    return list(Notice.objects.filter(user=user)[:limit])


def notices_mark_read(*, user: User) -> int:
    """Every notice of the person read now; the badge goes back to zero."""
    with transaction.atomic():
        count = Notice.objects.filter(user=user, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        User.objects.filter(pk=user.pk).update(unread_notices=0)
    user.unread_notices = 0
    return count
