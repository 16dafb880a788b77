"""allauth adapter: stores the sign-up's name and language, localises email subjects, reads
allauth's email templates from templates/emails/account/, beside the platform's own emails, and
queues every one of them on Celery instead of sending it inside the request."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.translation import gettext

from lms.accounts import services
from lms.accounts.tasks import SEND_EMAIL
from lms.outbox.services import enqueue

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

    def send_mail(self, template_prefix, email, context):
        """Render the e-mail now (in the request's language, with its links) and send it from
        a task. Every account e-mail goes this way: a new account's confirmation link and the
        "you already have an account" note for a taken address, a reset link and the note for
        an unknown address. Both answers to the same form thus do the same work in the
        request, and nobody can tell them apart by how long the mail server takes.
        The context is built as allauth's own send_mail builds it."""
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        message = self.render_mail(template_prefix, email, context)
        # Written in the request's transaction: the e-mail reaches the mail server even if the
        # broker or the mail server is down now (the outbox tries again), and an account whose
        # creation rolls back leaves no e-mail behind.
        enqueue(SEND_EMAIL, services.email_to_dict(message))
