"""The OCOP self-assessment report (Mẫu 02 of Decision 26/2026/QĐ-TTg): what the cooperative
fills in, the PDF drafted from the submitted assessment (every criterion's score, notes and
photos), refusal of bad input without losing the rest, and who may open or change it."""

import re
import subprocess

import pytest
from django.test import Client

from certification.assessments import services
from certification.models import ControlPoint, OcopSelfReport
from certification.reports import self_report
from certification.reports import services as report_services
from tests.certification.reports.test_report import (
    answer_all,
    pdf_text,
    png_upload,
    submitted,
    url,
)
from tests.factories import (
    CooperativeFactory,
    MembershipFactory,
    OfficerFactory,
    UserFactory,
    province,
)
from tests.factories.checklists import assessment_for, globalgap_dict, ocop_dict, version_from_dict

pytestmark = pytest.mark.django_db

DETAILS = {
    "product_name": "Vải thiều sấy khô Phượng Sơn",
    "product_description": "Túi 500 g; tiêu chuẩn cơ sở TCCS 01:2026",
    "organisation_type": "Hợp tác xã",
    "address": "Thôn Đông, xã Phượng Sơn, tỉnh Bắc Ninh",
    "phone": "0912 345 678",
    "email": "htx@example.vn",
    "representative_name": "Nguyễn Thị Ánh",
    "representative_gender": "female",
    "representative_ethnicity": "Kinh",
    "representative_address": "Thôn Đông",
    "founded": "2015-03-20",
    "registration_number": "2401000123",
    "business_registration": "on",
    "trademark_certificate": "on",
    "history": "Thành lập năm 2015 với 42 thành viên trồng vải.",
    "organisation": "Hội đồng quản trị 3 người, ban kiểm soát 1 người.",
    "production": "Vùng nguyên liệu 30 ha đạt VietGAP; lò sấy 2 tấn/mẻ.",
    "quality_changes": "Đổi bao bì sang túi zip có tem truy xuất.",
    "markets": "Siêu thị ở Hà Nội và sàn thương mại điện tử.",
    "results_year": "2025",
    "revenue": "1.200.000.000",
    "profit": "-50.000.000",
    "revenue_before": "950 000 000",
    "profit_before": "80000000",
    "plan": "Mở rộng vùng trồng lên 40 ha và xin chứng nhận 4 sao năm 2027.",
}


@pytest.fixture
def cooperative(db):
    return CooperativeFactory(name="Hợp tác xã Vải thiều Phượng Sơn")


@pytest.fixture
def ocop():
    return version_from_dict(ocop_dict())


@pytest.fixture
def ocop_report(ocop, cooperative, manager):
    """Best options everywhere except A1.2 (medium, 10 of 20); a photo and notes on A1.1."""
    assessment = assessment_for(cooperative=cooperative, version=ocop, user=manager)
    a11 = ControlPoint.objects.get(section__version=ocop, code="A1.1")
    services.answer_save(assessment=assessment, control_point=a11, user=manager, value="c",
                         justification="Hợp đồng liên kết với 42 hộ", note="Xem phụ lục 3")
    services.evidence_add(assessment=assessment, control_point=a11, user=manager,
                          upload=png_upload())
    answer_all(assessment, manager, A1_1="c", A1_2="b")
    return report_services.assessment_submit(assessment=assessment, user=manager)


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def post_form(client: Client, address: str, data: dict):
    page = client.get(address).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return client.post(address, {"csrfmiddlewaretoken": token, **data})


def html_rows(html: str) -> list[tuple[str, str, str, str]]:
    """Part III's rows: code, criterion, the option chosen and the points."""
    return re.findall(r'<td class="col-code">([^<]+)</td>\s*<td>([^<]+)<span class="sub">([^<]+)'
                      r'</span></td>\s*<td class="col-num">([^<]+)</td>', html)


def pdf_images(data: bytes) -> int:
    listing = subprocess.run(["pdfimages", "-list", "-"], input=data, check=True,
                             capture_output=True).stdout.decode().splitlines()
    return len(listing) - 2  # two header lines


# --- the PDF ---------------------------------------------------------------------------------


