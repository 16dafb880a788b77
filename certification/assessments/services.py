"""Writes of self-assessments: starting one, the profile, saving answers field by field, evidence
photos, and the action plan's work between assessments. Submitting (the frozen report, the
action plan's first draft, the certificate) belongs to ``certification.reports.services``."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certification import scoring
from certification.assessments.images import evidence_thumbnail, process_evidence_photo
from certification.assessments.models import Answer, Assessment, CorrectiveAction, EvidencePhoto
from certification.assessments.selectors import (
    assessment_user_can_contribute,
    cooperative_user_can_start_assessment,
    last_submitted_assessment,
)
from certification.checklists.models import ControlPoint, Standard
from lms.cooperatives.models import Membership

logger = logging.getLogger(__name__)

UNSET = object()
MAX_PHOTOS_PER_ANSWER = 6
MAX_TEXT_LENGTH = 5000


def _require_open(assessment: Assessment, user) -> None:
    if not assessment_user_can_contribute(user=user, assessment=assessment):
        raise PermissionDenied
    if not assessment.is_open:
        raise ValidationError(_("This self-assessment has been submitted and can no longer "
                                "change."), code="submitted")


def assessment_start(*, cooperative, standard: Standard, user) -> Assessment:
    """Start (or return the one already in progress) an assessment of ``cooperative`` against
    the newest published version of ``standard``. Only the cooperative's managers start one.
    A new one starts from the answers of the cooperative's last submitted assessment of the
    standard (see ``_carry_over``), so that only what changed is entered again."""
    if not cooperative_user_can_start_assessment(user=user, cooperative=cooperative):
        raise PermissionDenied
    version = standard.current_version()
    if version is None:
        raise ValidationError(_("This standard has no published checklist yet."))
    existing = Assessment.objects.filter(cooperative=cooperative, version=version,
                                         status=Assessment.Status.IN_PROGRESS).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(cooperative=cooperative, version=version,
                                                   started_by=user)
            previous = last_submitted_assessment(cooperative=cooperative, standard=standard)
            if previous is not None:
                _carry_over(previous, assessment)
            return assessment
    except IntegrityError:  # a colleague started it at the same moment
        return Assessment.objects.get(cooperative=cooperative, version=version,
                                      status=Assessment.Status.IN_PROGRESS)


def _carry_over(previous: Assessment, assessment: Assessment) -> None:
    """Copy the previous assessment's profile, answers, justifications, notes and evidence
    photos into the new one, point by point through the control points' codes (the checklist's
    version may have changed). An answer the new version no longer allows (an option removed,
    N/A no longer accepted) is left out; every copied answer is marked carried over until a
    member confirms or changes it."""
    tags = set(assessment.version.profile_questions.values_list("tag", flat=True))
    if previous.profile is not None:
        profile = {tag: bool(previous.profile.get(tag)) for tag in tags}
        Assessment.objects.filter(pk=assessment.pk).update(profile=profile)
        assessment.profile = profile
    points = {point.code: point for point in ControlPoint.objects.filter(
        section__version=assessment.version).prefetch_related("options")}
    for old in (Answer.objects.filter(assessment=previous).exclude(value="")
                .select_related("control_point").prefetch_related("photos")):
        point = points.get(old.control_point.code)
        if point is None or old.value not in _allowed_values(point):
            continue
        answer = Answer.objects.create(
            assessment=assessment, control_point=point, value=old.value,
            justification=old.justification, note=old.note, answered_by=old.answered_by,
            carried_over=True)
        for photo in old.photos.all():
            copy = EvidencePhoto(answer=answer, uploaded_by=photo.uploaded_by)
            with photo.image.open("rb") as source:
                copy.image.save(photo.image.name.rsplit("/", 1)[-1], File(source), save=False)
            if photo.thumbnail:
                with photo.thumbnail.open("rb") as source:
                    copy.thumbnail.save(photo.thumbnail.name.rsplit("/", 1)[-1], File(source),
                                        save=False)
            copy.save()


def assessment_profile_save(*, assessment: Assessment, user, answers: dict[str, bool]) -> None:
    _require_open(assessment, user)
    tags = set(assessment.version.profile_questions.values_list("tag", flat=True))
    profile = {tag: bool(answers.get(tag)) for tag in tags}
    Assessment.objects.filter(pk=assessment.pk).update(profile=profile, updated_at=timezone.now())
    assessment.profile = profile


def _allowed_values(point: ControlPoint) -> list[str]:
    options = [option.code for option in point.options.all()]
    if options:
        return options
    values = [scoring.COMPLIANT, scoring.NOT_COMPLIANT]
    if point.na_allowed:
        values.append(scoring.NOT_APPLICABLE)
    return values


def _clean_text(text) -> str:
    """A justification or note as kept: refused (never cut short in silence) when it is longer
    than the field holds or carries a NUL character, which PostgreSQL cannot store."""
    text = (text or "").strip()
    if "\x00" in text:
        raise ValidationError(_("The text contains a NUL character, which cannot be saved; "
                                "remove it and try again."), code="nul")
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationError(
            _("This text has %(length)d characters, more than the %(limit)d allowed; shorten it "
              "and save again.") % {"length": len(text), "limit": MAX_TEXT_LENGTH},
            code="too_long")
    return text


def answer_save(*, assessment: Assessment, control_point: ControlPoint, user,
                value=UNSET, justification=UNSET, note=UNSET) -> Answer:
    """Save the given fields of one answer and only those, so two members working on the same
    assessment (even on the same point) never erase each other's other fields."""
    _require_open(assessment, user)
    if control_point.section.version_id != assessment.version_id:
        raise ValidationError(_("This control point is not part of this checklist."))
    changes = {}
    if value is not UNSET:
        value = (value or "").strip()
        if value and value not in _allowed_values(control_point):
            if value == scoring.NOT_APPLICABLE:
                raise ValidationError(_("This point cannot be answered “not applicable”: it "
                                        "applies to every farm in this profile."),
                                      code="na_refused")
            raise ValidationError(_("Choose one of the answers offered."), code="invalid")
        changes["value"] = value
    if justification is not UNSET:
        changes["justification"] = _clean_text(justification)
    if note is not UNSET:
        changes["note"] = _clean_text(note)
    answer, _created = Answer.objects.get_or_create(assessment=assessment,
                                                    control_point=control_point)
    if changes:
        changes["answered_by"] = user
        changes["carried_over"] = False  # confirmed or changed by a member
        changes["updated_at"] = timezone.now()
        Answer.objects.filter(pk=answer.pk).update(**changes)
        Assessment.objects.filter(pk=assessment.pk).update(updated_at=timezone.now())
        for field, new in changes.items():
            setattr(answer, field, new)
    return answer


