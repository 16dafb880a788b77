"""The dashboards' filter form: its choices come from the user's scope, so a province outside
the scope is an invalid choice and is ignored (it can never widen what the user sees)."""

from django import forms
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lms.cooperatives.models import Cooperative
from lms.dashboards.selectors import COOPERATIVE_SORTS, Catalogue, Filters, Scope
from lms.text import vietnamese_sort_key

FILTER_FIELDS = ("date_from", "date_to", "province", "sector", "category", "course")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


def _attributes(attrs: dict) -> str:
    """As Django's widgets/attrs.html writes them: in their order, True as a bare name, False
    left out."""
    return mark_safe("".join(
        format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
        for name, value in attrs.items() if value is not False))


class Select(forms.Select):
    """Django's <select>, written here instead of through a template per option: the filter
    forms offer every course and province, and the templates cost more than the rest of the
    dashboard's page. Flat choices only (no groups), as the filters have."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = []
        for _group, group_options, _index in widget["optgroups"]:
            for option in group_options:
                options.append(format_html(
                    '<option value="{}"{}>{}</option>', option["value"],
                    _attributes(option["attrs"]), option["label"]))
        return format_html('<select name="{}"{}>\n{}\n</select>', widget["name"],
                           _attributes(widget["attrs"]), mark_safe("\n".join(options)))


def by_name(choice: tuple) -> tuple:
    return vietnamese_sort_key(str(choice[1]))


class DashboardFilterForm(forms.Form):
    date_from = forms.DateField(label=pgettext_lazy("range", "From"), required=False,
                                widget=DateInput())
    date_to = forms.DateField(label=pgettext_lazy("range", "To"), required=False,
                              widget=DateInput())
    province = forms.TypedChoiceField(label=_("Province"), required=False, coerce=int,
                                      empty_value=None, widget=Select)
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=Select)
    category = forms.ChoiceField(label=_("Course category"), required=False, widget=Select)
    course = forms.ChoiceField(label=_("Course"), required=False, widget=Select)

    def __init__(self, data=None, *, scope: Scope, names: Catalogue, **kwargs):
        super().__init__(data, **kwargs)
        everything = [("", _("All"))]
        self.fields["province"].choices = everything + sorted(
            scope.provinces.values_list("pk", "name"), key=by_name)
        self.fields["sector"].choices = everything + list(Cooperative.Sector.choices)
        self.fields["category"].choices = everything + sorted(
            names.categories.items(), key=by_name)
        self.fields["course"].choices = everything + sorted(
            names.courses.items(), key=by_name)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period comes before its start."))
        return cleaned

    def filters(self) -> Filters:
        """The filters from the fields that are valid; an invalid one is left out (and shown
        with its error), so a bad value never widens the scope."""
        if not self.is_bound:
            return Filters()
        self.is_valid()
        data = self.cleaned_data
        return Filters(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            province_id=data.get("province"),
            sector=data.get("sector") or "",
            category_key=data.get("category") or "",
            course_key=data.get("course") or "",
        )

    def active(self) -> list[tuple[str, str]]:
        """The filters in force, as (label, value shown) pairs, for the summary line."""
        if not self.is_bound:
            return []
        self.is_valid()
        shown = []
        for name in FILTER_FIELDS:
            value = self.cleaned_data.get(name)
            if not value:
                continue
            field = self.fields[name]
            if hasattr(field, "choices"):
                value = {str(k): v for k, v in field.choices}.get(str(value), value)
            else:
                value = date_format(value, "SHORT_DATE_FORMAT")
            shown.append((field.label, value))
        return shown


class CooperativeSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or registration code"), required=False, max_length=100)
    sort = forms.ChoiceField(label=pgettext_lazy("list", "Sort by"), required=False, choices=[
        ("name", _("Name")),
        ("learners", _("Most learners")),
        ("enrollments", _("Most enrollments")),
        ("completions", _("Most completions")),
        ("rate", _("Highest completion rate")),
        ("rate_low", _("Lowest completion rate")),
    ], widget=Select)

    def values(self) -> tuple[str, str]:
        if not self.is_valid():
            return "", "name"
        sort = self.cleaned_data.get("sort") or "name"
        return self.cleaned_data.get("q", "").strip(), sort if sort in COOPERATIVE_SORTS else "name"
