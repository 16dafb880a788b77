"""Forms of the action plan: a corrective action's owner, due date, status and closing note."""

from django import forms
from django.utils.translation import gettext_lazy

from certification.assessments.models import CorrectiveAction
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
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=gettext_lazy("Optional: a photo that shows the work done (JPEG, PNG or WebP)."))

    def __init__(self, *args, cooperative: Cooperative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(
            memberships__cooperative=cooperative,
            memberships__status=Membership.Status.ACTIVE).order_by("full_name", "email")
        self.fields["owner"].label_from_instance = lambda user: user.full_name or user.email
