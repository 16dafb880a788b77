"""Wagtail's user admin, adapted to a User with one full name and a preferred language, whose
"Delete" closes the account (lms.accounts.services.account_close) instead of deleting the row:
certificates and assessments keep their holder and author, so the admin never meets the
PROTECT error, and the confirmation page says what goes and what stays."""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.bulk_actions.delete import DeleteBulkAction
from wagtail.users.views.users import DeleteView as WagtailDeleteView
from wagtail.users.views.users import IndexView as WagtailIndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from lms.accounts.closing import account_close, account_close_blockers
from lms.accounts.phones import phone_normalize

# The e-mail, or the phone of someone without one.
CONTACT_COLUMN = pgettext_lazy("contact column", "Email or phone")

PROFILE_FIELDS = {"full_name", "phone", "preferred_language"}
NAME_FIELDS = {"first_name", "last_name"}


class ContactFields:
    """An e-mail address or a phone number, at least one (Wagtail requires the e-mail, the
    username here); the phone stored in its one canonical form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = False

    def clean_email(self):
        return self.cleaned_data.get("email") or None

    def clean_phone(self):
        raw = (self.cleaned_data.get("phone") or "").strip()
        return phone_normalize(raw) if raw else None

    def clean(self):
        cleaned_data = super().clean()
        if not self.has_error("email") and not self.has_error("phone") and not (
                cleaned_data.get("email") or cleaned_data.get("phone")):
            self.add_error("email", _("Enter an e-mail address or a phone number."))
        return cleaned_data


class PlatformUserCreationForm(ContactFields, UserCreationForm):
    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("Full name"), max_length=150)

    class Meta(UserCreationForm.Meta):
        fields = (UserCreationForm.Meta.fields - NAME_FIELDS) | PROFILE_FIELDS


class PlatformUserEditForm(ContactFields, UserEditForm):
    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("Full name"), max_length=150)

    class Meta(UserEditForm.Meta):
        fields = (UserEditForm.Meta.fields - NAME_FIELDS) | PROFILE_FIELDS


class UserIndexView(WagtailIndexView):
    """Wagtail's list shows and searches the username (here the e-mail): a member without
    e-mail showed an empty line and could not be found. Here the contact column shows the
    e-mail or the phone, and the search looks in the name, the e-mail and the phone."""

    @cached_property
    def search_fields(self):
        return {"full_name", "email", "phone"}

    @cached_property
    def columns(self):
        return [
            Column("contact", accessor="contact", label=CONTACT_COLUMN, sort_key="email",
                   classname="username", width="20%")
            if column.name == self.model.USERNAME_FIELD else column
            for column in super().columns
        ]


class AccountCloseView(WagtailDeleteView):
    """The admin's "Delete user": closes the account. What would stop the person closing it
    themselves (the last manager of a cooperative) is shown as a warning; the admin decides."""

    page_title = _("Close account")
    success_message = _("The account has been closed: its personal data is deleted and what "
                        "the person did for their cooperative is kept as by a former member.")

    @property
    def confirmation_message(self):
        return _("Close this account? This cannot be undone.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["blockers"] = account_close_blockers(user=self.object)
        return context

    def delete_action(self):
        account_close(self.object, by=self.request.user)


class AccountCloseBulkAction(DeleteBulkAction):
    """The users listing's bulk "Delete": closes each account, as AccountCloseView does."""

    template_name = "accounts/wagtail_users/confirm_bulk_close.html"

    def get_execution_context(self):
        return {**super().get_execution_context(), "by": self.request.user}

    @classmethod
    def execute_action(cls, objects, by=None, **kwargs):
        closed = sum(1 for user in objects if account_close(user, by=by))
        return closed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d account has been closed.",
                        "%(count)d accounts have been closed.",
                        num_parent_objects) % {"count": num_parent_objects}


class UserViewSet(WagtailUserViewSet):
    template_prefix = "accounts/wagtail_users/"
    index_view_class = UserIndexView
    delete_view_class = AccountCloseView

    def get_form_class(self, for_update=False):
        return PlatformUserEditForm if for_update else PlatformUserCreationForm
