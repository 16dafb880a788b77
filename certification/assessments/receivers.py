"""How self-assessments take part in closing an account and in the person's data download
(signals of lms.accounts).

What a person did for their cooperative stays with the cooperative: answers, evidence photos,
corrective actions, the assessments they started or submitted. The foreign keys keep pointing
at the emptied account, which every page shows as "a former member". The one copy of the name
outside the user row, the submitter's name frozen in a readiness report's snapshot, is blanked,
and the report PDFs that printed the name are deleted, to be rendered again (the sweep renders
the submitter's language again; any other when asked for)."""

from django.db.models import Q
from django.dispatch import receiver

from certification.assessments.models import (
    Answer,
    Assessment,
    CorrectiveAction,
    EvidencePhoto,
    ReadinessReport,
    ReadinessReportPdf,
)
from lms.accounts.models import User
from lms.accounts.signals import account_closing, personal_data_requested


@receiver(account_closing, sender=User, dispatch_uid="assessments.account_closing")
def reports_forget_name(sender, user, **kwargs) -> None:
    for report in ReadinessReport.objects.filter(assessment__submitted_by=user).only("snapshot"):
        if report.snapshot.get("submitted_by"):
            # The report is immutable through save(); this one field is blanked in place.
            ReadinessReport.objects.filter(pk=report.pk).update(
                snapshot={**report.snapshot, "submitted_by": ""})
    printed = ReadinessReport.objects.filter(
        Q(assessment__submitted_by=user) | Q(assessment__corrective_actions__owner=user))
    # Their files go after the commit (files_follow_rows).
    ReadinessReportPdf.objects.filter(report__in=printed).delete()


def _when(moment):
    return moment.isoformat() if moment else None


@receiver(personal_data_requested, sender=User, dispatch_uid="assessments.personal_data")
def assessments_data(sender, user, **kwargs) -> dict:
    assessments = (Assessment.objects.filter(Q(started_by=user) | Q(submitted_by=user))
                   .select_related("cooperative", "version__standard").order_by("started_at"))
    answers = (Answer.objects.filter(answered_by=user)
               .select_related("assessment__cooperative", "control_point")
               .order_by("assessment_id", "control_point__code"))
    photos = EvidencePhoto.objects.filter(uploaded_by=user).select_related(
        "answer__control_point").order_by("uploaded_at")
    actions = CorrectiveAction.objects.filter(owner=user).select_related(
        "assessment__cooperative", "control_point").order_by("assessment_id", "position")
    return {
        "self_assessments": [
            {"cooperative": a.cooperative.name, "standard": str(a.version.standard),
             "version": a.version.label, "status": a.status,
             "started_by_you": a.started_by_id == user.pk, "started_at": _when(a.started_at),
             "submitted_by_you": a.submitted_by_id == user.pk,
             "submitted_at": _when(a.submitted_at)}
            for a in assessments
        ],
        "answers_given": [
            {"cooperative": a.assessment.cooperative.name, "assessment": a.assessment_id,
             "control_point": a.control_point.code, "answer": a.value,
             "justification": a.justification, "note": a.note, "updated_at": _when(a.updated_at)}
            for a in answers
        ],
        "evidence_photos_uploaded": [
            {"assessment": p.answer.assessment_id, "control_point": p.answer.control_point.code,
             "uploaded_at": _when(p.uploaded_at)}
            for p in photos
        ],
        "corrective_actions_owned": [
            {"cooperative": c.assessment.cooperative.name, "assessment": c.assessment_id,
             "control_point": c.control_point.code, "status": c.status,
             "due_date": _when(c.due_date), "what_was_done": c.closing_note}
            for c in actions
        ],
    }
