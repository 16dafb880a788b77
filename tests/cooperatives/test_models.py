"""The provinces loaded by the migrations and the constraints of the cooperatives models."""

import pytest
from django.db import IntegrityError, transaction

from lms.cooperatives.models import Membership, OfficerScope, Province
from tests.factories import (
    CooperativeUnionFactory,
    MembershipFactory,
    OfficerFactory,
    UserFactory,
    province,
)

CITIES = {"Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Cần Thơ"}

pytestmark = pytest.mark.django_db


def test_migration_loads_the_34_provinces():
    assert Province.objects.count() == 34


def test_migration_loads_the_6_centrally_run_cities():
    cities = Province.objects.filter(kind=Province.Kind.CITY)
    assert set(cities.values_list("name", flat=True)) == CITIES


def test_migration_loads_28_provinces_that_are_not_cities():
    assert Province.objects.filter(kind=Province.Kind.PROVINCE).count() == 28


def test_province_codes_are_unique_two_digit_codes():
    codes = list(Province.objects.values_list("code", flat=True))
    assert len(set(codes)) == len(codes) == 34
    assert all(len(code) == 2 and code.isdigit() for code in codes)


def test_officer_scope_refuses_both_a_province_and_a_union():
    officer = OfficerFactory()
    union = CooperativeUnionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficerScope.objects.create(officer=officer, province=province("Bắc Ninh"), union=union)
    assert not OfficerScope.objects.filter(officer=officer).exists()


def test_officer_scope_refuses_neither_a_province_nor_a_union():
    officer = OfficerFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficerScope.objects.create(officer=officer)
    assert not OfficerScope.objects.filter(officer=officer).exists()


def test_officer_scope_accepts_a_province_alone_or_a_union_alone():
    officer = OfficerFactory()
    OfficerScope.objects.create(officer=officer, province=province("Bắc Ninh"))
    OfficerScope.objects.create(officer=officer, union=CooperativeUnionFactory())
    assert OfficerScope.objects.filter(officer=officer).count() == 2


def test_membership_is_unique_per_user_and_cooperative():
    membership = MembershipFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=membership.user, cooperative=membership.cooperative, role="manager"
        )
    assert Membership.objects.filter(user=membership.user).count() == 1


def test_a_user_can_be_a_member_of_two_cooperatives():
    user = UserFactory()
    MembershipFactory(user=user)
    MembershipFactory(user=user)
    assert Membership.objects.filter(user=user).count() == 2
