"""Closing an account (issue 13, finding 10): the Wagtail admin's "delete user" and the person's
own "Delete my account" both close the account through one service, which empties the person's
data and keeps what the cooperative and a certificate's holder still need. Also the person's
own data download. Pages are read in English (the language cookie) so the words can be checked."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.messages import get_messages
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from certification.assessments import services as assessment_services
from certification.certificates import services as certificate_services
from certification.models import (
    Answer,
    Certificate,
    ControlPoint,
    CorrectiveAction,
    ReadinessReport,
)
from certification.reports import services as report_services
from courses import services as course_services
from courses.models import Enrollment
from lms.accounts.closing import account_close
from lms.accounts.models import SentEmail, User
from lms.cooperatives.models import Membership, OfficerScope
from lms.exports.models import Export
from tests.factories import MembershipFactory, OfficerFactory, UserFactory
from tests.factories.accounts import PASSWORD
from tests.factories.checklists import assessment_for, version_from_dict, vietgap_dict
from tests.factories.courses import RIGHT_ANSWERS, lessons_of, make_course, quiz_of

pytestmark = pytest.mark.django_db

HOLDER = "Trần Thị Minh Khai"
JUSTIFICATION = "Sổ ghi chép phun thuốc của tổ trưởng Khai"


def english(client, *users):
    """English pages: the cookie for a visitor, the account's language for the signed-in."""
    client.cookies["lms_language"] = "en"
    User.objects.filter(pk__in=[user.pk for user in users]).update(preferred_language="en")
    return client


def certificate_for(user) -> Certificate:
    course = make_course()
    enrollment = course_services.enrollment_create(user=user, course=course)
    for lesson in lessons_of(course):
        course_services.lesson_complete(enrollment=enrollment, lesson=lesson)
    course_services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course),
                                raw_answers=RIGHT_ANSWERS)
    return certificate_services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)


def submitted_assessment(cooperative, user):
    """A one-point VietGAP self-assessment started, answered and submitted by `user`."""
    version = version_from_dict(vietgap_dict(points=1))
    assessment = assessment_for(cooperative=cooperative, version=version, user=user)
    for point in ControlPoint.objects.filter(section__version=version):
        assessment_services.answer_save(assessment=assessment, control_point=point, user=user,
                                        value="not_compliant", justification=JUSTIFICATION)
    report = report_services.assessment_submit(assessment=assessment, user=user)
    return report.assessment


def admin_close(client, site_admin, user):
    """What a site admin does in the Wagtail admin: open the user's delete page, confirm."""
    client.force_login(site_admin)
    url = reverse("wagtailusers_users:delete", args=[user.pk])
    page = client.get(url)
    assert page.status_code == 200
    return page, client.post(url)


# --- the admin's "delete user" ------------------------------------------------------------


def test_admin_deleting_a_certificate_holder_closes_the_account_instead_of_a_500(
        client, site_admin, cooperative, django_capture_on_commit_callbacks):
    holder = MembershipFactory(cooperative=cooperative, user=UserFactory(
        full_name=HOLDER, phone="0987654321", email="minh.khai@example.vn")).user
    certificate = certificate_for(holder)
    SentEmail.objects.create(user=holder, kind="digest", key="2026-W01")

    english(client, site_admin)
    with django_capture_on_commit_callbacks(execute=True):
        page, response = admin_close(client, site_admin, holder)
    assert "a former member" in page.content.decode()  # the page says what will happen
    assert response.status_code == 302

    holder.refresh_from_db()
    assert holder.is_closed and not holder.is_active
    assert (holder.full_name, holder.phone) == ("", None)
    assert holder.email == f"closed-{holder.pk}@account-closed.invalid"
    assert not holder.has_usable_password()
    assert not EmailAddress.objects.filter(user=holder).exists()
    assert not Membership.objects.filter(user=holder).exists()
    assert not Enrollment.objects.filter(user=holder).exists()
    assert not SentEmail.objects.filter(user=holder).exists()
    assert not User.objects.filter(full_name=HOLDER).exists()
    assert Certificate.objects.get(pk=certificate.pk).recipient_id == holder.pk


