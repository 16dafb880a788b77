"""Forms after submission: a corrective action's owner, due date, status and closing note, and
what the OCOP self-assessment report (Mẫu 02) asks beyond the assessment."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy

from certification.assessments.models import CorrectiveAction, OcopSelfReport
from lms.accounts.models import User
from lms.cooperatives.models import Cooperative, Membership


class CorrectiveActionForm(forms.Form):
    owner = forms.ModelChoiceField(queryset=User.objects.none(), required=False,
                                   label=gettext_lazy("Who does it"),
                                   empty_label=gettext_lazy("Nobody yet"))
    due_date = forms.DateField(required=False, label=gettext_lazy("Due date"),
                               widget=forms.DateInput(attrs={"type": "date"},
                                                      format="%Y-%m-%d"),
                               input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    status = forms.ChoiceField(choices=CorrectiveAction.Status.choices,
                               label=gettext_lazy("Status"))
    closing_note = forms.CharField(
        required=False, label=gettext_lazy("What was done"), max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Needed to mark the action done: what was changed, by whom, "
                               "where the record is kept."))
    closing_photo = forms.FileField(
        required=False, label=gettext_lazy("Photo of the result"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*,.heic,.heif"}),
        help_text=gettext_lazy("Optional: a photo that shows the work done (JPEG, PNG, WebP or "
                               "HEIC)."))

    def __init__(self, *args, cooperative: Cooperative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(
            memberships__cooperative=cooperative,
            memberships__status=Membership.Status.ACTIVE).order_by("full_name", "email")
        self.fields["owner"].label_from_instance = lambda user: user.full_name or user.email


class AmountField(forms.CharField):
    """A sum in đồng, written as people write it: 1.200.000.000, 1 200 000 000 or 1200000000;
    a loss with a minus sign."""

    default_error_messages = {
        "invalid": gettext_lazy("Write the amount in đồng with digits only, for example "
                                "1.200.000.000 (a loss with a minus sign: -50.000.000)."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric",
                                                           "maxlength": 30}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return f"{value:,}".replace(",", ".")
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        compact = re.sub(r"[\s.,_]", "", value).replace("\u2212", "-")
        if not re.fullmatch(r"-?\d{1,16}", compact):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(compact)


class OcopSelfReportForm(forms.ModelForm):
    """Parts I, II and IV of Mẫu 02; part III comes from the assessment."""

    revenue = AmountField(label=gettext_lazy("Revenue in that year (VND)"))
    profit = AmountField(label=gettext_lazy("Profit in that year (VND)"))
    revenue_before = AmountField(label=gettext_lazy("Revenue the year before (VND)"))
    profit_before = AmountField(label=gettext_lazy("Profit the year before (VND)"))

    PARTS = (
        (gettext_lazy("Part I. General information"), (
            "product_name", "product_description", "organisation_type", "address", "phone",
            "email", "representative_name", "representative_gender",
            "representative_ethnicity", "representative_address", "founded",
            "registration_number")),
        (gettext_lazy("Papers the cooperative holds"), (
            "business_registration", "quality_declared", "food_safety_certificate",
            "production_certificate", "trademark_certificate", "collective_mark", "patent",
            "industrial_design", "copyright", "other_ip")),
        (gettext_lazy("History and organisation"), ("history", "organisation")),
        (gettext_lazy("Part II. Results of the production and business plan"), (
            "production", "quality_changes", "markets", "results_year", "revenue", "profit",
            "revenue_before", "profit_before")),
        (gettext_lazy("Part IV. Production and business plan"), ("plan",)),
    )

    class Meta:
        model = OcopSelfReport
        fields = ("product_name", "product_description", "organisation_type", "address",
                  "phone", "email", "representative_name", "representative_gender",
                  "representative_ethnicity", "representative_address", "founded",
                  "registration_number", "business_registration", "quality_declared",
                  "food_safety_certificate", "production_certificate", "trademark_certificate",
                  "collective_mark", "patent", "industrial_design", "copyright", "other_ip",
                  "history", "organisation", "production", "quality_changes", "markets",
                  "results_year", "revenue", "profit", "revenue_before", "profit_before",
                  "plan")
        widgets = {
            "founded": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "product_description": forms.Textarea(attrs={"rows": 3}),
            **{name: forms.Textarea(attrs={"rows": 4})
               for name in ("history", "organisation", "production", "quality_changes",
                            "markets", "plan")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["founded"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        self.fields["representative_gender"].choices = [
            ("", gettext_lazy("Not given")), *OcopSelfReport.Gender.choices]

    def clean_results_year(self):
        year = self.cleaned_data.get("results_year")
        this_year = timezone.localdate().year
        if year is not None and not 2000 <= year <= this_year:
            raise forms.ValidationError(
                gettext_lazy("Give a year between 2000 and %(year)s.") % {"year": this_year})
        return year

    def parts(self):
        """The form's fields in the report's parts, for the template."""
        return [(title, [self[name] for name in names]) for title, names in self.PARTS]
