"""The officer's certificate search finds a holder however the name is typed: without accents,
in capitals, or with them, as the cooperative search does."""

import pytest
from django.urls import reverse

from certification.certificates.selectors import certificates_managed_by
from tests.certification.conftest import issue
from tests.factories import CooperativeFactory, MembershipFactory, UserFactory, province

pytestmark = pytest.mark.django_db

ANH = "Đỗ Thị Lan Ánh"


@pytest.fixture
def anh(cooperative):
    return MembershipFactory(cooperative=cooperative, role="member",
                             user=UserFactory(full_name=ANH)).user


@pytest.fixture
def certificates(holder, anh, course):
    return {"Xuân": issue(holder, course), "Ánh": issue(anh, course)}


def holders_found(client, officer, query) -> list[str]:
    client.force_login(officer)
    page = client.get(reverse("certification:manage_list"), {"q": query}).content.decode()
    page = page[page.index("<main"):page.index("</main>")]
    return [name for name in ("Nguyễn Thị Hồng Xuân", ANH) if name in page]


@pytest.mark.parametrize("query", ["anh", "ANH", "Ánh", "DO THI", "đỗ thị lan", "do thi lan anh",
                                   "Lan A\u0301nh"])
def test_the_officer_finds_a_holder_with_or_without_accents(
        client, officer, certificates, query):
    assert holders_found(client, officer, query) == [ANH]


def test_a_name_that_differs_by_more_than_accents_is_not_found(client, officer, certificates):
    assert holders_found(client, officer, "Lan Anh Thu") == []
    assert holders_found(client, officer, "d.") == []  # typed as text, not as a pattern


def test_the_search_still_finds_a_certificate_by_its_code(officer, certificates):
    code = certificates["Ánh"].code_grouped

    assert list(certificates_managed_by(user=officer, query=code)) == [certificates["Ánh"]]


def test_the_search_stays_within_the_officers_scope(officer, certificates, course):
    elsewhere = CooperativeFactory(province=province("Sơn La"))
    outsider = MembershipFactory(cooperative=elsewhere, role="member",
                                 user=UserFactory(full_name="Đỗ Thị Lan Anh")).user
    issue(outsider, course)

    assert list(certificates_managed_by(user=officer, query="do thi lan")) == [
        certificates["Ánh"]]

