"""Nothing lost between a completion and its certificate's PDF: the broker down when the course
is completed, a lost message, a renderer that fails for a while or for good. The sweep finds
what is left undone in the database and hands it over again, with backoff between tries of a
PDF and a bounded number of them; officers can ask for a PDF again."""

import datetime
import random

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from certification.certificates import services, tasks
from certification.models import Certificate
from courses import services as course_services
from lms.outbox import retry
from tests.certification.conftest import completed_enrollment, finish_course, issue

pytestmark = pytest.mark.django_db

LATER = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _short_backoff(settings):
    settings.LMS_RETRY_MAX_TRIES = 3
    settings.LMS_RETRY_BASE_SECONDS = 60
    settings.LMS_RETRY_MAX_DELAY_SECONDS = 600
    settings.LMS_SWEEP_GRACE_SECONDS = 30


@pytest.fixture
def broker_down(monkeypatch):
    """Publishing any task fails as it does when Redis is unreachable."""
    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    for task in (tasks.issue_course_certificate, tasks.render_certificate_pdf):
        monkeypatch.setattr(task, "apply_async", refuse)
    return monkeypatch


@pytest.fixture
def renderer(monkeypatch):
    """The PDF renderer, failing while `failing` is true."""
    from certification.certificates import pdf

    state = {"failing": True, "calls": 0}
    real = pdf.html_to_pdf

    def render(html, *args, **kwargs):
        state["calls"] += 1
        if state["failing"]:
            raise RuntimeError("fonts not ready")
        return real(html, *args, **kwargs)

    monkeypatch.setattr(pdf, "html_to_pdf", render)
    return state


def sweep_later(delta=LATER):
    return services.certificates_sweep(now=timezone.now() + delta)


def test_completing_a_course_with_the_broker_down_keeps_the_completion_and_says_nothing_wrong(
        holder, course, broker_down, django_capture_on_commit_callbacks):
    enrollment = course_services.enrollment_create(user=holder, course=course)

    with django_capture_on_commit_callbacks(execute=True):
        finish_course(enrollment, course)  # the hand-over fails after the commit: no error

    assert enrollment.is_completed
    assert not Certificate.objects.filter(recipient=holder).exists()


def test_the_sweep_issues_the_certificate_a_lost_message_left_undone(holder, course):
    enrollment = completed_enrollment(holder, course)  # no on-commit: the message never left

    assert services.certificates_sweep() == {"certificates": 0, "pdfs": 0}  # still in grace
    assert sweep_later() == {"certificates": 1, "pdfs": 0}

    certificate = Certificate.objects.get(recipient=holder)
    assert certificate.source_id == enrollment.pk
    assert certificate.pdf_state == Certificate.PdfState.READY
    assert sweep_later() == {"certificates": 0, "pdfs": 0}  # nothing twice
    assert Certificate.objects.filter(recipient=holder).count() == 1


def test_the_sweep_leaves_a_closed_accounts_completion_alone(holder, course):
    completed_enrollment(holder, course)
    type(holder).objects.filter(pk=holder.pk).update(closed_at=timezone.now())

    assert sweep_later() == {"certificates": 0, "pdfs": 0}


def test_issuing_again_after_a_revocation_returns_the_revoked_certificate(
        holder, course, officer):
    enrollment = completed_enrollment(holder, course)
    first = services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)
    services.certificate_revoke(certificate=first, by=officer, reason="Gian lận")

    again = services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)
    code = tasks.issue_course_certificate.apply(args=[enrollment.pk], throw=True).get()

    assert again.pk == first.pk and code == first.code
    assert Certificate.objects.filter(recipient=holder).count() == 1
    assert again.status == Certificate.Status.REVOKED
    assert sweep_later() == {"certificates": 0, "pdfs": 0}


def test_a_failed_render_is_tried_again_after_a_backoff_then_succeeds(
        holder, course, renderer):
    enrollment = completed_enrollment(holder, course)
    tasks.issue_course_certificate.apply(args=[enrollment.pk], throw=True)
    certificate = Certificate.objects.get(recipient=holder)
    assert (certificate.pdf_tries, certificate.pdf_error) == (1, "RuntimeError: fonts not ready")
    assert certificate.pdf_state == Certificate.PdfState.PENDING
    waited = certificate.pdf_next_try_at - timezone.now()
    assert datetime.timedelta(seconds=29) <= waited <= datetime.timedelta(seconds=60)

    # Not due yet: the sweep leaves it.
    assert services.certificates_sweep()["pdfs"] == 0
    assert renderer["calls"] == 1

    renderer["failing"] = False
    assert sweep_later(datetime.timedelta(seconds=61))["pdfs"] == 1

    certificate.refresh_from_db()
    assert certificate.pdf_state == Certificate.PdfState.READY
    assert (certificate.pdf_error, certificate.pdf_next_try_at) == ("", None)
    with certificate.pdf.open("rb") as file:
        assert file.read(5) == b"%PDF-"


