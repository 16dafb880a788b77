"""Many machines (issue 17): two gunicorn web servers and one Celery worker (with beat), each with
empty local media folders of its own, on the same PostgreSQL, Redis and S3-compatible object
store, run as production runs (DJANGO_DEBUG=0, collected static files, lms/gunicorn_config.py).

What one process writes, another serves: a learner completes a course through web 1 and the
worker issues the certificate, whose PDF and verify page web 2 serves; an officer's ZIP built by
the worker downloads through web 2; an evidence photo uploaded through web 2 is in the report PDF
the worker renders. A new visitor sees the course image at the object store's public address,
and nobody without keys gets any private file. No process writes a local media file.

Runs in CI's second pass (PostgreSQL, Redis, `make object-store`)."""

import contextlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from certification.models import (
    Certificate,
    ControlPoint,
    EvidencePhoto,
    ReadinessReportPdf,
)
from lms.cooperatives.models import Membership
from lms.exports.models import Export
from lms.object_storage import read_anonymously
from tests.celery_worker import BASE_DIR, database_url, requires_broker
from tests.certification.reports.test_report import answer_all
from tests.certification.reports.test_report_photos import pdf_images, pdf_text
from tests.factories import CooperativeFactory, MembershipFactory, OfficerFactory, UserFactory
from tests.factories.accounts import PASSWORD
from tests.factories.checklists import assessment_for, globalgap_dict, version_from_dict
from tests.factories.courses import lessons_of, make_course
from tests.faults.conftest import free_port
from tests.object_store import keys, local_files, requires_object_store

pytestmark = [
    pytest.mark.worker,
    requires_broker,
    requires_object_store,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WAIT = 120  # seconds for any one piece of background work
SCREENSHOTS = BASE_DIR / "build" / "screenshots"
HOLDER = "Nguyễn Thị Hoa"


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory):
    """What `collectstatic` writes on a release (compressed, with hashed names)."""
    root = tmp_path_factory.mktemp("static")
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity=0"],
                   cwd=BASE_DIR, check=True, env={**os.environ, "DJANGO_DEBUG": "0",
                                                  "DJANGO_SECRET_KEY": "collect-only",
                                                  "REDIS_URL": "redis://127.0.0.1:1/0",
                                                  "DJANGO_STATIC_ROOT": str(root)})
    return root


class WebServer:
    """`gunicorn -c lms/gunicorn_config.py lms.wsgi` on a free port, in its own process group."""

    def __init__(self, name: str, folder: Path, env: dict):
        self.name, self.port = name, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / f"{name}.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "lms/gunicorn_config.py",
             "--bind", f"127.0.0.1:{self.port}", "--workers", "2", "lms.wsgi"],
            cwd=BASE_DIR, env=env, stdout=self.log.open("w"), stderr=subprocess.STDOUT,
            start_new_session=True)
        # The socket listens before the workers have loaded the app: on a busy machine the first
        # answer takes a while.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with contextlib.suppress(requests.ConnectionError, requests.Timeout):
                if requests.get(f"{self.url}/health/live/", timeout=30).status_code == 200:
                    return
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        pytest.fail(f"{name} did not start:\n{self.log.read_text()[-4000:]}")

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)


class Person:
    """A browser's cookies, used against either web server (both are 127.0.0.1)."""

    def __init__(self):
        self.session = requests.Session()

    def get(self, url, **kwargs):
        return self.session.get(url, timeout=60, **kwargs)

    def post(self, url, data=None, files=None, headers=None):
        token = self.session.cookies.get("csrftoken")
        if token is None:
            self.get(url)
            token = self.session.cookies.get("csrftoken")
        return self.session.post(url, data={**(data or {}), "csrfmiddlewaretoken": token},
                                 files=files, headers={"Referer": url, **(headers or {})},
                                 timeout=60)

    def sign_in(self, web, user):
        # The suite hashes passwords with MD5 for speed; production servers know only real
        # hashers, so the person's password is stored as they would store it.
        type(user).objects.filter(pk=user.pk).update(
            password=PBKDF2PasswordHasher().encode(PASSWORD, "manymachines", iterations=1000))
        response = self.post(f"{web.url}/accounts/login/",
                             {"login": user.email, "password": PASSWORD})
        assert response.status_code == 200 and "/accounts/login/" not in response.url, \
            re.sub(r"<[^>]+>|\s+", " ", response.text.split("<main", 1)[-1])[:1500]


# A new visitor's browser (Debian's Chromium, in a process of its own): every image on the page
# drawn, none refused by the page's Content-Security-Policy.
BROWSER = """
import json, sys
from playwright.sync_api import sync_playwright
executable, url, shot = sys.argv[1:4]
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=executable, headless=True, args=[
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"])
    page = browser.new_page(viewport={"width": 360, "height": 780})
    refused = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(url)
    for image in page.locator("img").all():
        image.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    images = page.evaluate(
        "Array.from(document.images).map(i => [i.currentSrc, i.complete && i.naturalWidth > 0])")
    page.screenshot(path=shot, full_page=True)
    browser.close()
print(json.dumps({"images": images, "refused": refused}))
"""


