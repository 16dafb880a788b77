"""Registering a cooperative, asking to join it and deciding the requests."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lms.cooperatives.models import Cooperative, Membership
from lms.cooperatives.services import cooperative_register, membership_decide, membership_request
from tests.factories import (
    CommuneFactory,
    CooperativeFactory,
    MembershipFactory,
    OfficerFactory,
    province,
)

pytestmark = pytest.mark.django_db


def register(user, **overrides):
    fields = {
        "name": "Hợp tác xã Vải thiều Thanh Hà",
        "registration_code": "24AB000001",
        "province": province("Bắc Ninh"),
        "sector": Cooperative.Sector.CROP,
    }
    fields.update(overrides)
    return cooperative_register(user=user, **fields)


# --- cooperative_register


def test_register_makes_the_registering_user_an_active_manager(learner):
    cooperative = register(learner)
    membership = Membership.objects.get(cooperative=cooperative)
    assert membership.user == learner
    assert membership.role == Membership.Role.MANAGER
    assert membership.status == Membership.Status.ACTIVE
    assert membership.decided_at is not None
    assert cooperative.created_by == learner


def test_register_refuses_a_registration_code_already_used_whatever_its_case(learner):
    CooperativeFactory(registration_code="24AB000001")
    with pytest.raises(ValidationError) as error:
        register(learner, registration_code="24ab000001")
    assert "registration_code" in error.value.message_dict
    assert Cooperative.objects.count() == 1
    assert not Membership.objects.filter(user=learner).exists()


def test_register_refuses_a_commune_of_another_province(learner):
    commune = CommuneFactory(province=province("Hưng Yên"))
    with pytest.raises(ValidationError) as error:
        register(learner, province=province("Bắc Ninh"), commune=commune)
    assert "commune" in error.value.message_dict
    assert not Cooperative.objects.exists()


def test_register_accepts_a_commune_of_the_chosen_province(learner):
    commune = CommuneFactory(province=province("Bắc Ninh"))
    cooperative = register(learner, commune=commune)
    assert cooperative.commune == commune


# --- membership_request


def test_request_creates_a_pending_membership(learner, cooperative):
    membership = membership_request(user=learner, cooperative=cooperative)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING
    assert membership.role == Membership.Role.MEMBER
    assert (membership.user, membership.cooperative) == (learner, cooperative)


def test_requesting_twice_returns_the_same_request(learner, cooperative):
    first = membership_request(user=learner, cooperative=cooperative)
    second = membership_request(user=learner, cooperative=cooperative)
    assert first.pk == second.pk
    assert Membership.objects.filter(user=learner, cooperative=cooperative).count() == 1


def test_a_declined_request_can_be_made_again(learner, cooperative, manager):
    declined = MembershipFactory(
        user=learner, cooperative=cooperative, status=Membership.Status.DECLINED,
        decided_by=manager,
    )
    renewed = membership_request(user=learner, cooperative=cooperative)
    renewed.refresh_from_db()
    assert renewed.pk == declined.pk
    assert renewed.status == Membership.Status.PENDING
    assert renewed.decided_at is None
    assert renewed.decided_by is None


def test_requesting_as_an_active_member_leaves_the_membership_active(member, cooperative):
    membership = membership_request(user=member, cooperative=cooperative)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE


# --- membership_decide


@pytest.fixture
def pending(cooperative, learner):
    return MembershipFactory(user=learner, cooperative=cooperative, status="pending")


def test_the_manager_approves_a_request_with_a_role(manager, pending):
    membership_decide(manager=manager, membership=pending, approve=True, role="accountant")
    pending.refresh_from_db()
    assert pending.status == Membership.Status.ACTIVE
    assert pending.role == Membership.Role.ACCOUNTANT
    assert pending.decided_by == manager
    assert pending.decided_at is not None


def test_the_manager_declines_a_request(manager, pending):
    membership_decide(manager=manager, membership=pending, approve=False)
    pending.refresh_from_db()
    assert pending.status == Membership.Status.DECLINED
    assert pending.role == Membership.Role.MEMBER
    assert pending.decided_by == manager


@pytest.fixture(params=["member", "officer", "manager_elsewhere", "pending_manager"])
def not_a_manager(request, cooperative):
    if request.param == "member":
        return MembershipFactory(cooperative=cooperative, role="member").user
    if request.param == "officer":
        return OfficerFactory(provinces=[cooperative.province])
    if request.param == "pending_manager":
        return MembershipFactory(cooperative=cooperative, role="manager", status="pending").user
    return MembershipFactory(role="manager").user


def test_only_a_manager_of_the_cooperative_can_decide(not_a_manager, pending):
    with pytest.raises(PermissionDenied):
        membership_decide(manager=not_a_manager, membership=pending, approve=True)
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING
    assert pending.decided_by is None


def test_a_site_admin_who_does_not_manage_the_cooperative_cannot_decide(site_admin, pending):
    with pytest.raises(PermissionDenied):
        membership_decide(manager=site_admin, membership=pending, approve=True)


@pytest.mark.parametrize("first, second", [(True, False), (False, True)])
def test_deciding_an_already_decided_request_changes_nothing(manager, pending, first, second):
    membership_decide(manager=manager, membership=pending, approve=first, role="member")
    pending.refresh_from_db()
    before = (pending.status, pending.role, pending.decided_at, pending.decided_by_id)

    other_manager = MembershipFactory(cooperative=pending.cooperative, role="manager").user
    membership_decide(manager=other_manager, membership=pending, approve=second, role="accountant")
    pending.refresh_from_db()
    assert (pending.status, pending.role, pending.decided_at, pending.decided_by_id) == before


def test_deciding_with_an_unknown_role_is_refused(manager, pending):
    with pytest.raises(ValidationError):
        membership_decide(manager=manager, membership=pending, approve=True, role="president")
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING



@pytest.mark.parametrize("typed", ["2401 000 123", "2401.000.123", "２４０１０００１２３",
                                   "2401-000-123", " 2401000123\u00a0"])
def test_register_refuses_an_existing_code_however_it_is_spelled(learner, typed):
    CooperativeFactory(registration_code="2401000123")

    with pytest.raises(ValidationError) as error:
        register(learner, registration_code=typed)

    assert "registration_code" in error.value.message_dict
    assert Cooperative.objects.count() == 1
    assert not Membership.objects.filter(user=learner).exists()
