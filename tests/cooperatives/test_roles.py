"""A manager changes an active member's role from the cooperative's page: how a manager hands
over. Only a manager of that cooperative may; the last manager cannot step down; nothing
changes without a CSRF token."""

import pytest
from django.test import Client
from django.urls import reverse

from lms.cooperatives.models import Membership
from tests.factories import CooperativeFactory, MembershipFactory, OfficerFactory

pytestmark = pytest.mark.django_db


def role_url(membership) -> str:
    return reverse("cooperatives:membership_role", args=[membership.pk])


def post_with_token(user, url, data) -> tuple[Client, object]:
    """A POST as a browser makes it: CSRF checks on, the token read from the cooperative page."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(reverse("cooperatives:mine"))
    token = client.cookies["csrftoken"].value
    return client, client.post(url, {**data, "csrfmiddlewaretoken": token}, follow=True)


@pytest.fixture
def colleague(cooperative):
    return MembershipFactory(cooperative=cooperative, role="member",
                             user__full_name="Trần Văn Minh")


def test_the_manager_makes_a_member_a_manager_and_reads_it_on_the_page(
        cooperative, manager, colleague):
    _, response = post_with_token(manager, role_url(colleague), {"role": "manager"})

    colleague.refresh_from_db()
    assert (colleague.role, colleague.decided_by) == ("manager", manager)
    page = response.content.decode()
    assert "Trần Văn Minh giờ là: Quản lý." in page
    assert response.redirect_chain[-1][0] == reverse("cooperatives:detail",
                                                     args=[cooperative.pk])


def test_the_last_manager_cannot_step_down_and_is_told_why(cooperative, manager, colleague):
    own = Membership.objects.get(user=manager, cooperative=cooperative)

    _, response = post_with_token(manager, role_url(own), {"role": "member"})

    own.refresh_from_db()
    assert own.role == "manager"
    assert "Hợp tác xã cần có người quản lý" in response.content.decode()


def test_with_a_second_manager_the_first_may_step_down(cooperative, manager, colleague):
    colleague.role = "manager"
    colleague.save()
    own = Membership.objects.get(user=manager, cooperative=cooperative)

    post_with_token(manager, role_url(own), {"role": "accountant"})

    own.refresh_from_db()
    assert own.role == "accountant"


@pytest.mark.parametrize("who", ["member", "other_manager", "officer", "pending"])
def test_only_a_manager_of_that_cooperative_changes_roles(cooperative, manager, colleague, who):
    other = CooperativeFactory(province=cooperative.province)
    user = {
        "member": lambda: MembershipFactory(cooperative=cooperative, role="member").user,
        "other_manager": lambda: MembershipFactory(cooperative=other, role="manager").user,
        "officer": lambda: OfficerFactory(provinces=[cooperative.province]),
        "pending": lambda: MembershipFactory(cooperative=cooperative, role="manager",
                                             status="pending").user,
    }[who]()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(reverse("cooperatives:mine"))

    response = client.post(role_url(colleague), {
        "role": "manager", "csrfmiddlewaretoken": client.cookies["csrftoken"].value})

    assert response.status_code == 404
    colleague.refresh_from_db()
    assert colleague.role == "member"


def test_without_a_csrf_token_nothing_changes(manager, colleague):
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)

    response = client.post(role_url(colleague), {"role": "manager"})

    assert response.status_code == 403
    colleague.refresh_from_db()
    assert colleague.role == "member"


def test_a_pending_request_or_an_unknown_role_is_refused(cooperative, manager, colleague):
    pending = MembershipFactory(cooperative=cooperative, status="pending")
    _, response = post_with_token(manager, role_url(pending), {"role": "manager"})
    pending.refresh_from_db()
    assert pending.role == "member" and pending.status == "pending"

    _, response = post_with_token(manager, role_url(colleague), {"role": "owner"})
    colleague.refresh_from_db()
    assert colleague.role == "member"
    assert "Vui lòng chọn một vai trò hợp lệ" in response.content.decode()


def test_only_managers_see_the_role_forms(client, cooperative, manager, colleague):
    client.force_login(colleague.user)
    assert role_url(colleague) not in client.get(
        reverse("cooperatives:detail", args=[cooperative.pk])).content.decode()
    client.force_login(manager)
    assert role_url(colleague) in client.get(
        reverse("cooperatives:detail", args=[cooperative.pk])).content.decode()
