"""Vietnamese phone numbers as people write them ("0912 345 678", "+84 912.345.678") and as the
platform stores them: one canonical international form, so one number is one account."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

INVALID_PHONE = _(
    "Enter a phone number such as 0912 345 678 (10 digits starting with 0), or an "
    "international number starting with +."
)
_SEPARATORS = re.compile(r"[\s.\-()/]")
# A Vietnamese number after its leading 0: 9 digits for mobiles (03x, 05x, 07x, 08x, 09x),
# 10 for landlines (02xx area codes).
_NATIONAL = re.compile(r"0(\d{9,10})")
_INTERNATIONAL = re.compile(r"\+(\d{8,15})")


def phone_normalize(raw: str) -> str:
    """The canonical form of a number ("+84912345678"); ValidationError when it is not one."""
    compact = _SEPARATORS.sub("", raw or "")
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    elif compact.startswith("84") and len(compact) in (11, 12):
        compact = "+" + compact
    national = _NATIONAL.fullmatch(compact)
    if national:
        return "+84" + national.group(1)
    international = _INTERNATIONAL.fullmatch(compact)
    if international:
        digits = international.group(1)
        if digits.startswith("840"):  # "+84 0912…": the 0 is the national prefix, not part of it
            digits = "84" + digits[3:]
        return "+" + digits
    raise ValidationError(INVALID_PHONE, code="invalid_phone")


def phone_display(phone: str | None) -> str:
    """How a Vietnamese reader writes the number: "0912 345 678"; other countries stay
    international."""
    if not phone:
        return ""
    if phone.startswith("+84"):
        national = "0" + phone[3:]
        if len(national) == 10:  # a mobile: 0912 345 678
            return f"{national[:4]} {national[4:7]} {national[7:]}"
        return f"{national[:3]} {national[3:7]} {national[7:]}"  # a landline: 028 3829 1234
    return phone
