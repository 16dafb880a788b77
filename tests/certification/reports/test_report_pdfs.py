"""The readiness report's PDFs (issue 14, "nothing lost"): one per language, so printing it in
English never takes the cooperative's Vietnamese copy away; a failed render is tried again by
the sweep with backoff and given up after the last try, which the page then says; a member's
retry starts afresh; a submission while the broker is down still succeeds, and the sweep makes
what it could not hand over, as it does for reports from before PDFs had rows."""

import datetime
import re
import threading
import time

import pytest
from celery import current_app
from django.core.files.storage import storages
from django.db import connection, connections
from django.test import Client
from django.utils import timezone
from kombu.exceptions import OperationalError

from certification.certificates import pdf
from certification.models import ReadinessReportPdf
from certification.reports import services as report_services
from lms.accounts.closing import account_close
from tests.certification.reports.test_report import answer_all, pdf_row, stored_pdf, submitted, url
from tests.factories import CooperativeFactory, OfficerFactory
from tests.factories.checklists import assessment_for, globalgap_dict, version_from_dict

pytestmark = pytest.mark.django_db

RENDER_TASK = "certification.render_readiness_report_pdf"
CERTIFICATE_TASK = "certification.issue_assessment_certificate"


class FakeRenderer:
    """Stands in for WeasyPrint: each report PDF it makes says which one it was; broken, it
    fails. The submitter's certificate, made too, is not counted."""

    def __init__(self):
        self.calls = 0
        self.broken = False

    def __call__(self, html, stylesheet=None, files=None):
        if stylesheet is not pdf.REPORT_STYLESHEET:
            return b"%PDF-1.4 certificate"
        self.calls += 1
        if self.broken:
            raise RuntimeError("no fonts")
        return b"%%PDF-1.4 copy %d" % self.calls


@pytest.fixture
def renderer(monkeypatch):
    fake = FakeRenderer()
    monkeypatch.setattr(pdf, "html_to_pdf", fake)
    return fake


@pytest.fixture
def retries(settings):
    settings.LMS_RETRY_MAX_TRIES = 3
    settings.LMS_RETRY_BASE_SECONDS = 10
    settings.LMS_RETRY_MAX_DELAY_SECONDS = 3600
    return settings


@pytest.fixture
def cooperative(db):
    return CooperativeFactory(name="Hợp tác xã Chè Tân Cương")


@pytest.fixture
def globalgap(db):
    return version_from_dict(globalgap_dict())


@pytest.fixture
def english_manager(manager):
    manager.preferred_language = "en"
    manager.save()
    return manager


def submit(version, cooperative, user, capture):
    """Submit as a person does: the hand-overs run once the submission commits."""
    assessment = assessment_for(cooperative=cooperative, version=version, user=user)
    answer_all(assessment, user, AF_1="not_compliant")
    with capture(execute=True):
        return report_services.assessment_submit(assessment=assessment, user=user)


def download(client, report, language: str):
    return client.get(url("report_pdf", report.assessment_id) + f"?lang={language}")


def broker_down(monkeypatch, *names):
    def refuse(self, *args, **kwargs):
        raise OperationalError("[Errno 111] Connection refused")

    for name in names:
        monkeypatch.setattr(type(current_app.tasks[name]), "apply_async", refuse)


# --- one PDF per language ----------------------------------------------------------------------


def test_an_officer_downloading_the_english_pdf_keeps_the_cooperatives_vietnamese_one(
        client, globalgap, cooperative, manager, renderer, django_capture_on_commit_callbacks):
    report = submit(globalgap, cooperative, manager, django_capture_on_commit_callbacks)
    vietnamese = pdf_row(report, "vi")
    assert vietnamese.file and renderer.calls == 1
    officer = OfficerFactory(provinces=[cooperative.province], preferred_language="en")
    client.force_login(officer)

    page = client.get(url("report", report.assessment_id)).content.decode()
    english = download(client, report, "en")

    assert "Make and download the PDF" in page
    assert "Download the PDF in Tiếng Việt" in page  # the cooperative's copy, offered as it is
    assert english.status_code == 200
    assert b"".join(english.streaming_content) == b"%PDF-1.4 copy 2"
    assert storages["private"].exists(vietnamese.file.name)
    assert pdf_row(report, "vi").file.name == vietnamese.file.name
    again = download(client, report, "vi")
    assert b"".join(again.streaming_content) == b"%PDF-1.4 copy 1"
    assert renderer.calls == 2
    client.force_login(manager)
    theirs = client.get(url("report", report.assessment_id)).content.decode()
    assert "Tải về bản PDF bằng English" in theirs


