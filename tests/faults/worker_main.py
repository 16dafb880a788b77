"""`python -m tests.faults.worker_main worker ...`: a real Celery worker with faults injected,
for the fault tests only. What to inject comes from the environment:

- LMS_TEST_RENDER_FAILS=N with LMS_TEST_FAULT_DIR: the first N renders of each PDF (by its
  content, counted in files there, across processes and restarts) raise, as a renderer that
  fails for a while;
- LMS_TEST_SLOW_PDF=seconds: every PDF added to a ZIP takes that long, so a test can kill the
  worker in the middle of a build."""

import hashlib
import os
import sys
import time
from pathlib import Path

from celery.signals import worker_init, worker_process_init

_done = []


def _inject(**kwargs):
    if _done:
        return
    _done.append(True)
    from certification.certificates import pdf, services

    fails = int(os.environ.get("LMS_TEST_RENDER_FAILS", "0"))
    if fails:
        folder = Path(os.environ["LMS_TEST_FAULT_DIR"])
        real_render = pdf.html_to_pdf

        def flaky(html, *args, **kwargs):
            marker = folder / hashlib.sha256(html.encode()).hexdigest()
            with marker.open("a") as tries:
                tries.write("x")
            if len(marker.read_text()) <= fails:
                raise RuntimeError("renderer not ready (injected)")
            return real_render(html, *args, **kwargs)

        pdf.html_to_pdf = flaky

    slow = float(os.environ.get("LMS_TEST_SLOW_PDF", "0"))
    if slow:
        real_content = services.certificate_pdf_content

        def slow_content(**kwargs):
            time.sleep(slow)
            return real_content(**kwargs)

        services.certificate_pdf_content = slow_content


worker_init.connect(_inject)
worker_process_init.connect(_inject)

if __name__ == "__main__":
    from celery.__main__ import main

    sys.argv = ["celery", *sys.argv[1:]]
    sys.exit(main())
