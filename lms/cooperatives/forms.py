"""Forms of the cooperatives app."""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lms.cooperatives.models import (
    Commune,
    Cooperative,
    Membership,
    Province,
    registration_code_key,
)
from lms.text import vietnamese_sort_key


class VietnameseOrderIterator(ModelChoiceIterator):
    """The choices of a model choice field in Vietnamese alphabetical order of their names
    (the lists are small: the provinces, the communes), whatever the database's collation."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        names = self.field.sort_names
        for obj in sorted(self.queryset, key=lambda obj: tuple(
                vietnamese_sort_key(name) for name in names(obj))):
            yield self.choice(obj)


def in_vietnamese_order(field: forms.ModelChoiceField, *, names=lambda obj: (obj.name,)):
    """`field` listing its choices in Vietnamese order of `names(obj)`: a tuple of names,
    compared in turn."""
    field.iterator = VietnameseOrderIterator
    field.sort_names = names
    return field


class CooperativeRegisterForm(forms.ModelForm):
    class Meta:
        model = Cooperative
        fields = ["name", "registration_code", "province", "commune", "sector", "member_count",
                  "founded"]
        widgets = {
            "founded": forms.DateInput(attrs={"type": "date"}),
            "member_count": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = Province.objects.all()
        in_vietnamese_order(self.fields["province"])
        self.fields["province"].empty_label = _("Choose a province or city")
        self.fields["commune"].queryset = Commune.objects.select_related("province")
        in_vietnamese_order(self.fields["commune"],
                            names=lambda commune: (commune.province.name, commune.name))
        self.fields["commune"].empty_label = _("Not listed / choose later")
        self.fields["name"].label = _("Name of the cooperative")
        self.fields["name"].widget.attrs["placeholder"] = _("e.g. Hợp tác xã Nông nghiệp Thanh Hà")
        self.fields["sector"].choices = [("", _("Choose a sector")), *Cooperative.Sector.choices]

    def clean_registration_code(self):
        return registration_code_key(self.cleaned_data["registration_code"])

    def clean(self):
        cleaned = super().clean()
        province, commune = cleaned.get("province"), cleaned.get("commune")
        if province and commune and commune.province_id != province.pk:
            self.add_error("commune", _("This commune is not in the chosen province."))
        return cleaned


class CooperativeSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name or registration code"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Search cooperatives")}),
    )
    province = in_vietnamese_order(forms.ModelChoiceField(
        label=_("Province or city"),
        queryset=Province.objects.all(),
        required=False,
        empty_label=_("All provinces and cities"),
    ))


class MembershipDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", pgettext_lazy("membership request", "Approve")),
                 ("decline", _("Decline"))],
        widget=forms.HiddenInput,
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER
    )


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class MemberAddForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150,
                                widget=forms.TextInput(attrs={"autocomplete": "off"}))
    contact = forms.CharField(
        label=_("Phone number or e-mail"), max_length=254,
        help_text=_("A member without e-mail signs in with the phone number and the code you "
                    "print."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "0912 345 678"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices,
                             initial=Membership.Role.MEMBER)


class MemberListForm(forms.Form):
    file = forms.FileField(
        label=_("Member list (CSV or Excel)"),
        help_text=_("Columns: Họ và tên, Số điện thoại, Email, Vai trò (thành viên, quản lý or "
                    "kế toán). At most 1000 people and 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
