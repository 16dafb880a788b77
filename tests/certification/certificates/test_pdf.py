"""Certificate PDFs: the fetcher reads only the project's static files (and data: URLs), the
template is chosen per course, then per kind, then the default, and the PDF states the
certificate on one page, Vietnamese names intact."""

import subprocess
import unicodedata
import urllib.request

import pytest
from django.template.loader import select_template

from certification.certificates import pdf, services
from certification.certificates.pdf import StaticOnlyFetcher
from certification.models import Certificate
from tests.certification.conftest import HOLDER_NAME

REFUSED_URLS = [
    "file:///etc/passwd",
    "file:///etc/hostname",
    "http://example.com/x.css",
    "https://example.com/logo.png",
    "http://127.0.0.1:8000/admin/",
]


@pytest.fixture
def network_and_files_untouched(monkeypatch):
    """Fails the test if urllib is asked to open anything: the fetcher must refuse first."""
    opened = []

    def record(self, url, *args, **kwargs):
        opened.append(url)
        raise AssertionError(f"urllib was asked to open {url!r}")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", record)
    yield opened
    assert opened == []


@pytest.fixture
def fetch_log(monkeypatch):
    """Every call to StaticOnlyFetcher.fetch during the test, as (url, "served" or the error)."""
    calls = []
    original = StaticOnlyFetcher.fetch

    def recording_fetch(self, url, headers=None):
        try:
            response = original(self, url, headers)
        except BaseException as error:
            calls.append((url, error))
            raise
        calls.append((url, "served"))
        return response

    monkeypatch.setattr(StaticOnlyFetcher, "fetch", recording_fetch)
    return calls


def pdf_text(path) -> str:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return unicodedata.normalize("NFC", text)


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines()
                    if line.startswith("Pages:")))


def rendered(certificate) -> Certificate:
    assert services.certificate_render_pdf(certificate_id=certificate.pk, force=True)
    return Certificate.objects.get(pk=certificate.pk)


# --- the fetcher


@pytest.mark.parametrize("fetcher", [pdf._fetcher(), StaticOnlyFetcher()],
                         ids=["as-configured", "without-allowed-protocols"])
@pytest.mark.parametrize("url", REFUSED_URLS)
def test_the_fetcher_refuses_files_and_the_network(fetcher, url, network_and_files_untouched):
    with pytest.raises(ValueError):
        fetcher.fetch(url)


@pytest.mark.parametrize("url", [
    "static:../settings.py",
    "static:css/../../settings.py",
    "static:/../lms/settings.py",
    "static:css/../../../../etc/passwd",
])
def test_the_fetcher_refuses_static_paths_that_climb_out(url, network_and_files_untouched):
    with pytest.raises(ValueError, match="leaves the static files"):
        StaticOnlyFetcher().fetch(url)


def test_the_fetcher_refuses_a_static_file_that_does_not_exist():
    with pytest.raises(ValueError):
        StaticOnlyFetcher().fetch("static:css/no-such-file.css")


def test_the_fetcher_serves_the_certificate_stylesheet_from_the_static_files():
    from django.contrib.staticfiles import finders

    response = pdf._fetcher().fetch("static:css/certificate.css")

    with open(finders.find("css/certificate.css"), "rb") as file:
        assert response.read() == file.read()
    assert response.content_type == "text/css"


def test_the_fetcher_serves_data_urls():
    response = pdf._fetcher().fetch("data:text/plain;base64,eGluIGNow6Bv")
    assert response.read() == "xin chào".encode()


# --- which template


def test_template_names_are_per_course_then_per_kind_then_the_default():
    assert pdf.template_names(kind="course", source_slug="khoa-hoc-7") == [
        "certification/certificates/pdf/course-khoa-hoc-7.html",
        "certification/certificates/pdf/course.html",
        "certification/certificates/pdf/default.html",
    ]


def test_template_names_without_a_course_are_per_kind_then_the_default():
    assert pdf.template_names(kind="assessment") == [
        "certification/certificates/pdf/assessment.html",
        "certification/certificates/pdf/default.html",
    ]


def test_a_course_template_is_used_when_it_exists(settings, tmp_path):
    folder = tmp_path / "certification" / "certificates" / "pdf"
    folder.mkdir(parents=True)
    (folder / "course-khoa-hoc-7.html").write_text("riêng cho khóa học {{ s.holder }}")
    templates = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    settings.TEMPLATES = templates

    html = pdf.render_html(context={"s": {"holder": "Xuân"}}, kind="course",
                           source_slug="khoa-hoc-7", language="vi")
    assert html == "riêng cho khóa học Xuân"


