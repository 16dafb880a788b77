"""A manager asks for the cooperative's archive: one POST, then the export's page (lms.exports)
shows its progress and offers the download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from certification.reports import archive
from lms.cooperatives.models import Cooperative
from lms.cooperatives.selectors import cooperative_user_can_view


@login_required
@require_POST
def archive_start(request, cooperative_pk):
    """Start the archive, or go to the one being built. People outside the cooperative get 404
    (its existence is not confirmed); its members and officers who are not managers, 403."""
    cooperative = get_object_or_404(Cooperative, pk=cooperative_pk)
    if not cooperative_user_can_view(user=request.user, cooperative=cooperative):
        raise Http404
    export, started = archive.archive_request(user=request.user, cooperative=cooperative)
    if started:
        return redirect("exports:detail", pk=export.pk)
    if export.requested_by_id == request.user.pk:
        messages.info(request, _("Your archive of the cooperative is still being prepared."))
        return redirect("exports:detail", pk=export.pk)
    messages.info(request, _(
        "%(name)s is already preparing the cooperative's archive. Please ask again when it is "
        "ready, in a few minutes.") % {"name": export.requested_by.full_name})
    return redirect("cooperatives:detail", pk=cooperative.pk)
