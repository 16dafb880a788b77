"""The guided self-assessment before submission: the readiness home, starting one, the profile,
answering section by section (with autosave and evidence photos) and submitting.

Members of the cooperative answer; officers overseeing it read the same pages without forms.
Objects a user may not see answer 404, so their existence is never confirmed."""

import hashlib
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from certification import scoring
from certification.assessments import selectors, services
from certification.assessments.forms import AssessmentProfileForm, AssessmentStartForm
from certification.assessments.images import evidence_jpeg_quality, evidence_max_side
from certification.assessments.models import Answer, Assessment, EvidencePhoto
from certification.checklists.models import ControlPoint, Section
from certification.checklists.selectors import checklist_of, standards_available
from lms.cooperatives.models import Cooperative
from lms.cooperatives.selectors import memberships_of_user

ASSESSMENTS_PER_PAGE = 25
ANSWER_FIELDS = ("value", "justification", "note")


# --- shared helpers ------------------------------------------------------------------------


def _assessment_or_404(request, pk) -> Assessment:
    assessment = get_object_or_404(
        Assessment.objects.select_related("cooperative", "version__standard", "started_by"),
        pk=pk)
    if not selectors.assessment_user_can_view(user=request.user, assessment=assessment):
        # Do not confirm that the assessment exists to people outside the cooperative.
        raise Http404
    return assessment


def _can_contribute(request, assessment: Assessment) -> bool:
    return selectors.assessment_user_can_contribute(user=request.user, assessment=assessment)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _json_error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"ok": False, "error": message}, status=status)


def _submitted_message() -> str:
    return _("This self-assessment has been submitted: its answers can no longer change.")


def _read_only_message() -> str:
    return _("You can read this self-assessment but only members of the cooperative answer it.")


def _report_redirect(assessment: Assessment):
    return redirect("readiness:report", pk=assessment.pk)


def _digest(text: str) -> str:
    """A short fingerprint of a text as it was shown, so a form sends back only what the person
    changed and never overwrites a colleague's newer text with the stale copy on the page."""
    normalised = (text or "").replace("\r\n", "\n").strip()
    return hashlib.sha256(normalised.encode()).hexdigest()[:16]


def _section_url(assessment_pk: int, section_pk: int, point_pk: int | None = None) -> str:
    url = reverse("readiness:section", args=[assessment_pk, section_pk])
    return f"{url}#p{point_pk}" if point_pk else url


# --- home and start ------------------------------------------------------------------------


