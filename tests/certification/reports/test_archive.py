"""The cooperative's archive (issue 13): a manager asks for it from the cooperative's page and
downloads one ZIP of everything the platform holds about the cooperative. What each file holds,
that nothing of another cooperative slips in, who may ask (managers of that cooperative and site
admins only), CSRF, one archive in the making per cooperative, and hostile text neutralised."""

import csv
import io
import re
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import File
from django.test import Client
from django.urls import reverse

from certification.assessments import services as assessment_services
from certification.certificates import services as certificate_services
from certification.models import ControlPoint, CorrectiveAction, OcopSelfReport
from certification.reports import archive
from certification.reports import services as report_services
from lms.cooperatives.models import Membership
from lms.exports.models import Export
from lms.exports.services import export_build
from tests.certification.conftest import completed_enrollment, issue
from tests.certification.reports.test_report import answer_all, png_upload
from tests.factories import CooperativeFactory, MembershipFactory, OfficerFactory, UserFactory
from tests.factories.checklists import assessment_for, ocop_dict, version_from_dict, vietgap_dict
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db

HOSTILE = "=cmd|' /C calc'!A0"
MANAGER_NAME = "Trần Văn Quản"


def archive_url(cooperative) -> str:
    return reverse("readiness:cooperative_archive", args=[cooperative.pk])


