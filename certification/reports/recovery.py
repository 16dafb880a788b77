"""What a lost message left undone after a submission: the submitter's self-assessment
certificate, handed over again by the sweep (certification/tasks.py)."""

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from certification.assessments.models import ReadinessReport
from certification.certificates.models import Certificate
from lms.outbox.services import hand_over


def assessment_certificates_sweep(*, now=None, limit: int = 500) -> int:
    """Submitted self-assessments whose submitter has no certificate for them yet (none in
    force, revoked included: a revoked one is never issued again)."""
    settled = (now or timezone.now()) - datetime.timedelta(
        seconds=settings.LMS_SWEEP_GRACE_SECONDS)
    issued = Certificate.objects.filter(
        kind=Certificate.Kind.ASSESSMENT, replaced_at__isnull=True,
        recipient=OuterRef("assessment__submitted_by"), source_id=OuterRef("assessment_id"))
    missing = list(
        ReadinessReport.objects.filter(created_at__lte=settled,
                                       assessment__submitted_by__isnull=False,
                                       assessment__submitted_by__closed_at__isnull=True)
        .exclude(Exists(issued)).order_by("created_at")
        .values_list("pk", "assessment__submitted_by")[:limit])
    for report_id, user_id in missing:
        hand_over("certification.issue_assessment_certificate", str(report_id), user_id)
    return len(missing)