def test_rendering_stops_after_the_last_try_and_the_pdf_shows_as_failed(
        holder, course, renderer, client):
    completed = completed_enrollment(holder, course)
    tasks.issue_course_certificate.apply(args=[completed.pk], throw=True)
    for _ in range(5):
        sweep_later()
    certificate = Certificate.objects.get(recipient=holder)

    assert renderer["calls"] == 3  # LMS_RETRY_MAX_TRIES
    assert certificate.pdf_tries == 3
    assert certificate.pdf_next_try_at is None
    assert certificate.pdf_state == Certificate.PdfState.FAILED
    holder.preferred_language = "en"
    holder.save(update_fields=["preferred_language"])
    client.force_login(holder)
    page = client.get(reverse("certification:mine")).content.decode()
    assert "Your PDF could not be made yet" in page


def test_an_officer_sees_the_failure_and_renders_the_pdf_again(
        holder, course, officer, renderer):
    completed = completed_enrollment(holder, course)
    tasks.issue_course_certificate.apply(args=[completed.pk], throw=True)
    for _ in range(3):
        sweep_later()
    certificate = Certificate.objects.get(recipient=holder)
    assert certificate.pdf_state == Certificate.PdfState.FAILED
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)

    listing = client.get(reverse("certification:manage_list") + "?pdf=missing")
    assert certificate.snapshot["holder"] in listing.content.decode()
    page = client.get(reverse("certification:manage", args=[certificate.code]))
    text = page.content.decode()
    assert str(Certificate.PdfState.FAILED.label) in text
    assert "RuntimeError: fonts not ready" in text

    renderer["failing"] = False
    response = client.post(reverse("certification:manage", args=[certificate.code]),
                           {"action": "render",
                            "csrfmiddlewaretoken": page.cookies["csrftoken"].value})

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.pdf_state == Certificate.PdfState.READY
    assert certificate.pdf_tries == 1  # counted afresh


def test_a_learner_cannot_ask_for_a_render(holder, course, renderer):
    certificate = issue(holder, course)
    client = Client()
    client.force_login(holder)

    response = client.post(reverse("certification:manage", args=[certificate.code]),
                           {"action": "render"})

    assert response.status_code == 404
    assert renderer["calls"] == 0


def test_the_sweep_never_renders_a_revoked_certificate(holder, course, officer, renderer):
    certificate = issue(holder, course)
    services.certificate_revoke(certificate=certificate, by=officer, reason="Sai tên")

    assert sweep_later()["pdfs"] == 0
    assert renderer["calls"] == 0


@pytest.mark.parametrize("tries", [1, 2, 3, 4, 8])
def test_the_wait_doubles_with_each_try_stays_within_half_and_full_and_is_capped(
        settings, tries):
    settings.LMS_RETRY_BASE_SECONDS = 10
    settings.LMS_RETRY_MAX_DELAY_SECONDS = 60
    ceiling = min(60, 10 * 2 ** (tries - 1))
    rng = random.Random(tries)
    waits = [retry.retry_delay(tries, rng=rng).total_seconds() for _ in range(200)]

    assert ceiling / 2 <= min(waits) and max(waits) <= ceiling
    assert max(waits) - min(waits) > ceiling / 10  # spread out, not all at once


def test_a_try_that_kills_its_worker_still_counts(holder, course, monkeypatch):
    """The try is counted, and the next one scheduled, before rendering starts: a render that
    takes its worker down (memory, a hard time limit) cannot be handed over forever."""
    certificate = issue(holder, course)

    def worker_dies(html, *args, **kwargs):
        raise SystemExit("killed")  # as far as this process goes, it never comes back

    monkeypatch.setattr("certification.certificates.pdf.html_to_pdf", worker_dies)
    for _ in range(5):
        with pytest.raises(SystemExit):
            services.certificate_render_pdf(certificate_id=certificate.pk)
        certificate.refresh_from_db()
        if certificate.pdf_next_try_at is None:
            break

    assert certificate.pdf_tries == 3
    assert certificate.pdf_state == Certificate.PdfState.FAILED
    assert sweep_later()["pdfs"] == 0
