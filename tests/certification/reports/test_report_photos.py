"""The readiness report's PDF shows the evidence photos attached to the answers (their
thumbnails, a few per requirement), read by the renderer through the storage API under keys the
render gives itself: a `stored:` address that is not one of this report's photos is refused."""

import shutil
import subprocess
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from certification.assessments import services as assessment_services
from certification.certificates import pdf
from certification.models import ControlPoint, ReadinessReportPdf
from certification.reports import services as report_services
from tests.certification.reports.test_report import answer_all
from tests.factories.checklists import assessment_for, globalgap_dict, version_from_dict

pytestmark = pytest.mark.django_db


def photo(colour, name="anh.jpg") -> ContentFile:
    out = BytesIO()
    Image.new("RGB", (64, 48), colour).save(out, "JPEG")
    return ContentFile(out.getvalue(), name=name)


def pdf_images(content: bytes, tmp_path) -> int:
    """How many images the PDF draws (poppler's pdfimages)."""
    if not shutil.which("pdfimages"):
        pytest.skip("pdfimages (poppler-utils) is needed to count a PDF's images")
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True,
                             check=True).stdout.splitlines()
    return len(listing) - 2  # two lines of heading


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "report-text.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture
def submitted_with_photos(cooperative, manager, django_capture_on_commit_callbacks, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    version = version_from_dict(globalgap_dict())
    assessment = assessment_for(cooperative=cooperative, version=version, user=manager)
    answer_all(assessment, manager)
    first, second = ControlPoint.objects.filter(section__version=version).order_by("pk")[:2]
    for colour in [(200, 30, 30)] * (report_services.PDF_PHOTOS_PER_POINT + 1):
        assessment_services.evidence_add(assessment=assessment, control_point=first,
                                         user=manager, upload=photo(colour))
    assessment_services.evidence_add(assessment=assessment, control_point=second, user=manager,
                                     upload=photo((30, 30, 200)))
    with django_capture_on_commit_callbacks(execute=True):
        report = report_services.assessment_submit(assessment=assessment, user=manager)
    return report, first, second


def test_the_pdf_shows_a_few_photos_per_requirement_and_counts_the_rest(
        submitted_with_photos, tmp_path):
    report, first, second = submitted_with_photos
    row = ReadinessReportPdf.objects.get(report=report, language="vi")
    content = row.file.read()

    # Three of the first point's four photos, and the second point's one.
    assert pdf_images(content, tmp_path) == report_services.PDF_PHOTOS_PER_POINT + 1
    text = pdf_text(content, tmp_path)
    assert "Ảnh minh chứng" in text
    assert first.code in text and second.code in text
    assert "và 1 ảnh khác" in text


def test_a_report_without_photos_has_no_photo_section(cooperative, manager, settings,
                                                      django_capture_on_commit_callbacks,
                                                      tmp_path):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    assessment = assessment_for(cooperative=cooperative, version=version_from_dict(
        globalgap_dict()), user=manager)
    answer_all(assessment, manager)
    with django_capture_on_commit_callbacks(execute=True):
        report = report_services.assessment_submit(assessment=assessment, user=manager)
    content = ReadinessReportPdf.objects.get(report=report, language="vi").file.read()
    assert "Ảnh minh chứng" not in pdf_text(content, tmp_path)


def test_the_fetcher_reads_only_the_stored_files_it_was_given(submitted_with_photos):
    report, _, _ = submitted_with_photos
    _, files = report_services.report_photos(report, "vi")
    key, stored = next(iter(files.items()))
    fetcher = pdf.StaticOnlyFetcher(allowed_protocols={"data", "static", "stored"}, files=files)

    assert fetcher.fetch(f"stored:{key}").read() == stored.storage.open(stored.name).read()
    for refused in ["stored:evidence-0", f"stored:{stored.name}", "stored:../settings.py"]:
        with pytest.raises(ValueError, match="not a file of this document"):
            fetcher.fetch(refused)
    # Without files (a certificate), nothing stored is readable at all.
    with pytest.raises(ValueError):
        pdf._fetcher().fetch(f"stored:{key}")
