"""One-time sign-in codes: what a manager prints for a member who has no password yet."""

import datetime
import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from lms.accounts.models import SignInCode, User
from lms.accounts.phones import phone_normalize

# No 0/O, 1/I/L: a code is read off paper and typed on a phone.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 8
_HASH_SALT = "lms.accounts.signin_codes"


def signin_code_days() -> int:
    return int(getattr(settings, "LMS_SIGNIN_CODE_DAYS", 14))


def signin_code_compact(code: str) -> str:
    """The code as stored and compared: capitals, without the dash or spaces people type."""
    return re.sub(r"[^0-9A-Z]", "", (code or "").upper())


def signin_code_format(code: str) -> str:
    """"K7QM3XPA" -> "K7QM-3XPA", as printed on the sheet."""
    return f"{code[:4]}-{code[4:]}"


def _hash(code: str) -> str:
    # Keyed by SECRET_KEY: 8 letters are too few to survive a plain hash being guessed offline.
    return salted_hmac(_HASH_SALT, signin_code_compact(code), algorithm="sha256").hexdigest()


@transaction.atomic
def signin_code_issue(*, user: User, by: User | None) -> str:
    """A fresh code for `user`, shown once ("K7QM-3XPA"); the person's earlier unused codes stop
    working, so only the latest sheet lets them in."""
    SignInCode.objects.filter(user=user, used_at__isnull=True).delete()
    code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    SignInCode.objects.create(
        user=user,
        code_hash=_hash(code),
        created_by=by,
        expires_at=timezone.now() + datetime.timedelta(days=signin_code_days()),
    )
    return signin_code_format(code)


def user_for_contact(contact: str) -> tuple[User | None, bool]:
    """The account a phone number (in any written form) or an e-mail address names, and
    whether it was given as a phone."""
    contact = (contact or "").strip()
    if "@" in contact:
        return User.objects.filter(email__iexact=contact).first(), False
    try:
        phone = phone_normalize(contact)
    except ValidationError:
        return None, True
    return User.objects.filter(phone=phone).first(), True


def signin_code_redeem(*, contact: str, code: str) -> User | None:
    """The person whose valid code this is, the code now used; None for a wrong, used or
    expired code (valid until just before its expiry instant) or an unknown contact. Coming by
    phone proves the number: it is marked verified."""
    compact = signin_code_compact(code)
    if len(compact) != LENGTH:
        return None
    user, by_phone = user_for_contact(contact)
    if user is None or not user.is_active or user.is_closed:
        return None
    now = timezone.now()
    wanted = _hash(compact)
    for candidate in SignInCode.objects.filter(user=user, used_at__isnull=True,
                                               expires_at__gt=now):
        if constant_time_compare(candidate.code_hash, wanted):
            # The conditional update makes two redemptions at once let in only one.
            used = SignInCode.objects.filter(pk=candidate.pk, used_at__isnull=True) \
                .update(used_at=now)
            if not used:
                return None
            if by_phone and not user.phone_verified:
                user.phone_verified = True
                user.save(update_fields=["phone_verified"])
            return user
    return None
