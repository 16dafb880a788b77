"""The cooperatives in the Wagtail admin: site admins see all, union officers their scope."""

import pytest
from django.urls import reverse

from lms.cooperatives.models import Commune, Cooperative, Membership, Province
from tests.factories import (
    CooperativeFactory,
    MembershipFactory,
    OfficerFactory,
    TrainerFactory,
    UserFactory,
    province,
)

pytestmark = pytest.mark.django_db

COOPERATIVES = "wagtailsnippets_cooperatives_cooperative"
MEMBERSHIPS = "wagtailsnippets_cooperatives_membership"

@pytest.fixture
def bac_ninh():
    return CooperativeFactory(name="Hợp tác xã Vải thiều Phượng Sơn", province=province("Bắc Ninh"))


@pytest.fixture
def dong_thap():
    return CooperativeFactory(name="Hợp tác xã Xoài Cao Lãnh", province=province("Đồng Tháp"))


@pytest.fixture
def bac_ninh_officer(client):
    officer = OfficerFactory(provinces=[province("Bắc Ninh")])
    client.force_login(officer)
    return officer


def listed(response):
    return {str(obj) for obj in response.context["object_list"]}


# --- the cooperatives list


def test_an_officer_lists_the_cooperatives_of_their_province_only(
    client, bac_ninh_officer, bac_ninh, dong_thap
):
    response = client.get(reverse(f"{COOPERATIVES}:list"))
    assert response.status_code == 200
    assert listed(response) == {bac_ninh.name}
    assert bac_ninh.name in response.text
    assert dong_thap.name not in response.text


def test_a_superuser_lists_every_cooperative(client, site_admin, bac_ninh, dong_thap):
    client.force_login(site_admin)
    response = client.get(reverse(f"{COOPERATIVES}:list"))
    assert response.status_code == 200
    assert listed(response) == {bac_ninh.name, dong_thap.name}


@pytest.mark.parametrize("make_user", [TrainerFactory, UserFactory], ids=["trainer", "learner"])
def test_trainers_and_learners_cannot_open_the_cooperatives_list(client, bac_ninh, make_user):
    client.force_login(make_user())
    response = client.get(reverse(f"{COOPERATIVES}:list"))
    assert response.status_code != 200
    assert response.status_code in (302, 403)
    assert bac_ninh.name not in response.text


def test_a_manager_cannot_open_the_cooperatives_list(client, manager, cooperative):
    client.force_login(manager)
    response = client.get(reverse(f"{COOPERATIVES}:list"))
    assert response.status_code in (302, 403)


# --- editing


def test_an_officer_opens_the_edit_page_of_a_cooperative_of_their_province(
    client, bac_ninh_officer, bac_ninh
):
    response = client.get(reverse(f"{COOPERATIVES}:edit", args=[bac_ninh.pk]))
    assert response.status_code == 200
    assert bac_ninh.registration_code in response.text


def test_the_edit_page_of_another_provinces_cooperative_answers_404_to_an_officer(
    client, bac_ninh_officer, dong_thap
):
    response = client.get(reverse(f"{COOPERATIVES}:edit", args=[dong_thap.pk]))
    assert response.status_code == 404


def test_an_officer_cannot_save_another_provinces_cooperative(client, bac_ninh_officer, dong_thap):
    response = client.post(
        reverse(f"{COOPERATIVES}:edit", args=[dong_thap.pk]),
        {"name": "Đã sửa", "registration_code": dong_thap.registration_code,
         "sector": "crop", "province": dong_thap.province_id, "member_count": "1"},
    )
    assert response.status_code == 404
    dong_thap.refresh_from_db()
    assert dong_thap.name == "Hợp tác xã Xoài Cao Lãnh"


def test_the_delete_page_of_another_provinces_cooperative_answers_404_to_an_officer(
    client, bac_ninh_officer, dong_thap
):
    response = client.get(reverse(f"{COOPERATIVES}:delete", args=[dong_thap.pk]))
    assert response.status_code in (403, 404)


def test_a_superuser_opens_the_edit_page_of_any_cooperative(client, site_admin, dong_thap):
    client.force_login(site_admin)
    response = client.get(reverse(f"{COOPERATIVES}:edit", args=[dong_thap.pk]))
    assert response.status_code == 200


# --- creating


def offered_provinces(response):
    return set(response.context["form"].fields["province"].queryset.values_list("name", flat=True))


