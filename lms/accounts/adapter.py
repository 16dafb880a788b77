"""allauth adapter: stores the sign-up's name and language, localises email subjects and reads
allauth's email templates from templates/emails/account/, beside the platform's own emails."""

from allauth.account.adapter import DefaultAccountAdapter
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.translation import gettext

ALLAUTH_EMAILS = "account/email/"
OUR_ALLAUTH_EMAILS = "emails/account/"


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

    def render_mail(self, template_prefix, email, context, headers=None):
        # allauth names its emails "account/email/<name>"; ours live under emails/account/.
        # An email the platform does not rewrite (none is sent today) keeps allauth's own.
        if template_prefix.startswith(ALLAUTH_EMAILS):
            ours = OUR_ALLAUTH_EMAILS + template_prefix[len(ALLAUTH_EMAILS):]
            try:
                get_template(f"{ours}_subject.txt")
            except TemplateDoesNotExist:
                pass
            else:
                template_prefix = ours
        return super().render_mail(template_prefix, email, context, headers=headers)
