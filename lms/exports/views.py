"""The page of an export (progress bar, then the download, or "try again" after a failure), its
JSON status, and the file, for the person who asked for it and nobody else."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from lms.exports import selectors, services
from lms.exports.models import Export
from lms.exports.registry import export_builder_of


def _own_export(request, pk) -> Export:
    """The requester's own export, while they may still see what it holds; otherwise 404, so
    nobody learns whether someone else's export exists."""
    export = selectors.export_of(user=request.user, pk=pk)
    if export is None:
        raise Http404
    builder = export_builder_of(export.kind)
    if builder is not None and not builder.may_open(user=request.user, export=export):
        raise Http404
    return export


@require_safe
@login_required
def detail(request, pk):
    export = _own_export(request, pk)
    builder = export_builder_of(export.kind)
    return render(request, "exports/export_detail.html", {
        "export": export,
        "back": builder.back(export=export) if builder is not None else None,
    })


@require_safe
@login_required
@never_cache
def status(request, pk):
    export = _own_export(request, pk)
    return JsonResponse({"status": export.status, "done": export.done, "total": export.total,
                         "percent": export.percent, "label": export.get_status_display()})


@require_safe
@login_required
def download(request, pk):
    export = _own_export(request, pk)
    if export.status != Export.Status.DONE or not export.file:
        raise Http404
    return FileResponse(export.file.open("rb"), as_attachment=True,
                        filename=export.file_name or f"{export.kind}.{export.format}")


@login_required
@require_POST
def retry(request, pk):
    export = _own_export(request, pk)
    if services.export_retry(export=export):
        messages.success(request, _("The file is being built again."))
    return redirect("exports:detail", pk=export.pk)
