"""allauth adapter: stores the sign-up's name and language, localises email subjects, reads
allauth's email templates from templates/emails/account/, beside the platform's own emails,
queues every e-mail and text message through the outbox instead of sending it inside the
request, and keeps the account's phone number (User.phone, one canonical form)."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.fields import PhoneField
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lms.accounts import services
from lms.accounts.models import User
from lms.accounts.phones import phone_normalize
from lms.accounts.tasks import SEND_EMAIL, SEND_SMS
from lms.outbox.services import enqueue

ALLAUTH_EMAILS = "account/email/"
OUR_ALLAUTH_EMAILS = "emails/account/"
PHONE_LABEL = _("Phone number")
PHONE_PLACEHOLDER = "0912 345 678"


def phone_lookup(phone: str) -> str | None:
    """The canonical form of a number typed anywhere, or None when it is no phone number."""
    try:
        return phone_normalize(phone)
    except ValidationError:
        return None


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

    # --- Phone numbers (allauth's phone methods; ACCOUNT_LOGIN_METHODS includes "phone").

    def phone_form_field(self, **kwargs):
        # allauth's field checks for "+<country code>…" before clean_phone runs, which would
        # refuse "0912 345 678", the way people here write their number: phone_normalize
        # (through clean_phone) decides instead.
        kwargs.setdefault("validators", [])
        kwargs.setdefault("label", PHONE_LABEL)
        field = PhoneField(**kwargs)
        field.widget.attrs.update({"placeholder": PHONE_PLACEHOLDER, "inputmode": "tel"})
        return field

    def clean_phone(self, phone: str) -> str:
        return phone_normalize(phone)

    def set_phone(self, user, phone: str, verified: bool) -> None:
        user.phone = phone
        user.phone_verified = verified
        if user.pk:
            user.save(update_fields=["phone", "phone_verified"])

    def get_phone(self, user) -> tuple[str, bool] | None:
        if not user.phone:
            return None
        return user.phone, user.phone_verified

    def set_phone_verified(self, user, phone: str) -> None:
        if user.phone == phone and not user.phone_verified:
            user.phone_verified = True
            user.save(update_fields=["phone_verified"])

    def get_user_by_phone(self, phone: str):
        """The account this number signs in to: one whose number was verified by a code, or one
        without an e-mail address (its phone is its only way in, verified at the next sign-in).
        A number someone typed on their profile beside their e-mail, never confirmed, signs in
        nobody: a typo there would otherwise let the number's real owner in by code."""
        phone = phone_lookup(phone)
        if phone is None:
            return None
        return (User.objects.filter(phone=phone, closed_at__isnull=True)
                .filter(Q(phone_verified=True) | Q(email__isnull=True)).first())

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # allauth keys failed logins on the e-mail or username only: every phone number would
        # share one counter, so a few wrong passwords on any number would lock all of them out,
        # and none would be limited on its own.
        if credentials.get("phone"):
            return f"{get_current_site(request).domain}:{credentials['phone']}"
        return super()._get_login_attempts_cache_key(request, **credentials)

    def send_verification_code_sms(self, user, phone: str, code: str, **kwargs) -> None:
        self._queue_sms(phone, gettext(
            "Cooperative Academy: your code is %(code)s. Do not share it with anyone."
        ) % {"code": code})

    def send_unknown_account_sms(self, phone: str, **kwargs) -> None:
        self._queue_sms(phone, gettext(
            "Cooperative Academy: someone asked for a sign-in code for this number, but no "
            "account uses it. To create one: %(url)s"
        ) % {"url": settings.SITE_URL + reverse("account_signup")})

    def send_account_already_exists_sms(self, phone: str) -> None:
        self._queue_sms(phone, gettext(
            "Cooperative Academy: someone tried to create an account with this number, which "
            "already has one. To sign in: %(url)s. If it was not you, ignore this message."
        ) % {"url": settings.SITE_URL + reverse("account_login")})

    def _queue_sms(self, phone: str, body: str) -> None:
        # Through the outbox, in the request's transaction, as e-mails are (send_mail): a known
        # and an unknown number do the same work, no text is lost when the gateway is down, and
        # none leaves for an account whose creation rolls back.
        enqueue(SEND_SMS, phone, body)

    def get_login_stages(self) -> list[str]:
        # An account is verified through the way it signs in: the e-mail when it has one, else
        # the phone (lms/accounts/stages.py).
        ours = {
            "allauth.account.stages.EmailVerificationStage":
                "lms.accounts.stages.EmailVerificationStage",
            "allauth.account.stages.PhoneVerificationStage":
                "lms.accounts.stages.PhoneVerificationStage",
        }
        return [ours.get(path, path) for path in super().get_login_stages()]
