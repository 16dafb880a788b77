"""Wagtail's user admin, adapted to a User with one full name and a preferred language."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

PROFILE_FIELDS = {"full_name", "phone", "preferred_language"}
NAME_FIELDS = {"first_name", "last_name"}


class PlatformUserCreationForm(UserCreationForm):
    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("Full name"), max_length=150)

    class Meta(UserCreationForm.Meta):
        fields = (UserCreationForm.Meta.fields - NAME_FIELDS) | PROFILE_FIELDS


class PlatformUserEditForm(UserEditForm):
    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("Full name"), max_length=150)

    class Meta(UserEditForm.Meta):
        fields = (UserEditForm.Meta.fields - NAME_FIELDS) | PROFILE_FIELDS


class UserViewSet(WagtailUserViewSet):
    template_prefix = "accounts/wagtail_users/"

    def get_form_class(self, for_update=False):
        return PlatformUserEditForm if for_update else PlatformUserCreationForm
