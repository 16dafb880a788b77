"""The printable sheet of sign-in codes a manager hands out: one card per member, with a QR code."""

import datetime
from dataclasses import dataclass

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from lms.accounts.phones import phone_display
from lms.accounts.signin_codes import signin_code_days


@dataclass(frozen=True)
class SheetCard:
    full_name: str
    contact: str  # as the person writes it
    code: str
    signin_url: str  # the address to type: without the contact
    qr_url: str  # what the QR code opens: the page with the contact filled in
    qr_svg: str
    valid_until: datetime.date


def sheet_cards(added) -> list[SheetCard]:
    """Cards for the people among `added` (services.MemberAdded) who were given a code. The QR
    code carries the phone number or e-mail, never the code: a photo of the QR code alone does
    not sign anyone in."""
    signin_url = settings.SITE_URL + reverse("account_code_signin")
    valid_until = timezone.localdate() + datetime.timedelta(days=signin_code_days())
    cards = []
    for person in added:
        if not person.code:
            continue
        user = person.user
        typed = phone_display(user.phone).replace(" ", "") if user.phone else user.email
        qr_url = f"{signin_url}?{urlencode({'contact': typed})}"
        qr_svg = segno.make(qr_url, error="m").svg_inline(scale=3, border=2, dark="#0f3f26")
        cards.append(SheetCard(
            full_name=user.full_name, contact=user.contact, code=person.code,
            signin_url=signin_url, qr_url=qr_url, qr_svg=qr_svg, valid_until=valid_until))
    return cards
