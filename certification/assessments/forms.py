"""Forms of the guided self-assessment: starting one and its yes/no profile. The answers of a
section are read field by field in the view, since only the fields sent may be saved."""

from django import forms
from django.utils.translation import gettext_lazy as _

YES, NO = "yes", "no"


class AssessmentStartForm(forms.Form):
    standard = forms.ModelChoiceField(
        queryset=None, to_field_name="code", widget=forms.RadioSelect, label=_("Standard"),
        error_messages={"required": _("Choose the standard to assess against."),
                        "invalid_choice": _("This standard cannot be assessed against yet; "
                                            "choose another one.")})
    cooperative = forms.ModelChoiceField(
        queryset=None, label=_("Cooperative"),
        error_messages={"required": _("Choose the cooperative to assess."),
                        "invalid_choice": _("Choose one of the cooperatives you manage.")})

    def __init__(self, *args, standards, cooperatives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standard"].queryset = standards
        self.fields["cooperative"].queryset = cooperatives


class AssessmentProfileForm(forms.Form):
    """One yes/no question per profile question of the version, all required."""

    def __init__(self, *args, questions, profile: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            initial = None
            if profile is not None and question.tag in profile:
                initial = YES if profile[question.tag] else NO
            self.fields[self.field_name(question)] = forms.ChoiceField(
                label=question.question, help_text=question.help, initial=initial,
                choices=[(YES, _("Yes")), (NO, _("No"))], widget=forms.RadioSelect,
                error_messages={"required": _("Answer this question with yes or no.")})

    @staticmethod
    def field_name(question) -> str:
        return f"q-{question.tag}"

    def rows(self):
        """(question, bound field) pairs, for a template that shows each as a fieldset."""
        return [(question, self[self.field_name(question)]) for question in self.questions]

    def answers(self) -> dict[str, bool]:
        return {question.tag: self.cleaned_data[self.field_name(question)] == YES
                for question in self.questions}
