"""Who oversees which cooperatives, which cooperatives a user can join, which requests a
manager decides."""

import pytest

from lms.cooperatives.models import OfficerScope
from lms.cooperatives.selectors import (
    cooperatives_overseen_by,
    cooperatives_to_join,
    membership_requests_for_manager,
)
from tests.factories import (
    CooperativeFactory,
    CooperativeUnionFactory,
    MembershipFactory,
    OfficerFactory,
    TrainerFactory,
    UserFactory,
    province,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def bac_ninh_union():
    return CooperativeUnionFactory(province=province("Bắc Ninh"))


@pytest.fixture
def cooperatives(bac_ninh_union):
    """One cooperative of the Bắc Ninh union in Bắc Ninh, one of the same union in Hưng Yên,
    one without union in Bắc Ninh and one without union in Đồng Tháp."""
    return {
        "bac_ninh_union": CooperativeFactory(province=province("Bắc Ninh"), union=bac_ninh_union),
        "hung_yen_union": CooperativeFactory(province=province("Hưng Yên"), union=bac_ninh_union),
        "bac_ninh": CooperativeFactory(province=province("Bắc Ninh")),
        "dong_thap": CooperativeFactory(province=province("Đồng Tháp")),
    }


def names(queryset):
    return set(queryset.values_list("name", flat=True))


def named(cooperatives, *keys):
    return {cooperatives[key].name for key in keys}


# --- cooperatives_overseen_by


def test_a_superuser_oversees_every_cooperative(cooperatives, site_admin):
    assert names(cooperatives_overseen_by(site_admin)) == named(cooperatives, *cooperatives)


def test_an_officer_with_a_province_scope_oversees_the_cooperatives_of_that_province(cooperatives):
    officer = OfficerFactory(provinces=[province("Bắc Ninh")])
    assert names(cooperatives_overseen_by(officer)) == named(
        cooperatives, "bac_ninh_union", "bac_ninh"
    )


def test_an_officer_with_two_provinces_oversees_both(cooperatives):
    officer = OfficerFactory(provinces=[province("Bắc Ninh"), province("Đồng Tháp")])
    assert names(cooperatives_overseen_by(officer)) == named(
        cooperatives, "bac_ninh_union", "bac_ninh", "dong_thap"
    )


def test_an_officer_with_a_union_scope_oversees_the_unions_cooperatives_in_any_province(
    cooperatives, bac_ninh_union
):
    officer = OfficerFactory()
    OfficerScope.objects.create(officer=officer, union=bac_ninh_union)
    assert names(cooperatives_overseen_by(officer)) == named(
        cooperatives, "bac_ninh_union", "hung_yen_union"
    )


def test_an_officer_with_no_scope_oversees_nothing(cooperatives):
    assert not cooperatives_overseen_by(OfficerFactory()).exists()


def test_a_scope_without_the_officers_group_oversees_nothing(cooperatives):
    user = UserFactory()
    OfficerScope.objects.create(officer=user, province=province("Bắc Ninh"))
    assert not cooperatives_overseen_by(user).exists()


@pytest.mark.parametrize("make_user", [UserFactory, TrainerFactory], ids=["learner", "trainer"])
def test_learners_and_trainers_oversee_nothing(cooperatives, make_user):
    user = make_user()
    MembershipFactory(user=user, cooperative=cooperatives["bac_ninh"], role="manager")
    assert not cooperatives_overseen_by(user).exists()


# --- cooperatives_to_join


@pytest.mark.parametrize("status", ["active", "pending", "declined"])
def test_to_join_excludes_the_cooperatives_the_user_belongs_to_whatever_the_status(
    cooperatives, learner, status
):
    MembershipFactory(user=learner, cooperative=cooperatives["bac_ninh"], status=status)
    found = names(cooperatives_to_join(user=learner))
    assert cooperatives["bac_ninh"].name not in found
    assert found == named(cooperatives, "bac_ninh_union", "hung_yen_union", "dong_thap")


def test_to_join_lists_each_cooperative_once_despite_other_users_memberships(cooperative):
    MembershipFactory.create_batch(3, cooperative=cooperative)
    result = list(cooperatives_to_join(user=UserFactory()))
    assert result == [cooperative]
    assert result[0].platform_members == 3


def test_to_join_searches_the_name_whatever_the_case_of_unaccented_letters(learner):
    wanted = CooperativeFactory(name="Hợp tác xã Vải thiều Phượng Sơn")
    CooperativeFactory(name="Hợp tác xã Chè Mộc Châu")
    assert list(cooperatives_to_join(query="vải THIềU", user=learner)) == [wanted]


def test_to_join_searches_the_name_whatever_the_case_of_vietnamese_letters(learner):
    wanted = CooperativeFactory(name="Hợp tác xã Xoài Đồng Tháp")
    CooperativeFactory(name="Hợp tác xã Chè Mộc Châu")
    assert list(cooperatives_to_join(query="xoài đồng tháp", user=learner)) == [wanted]


def test_to_join_finds_a_name_typed_without_accents(learner):
    wanted = CooperativeFactory(name="Hợp tác xã Xoài Đồng Tháp")
    CooperativeFactory(name="Hợp tác xã Chè Mộc Châu")
    assert list(cooperatives_to_join(query="xoai dong thap", user=learner)) == [wanted]


def test_to_join_finds_a_registration_code_exactly_whatever_the_case(learner):
    wanted = CooperativeFactory(registration_code="24AB000101")
    CooperativeFactory(registration_code="24AB0001019")
    assert list(cooperatives_to_join(query="24ab000101", user=learner)) == [wanted]


def test_to_join_does_not_match_part_of_a_registration_code(learner):
    CooperativeFactory(registration_code="24AB000101")
    assert not cooperatives_to_join(query="24AB", user=learner).exists()


def test_to_join_filters_by_province(cooperatives, learner):
    found = cooperatives_to_join(province_id=province("Hưng Yên").pk, user=learner)
    assert names(found) == named(cooperatives, "hung_yen_union")


# --- membership_requests_for_manager


def test_requests_for_manager_are_the_pending_requests_of_the_cooperatives_managed(manager,
                                                                                   cooperative):
    wanted = MembershipFactory(cooperative=cooperative, status="pending")
    MembershipFactory(cooperative=cooperative, status="active")
    MembershipFactory(cooperative=cooperative, status="declined")
    MembershipFactory(status="pending")  # another cooperative's
    assert list(membership_requests_for_manager(user=manager)) == [wanted]


def test_requests_for_manager_cover_every_cooperative_managed(manager):
    second = MembershipFactory(user=manager, role="manager").cooperative
    requests = [
        MembershipFactory(cooperative=manager.memberships.first().cooperative, status="pending"),
        MembershipFactory(cooperative=second, status="pending"),
    ]
    assert set(membership_requests_for_manager(user=manager)) == set(requests)


@pytest.mark.parametrize(
    "role, status", [("member", "active"), ("accountant", "active"), ("manager", "pending"),
                     ("manager", "declined")]
)
def test_requests_for_manager_are_none_for_a_user_who_does_not_manage(cooperative, role, status):
    user = MembershipFactory(cooperative=cooperative, role=role, status=status).user
    MembershipFactory(cooperative=cooperative, status="pending")
    assert not membership_requests_for_manager(user=user).exists()