def test_an_officers_create_form_offers_only_the_provinces_of_their_scope(client, dong_thap):
    officer = OfficerFactory(provinces=[province("Bắc Ninh"), province("Hưng Yên")])
    CooperativeFactory(province=province("Bắc Ninh"))
    CooperativeFactory(province=province("Hưng Yên"))
    client.force_login(officer)
    response = client.get(reverse(f"{COOPERATIVES}:add"))
    assert response.status_code == 200
    assert offered_provinces(response) == {"Bắc Ninh", "Hưng Yên"}


def test_an_officers_create_form_offers_a_province_of_their_scope_with_no_cooperative_yet(
    client,
):
    officer = OfficerFactory(provinces=[province("Bắc Ninh"), province("Hưng Yên")])
    CooperativeFactory(province=province("Bắc Ninh"))
    client.force_login(officer)
    response = client.get(reverse(f"{COOPERATIVES}:add"))
    assert offered_provinces(response) == {"Bắc Ninh", "Hưng Yên"}


def test_a_superusers_create_form_offers_every_province(client, site_admin):
    client.force_login(site_admin)
    response = client.get(reverse(f"{COOPERATIVES}:add"))
    assert response.status_code == 200
    assert len(offered_provinces(response)) == Province.objects.count() == 34


# --- the memberships list


def test_an_officer_lists_the_memberships_of_their_province_only(
    client, bac_ninh_officer, bac_ninh, dong_thap
):
    inside = MembershipFactory(cooperative=bac_ninh, user__full_name="Trần Văn Minh")
    MembershipFactory(cooperative=dong_thap, user__full_name="Lê Thị Thu Hà")
    response = client.get(reverse(f"{MEMBERSHIPS}:list"))
    assert response.status_code == 200
    assert [m.pk for m in response.context["object_list"]] == [inside.pk]
    assert "Trần Văn Minh" in response.text
    assert "Lê Thị Thu Hà" not in response.text


def test_a_superuser_lists_every_membership(client, site_admin, bac_ninh, dong_thap):
    memberships = {MembershipFactory(cooperative=bac_ninh).pk,
                   MembershipFactory(cooperative=dong_thap).pk}
    client.force_login(site_admin)
    response = client.get(reverse(f"{MEMBERSHIPS}:list"))
    assert {m.pk for m in response.context["object_list"]} == memberships


