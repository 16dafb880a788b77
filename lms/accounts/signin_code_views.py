"""Pages of the one-time sign-in code: signing in with it, then choosing a password."""

import time

from django import forms
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_http_methods

from lms.accounts import signin_codes
from lms.accounts.phones import phone_normalize

# allauth's backend, as its own login would record it (the session then knows how the person
# came in, and allauth's pages treat them as any signed-in person).
BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
# Set on sign-in by code: for a while the person may choose a password without typing an old
# one (they have none, or forgot it; that is why they were given a code).
PASSWORD_CHOICE_KEY = "signin_code_password_until"
PASSWORD_CHOICE_SECONDS = 30 * 60
# Many members of one cooperative sign in at one meeting behind one village router: the limit
# per address is loose; the one per person, on failures only, is what stops guessing.
LIMIT_PER_ADDRESS = (60, 10 * 60)
FAILURES_PER_CONTACT = (5, 15 * 60)


class SignInCodeForm(forms.Form):
    contact = forms.CharField(
        label=gettext_lazy("Phone number or e-mail"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none",
                                      "placeholder": "0912 345 678"}),
    )
    code = forms.CharField(
        label=pgettext_lazy("sign-in code", "Code"),
        max_length=20,
        help_text=gettext_lazy("The 8 letters and digits on the sheet from your cooperative, "
                               "with or without the dash."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code",
                                      "autocapitalize": "characters", "spellcheck": "false",
                                      "placeholder": "K7QM-3XPA"}),
    )


def _contact_key(contact: str) -> str:
    contact = contact.strip()
    if "@" not in contact:
        try:
            return phone_normalize(contact)
        except ValidationError:
            pass
    return contact.lower()[:254]


def _count(key: str, seconds: int) -> int:
    """One more in the window that started with the first; the count now."""
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        return 1


def _client_ip(request) -> str:
    from allauth.account.adapter import get_adapter

    return get_adapter(request).get_client_ip(request)


@require_http_methods(["GET", "POST"])
def code_signin(request):
    """Sign in with the code printed by a manager; the phone, if given, is then verified."""
    if request.user.is_authenticated:
        return redirect("courses:my_learning")
    initial = {"contact": request.GET.get("contact", "")[:254]}
    form = SignInCodeForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        contact = form.cleaned_data["contact"]
        failures_key = f"signin-code-failures:{_contact_key(contact)}"
        limit, seconds = LIMIT_PER_ADDRESS
        too_many = (_count(f"signin-code-ip:{_client_ip(request)}", seconds) > limit
                    or cache.get(failures_key, 0) >= FAILURES_PER_CONTACT[0])
        if too_many:
            form.add_error(None, _("Too many attempts. Wait 15 minutes and try again, or ask "
                                   "your cooperative's manager for a new code."))
            status = 429
        else:
            user = signin_codes.signin_code_redeem(contact=contact,
                                                   code=form.cleaned_data["code"])
            if user is not None:
                login(request, user, backend=BACKEND)
                request.session[PASSWORD_CHOICE_KEY] = time.time() + PASSWORD_CHOICE_SECONDS
                messages.success(request, _("Welcome, %(name)s. You are signed in.")
                                 % {"name": user.display_name})
                return redirect("account_code_password")
            _count(failures_key, FAILURES_PER_CONTACT[1])
            form.add_error(None, _("This code does not work with this phone number or e-mail. "
                                   "Check both, or ask your cooperative's manager for a new "
                                   "code: a code works once, and only the latest one."))
            status = 400
    elif request.method == "POST":
        status = 400
    return render(request, "accounts/code.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def code_password(request):
    """Right after signing in by code: choose a password for next time, or skip."""
    if request.session.get(PASSWORD_CHOICE_KEY, 0) < time.time():
        # Later on, changing a password asks for the old one (allauth's page).
        return redirect("account_change_password")
    form = SetPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        request.session.pop(PASSWORD_CHOICE_KEY, None)
        messages.success(request, _("Your password is saved. Next time, sign in with it."))
        return redirect("courses:my_learning")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/code_password.html", {"form": form}, status=status)