def test_rendering_one_language_again_leaves_one_file_and_the_other_language_alone(
        globalgap, cooperative, manager, renderer, django_capture_on_commit_callbacks):
    report = submit(globalgap, cooperative, manager, django_capture_on_commit_callbacks)
    report_services.readiness_report_render_pdf(report_id=report.pk, language="en")
    first_vi, first_en = pdf_row(report, "vi").file.name, pdf_row(report, "en").file.name

    assert report_services.readiness_report_render_pdf(report_id=report.pk, language="en",
                                                       force=True)

    private = storages["private"]
    last_en = pdf_row(report, "en").file.name
    assert last_en != first_en and not private.exists(first_en) and private.exists(last_en)
    assert pdf_row(report, "vi").file.name == first_vi and private.exists(first_vi)
    assert not report_services.readiness_report_render_pdf(report_id=report.pk, language="vi")
    assert renderer.calls == 3  # a PDF already made is not made again


# --- failures, tried again, then given up --------------------------------------------------


def test_a_failed_pdf_is_tried_again_by_the_sweep_after_a_backoff_until_the_last_try(
        client, retries, globalgap, cooperative, english_manager, renderer,
        django_capture_on_commit_callbacks):
    renderer.broken = True
    before = timezone.now()
    report = submit(globalgap, cooperative, english_manager, django_capture_on_commit_callbacks)
    row = pdf_row(report, "en")
    assert (row.tries, row.error, row.file.name) == (1, "RuntimeError: no fonts", "")
    assert before + datetime.timedelta(seconds=5) <= row.next_try_at
    assert row.next_try_at <= timezone.now() + datetime.timedelta(seconds=10)
    client.force_login(english_manager)
    assert "Being prepared" in client.get(url("report", report.assessment_id)).content.decode()

    assert report_services.readiness_report_pdf_sweep(now=before) == 0  # not due yet
    assert renderer.calls == 1
    assert report_services.readiness_report_pdf_sweep(now=row.next_try_at) == 1
    row = pdf_row(report, "en")
    assert row.tries == 2 and row.next_try_at is not None
    assert report_services.readiness_report_pdf_sweep(now=row.next_try_at) == 1
    row = pdf_row(report, "en")
    assert row.tries == 3 and row.next_try_at is None  # LMS_RETRY_MAX_TRIES

    later = timezone.now() + datetime.timedelta(days=1)
    assert report_services.readiness_report_pdf_sweep(now=later) == 0
    assert renderer.calls == 3
    page = client.get(url("report", report.assessment_id)).content.decode()
    assert "Failed" in page and "The PDF could not be made." in page
    assert ">Try again</button>" in page
    status = client.get(url("report_pdf_status", report.assessment_id)).json()
    assert status["state"] == "failed" and status["error"] == "The PDF could not be made."