def test_the_form_02_pdf_carries_what_was_filled_in_and_every_criterion(client, ocop_report,
                                                                        manager):
    pk = ocop_report.assessment_id
    response = post_form(csrf_client(manager), url("ocop_self_report", pk), DETAILS)
    assert response.status_code == 302
    client.force_login(manager)

    download = client.get(url("ocop_self_report_pdf", pk))

    assert download["Content-Type"] == "application/pdf"
    assert 'filename="mau-02-bao-cao-tu-danh-gia-hop-tac-xa-vai-thieu-phuong-son-' in \
        download["Content-Disposition"]
    assert download["Cache-Control"] == "private, no-store"
    text = pdf_text(download.content)
    for expected in ("Mẫu số 02", "Quyết định 26/2026/QĐ-TTg", "Phần I. Thông tin chung",
                     "Hợp tác xã Vải thiều Phượng Sơn", "Vải thiều sấy khô Phượng Sơn",
                     "Nguyễn Thị Ánh", "Nữ", "20/03/2015", "2401000123",
                     "Phần II. Kết quả thực hiện phương án sản xuất, kinh doanh",
                     "Vùng nguyên liệu 30 ha đạt VietGAP",
                     "2024 950.000.000 đ 80.000.000 đ", "2025 1.200.000.000 đ -50.000.000 đ",
                     "Phần III. Tự đánh giá theo Bộ tiêu chí OCOP",
                     "Phần IV. Kế hoạch sản xuất, kinh doanh",
                     "Mở rộng vùng trồng lên 40 ha"):
        assert expected in text, expected
    # Every criterion with the option chosen and its points; A1.2 took the medium option.
    rows = html_rows(self_report.report_html(ocop_report.assessment, "vi"))
    assert rows == [("A1.1", "Tiêu chí A1.1", "Cao", "20/20"),
                    ("A1.2", "Tiêu chí A1.2", "Vừa", "10/20"),
                    ("B1.1", "Tiêu chí B1.1", "Cao", "15/15"),
                    ("B1.2", "Tiêu chí B1.2", "Cao", "10/10"),
                    ("C1.1", "Tiêu chí C1.1", "Cao", "20/20"),
                    ("C1.2", "Tiêu chí C1.2", "Cao", "15/15")]
    for code, criterion, option, points in rows:
        assert f"{code} {criterion}" in text and option in text and points in text
    assert "Hợp đồng liên kết với 42 hộ" in text and "Xem phụ lục 3" in text
    assert "TỔNG 90/100" in text and "HẠNG DỰ KIẾN 5 sao" in text
    assert pdf_images(download.content) == 1  # the evidence photo of A1.1
    # The ticked papers, and the unticked ones still on the form.
    assert "☑ a) Giấy chứng nhận đăng ký kinh doanh" in text
    assert "☐ b)" in text


def test_an_unfilled_report_prints_dotted_lines_and_what_the_platform_knows(client,
                                                                            ocop_report,
                                                                            manager):
    client.force_login(manager)

    text = pdf_text(client.get(url("ocop_self_report_pdf", ocop_report.assessment_id)).content)

    assert "Hợp tác xã Vải thiều Phượng Sơn" in text
    assert ocop_report.assessment.cooperative.registration_code in text
    assert "……………" in text


def test_an_english_working_copy_can_be_had(client, ocop_report, manager):
    client.force_login(manager)

    text = pdf_text(client.get(url("ocop_self_report_pdf", ocop_report.assessment_id)
                               + "?lang=en").content)

    assert "Part III. Self-assessment against the OCOP criteria" in text
    assert "Criterion A1.1" in text and "High" in text


# --- the form ---------------------------------------------------------------------------------


