"""No export freezes at "building": a build holds a lease it renews as it goes; the sweep starts
again an export whose message was lost or whose worker stopped, marks it failed after the last
try, and its owner can ask again from the page."""

import datetime
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from lms.exports import services, tasks
from lms.exports.models import Export
from tests.exports.conftest import ECHO

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _short_waits(settings):
    settings.LMS_EXPORT_LEASE_SECONDS = 120
    settings.LMS_SWEEP_GRACE_SECONDS = 30
    settings.LMS_RETRY_MAX_TRIES = 3


def ask(user, **params) -> Export:
    return services.export_request(user=user, kind=ECHO, title="Danh sách", params=params,
                                   fmt="txt")


def stalled(export, *, seconds=121, tries=1) -> None:
    """The state a worker killed mid-build leaves: running, its lease not renewed since."""
    Export.objects.filter(pk=export.pk).update(
        status=Export.Status.RUNNING, tries=tries, done=7, total=20,
        heartbeat_at=timezone.now() - datetime.timedelta(seconds=seconds))


def later(seconds):
    return timezone.now() + datetime.timedelta(seconds=seconds)


def test_a_build_whose_worker_died_is_started_again_by_the_sweep(learner):
    export = ask(learner)  # not committed: its message never left
    stalled(export)

    assert services.exports_sweep() == {"handed_over": 1, "failed": 0}

    export.refresh_from_db()
    assert (export.status, export.tries, export.done) == (Export.Status.DONE, 2, 3)
    assert export.file.read() == b"xin chao"


def test_a_live_build_is_left_alone(learner):
    export = ask(learner)
    stalled(export, seconds=60)  # renewed a minute ago: its worker is alive

    assert services.exports_sweep() == {"handed_over": 0, "failed": 0}
    services.export_build(export_id=export.pk)  # a duplicate message does not start over

    export.refresh_from_db()
    assert (export.status, export.done) == (Export.Status.RUNNING, 7)


def test_after_the_last_try_the_export_fails_and_its_page_offers_to_try_again(learner):
    export = ask(learner)
    stalled(export, tries=3)

    assert services.exports_sweep() == {"handed_over": 0, "failed": 1}
    export.refresh_from_db()
    assert export.status == Export.Status.FAILED

    learner.preferred_language = "en"
    learner.save(update_fields=["preferred_language"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    page = client.get(reverse("exports:detail", args=[export.pk]))
    text = page.content.decode()
    assert "The file could not be built. Please try again." in text
    assert "Try again" in text
    response = client.post(reverse("exports:retry", args=[export.pk]),
                           {"csrfmiddlewaretoken": page.cookies["csrftoken"].value})

    assert response.status_code == 302
    export.refresh_from_db()  # on-commit ran at once: the client's request committed
    assert export.status in (Export.Status.PENDING, Export.Status.DONE)


def test_asking_again_builds_the_file(learner, django_capture_on_commit_callbacks):
    export = ask(learner)
    stalled(export, tries=3)
    services.exports_sweep()
    export.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        services.export_retry(export=export)

    export.refresh_from_db()
    assert (export.status, export.tries, export.file.read()) == (
        Export.Status.DONE, 1, b"xin chao")


def test_another_person_cannot_ask_again(learner, officer):
    export = ask(learner)
    stalled(export, tries=3)
    services.exports_sweep()
    client = Client()
    client.force_login(officer)

    assert client.post(reverse("exports:retry", args=[export.pk])).status_code == 404
    export.refresh_from_db()
    assert export.status == Export.Status.FAILED


def test_an_export_asked_for_while_the_broker_was_down_is_built_by_the_sweep(
        learner, monkeypatch, django_capture_on_commit_callbacks):
    def refuse(*args, **kwargs):
        raise OperationalError("Connection refused")

    with monkeypatch.context() as patched, django_capture_on_commit_callbacks(execute=True):
        patched.setattr(tasks.build_export, "apply_async", refuse)
        export = ask(learner)  # the page is shown; nothing raised

    assert services.exports_sweep() == {"handed_over": 0, "failed": 0}  # within the grace
    assert services.exports_sweep(now=later(31)) == {"handed_over": 1, "failed": 0}
    export.refresh_from_db()
    assert export.status == Export.Status.DONE


def test_a_build_that_was_taken_over_keeps_only_its_successors_file(
        learner, monkeypatch, settings, django_capture_on_commit_callbacks):
    export = ask(learner)
    # The first build stalls after its progress; meanwhile its lease runs out and another
    # worker builds the file; then the first one wakes up and finishes.
    from tests.exports import conftest

    real = conftest.echo_build

    def slow_build(*, export, progress):
        result = real(export=export, progress=progress)
        Export.objects.filter(pk=export.pk).update(
            heartbeat_at=timezone.now() - datetime.timedelta(seconds=200))
        monkeypatch.setitem(registry.BUILDERS, ECHO,
                            Builder(kind=ECHO, build=real, back=conftest.echo_back))
        services.export_build(export_id=export.pk)  # the successor
        return result

    from lms.exports import registry
    from lms.exports.registry import Builder

    monkeypatch.setitem(registry.BUILDERS, ECHO,
                        Builder(kind=ECHO, build=slow_build, back=conftest.echo_back))
    with django_capture_on_commit_callbacks(execute=True):  # the loser's file is deleted
        services.export_build(export_id=export.pk)

    export.refresh_from_db()
    assert (export.status, export.tries) == (Export.Status.DONE, 2)
    stored = sorted(path.name for path in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.txt"))
    assert stored == [Path(export.file.name).name]


def test_progress_renews_the_lease(learner, monkeypatch):
    export = ask(learner, rows=3)
    monkeypatch.setattr(services, "HEARTBEAT_EVERY", 0)
    beats = []

    from tests.exports import conftest

    def watching_build(*, export, progress):
        def watched(done, total=None):
            progress(done, total)
            beats.append(Export.objects.get(pk=export.pk).heartbeat_at)
        return conftest.echo_build(export=export, progress=watched)

    from lms.exports import registry
    from lms.exports.registry import Builder

    monkeypatch.setitem(registry.BUILDERS, ECHO,
                        Builder(kind=ECHO, build=watching_build, back=conftest.echo_back))
    services.export_build(export_id=export.pk)

    assert len(beats) == 4 and all(beats) and beats == sorted(beats)
