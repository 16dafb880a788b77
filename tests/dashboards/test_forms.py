"""The filter form: choices from the scope, bad values left out with their error."""

import datetime
import re

import pytest
from django import forms

from lms.cooperatives.models import Cooperative
from lms.dashboards import selectors
from lms.dashboards.forms import DashboardFilterForm, Select
from tests.factories import province

pytestmark = pytest.mark.django_db


def form_for(user, data):
    scope = selectors.dashboard_scope(user)
    return DashboardFilterForm(data, scope=scope, names=selectors.catalogue())


def test_an_officer_chooses_among_the_provinces_of_their_scope(officer):
    form = form_for(officer, None)

    assert [label for value, label in form.fields["province"].choices][1:] == ["Bắc Ninh"]


def test_an_end_before_the_start_is_refused_and_the_start_kept(officer):
    form = form_for(officer, {"date_from": "2025-03-01", "date_to": "2025-02-01",
                              "sector": "nonsense"})

    filters = form.filters()

    assert "date_to" in form.errors and "sector" in form.errors
    assert (filters.date_from, filters.date_to, filters.sector) == (
        datetime.date(2025, 3, 1), None, "")


def test_a_province_outside_the_scope_is_left_out(officer):
    form = form_for(officer, {"province": str(province("Sơn La").pk), "sector": "crop"})

    filters = form.filters()

    assert filters.province_id is None and filters.sector == "crop"
    assert [value for label, value in form.active()] == [str(Cooperative.Sector.CROP.label)]


@pytest.mark.parametrize("value", ["", "a&b", "<b>", "missing"])
def test_the_python_select_writes_what_djangos_template_writes(value):
    """The filters' <select> is written in Python for speed: the same markup as Django's own
    widget (escaping, the selected option, boolean and other attributes), spaces aside."""
    choices = [("", "Tất cả"), ("a&b", "Cà phê & chè"), ("<b>", "<b>Đậm</b>"), (7, "Bảy")]
    attrs = {"id": "id_course", "aria-invalid": "true", "required": True, "disabled": False}

    ours = Select(choices=choices).render("course", value, attrs=attrs)
    djangos = forms.Select(choices=choices).render("course", value, attrs=attrs)

    def squeezed(html):
        return re.sub(r">\s+<", "><", str(html)).strip()

    assert squeezed(ours) == squeezed(djangos)