def seen_by_a_browser(url: str, shot: Path) -> dict:
    executable = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if executable is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("Chromium is not installed (apt-get install chromium)")
        return {}
    shot.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-c", BROWSER, executable, url, str(shot)],
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def wait_for(condition, *, what: str, logs):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}:\n" + "\n".join(
        f"--- {log.name}\n{log.read_text()[-3000:]}" for log in logs))


def jpeg(colour) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (800, 600), colour).save(out, "JPEG")
    return out.getvalue()


def test_two_web_servers_and_a_worker_share_only_the_services(
        tmp_path, start_worker, broker, object_store, collected_static):
    # --- what the trainer and the union set up (in this process, on the same object store)
    cooperative = CooperativeFactory(name="Hợp tác xã Vải thiều Thanh Hà")
    learner = UserFactory(full_name=HOLDER)
    MembershipFactory(user=learner, cooperative=cooperative)
    manager = UserFactory(full_name="Trần Văn Nam")
    MembershipFactory(user=manager, cooperative=cooperative, role=Membership.Role.MANAGER)
    officer = OfficerFactory(provinces=[cooperative.province])
    course = make_course(lessons=1, quiz=False)
    cover = io.BytesIO()
    PILImage.new("RGB", (900, 600), (30, 120, 60)).save(cover, "PNG")
    course.cover_image = get_image_model().objects.create(
        title="Vườn vải", file=SimpleUploadedFile("vuon-vai.png", cover.getvalue()))
    course.save_revision().publish()
    version = version_from_dict(globalgap_dict())
    assessment = assessment_for(cooperative=cooperative, version=version, user=manager)
    answer_all(assessment, manager)
    point = ControlPoint.objects.filter(section__version=version).order_by("pk").first()

    # --- three machines: each its own empty media folders, the same services
    folders = {name: tmp_path / name for name in ("web1", "web2", "worker")}
    common = {
        **os.environ, **object_store,
        "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "many-machines-test-key",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SECURE_HTTPS": "0",
        "DJANGO_STATIC_ROOT": str(collected_static), "LMS_LOG_FORMAT": "json",
        "DATABASE_URL": database_url(), "CELERY_BROKER_URL": broker.url,
        "REDIS_URL": broker.url.rsplit("/", 1)[0] + "/1",
    }

    def machine_env(name):
        return {**common, "DJANGO_MEDIA_ROOT": str(folders[name] / "media"),
                "DJANGO_PRIVATE_MEDIA_ROOT": str(folders[name] / "private")}

    worker = start_worker(env=machine_env("worker"), name="worker")
    web1 = WebServer("web1", tmp_path, {**machine_env("web1"), "SITE_URL": "http://web1"})
    web2 = WebServer("web2", tmp_path, {**machine_env("web2"), "SITE_URL": "http://web2"})
    logs = [worker.log, web1.log, web2.log]
    try:
        # --- a new visitor on web 2 sees the course image, from the object store
        catalog = requests.get(f"{web2.url}{course.get_parent().url}", timeout=60)
        assert catalog.status_code == 200
        images = re.findall(r'<img[^>]+class="course-card__image"[^>]+src="([^"]+)"', catalog.text)
        assert images, catalog.text[-3000:]
        for src in images:
            assert src.startswith(common["LMS_S3_ENDPOINT_URL"]), src
            picture = requests.get(src, timeout=30)
            assert picture.status_code == 200, src
            with PILImage.open(io.BytesIO(picture.content)) as drawn:
                assert drawn.width > 0
        seen = seen_by_a_browser(f"{web2.url}{course.get_parent().url}",
                                 SCREENSHOTS / "many-machines-catalog-360.png")
        if seen:
            assert seen["refused"] == [] and seen["images"], seen
            assert all(drawn for _, drawn in seen["images"]), seen["images"]
        # Static files: hashed names, compressed, kept for a year by browsers.
        stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', catalog.text).group(1)
        assert re.search(r"/static/css/site\.[0-9a-f]{12}\.css$", stylesheet), stylesheet
        served = requests.get(f"{web1.url}{stylesheet}", timeout=30,
                              headers={"Accept-Encoding": "gzip"})
        assert served.status_code == 200 and served.headers["Content-Encoding"] == "gzip"
        assert "max-age=315360000" in served.headers["Cache-Control"]

        # --- a learner completes the course through web 1
        learner_browser = Person()
        learner_browser.sign_in(web1, learner)
        course_url = f"{web1.url}{course.url}"
        assert learner_browser.post(course_url, {"action": "enroll"}).status_code == 200
        lesson = lessons_of(course)[0]
        completed = learner_browser.post(f"{web1.url}{lesson.url}", {},
                                         headers={"X-Request-ID": "many-machines-complete-1"})
        assert completed.status_code == 200

        # ... the worker issues the certificate and renders its PDF
        certificate = wait_for(
            lambda: Certificate.objects.filter(recipient=learner).exclude(pdf="").first(),
            what="the worker to issue the certificate with its PDF", logs=logs)

        # ... and web 2 serves the PDF to the learner (the session is shared) and the verify page
        pdf = learner_browser.get(f"{web2.url}/certificates/{certificate.code}/pdf/")
        assert pdf.status_code == 200 and pdf.content[:5] == b"%PDF-"
        assert HOLDER in pdf_text(pdf.content, tmp_path)
        verify = requests.get(f"{web2.url}/verify/{certificate.code}/", timeout=60)
        assert verify.status_code == 200 and HOLDER in verify.text

        # The worker's lines for that certificate carry the request id of the completion.
        lines = [json.loads(line) for line in worker.log.read_text().splitlines()
                 if line.startswith("{")]
        assert any(line["request_id"] == "many-machines-complete-1"
                   and "issue_course_certificate" in line["message"] for line in lines), lines[-20:]
        assert {"time", "level", "logger", "request_id", "message"} <= set(lines[-1])

        # --- an officer asks web 1 for the province's certificates as a ZIP; web 2 gives it
        officer_browser = Person()
        officer_browser.sign_in(web1, officer)
        asked = officer_browser.post(f"{web1.url}/certificates/exports/",
                                     {"province": cooperative.province_id})
        assert asked.status_code == 200
        export = wait_for(lambda: Export.objects.filter(requested_by=officer,
                                                        status=Export.Status.DONE).first(),
                          what="the worker to build the ZIP", logs=logs)
        archive = officer_browser.get(f"{web2.url}/exports/{export.pk}/download/")
        assert archive.status_code == 200
        with zipfile.ZipFile(io.BytesIO(archive.content)) as built:
            names = built.namelist()
            pdfs = [name for name in names if name.endswith(".pdf")]
            assert len(pdfs) == 1, names
            assert built.read(pdfs[0]) == pdf.content

        # --- the manager uploads an evidence photo through web 2 and submits there
        manager_browser = Person()
        manager_browser.sign_in(web2, manager)
        uploaded = manager_browser.post(
            f"{web2.url}/readiness/{assessment.pk}/points/{point.pk}/photos/",
            files={"photo": ("kho-phan.jpg", jpeg((180, 40, 40)), "image/jpeg")})
        assert uploaded.status_code == 200
        submitted = manager_browser.post(f"{web2.url}/readiness/{assessment.pk}/submit/")
        assert submitted.status_code == 200 and f"/readiness/{assessment.pk}/report/" in \
            submitted.url
        row = wait_for(lambda: ReadinessReportPdf.objects.filter(
            report__assessment=assessment, language="vi").exclude(file="").first(),
            what="the worker to render the report PDF", logs=logs)
        report_pdf = manager_browser.get(
            f"{web1.url}/readiness/{assessment.pk}/report/pdf/?lang=vi")
        assert report_pdf.status_code == 200 and report_pdf.content[:5] == b"%PDF-"
        assert pdf_images(report_pdf.content, tmp_path) >= 1
        assert point.code in pdf_text(report_pdf.content, tmp_path)

        # --- nobody without keys gets any private file, at the store or at the app
        private = storages["private"]
        private_names = [certificate.pdf.name, export.file.name, row.file.name,
                         *EvidencePhoto.objects.filter(answer__assessment=assessment)
                         .values_list("image", flat=True)]
        stored = keys(object_store["LMS_S3_PRIVATE_BUCKET"])
        for name in private_names:
            assert name in stored, name
            assert read_anonymously(private.anonymous_address(name)) == (403, b""), name
            assert read_anonymously(f"{common['LMS_S3_ENDPOINT_URL']}/"
                                    f"{object_store['LMS_S3_PUBLIC_BUCKET']}/{name}")[0] in (
                403, 404), name
            for web in (web1, web2):
                assert requests.get(f"{web.url}/media/{name}", timeout=30).status_code == 404
        for address in (f"/certificates/{certificate.code}/pdf/",
                        f"/exports/{export.pk}/download/",
                        f"/readiness/{assessment.pk}/report/pdf/?lang=vi"):
            response = requests.get(f"{web2.url}{address}", timeout=30, allow_redirects=False)
            assert response.status_code in (302, 403, 404), address
            assert b"%PDF" not in response.content and b"PK\x03\x04" not in response.content

        # --- and no machine kept a file of its own
        assert local_files(*folders.values()) == []
    finally:
        web1.stop()
        web2.stop()
