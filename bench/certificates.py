"""Benchmark: certificate PDFs through the project's renderer (shared font configuration and
stylesheet, static-only fetcher) against bare WeasyPrint on the same HTML and CSS, in one run.

Usage: python bench/certificates.py [N]   (default N=20). Prints the median seconds per PDF of each
and their ratio; not a test, nothing is asserted."""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")

import django  # noqa: E402

django.setup()

from django.contrib.staticfiles import finders  # noqa: E402
from django.utils import timezone  # noqa: E402
from weasyprint import CSS, HTML  # noqa: E402

from certification.certificates import pdf, services  # noqa: E402
from certification.certificates.codes import code_new  # noqa: E402
from certification.models import Certificate  # noqa: E402


def sample_certificate(i: int) -> Certificate:
    return Certificate(
        code=code_new(), kind=Certificate.Kind.COURSE, language="vi", issued_at=timezone.now(),
        snapshot={"holder": f"Nguyễn Thị Hồng Xuân {i}", "course": "Kế toán cơ bản cho hợp tác xã",
                  "hours": "4", "completed_on": "2026-11-20", "trainer": "Phạm Quốc Huy",
                  "cooperative": "Hợp tác xã Vải thiều Phượng Sơn",
                  "union": "Liên minh Hợp tác xã tỉnh Bắc Ninh"},
    )


def timed(render, documents) -> list[float]:
    times = []
    for html in documents:
        start = time.perf_counter()
        render(html)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    documents = [services.certificate_html(sample_certificate(i)) for i in range(n)]
    css_text = Path(finders.find(pdf.STYLESHEET)).read_text(encoding="utf-8")
    # Bare WeasyPrint: a new stylesheet and font configuration per document, default fetcher.
    bare_html = [html.replace("static:", f"file://{Path(finders.find('img/logo.svg')).parent.parent}/")
                 for html in documents]

    def bare(html):
        return HTML(string=html).write_pdf(stylesheets=[CSS(string=css_text)])

    pdf.html_to_pdf(documents[0])  # the project's one-off set-up, not counted
    project = timed(pdf.html_to_pdf, documents)
    baseline = timed(bare, bare_html)
    p, b = statistics.median(project), statistics.median(baseline)
    print(f"certificates: N={n}")
    print(f"  bare WeasyPrint   median {b * 1000:7.1f} ms per PDF")
    print(f"  project renderer  median {p * 1000:7.1f} ms per PDF")
    print(f"  ratio project / bare: {p / b:.2f}")


if __name__ == "__main__":
    main()
