"""Writes of exports: record what was asked for and build it in Celery after the commit; the
build runs the kind's builder, counting progress, and ends done or failed.

Nothing freezes at "building": the build holds a lease on its row (a heartbeat written with
its progress), and `exports_sweep` hands over again an export whose message was lost or whose
worker stopped, up to LMS_RETRY_MAX_TRIES builds, then marks it failed for its page to offer
"try again" (`export_retry`)."""

import datetime
import logging
import time
import uuid

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation

from lms.exports.models import Export
from lms.exports.registry import export_builder_of
from lms.outbox.retry import tries_left
from lms.outbox.services import hand_over, hand_over_after_commit

logger = logging.getLogger(__name__)

BUILD_TASK = "exports.build_export"
# What the page says when the worker stopped for good (the technical error stays in the log).
WORKER_LOST = "WorkerLost: no worker finished the build"
HEARTBEAT_EVERY = 1.0  # seconds between two lease renewals written by progress


def export_request(*, user, kind: str, title: str, params: dict, fmt: str, total: int = 0,
                   language: str | None = None) -> Export:
    """Record the export and start building it once the caller's transaction commits. The
    caller has checked that `user` may have it; the builder checks again when it runs."""
    if export_builder_of(kind) is None:
        raise ValueError(f"No builder is registered for the export kind {kind!r}.")
    export = Export.objects.create(
        requested_by=user, kind=kind, title=str(title)[:200], params=params, format=fmt,
        language=(language or translation.get_language() or settings.LANGUAGE_CODE)[:2],
        total=total)
    hand_over_after_commit(BUILD_TASK, str(export.pk))
    return export


def _lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.LMS_EXPORT_LEASE_SECONDS)


def _claim(export_id) -> uuid.UUID | None:
    """Take charge of the build: a waiting export, or one whose builder stopped renewing its
    lease. None when it is done, failed, or being built by a live worker."""
    now = timezone.now()
    run = uuid.uuid4()
    claimed = Export.objects.filter(
        Q(status=Export.Status.PENDING)
        | Q(status=Export.Status.RUNNING, heartbeat_at__lt=now - _lease()),
        pk=export_id,
    ).update(status=Export.Status.RUNNING, heartbeat_at=now, run=run, tries=F("tries") + 1,
             done=0, error="")
    return run if claimed else None


def export_build(*, export_id) -> Export:
    """Write the file with the builder of its kind, in the language it was asked in. A finished
    or failed export, or one a live worker is building, is left alone; so a rerun is harmless.
    A failure is recorded on the export for its page, then raised for the task's log."""
    run = _claim(export_id)
    export = Export.objects.select_related("requested_by").get(pk=export_id)
    if run is None:
        return export
    mine = Export.objects.filter(pk=export.pk, run=run)
    renewed = [time.monotonic()]

    def progress(done: int, total: int | None = None) -> None:
        fields = {"done": done} if total is None else {"done": done, "total": total}
        if time.monotonic() - renewed[0] >= HEARTBEAT_EVERY or total is not None:
            fields["heartbeat_at"] = timezone.now()
            renewed[0] = time.monotonic()
        mine.update(**fields)

    try:
        builder = export_builder_of(export.kind)
        if builder is None:
            raise LookupError(f"No builder is registered for the export kind {export.kind!r}.")
        with translation.override(export.language):
            built = builder.build(export=export, progress=progress)
        # A large file comes as a File (a temporary file, say), copied in chunks and closed.
        content = built.content
        with content if isinstance(content, File) else ContentFile(content) as stored:
            export.file.save(built.name, stored, save=False)
    except Exception as error:
        mine.update(status=Export.Status.FAILED, error=f"{type(error).__name__}: {error}"[:2000])
        raise
    with transaction.atomic():
        finished = mine.update(file=export.file.name, file_name=built.name,
                               status=Export.Status.DONE, done=F("total"), heartbeat_at=None)
        if not finished:  # taken over meanwhile: the successor's file is the one kept
            transaction.on_commit(lambda name=export.file.name: export.file.storage.delete(name))
    export.refresh_from_db()
    return export


def export_retry(*, export: Export) -> bool:
    """Its owner asks again for a failed export: built afresh, with a fresh count of tries."""
    retried = Export.objects.filter(pk=export.pk, status=Export.Status.FAILED).update(
        status=Export.Status.PENDING, tries=0, done=0, error="", heartbeat_at=None, run=None)
    if retried:
        hand_over_after_commit(BUILD_TASK, str(export.pk))
    return bool(retried)


def exports_sweep(*, now=None, limit: int = 200) -> dict[str, int]:
    """Exports nobody is building: waiting ones whose message was lost (older than
    LMS_SWEEP_GRACE_SECONDS), and running ones whose worker has not renewed its lease. Handed
    over again while tries are left; marked failed after the last."""
    now = now or timezone.now()
    settled = now - datetime.timedelta(seconds=settings.LMS_SWEEP_GRACE_SECONDS)
    waiting = Q(status=Export.Status.PENDING, created_at__lte=settled) & (
        Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lte=settled))
    stalled = Q(status=Export.Status.RUNNING, heartbeat_at__lt=now - _lease())
    handed = failed = 0
    for export in Export.objects.filter(waiting | stalled).order_by("created_at")[:limit]:
        if export.status == Export.Status.RUNNING and not tries_left(export.tries):
            failed += Export.objects.filter(
                pk=export.pk, status=Export.Status.RUNNING, heartbeat_at=export.heartbeat_at,
            ).update(status=Export.Status.FAILED, error=WORKER_LOST, heartbeat_at=None)
            logger.warning("Export %s failed: its worker stopped %d times", export.pk,
                           export.tries)
            continue
        if export.status == Export.Status.PENDING:
            # Marks the hand-over: the next sweep waits another grace period for it.
            Export.objects.filter(pk=export.pk, status=export.status).update(heartbeat_at=now)
        hand_over(BUILD_TASK, str(export.pk))
        handed += 1
    return {"handed_over": handed, "failed": failed}
