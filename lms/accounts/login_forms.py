"""The sign-in forms allauth uses (ACCOUNT_FORMS): one box for an e-mail address or a phone
number, written as people write it; a new password without the forgotten one right after a
sign-in by code; a phone number changed only to one no other account holds."""

import time

from allauth.account.forms import ChangePasswordForm as AllauthChangePasswordForm
from allauth.account.forms import ChangePhoneForm as AllauthChangePhoneForm
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import RequestLoginCodeForm as AllauthRequestLoginCodeForm
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from lms.accounts.adapter import PHONE_PLACEHOLDER, phone_lookup
from lms.accounts.models import User

LOGIN_LABEL = _("E-mail or phone number")
LOGIN_HELP = _("Your e-mail address, or your phone number such as %(example)s.")
TAKEN_PHONE = _("This phone number is already used by another account.")
NOT_A_LOGIN = _("Enter an e-mail address, or a phone number such as 0912 345 678.")
# How long after a sign-in by code a new password may be chosen without the current one: the
# code proved the person holds the phone or the mailbox, as a reset link would.
CODE_SIGN_IN_GRACE_SECONDS = 15 * 60


def login_box() -> forms.CharField:
    return forms.CharField(
        label=LOGIN_LABEL,
        help_text=LOGIN_HELP % {"example": PHONE_PLACEHOLDER},
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )


def login_kind(value: str) -> tuple[str, str]:
    """("email", the address) or ("phone", its canonical form); ValidationError otherwise. Only
    the shape of what was typed decides, never whether an account has it."""
    try:
        validate_email(value)
    except ValidationError:
        phone = phone_lookup(value)
        if phone is None:
            raise ValidationError(NOT_A_LOGIN, code="invalid_login") from None
        return "phone", phone
    return "email", value


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"] = login_box()
        self.order_fields(["login", "password", "remember"])

    def clean_login(self):
        value = super().clean_login()
        login_kind(value)
        return value

    def user_credentials(self) -> dict:
        credentials = super().user_credentials()
        if "phone" in credentials:
            # "0912 345 678" finds "+84912345678"; it also keys the failed-login counter.
            credentials["phone"] = phone_lookup(credentials["phone"])
        return credentials


class RequestLoginCodeForm(AllauthRequestLoginCodeForm):
    """allauth's form has an e-mail box and a phone box; here one box takes either, and fills
    the one allauth's view reads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("email", None)
        self.fields.pop("phone", None)
        self.fields["login"] = login_box()
        self._user = None

    def clean_login(self):
        value = self.cleaned_data["login"].strip()
        kind, value = login_kind(value)
        self.cleaned_data[kind] = value
        # allauth's checks of that box: the account behind it and the rate limit per address.
        if kind == "phone":
            self.clean_phone()
        else:
            self.clean_email()
        return value


class ChangePasswordForm(AllauthChangePasswordForm):
    """Someone who signed in by code a moment ago (they had forgotten their password) chooses a
    new one without typing the old one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.signed_in_by_code = signed_in_by_code_recently(self.user)
        if self.signed_in_by_code:
            del self.fields["oldpassword"]


def signed_in_by_code_recently(user) -> bool:
    request = context.request
    if request is None or user is None:
        return False
    records = get_authentication_records(request, user)
    if not records:
        return False
    last = records[-1]
    return (last.get("method") == "code"
            and time.time() - float(last.get("at") or 0) < CODE_SIGN_IN_GRACE_SECONDS)


class ChangePhoneForm(AllauthChangePhoneForm):
    """A number on another account is refused, as on the profile, even when that account never
    confirmed it (allauth's check sees only the numbers that sign in)."""

    def clean_phone(self):
        phone = super().clean_phone()
        if self.account_already_exists or User.objects.filter(phone=phone).exclude(
                pk=self.user.pk).exists():
            raise forms.ValidationError(TAKEN_PHONE, code="phone_taken")
        return phone
