"""Journey 2 on a phone: a manager starts a GlobalG.A.P. self-assessment of the shipped checklist,
answers every section (one answer with a photo), leaves and resumes, submits, opens the report
and downloads its PDF."""

import io
import re
import subprocess

import pytest
from django.core.management import call_command
from PIL import Image

from certification.models import Answer, Assessment, EvidencePhoto, ReadinessReport
from tests.factories import MembershipFactory
from tests.factories.accounts import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def photo_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), (40, 120, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


def answer_section(page, *, photo: bytes | None = None, failing: str = "") -> None:
    """Answer every point of the open section: compliant (or the best option), except the
    point coded ``failing``; fill each justification the answer asks for."""
    for card in page.locator("article[data-point]").all():
        code = card.locator(".point__code").first.inner_text().strip()
        value = "not_compliant" if failing and code == failing else "compliant"
        radio = card.locator(f"input[type=radio][value={value}]")
        if radio.count() == 0:
            radio = card.locator("input[type=radio]").last
        radio.check()
        justification = card.locator("textarea[name$='-justification']")
        if justification.count() and justification.is_visible():
            justification.fill("Đã kiểm tra tại ruộng và trong sổ ghi chép.")
        if photo is not None:
            card.locator("input[type=file]").set_input_files(
                {"name": "ban-do.jpg", "mimeType": "image/jpeg", "buffer": photo})
            card.locator("[data-thumbs] img").first.wait_for()
            photo = None


def test_a_manager_runs_a_globalgap_self_assessment_on_a_phone(live_server, phone, screenshot,
                                                               tmp_path, settings):
    settings.SITE_URL = live_server.url
    call_command("load_checklists", stdout=io.StringIO())
    manager = MembershipFactory(role="manager", user__full_name="Lò Văn Thắng").user
    page = phone
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", manager.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/cooperatives/$"))

    page.goto(f"{live_server.url}/readiness/")
    page.locator("input[name=standard][value='globalgap-ifa-fv']").check()
    page.get_by_role("button", name=re.compile("Bắt đầu|Start")).click()
    page.wait_for_url(re.compile(r"/readiness/\d+/profile/$"))
    for group in page.locator("fieldset").all():
        group.locator("input[type=radio]").last.check()  # "no" to every profile question
    page.locator("main form button").last.click()
    page.wait_for_url(re.compile(r"/readiness/\d+/sections/\d+/$"))
    assessment = Assessment.objects.get(cooperative__memberships__user=manager)

    sections_done = 0
    while True:
        if page.locator("article[data-point]").count():
            answer_section(page, photo=photo_bytes() if sections_done == 0 else None,
                           failing="AF.3.2")
            if sections_done == 0:
                screenshot(page, "readiness-journey-section-360")
        sections_done += 1
        if sections_done == 2:
            # Leave for another page, then resume from the overview: the answers are there.
            page.locator("button[name=go][value=stay]").last.click()
            page.wait_for_load_state()
            page.goto(f"{live_server.url}/learning/")
            page.goto(f"{live_server.url}/readiness/")
            page.get_by_role("link", name=re.compile("Tiếp tục|Continue")).first.click()
            page.wait_for_url(re.compile(r"/readiness/\d+/$"))
            page.get_by_role("link", name=re.compile("Tiếp tục từ chỗ|Continue where")).click()
            page.wait_for_url(re.compile(r"/sections/\d+/$"))
            assert Answer.objects.filter(assessment=assessment).exclude(value="").exists()
            if page.locator("article[data-point]").count():
                answer_section(page, failing="AF.3.2")
        button = page.locator("button[name=go][value=next]")
        if button.count() == 0:
            page.locator("a[rel=next]").first.click()
        else:
            button.click()
        page.wait_for_load_state()
        if not re.search(r"/sections/\d+/$", page.url):
            break
        assert sections_done < 100, "the walk through the sections does not end"

    assert EvidencePhoto.objects.filter(answer__assessment=assessment).count() == 1
    page.goto(f"{live_server.url}/readiness/{assessment.pk}/submit/")
    screenshot(page, "readiness-journey-submit-360")
    page.get_by_role("button", name=re.compile("Nộp|Submit")).click()
    page.wait_for_url(re.compile(rf"/readiness/{assessment.pk}/report/$"))
    screenshot(page, "readiness-journey-report-360")
    report = ReadinessReport.objects.get(assessment=assessment)
    assert report.ready, report.snapshot["reason"]  # one Minor failure is tolerated
    assert "AF.3.2" in page.locator("main").inner_text()

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("PDF")).first.click()
    pdf_path = tmp_path / "report.pdf"
    download_info.value.save_as(pdf_path)
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert manager.memberships.get().cooperative.name in text
    assert "GlobalG.A.P." in text and "AF.3.2" in text
