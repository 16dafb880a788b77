"""allauth adapter: stores the sign-up's name and language, and localises email subjects."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import gettext


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        user.full_name = data.get("full_name", "")
        user.preferred_language = data.get("preferred_language") or user.preferred_language
        if commit:
            user.save()
        return user

    def format_email_subject(self, subject):
        return f"[{gettext('Cooperative Academy')}] {subject}"
