"""The sign-up form allauth uses (ACCOUNT_FORMS["signup"]).

With ACCOUNT_PREVENT_ENUMERATION on, allauth answers a sign-up for an address that already has an
account exactly like a new one, and mails the owner instead of creating a second account. The
answer looked the same but did not take the same time: a new account hashes its password (the
slowest step of a sign-up, on purpose), the taken address skipped it, so a stopwatch told them
apart. Here the taken address hashes the password it was given too, and throws the hash away;
the e-mails of both paths are queued the same way (AccountAdapter.send_mail)."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password


class SignupForm(AllauthSignupForm):
    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1") or "")
        return super().try_save(request)