def test_without_course_or_kind_templates_the_default_is_used():
    template = select_template(pdf.template_names(kind="course", source_slug="no-such-course"))
    assert template.origin.template_name == "certification/certificates/pdf/default.html"


# --- the rendered certificate


def test_a_rendered_certificate_is_one_pdf_page(certificate):
    path = rendered(certificate).pdf.path
    with open(path, "rb") as file:
        assert file.read(5) == b"%PDF-"
    assert pdf_pages(path) == 1


def test_a_rendered_certificate_shows_the_vietnamese_name_intact(certificate):
    assert HOLDER_NAME in pdf_text(rendered(certificate).pdf.path)


def test_a_rendered_certificate_shows_the_grouped_code(certificate):
    assert certificate.code_grouped in pdf_text(rendered(certificate).pdf.path)


def test_a_rendered_certificate_shows_what_it_certifies(certificate):
    text = " ".join(pdf_text(rendered(certificate).pdf.path).split())
    snapshot = certificate.snapshot
    assert snapshot["course"] in text
    assert snapshot["trainer"] in text
    assert snapshot["cooperative"] in text


def test_a_long_vietnamese_name_still_fits_on_one_page(certificate):
    long_name = "Tôn Nữ Thị Phương Thảo Nguyễn Hoàng Bảo Ngọc Quỳnh"
    Certificate.objects.filter(pk=certificate.pk).update(
        snapshot={**certificate.snapshot, "holder": long_name,
                  "course": "Quản lý tài chính, kế toán và kiểm soát nội bộ cho hợp tác xã "
                            "nông nghiệp quy mô nhỏ và vừa ở vùng đồng bằng"})
    assert pdf_pages(rendered(certificate).pdf.path) == 1


def test_the_certificate_html_is_in_the_certificate_language(certificate):
    assert '<html lang="vi">' in services.certificate_html(certificate)
    certificate.language = "en"
    assert '<html lang="en">' in services.certificate_html(certificate)


def test_english_and_vietnamese_certificates_are_worded_differently(certificate):
    vietnamese = pdf_text(rendered(certificate).pdf.path)
    Certificate.objects.filter(pk=certificate.pk).update(language="en")
    english = pdf_text(rendered(certificate).pdf.path)

    assert english != vietnamese
    for text in (english, vietnamese):  # the same certificate, whatever the wording
        assert certificate.snapshot["course"] in text
        assert HOLDER_NAME in text


def test_the_english_certificate_is_worded_in_english(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(language="en")
    text = pdf_text(rendered(certificate).pdf.path).casefold()
    assert "certificate of completion" in text
    assert "trainer" in text


# --- what the renderer may fetch


def test_a_file_url_in_the_html_is_refused_and_the_pdf_still_renders(
        fetch_log, network_and_files_untouched):
    content = pdf.html_to_pdf('<p>Chứng chỉ</p><img src="file:///etc/hostname" alt="">')

    assert content.startswith(b"%PDF-")
    refused = [result for url, result in fetch_log if url == "file:///etc/hostname"]
    assert refused, "the fetcher was never asked for file:///etc/hostname"
    assert all(isinstance(result, ValueError) for result in refused)


def test_a_network_stylesheet_in_the_html_is_refused_and_the_pdf_still_renders(
        fetch_log, network_and_files_untouched):
    content = pdf.html_to_pdf(
        '<link rel="stylesheet" href="http://example.com/x.css"><p>Chứng chỉ</p>')

    assert content.startswith(b"%PDF-")
    refused = [result for url, result in fetch_log if url == "http://example.com/x.css"]
    assert refused, "the fetcher was never asked for http://example.com/x.css"
    assert all(isinstance(result, ValueError) for result in refused)


def test_a_css_url_to_a_file_is_refused_and_the_pdf_still_renders(
        fetch_log, network_and_files_untouched):
    content = pdf.html_to_pdf(
        '<p style="background: url(file:///etc/passwd)">Chứng chỉ</p>')

    assert content.startswith(b"%PDF-")
    refused = [result for url, result in fetch_log if url == "file:///etc/passwd"]
    assert refused, "the fetcher was never asked for file:///etc/passwd"
    assert all(isinstance(result, ValueError) for result in refused)
