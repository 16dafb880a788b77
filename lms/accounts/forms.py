"""Forms of the accounts app: the extra sign-up fields and the profile."""

import unicodedata

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lms.accounts.models import User
from lms.accounts.phones import phone_display, phone_normalize
from lms.accounts.roles import user_is_union_officer


def clean_name(value: str) -> str:
    """A full name with its spaces tidied and its diacritics precomposed (NFC), so that a name
    typed with combining marks reads, sorts and matches like the same name typed precomposed;
    refused when (nearly) empty."""
    name = unicodedata.normalize("NFC", " ".join(value.split()))
    if len(name) < 2:
        raise forms.ValidationError(_("Please enter your full name."))
    return name


class SignupExtraForm(forms.Form):
    """Added to allauth's sign-up form: the name shown on certificates and the language."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        help_text=_("As it should appear on your certificates."),
        widget=forms.TextInput(attrs={"autocomplete": "name", "placeholder": _("Nguyễn Văn An")}),
    )
    preferred_language = forms.ChoiceField(label=pgettext_lazy("language choice", "Language"),
                                           choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].initial = translation.get_language()

    def clean_full_name(self):
        return clean_name(self.cleaned_data["full_name"])

    def signup(self, request, user):
        # The adapter saves these fields; allauth requires this hook on a signup form class.
        pass


class ProfileForm(forms.ModelForm):
    """Name, phone, language and which emails to receive; the weekly digest is offered to union
    officers only, the only people it is sent to, and no e-mail choice to an account without an
    e-mail address. The phone is stored in its one canonical form, unique."""

    EMAIL_FIELDS = ("email_digest", "email_reminders")

    class Meta:
        model = User
        fields = ["full_name", "phone", "preferred_language", "email_digest", "email_reminders"]
        widgets = {"phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not user_is_union_officer(self.instance):
            del self.fields["email_digest"]
        self.initial["phone"] = phone_display(self.instance.phone)
        self.fields["phone"].widget.attrs["placeholder"] = "0912 345 678"
        if not self.instance.email:
            # Unsent boxes would read as "off": a phone-only account keeps its choices as they are.
            for name in self.EMAIL_FIELDS:
                self.fields.pop(name, None)
            self.fields["phone"].required = True
            self.fields["phone"].error_messages["required"] = _(
                "You sign in with this phone number: it cannot be left empty.")

    def details(self):
        return [self[name] for name in self.fields if name not in self.EMAIL_FIELDS]

    def email_choices(self):
        return [self[name] for name in self.fields if name in self.EMAIL_FIELDS]

    def clean_full_name(self):
        return clean_name(self.cleaned_data["full_name"])

    def clean_phone(self):
        raw = (self.cleaned_data.get("phone") or "").strip()
        if not raw:
            return None
        phone = phone_normalize(raw)
        if User.objects.filter(phone=phone).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("This phone number is already used by another account."), code="phone_taken")
        return phone

    def save(self, commit=True):
        if "phone" in self.changed_data and self.instance.phone != self.initial_phone:
            # A new number signs in only once a code sent to it is typed back.
            self.instance.phone_verified = False
        return super().save(commit)

    @property
    def initial_phone(self):
        return User.objects.filter(pk=self.instance.pk).values_list("phone", flat=True).first()


class AccountCloseForm(forms.Form):
    """Closing one's own account: the password again (re-authentication) and an explicit yes."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account is closed for good and cannot be restored."),
        error_messages={"required": _("Tick the box to confirm that you want to close your "
                                      "account.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."))
        return password
