"""Closing an account, and the person's own copy of their data: the writes and reads of the
person's rights over their data (docs/decisions/0008-closing-an-account.md)."""

import logging
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from lms.accounts import signals
from lms.accounts.models import Notice, SentEmail, User

logger = logging.getLogger(__name__)

# A closed account's address: unique (it names the row), never deliverable (".invalid" is
# reserved by RFC 2606), and not the shape of anything a person can sign up with.
CLOSED_EMAIL = "closed-{pk}@account-closed.invalid"
DB_SESSION_ENGINES = {"django.contrib.sessions.backends.db",
                      "django.contrib.sessions.backends.cached_db"}


def account_close_blockers(*, user: User) -> list[str]:
    """Why the person may not close the account themselves yet, in the active language: each
    app above accounts answers through ``signals.account_close_blockers``. Empty when nothing
    stands in the way."""
    reasons: list[str] = []
    for _receiver, answer in signals.account_close_blockers.send(sender=User, user=user):
        reasons.extend(answer or [])
    return reasons


def account_close(user: User, *, by: User) -> bool:
    """Close an account by emptying it: the one way an account goes, for the person
    themselves and for a site admin deleting a user in the Wagtail admin.

    The row stays, so what the person did for their cooperative (answers, evidence, actions,
    assessments, certificates) keeps an author, shown as "a former member". Everything that
    identifies them goes: name, e-mail (replaced by an undeliverable placeholder), phone,
    password, allauth e-mail addresses, sessions, Wagtail profile, roles, the sent-e-mail log,
    and, through ``signals.account_closing``, memberships, officer scopes, enrollments and
    progress, and the exports they asked for (rows and files). docs/decisions/0008 says what
    is kept and why. Returns False when the account was already closed (a rerun is harmless).
    Blockers (``account_close_blockers``) are for the caller to check: an admin may override."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.is_closed:
            return False
        signals.account_closing.send(sender=User, user=user, by=by)
        _allauth_rows_delete(user)
        _wagtail_profile_delete(user)
        SentEmail.objects.filter(user=user).delete()
        Notice.objects.filter(user=user).delete()
        user.unread_notices = 0
        user.groups.clear()
        user.user_permissions.clear()
        user.full_name = ""
        user.phone = None
        user.phone_verified = False
        user.email = CLOSED_EMAIL.format(pk=user.pk)
        user.set_unusable_password()  # also ends every session: their auth hash no longer holds
        user.is_active = user.is_staff = user.is_superuser = False
        user.email_digest = user.email_reminders = False
        user.preferred_language = settings.LANGUAGE_CODE
        user.last_login = None
        user.welcome_email_sent_at = None
        user.closed_at = timezone.now()
        user.save()
        _sessions_delete(user)
    logger.info("Account %s closed by user %s", user.pk, by.pk if by else None)
    return True


def _allauth_rows_delete(user: User) -> None:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=user).delete()
    if apps.is_installed("allauth.socialaccount"):
        apps.get_model("socialaccount", "SocialAccount").objects.filter(user=user).delete()


def _wagtail_profile_delete(user: User) -> None:
    """Wagtail's admin profile: an avatar photo, language and time zone."""
    if not apps.is_installed("wagtail.users"):
        return
    profile = apps.get_model("wagtailusers", "UserProfile").objects.filter(user=user).first()
    if profile is None:
        return
    if profile.avatar:
        storage, name = profile.avatar.storage, profile.avatar.name
        transaction.on_commit(lambda: storage.delete(name))
    profile.delete()


def _sessions_delete(user: User) -> None:
    """Delete the rows of the person's sessions. Their sessions are already dead (the
    password's hash changed); this removes the rows that still name them. Only the database
    engines keep rows that can be searched; each live session is decoded once."""
    if settings.SESSION_ENGINE not in DB_SESSION_ENGINES:
        return
    user_id, stale = str(user.pk), []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == user_id:
            stale.append(session.session_key)
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    for key in stale:  # through the engine: the cached copy goes too
        store.delete(key)


def personal_data(*, user: User) -> dict:
    """Everything the platform holds about the person, for their own download (JSON values):
    the account here, and a section from each app through ``signals.personal_data_requested``."""
    data = {
        "account": {
            "full_name": user.full_name,
            "email": user.email,
            "phone": user.phone,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_digest": user.email_digest,
            "email_reminders": user.email_reminders,
            "roles": sorted(user.groups.values_list("name", flat=True)),
        },
        "emails_sent": [
            {"kind": kind, "about": key, "sent_at": sent_at.isoformat()}
            for kind, key, sent_at in SentEmail.objects.filter(user=user)
            .order_by("sent_at").values_list("kind", "key", "sent_at")
        ],
    }
    for _receiver, sections in signals.personal_data_requested.send(sender=User, user=user):
        data.update(sections or {})
    return data
