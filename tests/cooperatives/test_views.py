"""The learners' and managers' pages: join, register, my cooperatives, a cooperative, deciding.

Pages are served in Vietnamese and the catalogue may not be compiled: the tests assert on data
(names, codes), on statuses and on the form's errors, never on translated text."""

import re

import pytest
from django.urls import reverse

from lms.cooperatives.models import Cooperative, Membership
from tests.factories import (
    CommuneFactory,
    CooperativeFactory,
    MembershipFactory,
    OfficerFactory,
    TrainerFactory,
    UserFactory,
    province,
)

pytestmark = pytest.mark.django_db


def field_block(html: str, name: str) -> str:
    """The HTML of the form field (label, input, help, errors) whose input is called `name`."""
    # A field's wrapper has the class "field" (and modifiers), unlike "field__help" inside it.
    for block in re.split(r'<div class="field(?=[" ])', html)[1:]:
        if f'name="{name}"' in block:
            return block
    raise AssertionError(f"no field named {name!r} in the page")


def login_url_for(url: str) -> str:
    return f"{reverse('account_login')}?next={url}"


# --- join


def test_join_page_lists_the_cooperatives_the_user_can_join(client, learner):
    listed = CooperativeFactory(name="Hợp tác xã Chè Mộc Châu")
    own = MembershipFactory(user=learner).cooperative
    client.force_login(learner)
    response = client.get(reverse("cooperatives:join"))
    assert response.status_code == 200
    assert listed.name in response.text
    assert own.name not in response.text


def test_join_page_searches_by_registration_code(client, learner):
    wanted = CooperativeFactory(registration_code="2401000101")
    other = CooperativeFactory(registration_code="2401000102")
    client.force_login(learner)
    response = client.get(reverse("cooperatives:join"), {"q": "2401000101"})
    assert wanted.name in response.text
    assert other.name not in response.text


def test_posting_to_join_creates_a_pending_request_and_redirects_to_mine(
    client, learner, cooperative
):
    client.force_login(learner)
    response = client.post(reverse("cooperatives:join"), {"cooperative": cooperative.pk})
    assert response.status_code == 302
    assert response.url == reverse("cooperatives:mine")
    membership = Membership.objects.get(user=learner, cooperative=cooperative)
    assert membership.status == Membership.Status.PENDING
    assert membership.role == Membership.Role.MEMBER


def test_posting_to_join_an_unknown_cooperative_answers_404(client, learner):
    client.force_login(learner)
    response = client.post(reverse("cooperatives:join"), {"cooperative": 999_999})
    assert response.status_code == 404
    assert not Membership.objects.filter(user=learner).exists()


def test_join_page_asks_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("cooperatives:join"))
    assert response.status_code == 302
    assert response.url == login_url_for(reverse("cooperatives:join"))


# --- register


def register_data(**overrides):
    data = {
        "name": "Hợp tác xã Vải thiều Thanh Hà",
        "registration_code": "2401009999",
        "province": province("Bắc Ninh").pk,
        "commune": "",
        "sector": Cooperative.Sector.CROP,
        "member_count": "42",
        "founded": "",
    }
    data.update(overrides)
    return data


def test_registering_creates_the_cooperative_and_redirects_to_its_page(client, learner):
    client.force_login(learner)
    response = client.post(reverse("cooperatives:register"), register_data())
    cooperative = Cooperative.objects.get(registration_code="2401009999")
    assert response.status_code == 302
    assert response.url == reverse("cooperatives:detail", args=[cooperative.pk])
    assert cooperative.name == "Hợp tác xã Vải thiều Thanh Hà"
    assert Membership.objects.get(cooperative=cooperative).is_manager


def test_registering_stores_the_registration_code_in_capitals(client, learner):
    client.force_login(learner)
    client.post(reverse("cooperatives:register"), register_data(registration_code=" 24ab00 "))
    assert Cooperative.objects.filter(registration_code="24AB00").exists()


def test_registering_without_a_sector_shows_the_error_by_the_field_and_keeps_the_values(
    client, learner
):
    client.force_login(learner)
    response = client.post(reverse("cooperatives:register"), register_data(sector=""))
    assert response.status_code == 200
    assert not Cooperative.objects.exists()
    assert list(response.context["form"].errors) == ["sector"]
    sector = field_block(response.text, "sector")
    assert sector.startswith(" field--error")
    assert 'class="field__error"' in sector
    assert 'aria-invalid="true"' in sector
    assert 'value="Hợp tác xã Vải thiều Thanh Hà"' in field_block(response.text, "name")
    assert 'value="2401009999"' in field_block(response.text, "registration_code")
    assert 'value="42"' in field_block(response.text, "member_count")