def evidence_add(*, assessment: Assessment, control_point: ControlPoint, user,
                 upload) -> EvidencePhoto:
    """Attach a photo to the point's answer after Pillow has checked and cleaned it."""
    # answer_save checks that the user may still change the assessment.
    answer = answer_save(assessment=assessment, control_point=control_point, user=user)
    if answer.photos.count() >= MAX_PHOTOS_PER_ANSWER:
        raise ValidationError(_("A point can carry at most %(count)d photos; remove one "
                                "first.") % {"count": MAX_PHOTOS_PER_ANSWER}, code="too_many")
    processed = process_evidence_photo(upload)
    photo = EvidencePhoto(answer=answer, uploaded_by=user)
    photo.image.save(processed.content.name, processed.content, save=False)
    processed.content.seek(0)
    thumbnail = evidence_thumbnail(processed.content)
    photo.thumbnail.save(thumbnail.name, thumbnail, save=False)
    photo.save()
    return photo


def evidence_thumbnail_ensure(*, photo: EvidencePhoto) -> EvidencePhoto:
    """Give a photo kept before thumbnails existed its thumbnail. Two people opening the page at
    once may both make one: the first stored wins and the other's file is deleted. Raises
    OSError when the photo's file is missing or unreadable."""
    if photo.thumbnail:
        return photo
    with photo.image.open("rb") as source:
        content = evidence_thumbnail(source)
    field = photo.thumbnail.field
    storage = photo.thumbnail.storage
    name = storage.save(field.generate_filename(photo, content.name), content)
    if EvidencePhoto.objects.filter(pk=photo.pk, thumbnail="").update(thumbnail=name):
        photo.thumbnail.name = name
        return photo
    storage.delete(name)
    photo.refresh_from_db(fields=["thumbnail"])
    return photo


def evidence_delete(*, photo: EvidencePhoto, user) -> None:
    _require_open(photo.answer.assessment, user)
    photo.image.delete(save=False)
    photo.delete()


def corrective_action_update(*, action: CorrectiveAction, user, owner=UNSET, due_date=UNSET,
                             status=UNSET, closing_note=UNSET, closing_photo=None
                             ) -> CorrectiveAction:
    """Members of the cooperative work the action plan between assessments; closing an action
    records what was done and when, optionally with a photo. Everything is checked before
    anything (the photo file included) is written."""
    if not assessment_user_can_contribute(user=user, assessment=action.assessment):
        raise PermissionDenied
    if owner not in (UNSET, None) and not Membership.objects.filter(
            user=owner, cooperative_id=action.assessment.cooperative_id,
            status=Membership.Status.ACTIVE).exists():
        raise ValidationError({"owner": _("Choose a member of the cooperative.")})
    note = action.closing_note if closing_note is UNSET else (closing_note or "").strip()[:5000]
    new_status = action.status if status is UNSET else status
    if new_status not in CorrectiveAction.Status.values:
        raise ValidationError({"status": _("Choose one of the statuses offered.")})
    if new_status == CorrectiveAction.Status.DONE and not note:
        raise ValidationError({"closing_note": _("Say what was done to close this action.")})
    processed = process_evidence_photo(closing_photo) if closing_photo is not None else None
    if owner is not UNSET:
        action.owner = owner
    if due_date is not UNSET:
        action.due_date = due_date
    action.closing_note = note
    if new_status != action.status:
        action.status = new_status
        action.closed_at = timezone.now() if new_status == CorrectiveAction.Status.DONE \
            else None
    replaced = ""
    if processed is not None:
        replaced = action.closing_photo.name if action.closing_photo else ""
        action.closing_photo.save(processed.content.name, processed.content, save=False)
    action.save()
    if replaced:
        action.closing_photo.storage.delete(replaced)
    return action