def csrf_token_of_page(client: Client, cooperative) -> str:
    """The token of the archive's form on the cooperative's page: the button is there."""
    page = client.get(reverse("cooperatives:detail", args=[cooperative.pk])).content.decode()
    action = re.escape(archive_url(cooperative))
    form = re.search(rf'<form method="post" action="{action}"[^>]*>'
                     r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert form, "the cooperative's page offers no archive to this person"
    return form.group(1)


def ask(user, cooperative, capture) -> tuple[Client, object]:
    """`user` clicks the button (a real form post, CSRF enforced); the archive is built."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    token = csrf_token_of_page(client, cooperative)
    with capture(execute=True):
        response = client.post(archive_url(cooperative), {"csrfmiddlewaretoken": token})
    return client, response


def read_csv(zip_file: zipfile.ZipFile, name: str) -> list[list[str]]:
    text = zip_file.read(name).decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheet programs then read the diacritics right
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.fixture
def manager(cooperative):
    """Overrides the suite's: a manager writing in English, so names and headings are the
    English ones (Vietnamese is the default, checked below)."""
    return MembershipFactory(cooperative=cooperative, role="manager",
                             user=UserFactory(full_name=MANAGER_NAME,
                                              preferred_language="en")).user


@pytest.fixture
def history(cooperative, manager, holder, course):
    """A cooperative with a bit of everything: members (one hostile name, one pending
    request), a completed course with its certificate, a revoked one, a submitted VietGAP
    assessment with a photo and hostile answers, an assessment still in progress, and another
    cooperative that must stay out of the archive."""
    hostile = MembershipFactory(cooperative=cooperative, user__full_name=HOSTILE).user
    MembershipFactory(cooperative=cooperative, user__full_name="Lê Thị Chờ",
                      status=Membership.Status.PENDING)
    certificate = issue(holder, course)
    revoked = issue(hostile, make_course(lessons=1, quiz=False))
    certificate_services.certificate_revoke(certificate=revoked, by=manager, reason="Cấp nhầm")
    started = completed_enrollment(holder, make_course(lessons=1, quiz=False))

    version = version_from_dict(vietgap_dict(points=3))
    assessment = assessment_for(cooperative=cooperative, version=version, user=manager)
    first = ControlPoint.objects.get(section__version=version, code="VG.1.1")
    answer_all(assessment, manager, VG_1_2="not_compliant")
    assessment_services.answer_save(assessment=assessment, control_point=first, user=manager,
                                    value="compliant", justification="+SUM(A1:A9)",
                                    note="Sổ ghi chép 2026")
    photo = assessment_services.evidence_add(assessment=assessment, control_point=first,
                                             user=manager, upload=png_upload())
    report = report_services.assessment_submit(assessment=assessment, user=manager)
    CorrectiveAction.objects.filter(assessment=assessment).update(closing_note="@SUM(1)")
    open_one = assessment_for(cooperative=cooperative, user=manager,
                              version=version_from_dict(vietgap_dict(points=2) | {
                                  "standard": {"code": "vietgap-khac",
                                               "name": {"vi": "Khác", "en": "Other"}}}))

    other = CooperativeFactory(name="Hợp tác xã Bên Ngoài")
    outsider = MembershipFactory(cooperative=other, user__full_name="Phạm Người Ngoài").user
    outsider_certificate = issue(outsider, course)
    other_assessment = assessment_for(cooperative=other, version=version, user=outsider)
    answer_all(other_assessment, outsider)
    assessment_services.answer_save(assessment=other_assessment, control_point=first,
                                    user=outsider, value="compliant",
                                    justification="Bí mật của hợp tác xã khác")
    return {"hostile": hostile, "certificate": certificate, "revoked": revoked,
            "started": started, "assessment": assessment, "report": report, "photo": photo,
            "open": open_one, "outsider_certificate": outsider_certificate,
            "other_assessment": other_assessment}


# --- what the archive holds ------------------------------------------------------------------


def test_a_manager_downloads_the_archive_of_everything_the_cooperative_holds(
    cooperative, manager, holder, course, history, django_capture_on_commit_callbacks
):
    client, response = ask(manager, cooperative, django_capture_on_commit_callbacks)

    export = Export.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("exports:detail", args=[export.pk])
    assert export.status == Export.Status.DONE, export.error
    assert export.done == export.total > 0
    page = client.get(response.url).content.decode()
    assert f"Archive of {cooperative.name}" in page
    assert reverse("cooperatives:detail", args=[cooperative.pk]) in page  # the way back
    download = client.get(reverse("exports:download", args=[export.pk]))
    assert download.status_code == 200
    data = b"".join(download.streaming_content)
    zip_file = zipfile.ZipFile(io.BytesIO(data))
    assessment, report = history["assessment"], history["report"]
    certificate, revoked = history["certificate"], history["revoked"]
    a = assessment.pk
    holder_pdf = f"certificates/nguyen-thi-hong-xuan-{certificate.code}.pdf"
    hostile_pdf = f"certificates/cmd-c-calca0-{revoked.code}.pdf"

    assert sorted(zip_file.namelist()) == sorted([
        "README.txt", "members.csv", "course-progress.csv", "assessments.csv",
        f"assessments/{a}/answers.csv", f"assessments/{a}/evidence/VG.1.1-1.jpg",
        f"assessments/{a}/readiness-report.pdf",
        f"assessments/{history['open'].pk}/answers.csv",
        "corrective-actions.csv", "certificates/certificates.csv", holder_pdf, hostile_pdf,
    ])

    # Members: no e-mail (the members' page shows none); the hostile name stays text.
    members = read_csv(zip_file, "members.csv")
    assert members[0] == ["Name", "Role", "Status", "Requested", "Decided"]
    assert ["Lê Thị Chờ", "Member", "Waiting for approval"] in [row[:3] for row in members]
    assert ["'" + HOSTILE, "Member", "Active"] in [row[:3] for row in members]
    assert [MANAGER_NAME, "Manager", "Active"] in [row[:3] for row in members]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row[3]) for row in members[1:])
    assert "@" not in zip_file.read("members.csv").decode()
    assert len(members) == 1 + 4  # manager, holder, hostile, pending; not the outsider

    progress = read_csv(zip_file, "course-progress.csv")
    assert progress[0] == ["Member", "Course", "Status", "Enrolled", "Completed",
                           "Certificate code"]
    assert [holder.full_name, course.title, "Completed"] in [row[:3] for row in progress]
    assert [row[5] for row in progress if row[:2] == [holder.full_name, course.title]] == \
        [certificate.code_grouped]
    started_row = next(row for row in progress if row[1] == history["started"].course.title)
    assert started_row[2] == "Completed" and started_row[5] == ""  # no certificate issued

    assessments = read_csv(zip_file, "assessments.csv")
    assert assessments[0] == ["Number", "Standard", "Version", "Status", "Started",
                              "Started by", "Submitted", "Submitted by", "Score", "Verdict",
                              "Why"]
    row = next(row for row in assessments if row[0] == str(a))
    assert row[1:4] == ["Standard vietgap-test", "v1", "Submitted"]
    assert row[5] == row[7] == MANAGER_NAME
    assert row[8:10] == ["67%", "Not ready yet"]
    assert "1 requirement is not met" in row[10]

    answers = read_csv(zip_file, f"assessments/{a}/answers.csv")
    assert answers[0] == ["Control point", "Requirement", "Answer", "Points", "Justification",
                          "Note", "Answered by", "When", "Photos"]
    assert answers[1][:7] == ["VG.1.1", "Requirement VG.1.1", "Compliant", "",
                              "'+SUM(A1:A9)", "Sổ ghi chép 2026", MANAGER_NAME]
    assert answers[1][8] == f"assessments/{a}/evidence/VG.1.1-1.jpg"
    assert answers[2][:3] == ["VG.1.2", "Requirement VG.1.2", "Not compliant"]

    # The photo is the stored one, byte for byte.
    with history["photo"].image.open("rb") as stored:
        assert zip_file.read(f"assessments/{a}/evidence/VG.1.1-1.jpg") == stored.read()
    assert zip_file.read(f"assessments/{a}/readiness-report.pdf").startswith(b"%PDF")
    # Made on demand in the archive's language, and kept for the report page.
    assert report.pdfs.get(language="en").file

    actions = read_csv(zip_file, "corrective-actions.csv")
    assert actions[0] == ["Self-assessment", "Standard", "Control point", "Requirement",
                          "Gap", "Blocks certification", "Owner", "Due", "Status",
                          "What was done", "Closed", "Course", "Photo"]
    assert actions[1][:7] == [str(a), "Standard vietgap-test", "VG.1.2", "Requirement VG.1.2",
                              "Not compliant", "Yes", MANAGER_NAME]
    assert actions[1][8:10] == ["Open", "'@SUM(1)"]

    certificates = read_csv(zip_file, "certificates/certificates.csv")
    assert certificates[0] == ["Certificate code", "Kind", "Holder", "What it is for",
                               "Issued", "Expires", "Status", "Standing",
                               "Verification address", "File"]
    by_code = {row[0]: row for row in certificates[1:]}
    assert set(by_code) == {certificate.code_grouped, revoked.code_grouped}
    assert by_code[certificate.code_grouped][1:4] == ["Course completion", holder.full_name,
                                                      course.title]
    assert by_code[certificate.code_grouped][6] == "Valid"
    assert by_code[certificate.code_grouped][8] == \
        certificate_services.verification_url(certificate)
    assert by_code[certificate.code_grouped][8].endswith(f"/verify/{certificate.code}/")
    assert by_code[certificate.code_grouped][9] == holder_pdf
    assert by_code[revoked.code_grouped][2] == "'" + HOSTILE
    assert by_code[revoked.code_grouped][6] == "Revoked"
    assert by_code[revoked.code_grouped][7].endswith("not valid; Reason: Cấp nhầm")
    assert zip_file.read(holder_pdf).startswith(b"%PDF")

    readme = zip_file.read("README.txt").decode("utf-8-sig")
    assert f"Archive of {cooperative.name}" in readme
    assert f"for {MANAGER_NAME}" in readme
    for name in ("members.csv", "course-progress.csv", "assessments.csv",
                 "assessments/<n>/answers.csv", "corrective-actions.csv",
                 "certificates/certificates.csv"):
        assert f"- {name}" in readme
    assert f"Self-assessment {history['open'].pk} is still in progress, so it has no " \
           "readiness report yet." in readme

    # Nothing of the other cooperative, anywhere.
    everything = b"".join(zip_file.read(name) for name in zip_file.namelist()
                          if not name.endswith((".pdf", ".jpg"))).decode("utf-8")
    for secret in ("Hợp tác xã Bên Ngoài", "Phạm Người Ngoài", "Bí mật của hợp tác xã khác",
                   history["outsider_certificate"].code_grouped,
                   f"assessments/{history['other_assessment'].pk}/"):
        assert secret not in everything
    assert not any(str(history["other_assessment"].pk) in name.split("/")[1:2]
                   for name in zip_file.namelist())


def test_the_archive_is_in_vietnamese_by_default_with_the_ocop_form_where_filled_in(
    cooperative, django_capture_on_commit_callbacks
):
    manager = MembershipFactory(cooperative=cooperative, role="manager",
                                user__full_name="Nguyễn Văn Việt").user
    version = version_from_dict(ocop_dict())
    assessment = assessment_for(cooperative=cooperative, version=version, user=manager)
    answer_all(assessment, manager)
    report_services.assessment_submit(assessment=assessment, user=manager)
    OcopSelfReport.objects.create(assessment=assessment, product_name="Vải thiều sấy khô")

    ask(manager, cooperative, django_capture_on_commit_callbacks)

    export = Export.objects.get()
    assert export.status == Export.Status.DONE, export.error
    assert export.language == "vi"
    assert re.fullmatch(r"luu-tru-hop-tac-xa-nong-nghiep-thu-\d+-\d{8}\.zip", export.file_name)
    with export.file.open("rb") as stored:
        zip_file = zipfile.ZipFile(io.BytesIO(stored.read()))
    a = assessment.pk
    assert sorted(zip_file.namelist()) == sorted([
        "README.txt", "thanh-vien.csv", "tien-do-hoc-tap.csv", "tu-danh-gia.csv",
        f"tu-danh-gia/{a}/cau-tra-loi.csv", f"tu-danh-gia/{a}/bao-cao-san-sang.pdf",
        f"tu-danh-gia/{a}/mau-02-ocop.pdf", "hanh-dong-khac-phuc.csv",
        "chung-chi/chung-chi.csv",
    ])
    assert zip_file.read(f"tu-danh-gia/{a}/mau-02-ocop.pdf").startswith(b"%PDF")
    answers = read_csv(zip_file, f"tu-danh-gia/{a}/cau-tra-loi.csv")
    assert answers[1][:4] == ["A1.1", "Tiêu chí A1.1", "Cao", "20"]  # the option and points
    assessments = read_csv(zip_file, "tu-danh-gia.csv")
    assert assessments[1][8].startswith("100/100 (5 ")  # "5 sao" once the catalogue is built


def test_the_zip_is_handed_over_as_a_temporary_file_not_as_bytes(cooperative, manager):
    export, _ = archive.archive_request(user=manager, cooperative=cooperative)

    built = archive.archive_build(export=export, progress=lambda done, total=None: None)

    assert isinstance(built.content, File) and not isinstance(built.content.file, io.BytesIO)
    with built.content as stored:
        assert zipfile.ZipFile(stored).namelist()[-1] == "README.txt"


def test_a_control_point_code_cannot_climb_out_of_its_folder():
    assert archive._safe("../../etc/passwd", "point") == "etc-passwd"
    assert archive._safe("CB.5.1 (a)", "point") == "CB.5.1-a"
    assert archive._safe("..", "point") == "point"


# --- who may ask -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["member", "accountant"])
def test_members_and_accountants_are_refused_and_nothing_is_made(cooperative, role):
    user = MembershipFactory(cooperative=cooperative, role=role).user
    client = Client()
    client.force_login(user)

    page = client.get(reverse("cooperatives:detail", args=[cooperative.pk])).content.decode()
    response = client.post(archive_url(cooperative))

    assert archive_url(cooperative) not in page
    assert response.status_code == 403
    assert not Export.objects.exists()


def test_an_officer_overseeing_the_cooperative_is_refused(cooperative):
    officer = OfficerFactory(provinces=[cooperative.province])
    client = Client()
    client.force_login(officer)

    page = client.get(reverse("cooperatives:detail", args=[cooperative.pk])).content.decode()
    response = client.post(archive_url(cooperative))

    assert page and archive_url(cooperative) not in page
    assert response.status_code == 403
    assert not Export.objects.exists()


def test_a_manager_of_another_cooperative_gets_404_and_nothing_is_made(cooperative):
    other_manager = MembershipFactory(cooperative=CooperativeFactory(), role="manager").user
    pending_manager = MembershipFactory(cooperative=cooperative, role="manager",
                                        status=Membership.Status.PENDING).user

    for user in (other_manager, pending_manager):
        client = Client()
        client.force_login(user)
        assert client.post(archive_url(cooperative)).status_code == 404
    anonymous = Client().post(archive_url(cooperative))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous.url
    assert not Export.objects.exists()


def test_a_site_admin_may_ask_for_it(cooperative, site_admin, django_capture_on_commit_callbacks):
    _, response = ask(site_admin, cooperative, django_capture_on_commit_callbacks)

    export = Export.objects.get()
    assert response.url == reverse("exports:detail", args=[export.pk])
    assert export.status == Export.Status.DONE, export.error


def test_the_post_needs_the_csrf_token_and_a_get_changes_nothing(cooperative, manager):
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)

    assert client.post(archive_url(cooperative)).status_code == 403
    assert client.get(archive_url(cooperative)).status_code == 405
    assert not Export.objects.exists()


def test_a_manager_who_steps_down_can_no_longer_open_or_build_the_archive(cooperative, manager):
    export, started = archive.archive_request(user=manager, cooperative=cooperative)
    Membership.objects.filter(user=manager).update(role=Membership.Role.MEMBER)
    client = Client()
    client.force_login(manager)

    assert started
    assert client.get(reverse("exports:detail", args=[export.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        export_build(export_id=export.pk)
    export.refresh_from_db()
    assert export.status == Export.Status.FAILED and not export.file


# --- one archive in the making per cooperative -----------------------------------------------


def test_a_second_click_goes_to_the_archive_being_made(cooperative, manager):
    client = Client()
    client.force_login(manager)

    first = client.post(archive_url(cooperative))  # its build waits for the commit: pending
    second = client.post(archive_url(cooperative), follow=True)

    export = Export.objects.get()
    assert first.url == reverse("exports:detail", args=[export.pk])
    assert second.redirect_chain[-1][0] == first.url
    assert "Your archive of the cooperative is still being prepared." in \
        second.content.decode()


def test_another_manager_is_told_an_archive_is_being_made(cooperative, manager):
    colleague = MembershipFactory(cooperative=cooperative, role="manager").user
    client = Client()
    client.force_login(manager)
    client.post(archive_url(cooperative))
    client.force_login(colleague)

    response = client.post(archive_url(cooperative), follow=True)

    assert Export.objects.count() == 1
    assert response.redirect_chain[-1][0] == reverse("cooperatives:detail",
                                                     args=[cooperative.pk])
    # The colleague reads Vietnamese (the factory's language).
    assert f"{MANAGER_NAME} đang chuẩn bị bản lưu trữ của hợp tác xã" in \
        response.content.decode()


def test_a_finished_or_lost_archive_does_not_stop_a_new_one(cooperative, manager):
    import datetime

    from django.utils import timezone

    done, _ = archive.archive_request(user=manager, cooperative=cooperative)
    Export.objects.filter(pk=done.pk).update(status=Export.Status.DONE)
    lost, started = archive.archive_request(user=manager, cooperative=cooperative)
    assert started and lost.pk != done.pk
    Export.objects.filter(pk=lost.pk).update(
        created_at=timezone.now() - archive.RUNNING_AT_MOST - datetime.timedelta(minutes=1))

    again, started = archive.archive_request(user=manager, cooperative=cooperative)

    assert started and again.pk not in (done.pk, lost.pk)