def test_registering_a_code_already_on_the_platform_shows_the_error_by_the_code(
    client, learner
):
    existing = CooperativeFactory(registration_code="2401009999")
    client.force_login(learner)
    response = client.post(reverse("cooperatives:register"), register_data())
    assert response.status_code == 200
    assert Cooperative.objects.get() == existing
    assert list(response.context["form"].errors) == ["registration_code"]
    code = field_block(response.text, "registration_code")
    assert code.startswith(" field--error")
    assert 'class="field__error"' in code
    assert 'aria-invalid="true"' in code
    assert 'value="Hợp tác xã Vải thiều Thanh Hà"' in field_block(response.text, "name")


def test_registering_a_code_stored_in_small_letters_is_refused_by_the_code(client, learner):
    # The service's case-insensitive check, past the form's exact uniqueness check.
    CooperativeFactory(registration_code="24ab009999")
    client.force_login(learner)
    response = client.post(
        reverse("cooperatives:register"), register_data(registration_code="24AB009999")
    )
    assert response.status_code == 200
    assert Cooperative.objects.count() == 1
    assert list(response.context["form"].errors) == ["registration_code"]
    assert 'class="field__error"' in field_block(response.text, "registration_code")
    assert 'value="Hợp tác xã Vải thiều Thanh Hà"' in field_block(response.text, "name")


def test_registering_with_a_commune_of_another_province_shows_the_error_by_the_commune(
    client, learner
):
    commune = CommuneFactory(province=province("Hưng Yên"))
    client.force_login(learner)
    response = client.post(reverse("cooperatives:register"), register_data(commune=commune.pk))
    assert response.status_code == 200
    assert not Cooperative.objects.exists()
    assert list(response.context["form"].errors) == ["commune"]
    assert 'class="field__error"' in field_block(response.text, "commune")


# --- my cooperatives


def test_mine_shows_a_manager_the_pending_requests(client, manager, cooperative):
    asking = MembershipFactory(
        cooperative=cooperative, status="pending", user__full_name="Lê Thị Thu Hà"
    )
    MembershipFactory(cooperative=cooperative, status="declined", user__full_name="Trần Văn Bảo")
    client.force_login(manager)
    response = client.get(reverse("cooperatives:mine"))
    assert response.status_code == 200
    assert response.context["requests_to_decide"] == [asking]
    assert "Lê Thị Thu Hà" in response.text
    assert reverse("cooperatives:membership_decide", args=[asking.pk]) in response.text
    assert "Trần Văn Bảo" not in response.text


def test_mine_shows_no_requests_to_a_plain_member(client, member, cooperative):
    asking = MembershipFactory(cooperative=cooperative, status="pending")
    client.force_login(member)
    response = client.get(reverse("cooperatives:mine"))
    assert response.context["requests_to_decide"] == []
    assert reverse("cooperatives:membership_decide", args=[asking.pk]) not in response.text


def test_mine_shows_the_users_pending_request(client, learner, cooperative):
    MembershipFactory(user=learner, cooperative=cooperative, status="pending")
    client.force_login(learner)
    response = client.get(reverse("cooperatives:mine"))
    assert cooperative.name in response.text


# --- deciding


@pytest.fixture
def pending(cooperative):
    return MembershipFactory(cooperative=cooperative, status="pending")


def decide_url(membership):
    return reverse("cooperatives:membership_decide", args=[membership.pk])


def test_the_manager_approves_a_request_with_the_chosen_role(client, manager, pending):
    client.force_login(manager)
    response = client.post(decide_url(pending), {"decision": "approve", "role": "accountant"})
    assert response.status_code == 302
    assert response.url == reverse("cooperatives:mine")
    pending.refresh_from_db()
    assert pending.status == Membership.Status.ACTIVE
    assert pending.role == Membership.Role.ACCOUNTANT
    assert pending.decided_by == manager