def test_a_members_retry_starts_the_tries_afresh_and_makes_the_pdf(
        retries, globalgap, cooperative, english_manager, renderer):
    report = submitted(globalgap, cooperative, english_manager)
    ReadinessReportPdf.objects.filter(report=report).update(
        tries=3, error="RuntimeError: no fonts", next_try_at=None)
    client = Client(enforce_csrf_checks=True)
    client.force_login(english_manager)
    page = client.get(url("report", report.assessment_id)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert client.post(url("report_pdf", report.assessment_id),
                       {"lang": "en"}).status_code == 403  # no token

    response = client.post(url("report_pdf", report.assessment_id),
                           {"lang": "en", "csrfmiddlewaretoken": token}, follow=True)

    row = pdf_row(report, "en")
    assert (row.tries, row.error, row.next_try_at) == (1, "", None) and row.file  # counted afresh
    text = response.content.decode()
    assert "The PDF is being prepared again." in text
    assert "Download the PDF" in text and "The PDF could not be made." not in text


def test_asking_for_a_pdf_hands_it_over_again_only_once_its_next_try_is_due(
        client, globalgap, cooperative, manager, renderer):
    report = submitted(globalgap, cooperative, manager)  # its hand-over still on its way
    client.force_login(manager)

    waiting = download(client, report, "vi")
    assert waiting.status_code == 302 and renderer.calls == 0
    ReadinessReportPdf.objects.filter(report=report).update(
        tries=1, error="RuntimeError: no fonts",
        next_try_at=timezone.now() - datetime.timedelta(seconds=1))

    due = download(client, report, "vi")

    assert due.status_code == 200 and renderer.calls == 1
    assert b"".join(due.streaming_content) == b"%PDF-1.4 copy 1"


# --- nothing lost: the broker down, reports from before ---------------------------------------


def test_submitting_while_the_broker_is_down_succeeds_and_the_sweep_makes_the_pdf_later(
        monkeypatch, globalgap, cooperative, manager, renderer,
        django_capture_on_commit_callbacks):
    with monkeypatch.context() as patch:
        broker_down(patch, RENDER_TASK, CERTIFICATE_TASK)
        report = submit(globalgap, cooperative, manager, django_capture_on_commit_callbacks)

    row = pdf_row(report, "vi")
    assert not row.file and row.tries == 0 and renderer.calls == 0
    assert report_services.readiness_report_pdf_state(report, "vi") == "pending"
    assert report_services.readiness_report_pdf_sweep(now=timezone.now()) == 0  # grace
    later = row.next_try_at
    with monkeypatch.context() as patch:
        broker_down(patch, RENDER_TASK)
        assert report_services.readiness_report_pdf_sweep(now=later) == 0  # still down
    assert report_services.readiness_report_pdf_sweep(now=later) == 1
    assert pdf_row(report, "vi").file and renderer.calls == 1


def test_the_sweep_makes_the_pdf_of_a_report_that_has_none(globalgap, cooperative, manager,
                                                           renderer):
    report = submitted(globalgap, cooperative, manager)
    ReadinessReportPdf.objects.filter(report=report).delete()  # as reports from before
    page_state = report_services.readiness_report_pdf_state(report, "vi")

    assert report_services.readiness_report_pdf_sweep() == 1

    assert page_state == "none"
    row = pdf_row(report, "vi")
    assert row.file and row.next_try_at is None and row.rendered_at
    assert report_services.readiness_report_pdf_sweep() == 0


def test_closing_the_submitters_account_deletes_the_pdfs_that_print_the_name(
        globalgap, cooperative, manager, member, renderer, django_capture_on_commit_callbacks):
    report = submit(globalgap, cooperative, manager, django_capture_on_commit_callbacks)
    english = stored_pdf(report, "en")
    printed = [pdf_row(report, "vi").file.name, english.file.name]

    with django_capture_on_commit_callbacks(execute=True):
        account_close(manager, by=member)

    assert not ReadinessReportPdf.objects.filter(report=report).exists()
    assert not any(storages["private"].exists(name) for name in printed)
    assert report_services.readiness_report_pdf_sweep() == 1  # printed again, without the name
    assert pdf_row(report, "vi").file


# --- two workers at once -----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="row locks need PostgreSQL; the in-memory SQLite test database "
                           "shares one cache between threads and locks whole tables")
def test_two_workers_given_the_same_pdf_at_once_store_one_file(monkeypatch, settings,
                                                               globalgap, cooperative, manager):
    report = submitted(globalgap, cooperative, manager)  # its Vietnamese PDF made at once
    started = threading.Barrier(2)
    calls = []

    def slow(html, stylesheet=None, files=None):
        calls.append(html)
        time.sleep(0.5)  # long enough for the other worker to arrive meanwhile
        return b"%PDF-1.4 slow"

    monkeypatch.setattr(pdf, "html_to_pdf", slow)
    results = []

    def worker():
        try:
            started.wait()
            results.append(report_services.readiness_report_render_pdf(
                report_id=report.pk, language="en"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [False, True] and len(calls) == 1
    stored = {path.relative_to(settings.PRIVATE_MEDIA_ROOT).as_posix()
              for path in (settings.PRIVATE_MEDIA_ROOT / "reports").rglob("*.pdf")}
    assert stored == {pdf_row(report, "vi").file.name, pdf_row(report, "en").file.name}