def _home_context(request, start_form=None) -> dict:
    user = request.user
    memberships = [m for m in memberships_of_user(user=user) if m.is_active]
    managed = [m.cooperative for m in memberships if m.is_manager]
    standards = list(standards_available())

    assessments = selectors.assessments_visible_to(user=user).select_related(
        "cooperative__province", "started_by").order_by(
        Case(When(status=Assessment.Status.IN_PROGRESS, then=Value(0)), default=Value(1),
             output_field=IntegerField()),
        "-started_at", "-pk")
    page = Paginator(assessments, ASSESSMENTS_PER_PAGE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    percents = selectors.progress_percents(rows)
    with_history = selectors.standards_with_history(user=user)
    for assessment in rows:
        assessment.percent = percents.get(assessment.pk, 0)
        assessment.has_history = (assessment.cooperative_id,
                                  assessment.version.standard.code) in with_history
        assessment.readiness_report = getattr(assessment, "report", None) \
            if not assessment.is_open else None

    if start_form is None and managed and standards:
        start_form = AssessmentStartForm(
            standards=standards_available(), cooperatives=_cooperatives_qs(managed),
            initial={"cooperative": managed[0].pk} if len(managed) == 1 else None)
    return {
        "page": page,
        "in_progress": [a for a in rows if a.is_open],
        "submitted": [a for a in rows if not a.is_open],
        "managed": managed,
        "is_member": bool(memberships),
        "standards": standards,
        "start_form": start_form if managed and standards else None,
    }


def _cooperatives_qs(cooperatives):
    return Cooperative.objects.filter(pk__in=[c.pk for c in cooperatives]).order_by("name")


@login_required
def home(request):
    return render(request, "certification/assessments/home.html", _home_context(request))


@login_required
@require_POST
def start(request):
    memberships = [m for m in memberships_of_user(user=request.user) if m.is_active]
    managed = [m.cooperative for m in memberships if m.is_manager]
    if not managed:
        raise PermissionDenied
    data = request.POST.copy()
    if len(managed) == 1 and not data.get("cooperative"):
        data["cooperative"] = str(managed[0].pk)
    form = AssessmentStartForm(data, standards=standards_available(),
                               cooperatives=_cooperatives_qs(managed))
    if not form.is_valid():
        messages.error(request, _("The self-assessment could not start: see below."))
        return render(request, "certification/assessments/home.html",
                      _home_context(request, start_form=form), status=400)
    try:
        assessment = services.assessment_start(
            cooperative=form.cleaned_data["cooperative"], standard=form.cleaned_data["standard"],
            user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("readiness:home")
    if assessment.profile is not None:
        messages.info(request, _("A self-assessment against this standard is already in "
                                 "progress: continue where you left off."))
        return redirect("readiness:overview", pk=assessment.pk)
    if not assessment.version.profile_questions.exists():
        services.assessment_profile_save(assessment=assessment, user=request.user, answers={})
        return redirect("readiness:overview", pk=assessment.pk)
    messages.success(request, _("The self-assessment has started. First, a few questions "
                                "about your farm decide which points apply."))
    return redirect("readiness:profile", pk=assessment.pk)


# --- overview and profile ------------------------------------------------------------------


@dataclass(frozen=True)
class TreeRow:
    section: Section
    depth: int
    progress: selectors.SectionProgress | None


def _tree(checklist, progress) -> list[TreeRow]:
    by_section = {row.section.pk: row for row in progress}
    return [TreeRow(section, checklist.depth[section.pk], by_section.get(section.pk))
            for section in checklist.sections]


def _profile_rows(assessment: Assessment) -> list[tuple]:
    questions = assessment.version.profile_questions.order_by("sort_order", "pk")
    profile = assessment.profile or {}
    return [(question, profile.get(question.tag)) for question in questions]


@login_required
@require_safe
def overview(request, pk):
    assessment = _assessment_or_404(request, pk)
    if not assessment.is_open:
        return _report_redirect(assessment)
    checklist = checklist_of(assessment.version)
    answers = selectors.answers_of(assessment)
    progress = selectors.progress_of(checklist, answers, assessment.profile_tags)
    resume = next((row for row in progress if row.applicable and not row.complete), None)
    return render(request, "certification/assessments/overview.html", {
        "assessment": assessment,
        "can_contribute": _can_contribute(request, assessment),
        "tree": _tree(checklist, progress),
        "totals": selectors.progress_totals(progress),
        "resume": resume,
        "profile_rows": _profile_rows(assessment),
    })


def _first_section(assessment: Assessment):
    checklist = checklist_of(assessment.version)
    progress = selectors.progress_of(checklist, selectors.answers_of(assessment),
                                     assessment.profile_tags)
    return next((row for row in progress if row.applicable and not row.complete),
                next((row for row in progress if row.applicable), None))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile(request, pk):
    assessment = _assessment_or_404(request, pk)
    if not assessment.is_open:
        return _report_redirect(assessment)
    can_contribute = _can_contribute(request, assessment)
    if request.method == "POST" and not can_contribute:
        raise PermissionDenied
    questions = list(assessment.version.profile_questions.order_by("sort_order", "pk"))
    form = None
    if can_contribute:
        form = AssessmentProfileForm(request.POST if request.method == "POST" else None,
                                     questions=questions, profile=assessment.profile)
        if request.method == "POST":
            if form.is_valid():
                services.assessment_profile_save(assessment=assessment, user=request.user,
                                                 answers=form.answers())
                messages.success(request, _("The profile is saved: the checklist now shows "
                                            "the points that apply to your farm."))
                first = _first_section(assessment)
                if first is None:
                    return redirect("readiness:overview", pk=assessment.pk)
                return redirect("readiness:section", pk=assessment.pk,
                                section_pk=first.section.pk)
            messages.error(request, _("Answer every question with yes or no; what you chose "
                                      "is kept."))
    return render(request, "certification/assessments/profile.html", {
        "assessment": assessment, "can_contribute": can_contribute, "form": form,
        "profile_rows": _profile_rows(assessment),
    }, status=400 if form is not None and form.is_bound and form.errors else 200)


# --- a section -----------------------------------------------------------------------------


@dataclass
class PointRow:
    """One control point as the section page shows and re-shows it."""

    point: ControlPoint
    answer: Answer | None
    value: str
    justification: str
    note: str
    choices: list[tuple[str, str, int | None]]
    photos: list = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    value_was: str = ""
    justification_was: str = ""
    note_was: str = ""

    @property
    def carried_over(self) -> bool:
        """Copied from the previous assessment and not yet confirmed by a member."""
        return bool(self.answer is not None and self.answer.carried_over and self.value)

    @property
    def justify_values(self) -> str:
        return " ".join(value for value, _label, _points in self.choices
                        if self.point.justification_needed(value))

    @property
    def justification_needed(self) -> bool:
        return self.point.justification_needed(self.value)

    @property
    def justification_missing(self) -> bool:
        return self.justification_needed and not self.justification.strip()

    @property
    def asks_justification(self) -> bool:
        return self.point.justification != ControlPoint.Justification.NEVER

    @property
    def value_label(self) -> str:
        return next((label for value, label, _points in self.choices if value == self.value), "")

    @property
    def max_points(self) -> int | None:
        points = [points for _value, _label, points in self.choices if points is not None]
        return max(points) if points else None


def _choices(point: ControlPoint) -> list[tuple[str, str, int | None]]:
    options = list(point.options.all())
    if options:
        return [(option.code, option.text, option.points) for option in options]
    choices = [(scoring.COMPLIANT, _("Compliant"), None),
               (scoring.NOT_COMPLIANT, _("Not compliant"), None)]
    if point.na_allowed:
        choices.append((scoring.NOT_APPLICABLE, _("Not applicable"), None))
    return choices


def _point_row(point: ControlPoint, answer: Answer | None) -> PointRow:
    row = PointRow(point=point, answer=answer, value=answer.value if answer else "",
                   justification=answer.justification if answer else "",
                   note=answer.note if answer else "", choices=_choices(point),
                   photos=list(answer.photos.all()) if answer else [])
    row.value_was = row.value
    row.justification_was = _digest(row.justification)
    row.note_was = _digest(row.note)
    return row


def _save_point(request, assessment: Assessment, row: PointRow) -> None:
    """Save what the form sent for one point: only the fields present and changed since the
    page was shown. A refusal is added to the row's errors."""
    prefix = f"p{row.point.pk}-"
    post = request.POST
    changes = {}
    for name in ("justification", "note"):
        if prefix + name in post:
            posted = post[prefix + name]
            setattr(row, name, posted)  # re-shown as typed if the page comes back
            was = post.get(f"{prefix}{name}-was")
            if was is None or was != _digest(posted):
                changes[name] = posted
    if prefix + "value" in post:
        posted = post[prefix + "value"]
        row.value = posted
        if post.get(prefix + "value-was") is None or post[prefix + "value-was"] != posted:
            changes["value"] = posted
    confirm = post.get("confirm")
    if row.carried_over and "value" not in changes and confirm in ("all", str(row.point.pk)):
        changes["value"] = row.value  # saving the same answer confirms it
    if not changes:
        return
    try:
        row.answer = services.answer_save(assessment=assessment, control_point=row.point,
                                          user=request.user, **changes)
    except ValidationError as exc:
        row.errors.extend(exc.messages)
        if len(changes) == 1 or getattr(exc, "code", None) == "submitted":
            return
        # One field was refused: save the others one by one, so nothing else is lost.
        for name, posted in changes.items():
            try:
                row.answer = services.answer_save(assessment=assessment, control_point=row.point,
                                                  user=request.user, **{name: posted})
            except ValidationError as refused:
                row.errors.extend(m for m in refused.messages if m not in row.errors)


def _save_photos(request, assessment: Assessment, row: PointRow) -> None:
    for upload in request.FILES.getlist(f"p{row.point.pk}-photo"):
        try:
            row.photos.append(services.evidence_add(
                assessment=assessment, control_point=row.point, user=request.user,
                upload=upload))
        except ValidationError as exc:
            row.errors.append(_("Photo “%(name)s”: %(problem)s")
                              % {"name": upload.name, "problem": " ".join(exc.messages)})


def _delete_photo(request, assessment: Assessment, rows: list[PointRow]) -> None:
    wanted = request.POST.get("delete_photo", "")
    for row in rows:
        for photo in row.photos:
            if str(photo.pk) == wanted:
                services.evidence_delete(photo=photo, user=request.user)
                row.photos.remove(photo)
                messages.success(request, _("The photo is removed."))
                return


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def section(request, pk, section_pk):
    assessment = _assessment_or_404(request, pk)
    checklist = checklist_of(assessment.version)
    current = next((s for s in checklist.sections if s.pk == section_pk), None)
    if current is None:
        raise Http404
    if not assessment.is_open:
        if request.method == "POST":
            messages.error(request, _submitted_message())
        return _report_redirect(assessment)
    can_contribute = _can_contribute(request, assessment)
    if request.method == "POST" and not can_contribute:
        raise PermissionDenied
    if assessment.profile is None and can_contribute:
        messages.info(request, _("Answer the profile questions first: they decide which "
                                 "points apply to your farm."))
        return redirect("readiness:profile", pk=assessment.pk)

    answers = selectors.answers_of(assessment)
    tags = assessment.profile_tags
    points = checklist.points_of(current)
    rows = [_point_row(point, answers.get(point.pk)) for point in points
            if point.applies_to(tags)]
    not_applicable = [point for point in points if not point.applies_to(tags)]

    if request.method == "POST":
        response = _section_post(request, assessment, checklist, current, rows)
        if response is not None:
            return response
        # Some points were refused: show the page again with everything as it was typed.
        answers = {row.point.pk: row.answer for row in rows if row.answer is not None}
        answers = {**selectors.answers_of(assessment), **answers}

    progress = selectors.progress_of(checklist, answers, tags)
    here = next((row for row in progress if row.section.pk == current.pk), None)
    previous, following, position, count = _neighbours(progress, current)
    children = [s for s in checklist.sections if s.parent_id == current.pk]
    return render(request, "certification/assessments/section.html", {
        "assessment": assessment, "section": current, "rows": rows,
        "not_applicable": not_applicable, "progress": here, "previous": previous,
        "following": following, "children": children, "can_contribute": can_contribute,
        "ancestors": _ancestors(checklist, current),
        "position": position, "count": count,
        "carried_over": sum(1 for row in rows if row.carried_over),
        # Phones downscale photos to what is kept before sending them (assessment.js).
        "photo_max_side": evidence_max_side(),
        "photo_quality": evidence_jpeg_quality() / 100,
    }, status=400 if any(row.errors for row in rows) else 200)


def _neighbours(progress, current: Section):
    """The sections before and after ``current`` among those with applicable points, and
    its position among them."""
    walkable = [row for row in progress if row.applicable or row.section.pk == current.pk]
    index = next((i for i, row in enumerate(walkable) if row.section.pk == current.pk), None)
    if index is None:
        return None, None, None, len(walkable)
    previous = walkable[index - 1] if index else None
    following = walkable[index + 1] if index + 1 < len(walkable) else None
    return previous, following, index + 1, len(walkable)


def _ancestors(checklist, section: Section) -> list[Section]:
    by_pk = {s.pk: s for s in checklist.sections}
    chain = []
    parent = by_pk.get(section.parent_id)
    while parent is not None:
        chain.insert(0, parent)
        parent = by_pk.get(parent.parent_id)
    return chain


def _section_post(request, assessment, checklist, current, rows):
    """Save every point of the section; a redirect when all went well, None to show the page
    again with the refusals next to their points and nothing typed lost."""
    for row in rows:
        _save_point(request, assessment, row)
        _save_photos(request, assessment, row)
    if request.POST.get("delete_photo"):
        _delete_photo(request, assessment, rows)
    errors = sum(1 for row in rows if row.errors)
    if errors:
        messages.error(request, ngettext(
            "%(count)d point could not be saved as given; see the message next to it. "
            "Everything else is saved.",
            "%(count)d points could not be saved as given; see the messages next to them. "
            "Everything else is saved.", errors) % {"count": errors})
        for row in rows:  # the next try compares with what is stored now
            stored = row.answer
            row.value_was = stored.value if stored else ""
            row.justification_was = _digest(row.justification)
            row.note_was = _digest(row.note)
        return None
    if request.POST.get("delete_photo"):
        return redirect(_section_url(assessment.pk, current.pk))
    if request.POST.get("confirm"):
        messages.success(request, _("Confirmed: these answers are now this assessment's own."))
        return redirect(_section_url(assessment.pk, current.pk))
    go = request.POST.get("go", "next")
    if go == "stay":
        messages.success(request, _("Your answers are saved."))
        return redirect(_section_url(assessment.pk, current.pk))
    progress = selectors.progress_of(checklist, selectors.answers_of(assessment),
                                     assessment.profile_tags)
    previous, following, _position, _count = _neighbours(progress, current)
    target = previous if go == "previous" else following
    if target is None:
        messages.success(request, _("Your answers are saved. Review the sections and "
                                    "submit when every point is answered."))
        return redirect("readiness:overview", pk=assessment.pk)
    messages.success(request, _("Your answers are saved."))
    return redirect(_section_url(assessment.pk, target.section.pk))


# --- autosave and photos -------------------------------------------------------------------


def _point_or_404(assessment: Assessment, point_pk) -> ControlPoint:
    return get_object_or_404(
        ControlPoint.objects.select_related("section").prefetch_related("options"),
        pk=point_pk, section__version_id=assessment.version_id)


def _section_progress(assessment: Assessment, section: Section) -> dict:
    points = tuple(ControlPoint.objects.filter(section=section).only("pk", "section_id", "tags"))
    answers = {answer.control_point_id: answer for answer in
               Answer.objects.filter(assessment=assessment, control_point__section=section)
               .only("control_point_id", "value")}
    checklist = selectors.Checklist(version=assessment.version, sections=(section,),
                                    depth={section.pk: 0}, points=points)
    rows = selectors.progress_of(checklist, answers, assessment.profile_tags)
    row = rows[0] if rows else None
    return {"answered": row.answered if row else 0, "applicable": row.applicable if row else 0,
            "percent": row.percent if row else 100}


@login_required
@require_POST
def answer(request, pk, point_pk):
    """Autosave of one point: any of value, justification and note, and only those sent."""
    assessment = _assessment_or_404(request, pk)
    point = _point_or_404(assessment, point_pk)
    if not _can_contribute(request, assessment):
        return _json_error(_read_only_message(), 403)
    if not assessment.is_open:
        return _json_error(_submitted_message(), 409)
    fields = {name: request.POST[name] for name in ANSWER_FIELDS if name in request.POST}
    if not fields:
        return _json_error(_("Nothing to save: send an answer, a justification or a note."),
                           400)
    try:
        saved = services.answer_save(assessment=assessment, control_point=point,
                                     user=request.user, **fields)
    except ValidationError as exc:
        if getattr(exc, "code", None) == "submitted":
            return _json_error(_submitted_message(), 409)
        return _json_error(" ".join(exc.messages), 400)
    except PermissionDenied:
        return _json_error(_read_only_message(), 403)
    return JsonResponse({
        "ok": True,
        "value": saved.value,
        "justification_needed": point.justification_needed(saved.value),
        "section": _section_progress(assessment, point.section),
        "saved_at": timezone.localtime(saved.updated_at or timezone.now()).isoformat(),
        # What the section form's fallback compares with, so it does not send these again.
        "fingerprints": {"justification": _digest(saved.justification),
                         "note": _digest(saved.note)},
    })


def _refuse_photo_change(request, assessment, wants_json: bool):
    """The response refusing a photo change by a reader (403) or after submission (409), or
    None when the change may go ahead."""
    if not _can_contribute(request, assessment):
        if wants_json:
            return _json_error(_read_only_message(), 403)
        raise PermissionDenied
    if not assessment.is_open:
        if wants_json:
            return _json_error(_submitted_message(), 409)
        messages.error(request, _submitted_message())
        return _report_redirect(assessment)
    return None


def _photo_json(assessment_pk: int, photo: EvidencePhoto) -> dict:
    return {"id": photo.pk,
            "url": reverse("readiness:photo", args=[assessment_pk, photo.pk]),
            "thumbnail_url": reverse("readiness:photo_thumbnail", args=[assessment_pk, photo.pk]),
            "delete_url": reverse("readiness:photo_delete", args=[assessment_pk, photo.pk])}


@login_required
@require_POST
def photo_upload(request, pk, point_pk):
    assessment = _assessment_or_404(request, pk)
    point = _point_or_404(assessment, point_pk)
    wants_json = _wants_json(request)
    back = _section_url(assessment.pk, point.section_id, point.pk)
    refused = _refuse_photo_change(request, assessment, wants_json)
    if refused:
        return refused
    upload = request.FILES.get("photo")
    try:
        if upload is None:
            raise ValidationError(_("Choose a photo to upload."))
        photo = services.evidence_add(assessment=assessment, control_point=point,
                                      user=request.user, upload=upload)
    except ValidationError as exc:
        error = " ".join(exc.messages)
        if wants_json:
            return _json_error(error, 409 if getattr(exc, "code", None) == "submitted" else 400)
        messages.error(request, error)
        return redirect(back)
    if wants_json:
        return JsonResponse({"ok": True, "photo": _photo_json(assessment.pk, photo)},
                            status=201)
    messages.success(request, _("The photo is added."))
    return redirect(back)


@login_required
@require_safe
def photo(request, pk, photo_pk):
    """An evidence photo, for the people who may see the assessment only: media files are not
    served publicly in production."""
    assessment = _assessment_or_404(request, pk)
    evidence = get_object_or_404(EvidencePhoto, pk=photo_pk, answer__assessment=assessment)
    return _jpeg_response(evidence.image)


@login_required
@require_safe
def photo_thumbnail(request, pk, photo_pk):
    """The small copy of an evidence photo that the pages show, for the same people as the
    photo; made now for a photo kept before thumbnails existed."""
    assessment = _assessment_or_404(request, pk)
    evidence = get_object_or_404(EvidencePhoto, pk=photo_pk, answer__assessment=assessment)
    try:
        evidence = services.evidence_thumbnail_ensure(photo=evidence)
    except (OSError, ValueError):  # the photo's file is missing or unreadable
        raise Http404 from None
    return _jpeg_response(evidence.thumbnail)


def _jpeg_response(field_file) -> FileResponse:
    try:
        stream = field_file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(stream, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=86400"
    return response


@login_required
@require_POST
def photo_delete(request, pk, photo_pk):
    assessment = _assessment_or_404(request, pk)
    evidence = get_object_or_404(
        EvidencePhoto.objects.select_related("answer__assessment", "answer__control_point"),
        pk=photo_pk, answer__assessment=assessment)
    wants_json = _wants_json(request)
    back = _section_url(assessment.pk, evidence.answer.control_point.section_id,
                        evidence.answer.control_point_id)
    refused = _refuse_photo_change(request, assessment, wants_json)
    if refused:
        return refused
    services.evidence_delete(photo=evidence, user=request.user)
    if wants_json:
        return JsonResponse({"ok": True})
    messages.success(request, _("The photo is removed."))
    return redirect(back)