def test_the_manager_declines_a_request(client, manager, pending):
    client.force_login(manager)
    response = client.post(decide_url(pending), {"decision": "decline", "role": "member"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Membership.Status.DECLINED


def test_an_invalid_decision_changes_nothing(client, manager, pending):
    client.force_login(manager)
    response = client.post(decide_url(pending), {"decision": "approve", "role": "president"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING


def test_deciding_by_get_is_not_allowed(client, manager, pending):
    client.force_login(manager)
    response = client.get(decide_url(pending), {"decision": "approve", "role": "member"})
    assert response.status_code == 405
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING


def test_deciding_an_unknown_request_answers_404(client, manager):
    client.force_login(manager)
    response = client.post(
        reverse("cooperatives:membership_decide", args=[999_999]),
        {"decision": "approve", "role": "member"},
    )
    assert response.status_code == 404


# --- every role on every object URL

ROLES = [
    "anonymous",
    "learner",
    "pending_member",
    "member",
    "manager",
    "officer",
    "officer_elsewhere",
    "trainer",
    "site_admin",
]


@pytest.fixture
def as_role(client, cooperative):
    """Log the client in as `role` towards `cooperative`; return the user (None if anonymous)."""

    def log_in(role):
        users = {
            "anonymous": lambda: None,
            "learner": UserFactory,
            "pending_member": lambda: MembershipFactory(
                cooperative=cooperative, status="pending"
            ).user,
            "member": lambda: MembershipFactory(cooperative=cooperative).user,
            "manager": lambda: MembershipFactory(cooperative=cooperative, role="manager").user,
            "officer": lambda: OfficerFactory(provinces=[cooperative.province]),
            "officer_elsewhere": lambda: OfficerFactory(provinces=[province("Đồng Tháp")]),
            "trainer": TrainerFactory,
            "site_admin": lambda: UserFactory(is_superuser=True, is_staff=True),
        }
        user = users[role]()
        if user is not None:
            client.force_login(user)
        return user

    return log_in


DETAIL_STATUS = {
    "anonymous": 302,
    "learner": 404,
    "pending_member": 404,
    "member": 200,
    "manager": 200,
    "officer": 200,
    "officer_elsewhere": 404,
    "trainer": 404,
    "site_admin": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_see_a_cooperative(client, as_role, cooperative, role):
    assert cooperative.province == province("Bắc Ninh")
    as_role(role)
    url = reverse("cooperatives:detail", args=[cooperative.pk])
    response = client.get(url)
    assert response.status_code == DETAIL_STATUS[role]
    if role == "anonymous":
        assert response.url == login_url_for(url)
    if response.status_code == 200:
        assert cooperative.registration_code in response.text
    else:
        assert cooperative.registration_code not in response.text


def test_a_cooperatives_page_lists_its_active_members_only(client, manager, cooperative):
    MembershipFactory(cooperative=cooperative, user__full_name="Trần Văn Minh")
    MembershipFactory(cooperative=cooperative, status="pending", user__full_name="Lê Thị Thu Hà")
    client.force_login(manager)
    response = client.get(reverse("cooperatives:detail", args=[cooperative.pk]))
    assert "Trần Văn Minh" in response.text
    assert "Lê Thị Thu Hà" not in response.text


DECIDE_STATUS = dict.fromkeys(ROLES, 404) | {"anonymous": 302, "manager": 302}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_decide_a_request(client, as_role, pending, role):
    user = as_role(role)
    url = decide_url(pending)
    response = client.post(url, {"decision": "approve", "role": "manager"})
    assert response.status_code == DECIDE_STATUS[role]
    pending.refresh_from_db()
    if role == "manager":
        assert response.url == reverse("cooperatives:mine")
        assert (pending.status, pending.role, pending.decided_by) == ("active", "manager", user)
    else:
        if role == "anonymous":
            assert response.url == login_url_for(url)
        assert (pending.status, pending.role, pending.decided_by) == ("pending", "member", None)


# --- the number of queries does not grow with the data

# User (the session is in the cache since signing in), the user's memberships, the requests to
# decide, the user's and groups' permissions (the menu's back-office links, on a first page).
MINE_QUERIES = 5
# User, the paginator's count, the menu's two permission queries, the provinces of the search
# form, one page of cooperatives (with province, commune and members counted).
JOIN_QUERIES = 6


def make_managed_requests(manager, count):
    """`manager` manages `count` cooperatives, each with a commune and one pending request."""
    for _ in range(count):
        cooperative = CooperativeFactory(commune=CommuneFactory())
        MembershipFactory(user=manager, cooperative=cooperative, role="manager")
        MembershipFactory(cooperative=cooperative, status="pending")


@pytest.mark.parametrize("count", [3, 30])
def test_mine_page_queries_do_not_grow_with_requests(
    client, django_assert_num_queries, count
):
    manager = UserFactory()
    make_managed_requests(manager, count)
    client.force_login(manager)
    with django_assert_num_queries(MINE_QUERIES):
        response = client.get(reverse("cooperatives:mine"))
    assert len(response.context["requests_to_decide"]) == count
    assert len(response.context["memberships"]) == count


@pytest.mark.parametrize("count", [3, 30])
def test_join_page_queries_do_not_grow_with_cooperatives(
    client, learner, django_assert_num_queries, count
):
    for _ in range(count):
        cooperative = CooperativeFactory(commune=CommuneFactory())
        MembershipFactory(cooperative=cooperative)
    client.force_login(learner)
    with django_assert_num_queries(JOIN_QUERIES):
        response = client.get(reverse("cooperatives:join"))
    assert response.context["page"].paginator.count == count
    assert len(response.context["page"].object_list) == min(count, 20)