def test_a_bad_amount_is_refused_in_vietnamese_and_nothing_typed_is_lost(ocop_report, manager):
    client = csrf_client(manager)
    data = {**DETAILS, "revenue": "1,2 tỷ", "results_year": "1990"}

    response = post_form(client, url("ocop_self_report", ocop_report.assessment_id), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Ghi số tiền bằng đồng, chỉ dùng chữ số, ví dụ 1.200.000.000" in page
    assert "Nhập một năm từ 2000 đến" in page
    assert 'value="Vải thiều sấy khô Phượng Sơn"' in page
    assert "Mở rộng vùng trồng lên 40 ha" in page
    assert 'value="1,2 tỷ"' in page
    assert not OcopSelfReport.objects.exists()


def test_amounts_are_read_as_people_write_them_and_shown_back_the_same_way(ocop_report,
                                                                          manager):
    client = csrf_client(manager)
    address = url("ocop_self_report", ocop_report.assessment_id)

    post_form(client, address, DETAILS)

    saved = OcopSelfReport.objects.get()
    assert (saved.revenue, saved.profit, saved.revenue_before, saved.profit_before) == \
        (1_200_000_000, -50_000_000, 950_000_000, 80_000_000)
    assert saved.updated_by == manager
    assert 'value="1.200.000.000"' in client.get(address).content.decode()


def test_a_new_form_starts_from_what_the_platform_knows(client, ocop_report, manager):
    client.force_login(manager)

    page = client.get(url("ocop_self_report", ocop_report.assessment_id)).content.decode()

    cooperative = ocop_report.assessment.cooperative
    assert f'value="{cooperative.registration_code}"' in page
    assert 'value="Hợp tác xã"' in page


def test_the_report_page_offers_form_02_for_ocop_only(client, ocop_report, manager,
                                                      cooperative):
    client.force_login(manager)
    globalgap_report = submitted(version_from_dict(globalgap_dict()), cooperative, manager)

    ocop_page = client.get(url("report", ocop_report.assessment_id)).content.decode()
    other_page = client.get(url("report", globalgap_report.assessment_id)).content.decode()

    assert "Báo cáo tự đánh giá OCOP (Mẫu 02)" in ocop_page
    assert url("ocop_self_report_pdf", ocop_report.assessment_id) in ocop_page
    assert "Mẫu 02" not in other_page
    assert client.get(url("ocop_self_report", globalgap_report.assessment_id)).status_code == 404
    assert client.get(url("ocop_self_report_pdf",
                          globalgap_report.assessment_id)).status_code == 404


def test_an_assessment_still_in_progress_has_no_form_02(client, ocop, cooperative, manager):
    assessment = assessment_for(cooperative=cooperative, version=ocop, user=manager)
    client.force_login(manager)

    assert client.get(url("ocop_self_report", assessment.pk)).status_code == 404
    assert client.get(url("ocop_self_report_pdf", assessment.pk)).status_code == 404
    assert not self_report.applies_to(assessment)


# --- who may open or change it ------------------------------------------------------------------


@pytest.fixture
def people(cooperative, manager, member):
    return {
        "manager": manager,
        "member": member,
        "officer": OfficerFactory(provinces=[cooperative.province]),
        "admin": UserFactory(is_superuser=True, is_staff=True),
        "outsider": UserFactory(),
        "officer_elsewhere": OfficerFactory(provinces=[province("Đắk Lắk")]),
        "member_elsewhere": MembershipFactory(role="manager").user,
    }


@pytest.mark.parametrize("role", ["manager", "member", "officer", "admin", "outsider",
                                  "officer_elsewhere", "member_elsewhere"])
def test_readers_open_form_02_and_everyone_else_gets_404(client, people, role, ocop_report):
    client.force_login(people[role])
    pk = ocop_report.assessment_id
    expected = 200 if role in {"manager", "member", "officer", "admin"} else 404

    assert client.get(url("ocop_self_report", pk)).status_code == expected
    assert client.get(url("ocop_self_report_pdf", pk)).status_code == expected


@pytest.mark.parametrize("role", ["manager", "member"])
def test_members_save_the_details(people, role, ocop_report):
    response = post_form(csrf_client(people[role]), url("ocop_self_report",
                                                        ocop_report.assessment_id), DETAILS)

    assert response.status_code == 302
    assert OcopSelfReport.objects.get().product_name == DETAILS["product_name"]


@pytest.mark.parametrize("role", ["officer", "admin"])
def test_officers_read_the_details_but_cannot_change_them(people, role, ocop_report):
    client = csrf_client(people[role])
    address = url("ocop_self_report", ocop_report.assessment_id)

    page = client.get(address).content.decode()
    response = post_form(client, address, DETAILS)

    form = page.split('<form method="post" class="card"')[1].split("</form>")[0]
    assert 'type="submit"' not in form and "disabled" in form
    assert "Chỉ thành viên hợp tác xã mới điền báo cáo." in page
    assert response.status_code == 403
    assert not OcopSelfReport.objects.exists()


@pytest.mark.parametrize("role", ["outsider", "officer_elsewhere", "member_elsewhere"])
def test_outsiders_cannot_post_the_details(people, role, ocop_report):
    client = Client()
    client.force_login(people[role])

    response = client.post(url("ocop_self_report", ocop_report.assessment_id), DETAILS)

    assert response.status_code == 404
    assert not OcopSelfReport.objects.exists()


def test_a_post_without_its_csrf_token_is_refused(ocop_report, manager):
    response = csrf_client(manager).post(url("ocop_self_report", ocop_report.assessment_id),
                                         DETAILS)

    assert response.status_code == 403
    assert not OcopSelfReport.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, ocop_report):
    for name in ("ocop_self_report", "ocop_self_report_pdf"):
        response = client.get(url(name, ocop_report.assessment_id))
        assert response.status_code == 302 and "/accounts/login/" in response.url