def test_the_edit_page_of_another_provinces_membership_answers_404_to_an_officer(
    client, bac_ninh_officer, bac_ninh, dong_thap
):
    own = MembershipFactory(cooperative=bac_ninh)
    other = MembershipFactory(cooperative=dong_thap)
    assert client.get(reverse(f"{MEMBERSHIPS}:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse(f"{MEMBERSHIPS}:edit", args=[other.pk])).status_code == 404


def test_an_officers_membership_form_offers_only_the_cooperatives_of_their_scope(
    bac_ninh, dong_thap
):
    officer = OfficerFactory(provinces=[province("Bắc Ninh")])
    membership = MembershipFactory(cooperative=bac_ninh)
    form_class = Membership.snippet_viewset.get_edit_handler().get_form_class()
    form = form_class(instance=membership, for_user=officer)
    assert list(form.fields["cooperative"].queryset) == [bac_ninh]


# --- officers decide requests, never take roles -------------------------------------------------


def post_membership(client, membership, **changes):
    data = {"user": membership.user_id, "cooperative": membership.cooperative_id,
            "role": membership.role, "status": membership.status, **changes}
    return client.post(reverse(f"{MEMBERSHIPS}:edit", args=[membership.pk]), data)


def test_an_officer_approves_a_request_but_cannot_turn_it_into_his_own_managership(
        client, bac_ninh_officer, bac_ninh):
    request = MembershipFactory(cooperative=bac_ninh, role="member", status="pending")
    asker = request.user

    post_membership(client, request, user=bac_ninh_officer.pk, role="manager", status="active")

    request.refresh_from_db()
    assert (request.user, request.role, request.status) == (asker, "member", "active")
    assert not Membership.objects.filter(user=bac_ninh_officer).exists()


def test_an_officer_cannot_undo_a_decided_membership_or_decide_his_own(client, bac_ninh_officer,
                                                                        bac_ninh):
    manager = MembershipFactory(cooperative=bac_ninh, role="manager", status="active")
    own = MembershipFactory(cooperative=bac_ninh, user=bac_ninh_officer, status="pending")

    post_membership(client, manager, status="declined", role="member")
    post_membership(client, own, status="active")

    manager.refresh_from_db()
    own.refresh_from_db()
    assert (manager.role, manager.status) == ("manager", "active")
    assert own.status == "pending"


def test_an_officer_cannot_add_a_membership(client, bac_ninh_officer, bac_ninh):
    response = client.post(reverse(f"{MEMBERSHIPS}:add"), {
        "user": bac_ninh_officer.pk, "cooperative": bac_ninh.pk, "role": "manager",
        "status": "active"})

    assert response.status_code in (302, 403)
    assert not Membership.objects.filter(user=bac_ninh_officer).exists()


def test_a_site_admin_still_edits_every_field_of_a_membership(client, site_admin, bac_ninh):
    request = MembershipFactory(cooperative=bac_ninh, role="member", status="pending")
    client.force_login(site_admin)

    post_membership(client, request, role="manager", status="active")

    request.refresh_from_db()
    assert (request.role, request.status) == ("manager", "active")


def test_communes_are_read_only_to_officers_even_in_their_province(client, bac_ninh_officer):
    commune = Commune.objects.create(province=province("Bắc Ninh"), name="Phượng Sơn")
    address = reverse("wagtailsnippets_cooperatives_commune:edit", args=[commune.pk])

    response = client.post(address, {"name": "Đổi tên", "kind": commune.kind,
                                     "province": commune.province_id})
    added = client.post(reverse("wagtailsnippets_cooperatives_commune:add"),
                        {"name": "Xã mới", "kind": "commune", "province": commune.province_id})

    assert response.status_code in (302, 403) and added.status_code in (302, 403)
    commune.refresh_from_db()
    assert commune.name == "Phượng Sơn"
    assert not Commune.objects.filter(name="Xã mới").exists()


# --- choosers and drop-downs show only what the role may see ------------------------------------

CHOOSER = "wagtailsnippetchoosers_cooperatives_membership"


def test_a_trainer_finds_no_membership_in_the_chooser(client, bac_ninh, dong_thap):
    member = MembershipFactory(cooperative=bac_ninh, user__full_name="Hoàng Thị Lụa")
    client.force_login(TrainerFactory())

    listing = client.get(reverse(f"{CHOOSER}:choose"))
    results = client.get(reverse(f"{CHOOSER}:choose_results"))
    chosen = client.get(reverse(f"{CHOOSER}:chosen", args=[member.pk]))

    assert "Hoàng Thị Lụa" not in listing.content.decode()
    assert "Hoàng Thị Lụa" not in results.content.decode()
    assert chosen.status_code == 404


def test_an_officers_chooser_lists_the_memberships_of_their_province_only(
        client, bac_ninh_officer, bac_ninh, dong_thap):
    own = MembershipFactory(cooperative=bac_ninh, user__full_name="Hoàng Thị Lụa")
    other = MembershipFactory(cooperative=dong_thap, user__full_name="Trần Văn Sáu")

    page = client.get(reverse(f"{CHOOSER}:choose_results")).content.decode()

    assert "Hoàng Thị Lụa" in page and "Trần Văn Sáu" not in page
    assert client.get(reverse(f"{CHOOSER}:chosen", args=[own.pk])).status_code == 200
    assert client.get(reverse(f"{CHOOSER}:chosen", args=[other.pk])).status_code == 404


def test_an_officers_membership_form_does_not_list_every_account(client, bac_ninh_officer,
                                                                 bac_ninh):
    request = MembershipFactory(cooperative=bac_ninh, status="pending",
                                user__full_name="Hoàng Thị Lụa")
    UserFactory(full_name="Người Ngoài Cuộc")

    page = client.get(reverse(f"{MEMBERSHIPS}:edit", args=[request.pk])).content.decode()

    assert "Hoàng Thị Lụa" in page and "Người Ngoài Cuộc" not in page


def test_an_officer_adding_a_code_already_taken_in_another_spelling_gets_a_message(
        client, bac_ninh_officer, bac_ninh):
    response = client.post(reverse(f"{COOPERATIVES}:add"), {
        "name": "Bản sao", "registration_code": " ".join(bac_ninh.registration_code),
        "sector": "crop", "province": bac_ninh.province_id, "member_count": "1"})

    assert response.status_code == 200
    assert "registration_code" in response.context["form"].errors
    assert Cooperative.objects.filter(name="Bản sao").count() == 0