def test_a_closed_holders_certificate_is_still_verified_with_the_name_printed_on_it(
        client, site_admin, cooperative):
    holder = MembershipFactory(cooperative=cooperative, user=UserFactory(
        full_name=HOLDER, phone="0987654321", email="minh.khai@example.vn")).user
    certificate = certificate_for(holder)
    admin_close(client, site_admin, holder)

    client.logout()
    page = english(client).get(reverse("certification:verify_code", args=[certificate.code]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Valid certificate" in text
    assert HOLDER in text  # as printed on the paper the third party holds
    assert "minh.khai@example.vn" not in text and "0987654321" not in text
    assert "former member" not in text and "closed" not in text.lower()


def test_a_closed_holders_certificate_cannot_be_reissued_with_an_empty_name(cooperative):
    holder = MembershipFactory(cooperative=cooperative, user=UserFactory(full_name=HOLDER)).user
    certificate = certificate_for(holder)
    account_close(holder, by=holder)
    with translation.override("en"), pytest.raises(Exception, match="closed their account"):
        certificate_services.certificate_reissue(certificate=certificate, by=holder)
    assert Certificate.objects.get(pk=certificate.pk).snapshot["holder"] == HOLDER


def test_admin_deleting_an_assessment_starter_keeps_the_work_as_a_former_members(
        client, site_admin, cooperative, manager, member):
    User.objects.filter(pk=manager.pk).update(full_name=HOLDER)
    assessment = submitted_assessment(cooperative, manager)
    CorrectiveAction.objects.filter(assessment=assessment).update(owner=manager)
    in_progress = assessment_for(cooperative=cooperative, version=assessment.version, user=manager)

    english(client, site_admin, member)
    page, response = admin_close(client, site_admin, manager)
    assert response.status_code == 302
    # The admin was warned: the manager was the cooperative's only one, with a member left.
    assert "only manager of" in page.content.decode()

    answer = Answer.objects.get(assessment=assessment)
    assert answer.answered_by_id == manager.pk and answer.justification == JUSTIFICATION
    assert ReadinessReport.objects.get(assessment=assessment).snapshot["submitted_by"] == ""

    client.force_login(member)
    report = english(client).get(reverse("readiness:report", args=[assessment.pk]))
    home = client.get(reverse("readiness:home"))
    assert in_progress.started_by_id == manager.pk
    for response in (report, home):
        text = response.content.decode()
        assert response.status_code == 200
        assert "a former member" in text
        assert HOLDER not in text
    assert "by a former member" in report.content.decode()  # "Submitted on … by …"
    assert "Started by a former member" in home.content.decode()


def test_closing_an_officer_deletes_their_exports_rows_and_files(
        cooperative, site_admin, django_capture_on_commit_callbacks):
    officer = OfficerFactory(provinces=[cooperative.province])
    export = Export.objects.create(requested_by=officer, kind="dashboard.table", title="Bảng",
                                   format="csv", language="vi", status=Export.Status.DONE)
    export.file.save("bang.csv", ContentFile(b"ho ten;email\n"), save=True)
    storage, name = export.file.storage, export.file.name
    assert storage.exists(name)
    others = Export.objects.create(requested_by=site_admin, kind="dashboard.table",
                                   title="Của người khác", format="csv", language="vi")

    with django_capture_on_commit_callbacks(execute=True):
        assert account_close(officer, by=site_admin) is True

    assert not Export.objects.filter(requested_by=officer).exists()
    assert not storage.exists(name)
    assert Export.objects.filter(pk=others.pk).exists()
    assert not OfficerScope.objects.filter(officer=officer).exists()
    officer.refresh_from_db()
    assert not officer.groups.exists()
    assert account_close(officer, by=site_admin) is False  # a rerun does nothing


def test_closing_ends_the_persons_sessions(client, learner):
    client.force_login(learner)
    assert Session.objects.count() == 1
    account_close(learner, by=learner)
    assert Session.objects.count() == 0
    response = client.get(reverse("account_profile"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


# --- the person's own "Delete my account" -------------------------------------------------


def csrf_client(user) -> Client:
    client = english(Client(enforce_csrf_checks=True), user)
    client.force_login(user)
    client.get(reverse("account_close"))  # sets the CSRF cookie
    return client


def close_post(client, *, token=True, **data):
    data = {"password": PASSWORD, "confirm": "on", **data}
    if token:
        data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    return client.post(reverse("account_close"), data)


def test_self_closing_refuses_a_post_without_csrf(member):
    client = csrf_client(member)
    assert close_post(client, token=False).status_code == 403
    member.refresh_from_db()
    assert not member.is_closed


@pytest.mark.parametrize(("data", "message"), [
    ({"password": "sai-mat-khau"}, "This password is not correct."),
    ({"confirm": ""}, "Tick the box to confirm"),
])
def test_self_closing_needs_the_password_and_the_box_ticked(member, data, message):
    client = csrf_client(member)
    response = close_post(client, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    member.refresh_from_db()
    assert not member.is_closed


def test_self_closing_closes_signs_out_and_says_so(member):
    client = csrf_client(member)
    page = client.get(reverse("account_close")).content.decode()
    assert "What is deleted" in page and "What stays" in page

    response = close_post(client)
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Your account has been closed and your personal data deleted. "
        "Thank you for learning with us."]
    member.refresh_from_db()
    assert member.is_closed and member.full_name == ""
    assert client.get(reverse("account_profile")).status_code == 302  # signed out
    assert not Client().login(email=f"closed-{member.pk}@account-closed.invalid",
                              password=PASSWORD)


def test_the_last_manager_is_asked_to_hand_over_first(cooperative, manager, member):
    client = csrf_client(manager)
    page = client.get(reverse("account_close")).content.decode()
    assert f"You are the only manager of {cooperative.name}" in page
    assert close_post(client).status_code == 400
    manager.refresh_from_db()
    assert not manager.is_closed

    Membership.objects.filter(user=member).update(role=Membership.Role.MANAGER)
    assert close_post(client).status_code == 302  # another manager now leads
    manager.refresh_from_db()
    assert manager.is_closed


# --- the person's data download -------------------------------------------------------------


def test_the_data_download_has_the_persons_data_and_no_one_elses(client, cooperative, manager):
    User.objects.filter(pk=manager.pk).update(full_name=HOLDER, phone="0987654321")
    certificate = certificate_for(manager)
    assessment = submitted_assessment(cooperative, manager)
    SentEmail.objects.create(user=manager, kind="course_reminder", key="enrollment-7")
    other = MembershipFactory(cooperative=cooperative, user=UserFactory(
        full_name="Phạm Văn Đồng Khác", email="nguoi.khac@example.vn")).user
    other_certificate = certificate_for(other)
    Answer.objects.filter(assessment=assessment).update(justification=JUSTIFICATION)

    client.force_login(manager)
    response = client.get(reverse("account_data_download"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["full_name"] == HOLDER
    assert data["account"]["phone"] == "0987654321"
    assert [m["cooperative"] for m in data["memberships"]] == [cooperative.name]
    assert len(data["enrollments"]) == 1
    assert data["enrollments"][0]["status"] == "completed"
    assert data["enrollments"][0]["lessons_done"] and data["enrollments"][0]["quiz_attempts"]
    assert [c["code"] for c in data["certificates"]] == [certificate.code_grouped]
    assert data["certificates"][0]["verify_url"].endswith(f"/verify/{certificate.code}/")
    assert [a["justification"] for a in data["answers_given"]] == [JUSTIFICATION]
    assert data["emails_sent"][0]["about"] == "enrollment-7"
    text = response.content.decode()
    assert other.email not in text and other.full_name not in text
    assert other_certificate.code_grouped not in text


def test_the_data_download_needs_a_signed_in_person(client):
    response = client.get(reverse("account_data_download"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_the_admins_bulk_delete_closes_the_accounts_too(client, site_admin, cooperative):
    holders = [MembershipFactory(cooperative=cooperative).user for _ in range(2)]
    for holder in holders:
        certificate_for(holder)
    english(client, site_admin).force_login(site_admin)
    url = reverse("wagtail_bulk_action", args=["accounts", "user", "delete"])
    query = "?" + "&".join(f"id={holder.pk}" for holder in holders)
    page = client.get(url + query)
    assert page.status_code == 200 and "a former member" in page.content.decode()
    response = client.post(url + query)
    assert response.status_code == 302
    assert User.objects.filter(pk__in=[h.pk for h in holders], closed_at__isnull=False).count() == 2
    assert Certificate.objects.filter(recipient__in=holders).count() == 2


def test_the_profile_page_offers_the_download_and_the_closing(client, learner):
    english(client, learner).force_login(learner)
    page = client.get(reverse("account_profile")).content.decode()
    assert "Download my data" in page and "Delete my account" in page
    assert reverse("account_data_download") in page and reverse("account_close") in page
