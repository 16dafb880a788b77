"""Managers add members one by one or from a list (CSV or Excel): existing accounts join, new
ones get an account and a sign-in code; a list with one bad row adds nobody."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from openpyxl import Workbook

from lms.accounts.models import Notice, SignInCode, User
from lms.accounts.signin_codes import signin_code_redeem
from lms.cooperatives import services
from lms.cooperatives.member_lists import member_template_csv
from lms.cooperatives.models import Membership
from tests.factories import MembershipFactory, PhoneUserFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def add(cooperative, manager, **kwargs):
    data = {"full_name": "Hà Thị Mai", "contact": "0987 654 321", "role": "member", **kwargs}
    return services.member_add(cooperative=cooperative, by=manager, **data)


# --- one person ---------------------------------------------------------------------------


def test_a_new_person_gets_an_account_a_membership_and_a_working_code(cooperative, manager):
    added = add(cooperative, manager)

    user = User.objects.get(phone="+84987654321")
    assert added.created and added.user == user
    assert (user.full_name, user.email, user.preferred_language) == ("Hà Thị Mai", None, "vi")
    assert not user.has_usable_password()
    assert added.membership.status == Membership.Status.ACTIVE
    assert (added.membership.role, added.membership.decided_by) == ("member", manager)
    assert signin_code_redeem(contact="0987654321", code=added.code) == user


def test_a_new_person_by_email_has_the_address_unverified(cooperative, manager):
    added = add(cooperative, manager, contact="Mai.Ha@Example.vn", role="manager")
    assert added.user.email == "mai.ha@example.vn" and added.user.phone is None
    assert added.membership.role == "manager"
    assert EmailAddress.objects.get(user=added.user).verified is False


def test_an_existing_account_joins_without_a_code(cooperative, manager):
    person = PhoneUserFactory(phone="+84987654321", full_name="Tên của chính họ")
    added = add(cooperative, manager, full_name="Tên khác")
    assert not added.created and added.user == person and added.code is None
    assert not SignInCode.objects.filter(user=person).exists()
    person.refresh_from_db()
    assert person.full_name == "Tên của chính họ"


def test_a_pending_request_is_approved_by_adding(cooperative, manager):
    pending = MembershipFactory(cooperative=cooperative, status=Membership.Status.PENDING,
                                user=PhoneUserFactory(phone="+84987654321"))
    added = add(cooperative, manager, role="accountant")
    pending.refresh_from_db()
    assert added.membership == pending
    assert (pending.status, pending.role, pending.decided_by) == ("active", "accountant",
                                                                  manager)


def test_adding_someone_already_a_member_says_so(cooperative, manager, member):
    with pytest.raises(ValidationError) as error:
        add(cooperative, manager, contact=member.email)
    assert f"{member.full_name} is already a member of the cooperative." in error.value.messages


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"contact": "12345"}, "contact", "The phone number is not valid"),
    ({"contact": "mai@"}, "contact", "The e-mail address is not valid."),
    ({"contact": ""}, "contact", "Give a phone number or an e-mail address."),
    ({"full_name": "  "}, "full_name", "Write the person's full name."),
    ({"role": "chairman"}, "role", "Choose a valid role."),
])
def test_bad_input_is_refused_field_by_field(cooperative, manager, data, field, message):
    with pytest.raises(ValidationError) as error:
        add(cooperative, manager, **data)
    assert any(text.startswith(message) for text in error.value.message_dict[field])
    assert not User.objects.filter(full_name="Hà Thị Mai").exists()


def test_only_a_manager_of_the_cooperative_adds(cooperative, member):
    with pytest.raises(PermissionDenied):
        add(cooperative, member)
    assert not User.objects.filter(phone="+84987654321").exists()


def test_the_person_is_told_by_sms_after_commit(cooperative, manager, sms_outbox,
                                                 django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        added = add(cooperative, manager)
    notice = Notice.objects.get(user=added.user)
    assert notice.kind == Notice.Kind.MEMBER_ADDED
    assert notice.params == {"person": manager.display_name, "cooperative": cooperative.name}
    assert notice.url == "/accounts/code/?contact=0987654321"
    [message] = sms_outbox
    assert message.to == "+84987654321"
    assert cooperative.name in message.body and "/accounts/code/?contact=0987654321" in \
        message.body


# --- a list -------------------------------------------------------------------------------


def csv_bytes(text: str, *, bom=True) -> bytes:
    return text.encode("utf-8-sig" if bom else "utf-8")


def xlsx_bytes(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_csv_with_bom_and_semicolons_and_vietnamese_headers_imports_everyone(
        cooperative, manager):
    data = csv_bytes("Họ và tên;Số điện thoại;Email;Vai trò\n"
                     "Nguyễn Văn An;0912 111 222;;thành viên\n"
                     "\n"
                     "Trần Thị Bình;;binh@example.vn;Quản lý\n"
                     "Lê Văn Cường;+84 912 111 333;;\n")
    added = services.members_import(cooperative=cooperative, by=manager, data=data)

    assert [a.user.full_name for a in added] == ["Nguyễn Văn An", "Trần Thị Bình",
                                                 "Lê Văn Cường"]
    assert [a.membership.role for a in added] == ["member", "manager", "member"]
    assert all(a.code for a in added)
    assert User.objects.get(phone="+84912111333").full_name == "Lê Văn Cường"


def test_a_csv_with_english_headers_and_commas_without_bom(cooperative, manager):
    data = csv_bytes("name,phone,e-mail,role\nNguyễn Văn An,0912111222,,manager\n", bom=False)
    [added] = services.members_import(cooperative=cooperative, by=manager, data=data)
    assert (added.user.phone, added.membership.role) == ("+84912111222", "manager")


def test_an_excel_list_imports_with_phone_numbers_stored_as_numbers(cooperative, manager):
    data = xlsx_bytes([["Họ tên", "Số điện thoại", "E-mail", "Vai trò"],
                       ["Nguyễn Văn An", 912111222, None, "Thành viên"],
                       ["Trần Thị Bình", "0912 111 333", None, None]])
    added = services.members_import(cooperative=cooperative, by=manager, data=data,
                                    filename="ds.xlsx")
    assert [a.user.phone for a in added] == ["+84912111222", "+84912111333"]


def test_every_bad_row_is_reported_with_its_number_and_nobody_is_added(cooperative, manager,
                                                                       member):
    existing = PhoneUserFactory(phone="+84912999888")  # not a member: fine
    data = csv_bytes(
        "Họ và tên,Số điện thoại,Email,Vai trò\n"
        "Người tốt,0912 111 222,,thành viên\n"        # 2: fine
        ",0912 111 223,,\n"                          # 3: no name
        "Sai số,12345,,\n"                           # 4: bad phone
        "Sai thư,,khong-phai-thu,\n"                 # 5: bad e-mail
        "Không liên lạc,,,\n"                        # 6: neither
        "Vai lạ,0912 111 224,,chủ tịch\n"            # 7: unknown role
        "Lặp lại,0912.111.222,,\n"                   # 8: same as row 2
        f"Đã là thành viên,,{member.email},\n"       # 9: already a member
        f"Có tài khoản,{existing.phone},,\n"         # 10: fine
    )
    with pytest.raises(services.MemberListInvalid) as invalid:
        services.members_import(cooperative=cooperative, by=manager, data=data)

    errors = invalid.value.errors
    assert [number for number, _ in errors] == [3, 4, 5, 6, 7, 8, 9]
    messages = dict(errors)
    assert messages[3] == "The name is missing."
    assert messages[4].startswith("The phone number is not valid")
    assert messages[5] == "The e-mail address is not valid."
    assert messages[6] == "Give a phone number or an e-mail address."
    assert messages[7].startswith("Unknown role “chủ tịch”")
    assert messages[8] == "The same person as on row 2."
    assert messages[9] == f"{member.full_name} is already a member of the cooperative."
    assert not User.objects.filter(phone="+84912111222").exists()
    assert not Membership.objects.filter(user=existing).exists()
    assert not SignInCode.objects.exists()


def test_a_failure_while_adding_leaves_nothing_half_done(cooperative, manager, monkeypatch):
    calls = []
    real = services._member_join

    def fail_on_second(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("mất điện")
        return real(**kwargs)

    monkeypatch.setattr(services, "_member_join", fail_on_second)
    data = csv_bytes("name,phone\nAn,0912111222\nBình,0912111333\n")
    with pytest.raises(RuntimeError):
        services.members_import(cooperative=cooperative, by=manager, data=data)
    assert not User.objects.filter(phone="+84912111222").exists()


@pytest.mark.parametrize(("data", "message"), [
    (b"x" * (2 * 1024 * 1024 + 1), "The file is larger than 2 MB."),
    ("Họ và tên;Vai trò\nAn;thành viên\n".encode(), "“Số điện thoại” (phone) or “Email”"),
    ("Số điện thoại\n0912111222\n".encode(), "“Họ và tên” (name) is missing"),
    (b"name,phone\n", "The list has no one in it"),
    (b"T\xean,phone\nAn,0912111222\n", "This file is not in UTF-8."),  # Windows-1252
    (b"PK\x03\x04broken", "This file cannot be read."),
])
def test_file_problems_are_reported_for_the_file(cooperative, manager, data, message):
    with pytest.raises(services.MemberListInvalid) as invalid:
        services.members_import(cooperative=cooperative, by=manager, data=data)
    [(number, text)] = invalid.value.errors
    assert number is None and message in text


def test_more_than_a_thousand_rows_is_refused(cooperative, manager):
    rows = "".join(f"Người {n},09{n:08d}\n" for n in range(1001))
    with pytest.raises(services.MemberListInvalid) as invalid:
        services.members_import(cooperative=cooperative, by=manager,
                                data=("name,phone\n" + rows).encode())
    assert "more than 1000 people" in invalid.value.errors[0][1]


def test_the_template_has_the_vietnamese_headers_and_a_bom():
    data = member_template_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").strip() == "Họ và tên,Số điện thoại,Email,Vai trò"


# --- a new code ---------------------------------------------------------------------------


def test_a_new_code_replaces_the_earlier_one(cooperative, manager):
    added = add(cooperative, manager)
    renewed = services.member_code_renew(membership=added.membership, by=manager)
    assert signin_code_redeem(contact="0987654321", code=added.code) is None
    assert signin_code_redeem(contact="0987654321", code=renewed.code) == added.user


def test_no_new_code_for_a_fellow_manager_or_staff(cooperative, manager):
    other = MembershipFactory(cooperative=cooperative, role="manager")
    staff = MembershipFactory(cooperative=cooperative, role="member",
                              user=UserFactory(is_staff=True))
    for membership in (other, staff):
        with pytest.raises(PermissionDenied):
            services.member_code_renew(membership=membership, by=manager)
    assert not SignInCode.objects.exists()
