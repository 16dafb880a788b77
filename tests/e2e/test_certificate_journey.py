"""Journey 1's ending on a phone: complete a course, download the certificate, and open the
verification address printed with its QR code."""

import re
import subprocess

import pytest

from certification.models import Certificate
from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD
from tests.factories.courses import RIGHT_ANSWERS, make_course, quiz_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_learner_downloads_the_certificate_and_verifies_it(live_server, phone, screenshot,
                                                              tmp_path, settings):
    settings.SITE_URL = live_server.url
    learner = UserFactory(full_name="Nguyễn Thị Hồng Xuân")
    course = make_course(lessons=1)
    page = phone
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", learner.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/cooperatives/$"))

    page.goto(live_server.url + course.url)
    page.locator("button[name=action][value=enroll]").click()
    page.locator("form.lesson__done button").click()
    page.wait_for_url(re.compile(r"/kiem-tra/$"))
    quiz = quiz_of(course)
    for question_id, keys in RIGHT_ANSWERS.items():
        for key in keys:
            page.locator(f"input[name='q-{question_id}'][value='{key}']").check()
    page.locator("form.quiz button").click()
    page.wait_for_url(re.compile(rf"{re.escape(quiz.url)}\?attempt=1$"))

    page.goto(f"{live_server.url}/certificates/")
    screenshot(page, "my-certificates-360")
    with page.expect_download() as download_info:
        page.locator("a", has_text=re.compile("PDF")).first.click()
    pdf_path = tmp_path / "certificate.pdf"
    download_info.value.save_as(pdf_path)

    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Nguyễn Thị Hồng Xuân" in text
    certificate = Certificate.objects.get(recipient=learner)
    verify_url = re.search(r"https?://\S+/verify/[A-Z0-9]+/", text.replace("\n", "")).group(0)
    assert verify_url.endswith(f"/verify/{certificate.code}/")

    page.context.clear_cookies()  # anyone can verify, signed in or not
    page.goto(verify_url)
    screenshot(page, "verify-360")
    assert page.locator(".verify--valid").count() == 1
    assert "Nguyễn Thị Hồng Xuân" in page.locator(".verify").inner_text()
