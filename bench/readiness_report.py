"""Benchmark: the readiness report PDF of the largest shipped checklist, fully answered and
submitted, rendered by the project (`readiness_report_render_pdf(force=True)`: context, template,
WeasyPrint, storage) against bare WeasyPrint on a plain one-page HTML, in one run.

Usage: python bench/readiness_report.py [N]   (default N=5). Builds a scratch SQLite database
and media folder in a temporary directory (migrate, `load_checklists`, one cooperative and its
manager), so it never touches the development database. Prints medians, their ratio, the PDF's
pages and bytes, and the memory peak of one render; not a test, nothing is asserted."""

import atexit
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
SCRATCH = tempfile.mkdtemp(prefix="bench-readiness-")
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH}/bench.sqlite3"
os.environ["DJANGO_MEDIA_ROOT"] = f"{SCRATCH}/media"
os.environ["DJANGO_PRIVATE_MEDIA_ROOT"] = f"{SCRATCH}/private"
os.environ["CELERY_BROKER_URL"] = ""  # eager tasks: submitting renders the first PDF in-process
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from weasyprint import HTML  # noqa: E402

from certification import scoring  # noqa: E402
from certification.assessments import services as assessment_services  # noqa: E402
from certification.checklists.selectors import checklist_of  # noqa: E402
from certification.models import ReadinessReport, StandardVersion  # noqa: E402
from certification.reports import services as report_services  # noqa: E402
from lms.accounts.models import User  # noqa: E402
from lms.cooperatives.models import Cooperative, Membership, Province  # noqa: E402

BASELINE_HTML = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<style>@page { size: A4; margin: 20mm } body { font-family: "DejaVu Sans"; font-size: 10pt }</style>
</head><body><h1>Báo cáo sẵn sàng chứng nhận</h1>
<p>Hợp tác xã Vải thiều Phượng Sơn, tỉnh Bắc Ninh: một trang văn bản thuần để so sánh.</p>
</body></html>"""

# A mix that leaves gaps of every kind: mostly compliant, some not, some not applicable.
COMPLIANCE_MIX = ([scoring.COMPLIANT] * 6 + [scoring.NOT_COMPLIANT] * 2
                  + [scoring.NOT_APPLICABLE])


def largest_version() -> StandardVersion:
    return (StandardVersion.objects.filter(status=StandardVersion.Status.PUBLISHED)
            .annotate(points=Count("sections__control_points"))
            .order_by("-points", "pk").first())


def submitted_report(version: StandardVersion) -> ReadinessReport:
    manager = User.objects.create_user(email="quanly@bench.example", password="x",
                                       full_name="Nguyễn Thị Hồng Xuân",
                                       preferred_language="vi")
    cooperative = Cooperative.objects.create(
        name="Hợp tác xã Vải thiều Phượng Sơn", registration_code="2400999999",
        province=Province.objects.get(name="Bắc Ninh"), sector=Cooperative.Sector.CROP)
    Membership.objects.create(user=manager, cooperative=cooperative,
                              role=Membership.Role.MANAGER, status=Membership.Status.ACTIVE)
    assessment = assessment_services.assessment_start(cooperative=cooperative,
                                                      standard=version.standard, user=manager)
    tags = {question.tag: True for question in version.profile_questions.all()}
    assessment_services.assessment_profile_save(assessment=assessment, user=manager,
                                                answers=tags)
    for index, point in enumerate(checklist_of(version).points):
        options = [option.code for option in point.options.all()]
        if options:
            value = options[index % len(options)]
        else:
            value = COMPLIANCE_MIX[index % len(COMPLIANCE_MIX)]
            if value == scoring.NOT_APPLICABLE and not point.na_allowed:
                value = scoring.NOT_COMPLIANT
        justification = "Đã kiểm tra sổ ghi chép" if index % 3 else ""
        assessment_services.answer_save(assessment=assessment, control_point=point,
                                        user=manager, value=value,
                                        justification=justification)
    with transaction.atomic():
        return report_services.assessment_submit(assessment=assessment, user=manager)


def timed(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def page_count(data: bytes) -> str:
    """Pages by poppler's pdfinfo (the PDF's objects are compressed), "?" without it."""
    try:
        info = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True,
                              text=False).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        return "?"
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    return match.group(1) if match else "?"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_checklists", stdout=open(os.devnull, "w"))  # noqa: SIM115
    version = largest_version()
    points = checklist_of(version).points
    report = submitted_report(version)
    report.refresh_from_db()

    def project():
        assert report_services.readiness_report_render_pdf(
            report_id=report.pk, language="vi", force=True)

    def html_only():
        report_services.readiness_report_html(report, "vi")

    def bare():
        HTML(string=BASELINE_HTML).write_pdf()

    project()  # the one-off set-up (fonts, stylesheet, templates), not counted
    bare()
    rendered = timed(project, runs)
    html = timed(html_only, runs)
    baseline = timed(bare, runs)
    report.refresh_from_db()
    data = report.pdfs.get(language="vi").file.read()

    tracemalloc.start()
    project()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    r, h, b = (statistics.median(values) for values in (rendered, html, baseline))
    snapshot = report.snapshot
    print(f"readiness report PDF: {version} ({len(points)} control points, "
          f"{len(snapshot.get('gaps', []))} gaps, "
          f"{report.assessment.corrective_actions.count()} corrective actions), N={runs}")
    print(f"  bare WeasyPrint, plain page  median {b * 1000:8.1f} ms")
    print(f"  report HTML (context+template) median {h * 1000:6.1f} ms")
    print(f"  report PDF (render_pdf)      median {r * 1000:8.1f} ms")
    print(f"  ratio report / plain page: {r / b:.1f}")
    print(f"  PDF: {page_count(data)} pages, {len(data) / 1024:.0f} KiB")
    print(f"  memory: Python peak during one render {peak / 1024 / 1024:.1f} MiB, "
          f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
