"""Provinces and communes listed in Vietnamese alphabetical order wherever a person picks one:
the Đ provinces right after the C ones and before Gia Lai, not after Z."""

import re

import pytest
from django.urls import reverse

from lms.cooperatives.forms import CooperativeRegisterForm
from lms.dashboards import selectors as dashboard_selectors
from lms.dashboards.forms import DashboardFilterForm
from tests.factories import CommuneFactory, OfficerFactory, province

pytestmark = pytest.mark.django_db

AROUND_D = ["Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Đồng Nai",
            "Đồng Tháp", "Gia Lai", "Hà Nội"]


def around_d(names: list[str]) -> list[str]:
    start = names.index("Cà Mau")
    return names[start:start + len(AROUND_D)]


def options(page: str, name: str) -> list[str]:
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', page, re.DOTALL).group(0)
    return [label.strip() for value, label in
            re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select) if value]


def test_the_join_page_lists_the_provinces_in_vietnamese_order(client, learner):
    client.force_login(learner)
    names = options(client.get(reverse("cooperatives:join")).content.decode(), "province")

    assert len(names) == 34
    assert names[:2] == ["An Giang", "Bắc Ninh"]
    assert around_d(names) == AROUND_D
    assert names[-1] == "Vĩnh Long"


def test_the_register_form_lists_communes_by_province_then_name_in_vietnamese_order(db):
    for name in ("Xuân Hòa", "Đông Anh", "Ba Vì", "Dương Xá"):
        CommuneFactory(province=province("Hà Nội"), name=name)
    CommuneFactory(province=province("Đà Nẵng"), name="Ô Chợ Dừa")

    communes = [value.instance.name for value, label in
                CooperativeRegisterForm().fields["commune"].choices if value]

    assert communes == ["Ô Chợ Dừa", "Ba Vì", "Dương Xá", "Đông Anh", "Xuân Hòa"]


def test_the_dashboard_filter_lists_an_officers_provinces_in_vietnamese_order(db):
    officer = OfficerFactory(provinces=[province(name) for name in
                                        ("Gia Lai", "Đồng Nai", "Cần Thơ", "Điện Biên")])
    scope = dashboard_selectors.dashboard_scope(officer)
    form = DashboardFilterForm(None, scope=scope, names=dashboard_selectors.catalogue())

    assert [label for value, label in form.fields["province"].choices if value] == [
        "Cần Thơ", "Điện Biên", "Đồng Nai", "Gia Lai"]


def test_the_certificate_export_page_lists_the_provinces_in_vietnamese_order(client):
    officer = OfficerFactory(provinces=[province(name) for name in
                                        ("Gia Lai", "Đà Nẵng", "Cao Bằng", "Đắk Lắk")])
    client.force_login(officer)
    page = client.get(reverse("certification:exports")).content.decode()

    assert options(page, "province") == ["Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Gia Lai"]
