"""The sign-up form allauth uses (ACCOUNT_FORMS["signup"]): an e-mail address or a phone number,
exactly one, and the same work for a taken address or number as for a new one.

With ACCOUNT_PREVENT_ENUMERATION on, allauth answers a sign-up for an address that already has an
account exactly like a new one, and mails the owner instead of creating a second account. The
answer looked the same but did not take the same time: a new account hashes its password (the
slowest step of a sign-up, on purpose), the taken address skipped it, so a stopwatch told them
apart. Here the taken address hashes the password it was given too, and throws the hash away;
the e-mails and texts of both paths are queued the same way (AccountAdapter)."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

from lms.accounts.adapter import PHONE_LABEL
from lms.accounts.models import User

EMAIL_OR_PHONE = _("Enter an e-mail address or a phone number.")
NOT_BOTH = _("Enter an e-mail address or a phone number, not both: you will sign in with the "
             "one you enter. You can add the other on your profile later.")


class SignupForm(AllauthSignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # settings.ACCOUNT_SIGNUP_FIELDS lists "email*" for allauth's checks; either one does.
        self.fields["email"].required = False
        self.fields["email"].widget.is_required = False
        self.fields["email"].help_text = _("Or leave it empty and enter your phone number.")
        self.fields["phone"].label = PHONE_LABEL  # allauth passes its own "Phone"
        self.fields["phone"].help_text = _("For members without e-mail: we send a code to this "
                                           "number by SMS.")

    def clean(self):
        cleaned_data = super().clean()
        if "email" in self.errors or "phone" in self.errors:
            return cleaned_data
        email, phone = cleaned_data.get("email"), cleaned_data.get("phone")
        if email and phone:
            self.add_error(None, NOT_BOTH)
        elif not email and not phone:
            self.add_error(None, EMAIL_OR_PHONE)
        elif phone and not self.account_already_exists and \
                User.objects.filter(phone=phone).exists():
            # A number typed on another account's profile and never confirmed signs in nobody
            # (AccountAdapter.get_user_by_phone), yet it is taken: answered as any taken number.
            self.account_already_exists = True
        return cleaned_data

    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1") or "")
        return super().try_save(request)
