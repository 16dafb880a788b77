"""The manager's pages for adding members: the form, the list upload, the printable sheet of
codes, a new code from the member list; all refused to anyone but the cooperative's managers."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from lms.accounts.models import SignInCode, User
from lms.accounts.signin_codes import signin_code_redeem
from lms.cooperatives.models import Membership
from tests.factories import CooperativeFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def browser(user) -> Client:
    """A client as a browser: CSRF checks on, English pages, the token read from a page."""
    client = Client(enforce_csrf_checks=True)
    User.objects.filter(pk=user.pk).update(preferred_language="en")
    client.force_login(user)
    client.get(reverse("cooperatives:mine"))
    return client


def post(client, url, data):
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def add_url(cooperative):
    return reverse("cooperatives:members_add", args=[cooperative.pk])


def import_url(cooperative):
    return reverse("cooperatives:members_import", args=[cooperative.pk])


def test_the_cooperative_page_offers_adding_to_managers_only(client, cooperative, manager,
                                                             member):
    client.force_login(manager)
    assert add_url(cooperative) in client.get(
        reverse("cooperatives:detail", args=[cooperative.pk])).text
    client.force_login(member)
    assert add_url(cooperative) not in client.get(
        reverse("cooperatives:detail", args=[cooperative.pk])).text


def test_adding_a_phone_only_member_shows_the_sheet_with_a_working_code(cooperative, manager):
    client = browser(manager)
    response = post(client, add_url(cooperative),
                    {"full_name": "Hà Thị Mai", "contact": "0987 654 321", "role": "member"})

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    page = response.text
    assert "Hà Thị Mai" in page and "0987 654 321" in page
    code = page.split('data-code>', 1)[1].split("<", 1)[0]
    assert signin_code_redeem(contact="0987654321", code=code).full_name == "Hà Thị Mai"
    assert "<svg" in page  # the QR code
    assert code not in SignInCode.objects.get().code_hash


def test_the_qr_code_carries_the_contact_not_the_code(cooperative, manager):
    from lms.cooperatives import services
    from lms.cooperatives.sheets import sheet_cards

    added = services.member_add(cooperative=cooperative, by=manager, full_name="Mai",
                                contact="0987654321", role="member")
    [card] = sheet_cards([added])
    assert card.qr_url.endswith("/accounts/code/?contact=0987654321")
    assert added.code not in card.qr_url


def test_a_bad_contact_shows_the_form_again_with_the_error(cooperative, manager):
    response = post(browser(manager), add_url(cooperative),
                    {"full_name": "Hà Thị Mai", "contact": "123", "role": "member"})
    assert response.status_code == 400
    assert "The phone number is not valid" in response.text
    assert not User.objects.filter(full_name="Hà Thị Mai").exists()


def test_adding_without_csrf_token_changes_nothing(cooperative, manager):
    client = browser(manager)
    response = client.post(add_url(cooperative), {"full_name": "Hà Thị Mai",
                                                  "contact": "0987654321", "role": "member"})
    assert response.status_code == 403
    assert not User.objects.filter(full_name="Hà Thị Mai").exists()


@pytest.mark.parametrize("who", ["member", "other_manager", "officer"])
def test_others_cannot_add_nor_see_the_form(cooperative, member, officer, who):
    user = {"member": member, "officer": officer,
            "other_manager": MembershipFactory(cooperative=CooperativeFactory(),
                                               role="manager").user}[who]
    client = browser(user)
    assert client.get(add_url(cooperative)).status_code == 404
    response = post(client, add_url(cooperative),
                    {"full_name": "Kẻ lạ", "contact": "0987654321", "role": "manager"})
    assert response.status_code == 404
    upload = SimpleUploadedFile("ds.csv", "name,phone\nKẻ lạ,0987654321\n".encode())
    assert post(client, import_url(cooperative), {"file": upload}).status_code == 404
    assert not User.objects.filter(full_name="Kẻ lạ").exists()


def test_importing_a_good_list_shows_a_card_per_new_person(cooperative, manager):
    body = "Họ và tên;Số điện thoại;Vai trò\nAn;0912111222;thành viên\nBình;0912111333;\n"
    upload = SimpleUploadedFile("ds.csv", body.encode("utf-8-sig"), content_type="text/csv")
    response = post(browser(manager), import_url(cooperative), {"file": upload})
    assert response.status_code == 200
    assert response.text.count("data-code>") == 2
    assert Membership.objects.filter(cooperative=cooperative, status="active").count() == 3


def test_importing_a_bad_list_lists_the_rows_and_adds_nobody(cooperative, manager):
    body = "name,phone,role\nAn,0912111222,member\n,0912111333,\nCường,12,boss\n"
    upload = SimpleUploadedFile("ds.csv", body.encode(), content_type="text/csv")
    response = post(browser(manager), import_url(cooperative), {"file": upload})
    assert response.status_code == 400
    page = response.text
    assert "Row 3: The name is missing." in page
    assert "Row 4: The phone number is not valid" in page
    assert "Row 4: Unknown role “boss”" in page
    assert not User.objects.filter(phone="+84912111222").exists()


def test_the_template_downloads_as_csv(client, member):
    client.force_login(member)
    response = client.get(reverse("cooperatives:members_template"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]


def test_a_new_code_from_the_member_list(cooperative, manager):
    added_member = MembershipFactory(cooperative=cooperative, role="member",
                                     user__full_name="Đinh Văn Sáu")
    added_member.user.set_unusable_password()  # a sheet's account whose sheet was lost
    added_member.user.save()
    client = browser(manager)
    page = client.get(reverse("cooperatives:detail", args=[cooperative.pk])).text
    url = reverse("cooperatives:member_code", args=[added_member.pk])
    assert url in page
    response = post(client, url, {})
    assert response.status_code == 200
    code = response.text.split('data-code>', 1)[1].split("<", 1)[0]
    assert signin_code_redeem(contact=added_member.user.email, code=code) == added_member.user


def test_no_new_code_for_a_member_who_chose_a_password(cooperative, manager):
    """Else a manager could sign in as any member: someone with a password resets it."""
    with_password = MembershipFactory(cooperative=cooperative, role="member")
    page = browser(manager).get(reverse("cooperatives:detail", args=[cooperative.pk])).text
    url = reverse("cooperatives:member_code", args=[with_password.pk])
    assert url not in page
    assert post(browser(manager), url, {}).status_code in (403, 404)
    assert not SignInCode.objects.exists()


def test_a_new_code_is_refused_to_a_member(cooperative, member):
    other = MembershipFactory(cooperative=cooperative, role="member")
    url = reverse("cooperatives:member_code", args=[other.pk])
    assert post(browser(member), url, {}).status_code == 404
    assert not SignInCode.objects.exists()


def test_the_sheet_title_is_vietnamese_by_default(client, cooperative, manager):
    """Needs the lead's compiled catalogue (new msgid)."""
    client.force_login(manager)
    response = client.post(add_url(cooperative), {"full_name": "Hà Thị Mai",
                                                  "contact": "0987654321", "role": "member"})
    assert "Mã đăng nhập của bạn" in response.text
