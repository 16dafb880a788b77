"""Writes of exports: record what was asked for and build it in Celery after the commit; the
build runs the kind's builder, counting progress, and ends done or failed."""

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.db.models import F
from django.utils import translation

from lms.exports.models import Export
from lms.exports.registry import export_builder_of


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
    transaction.on_commit(lambda: _enqueue(export.pk))
    return export


def _enqueue(export_id) -> None:
    from lms.exports.tasks import build_export  # the task module imports this one

    build_export.delay(str(export_id))


def export_build(*, export_id) -> Export:
    """Write the file with the builder of its kind, in the language it was asked in. A finished
    export is left alone; an unfinished one starts over, so a rerun is harmless. A failure is
    recorded on the export for its page, then raised for the task's log."""
    export = Export.objects.select_related("requested_by").get(pk=export_id)
    if export.status == Export.Status.DONE:
        return export
    rows = Export.objects.filter(pk=export.pk)
    try:
        builder = export_builder_of(export.kind)
        if builder is None:
            raise LookupError(f"No builder is registered for the export kind {export.kind!r}.")
        rows.update(status=Export.Status.RUNNING, done=0, error="")

        def progress(done: int, total: int | None = None) -> None:
            if total is None:
                rows.update(done=done)
            else:
                rows.update(done=done, total=total)

        with translation.override(export.language):
            built = builder.build(export=export, progress=progress)
        # A large file comes as a File (a temporary file, say), copied in chunks and closed.
        content = built.content
        with content if isinstance(content, File) else ContentFile(content) as stored:
            export.file.save(built.name, stored, save=False)
    except Exception as error:
        rows.update(status=Export.Status.FAILED, error=f"{type(error).__name__}: {error}"[:2000])
        raise
    rows.update(file=export.file.name, file_name=built.name, status=Export.Status.DONE,
                done=F("total"))
    export.refresh_from_db()
    return export
