"""After submission: the readiness report (web page and PDF), the action plan's corrective
actions and a cooperative's history against one standard.

Members of the cooperative read everything and work the action plan; officers overseeing it
read only. Everyone else gets 404, so an assessment's existence is never confirmed."""

import datetime

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from certification import assessment_selectors as selectors
from certification import assessment_services as services
from certification.models import (
    Assessment,
    Certificate,
    CorrectiveAction,
    ReadinessReport,
    Standard,
    localized,
)
from certification.report_context import (
    LANGUAGES,
    CourseLinks,
    action_course_ref,
    compare_reports,
    key_score,
    report_context,
    stars_text,
)
from lms.accounts.models import User
from lms.cooperatives.models import Cooperative, Membership, fold
from lms.cooperatives.selectors import cooperative_user_can_view

PDF_PENDING_SECONDS = 15 * 60  # how long a requested PDF counts as "being prepared"


# --- helpers ---------------------------------------------------------------------------------


def _language(request) -> str:
    language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language in LANGUAGES else "vi"


def _assessment_or_404(request, pk) -> Assessment:
    """The assessment, if the user may see it, with ``can_contribute`` set: members work the
    action plan, officers overseeing the cooperative only read."""
    assessment = get_object_or_404(
        Assessment.objects.select_related("cooperative", "version__standard", "submitted_by",
                                          "report"), pk=pk)
    # Members may contribute, and every member may read: one query for them.
    assessment.can_contribute = selectors.assessment_user_can_contribute(
        user=request.user, assessment=assessment)
    if not assessment.can_contribute and not selectors.assessment_user_can_view(
            user=request.user, assessment=assessment):
        raise Http404
    return assessment


def _report_of(assessment: Assessment) -> ReadinessReport | None:
    try:
        return assessment.report
    except ObjectDoesNotExist:
        return None


def _pending_key(report: ReadinessReport, language: str) -> str:
    return f"readiness-pdf:{report.pk}:{language}"


def _submit_language(assessment: Assessment) -> str:
    user = assessment.submitted_by
    return (getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE)[:2]


def _pdf_state(report: ReadinessReport, language: str) -> str:
    """ready, failed, pending (asked for and not done yet) or none (never asked for in this
    language)."""
    if report.pdf and report.pdf_language == language:
        return "ready"
    if report.pdf_error:
        return "failed"
    if cache.get(_pending_key(report, language)):
        return "pending"
    recent = report.created_at >= timezone.now() - datetime.timedelta(seconds=PDF_PENDING_SECONDS)
    if recent and language == _submit_language(report.assessment):
        return "pending"  # submitting enqueued it in the submitter's language
    return "none"


def _pdf_enqueue(report: ReadinessReport, language: str, *, force: bool = False) -> None:
    """Ask the worker for the PDF once per language while it is pending (eager in dev)."""
    from certification.tasks import render_readiness_report_pdf

    if cache.add(_pending_key(report, language), True, timeout=PDF_PENDING_SECONDS) or force:
        # A failure left no PDF in this language, so the task renders again without force.
        render_readiness_report_pdf.delay(str(report.pk), language)


def _pdf_filename(report: ReadinessReport, language: str) -> str:
    snapshot = report.snapshot
    slug = slugify(fold(snapshot.get("cooperative", {}).get("name", ""))) or "hop-tac-xa"
    day = timezone.localdate(report.created_at).isoformat()
    prefix = "bao-cao-san-sang" if language == "vi" else "readiness-report"
    return f"{prefix}-{slug}-{day}.pdf"


def _pdf_response(report: ReadinessReport, language: str) -> FileResponse:
    try:
        stream = report.pdf.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    return FileResponse(stream, as_attachment=True, content_type="application/pdf",
                        filename=_pdf_filename(report, language))


def _previous_report(report: ReadinessReport) -> ReadinessReport | None:
    """The cooperative's submitted report against the same standard just before this one."""
    assessment = report.assessment
    return (ReadinessReport.objects
            .filter(assessment__cooperative_id=assessment.cooperative_id,
                    assessment__version__standard_id=assessment.version.standard_id,
                    created_at__lt=report.created_at)
            .order_by("-created_at").first())


# --- the report ------------------------------------------------------------------------------


@login_required
@require_safe
def report(request, pk):
    assessment = _assessment_or_404(request, pk)
    readiness = _report_of(assessment)
    if readiness is None:
        return redirect("readiness:overview", pk=assessment.pk)
    language = _language(request)
    context = report_context(readiness, language=language)
    can_contribute = assessment.can_contribute
    previous = _previous_report(readiness)
    certificate = Certificate.objects.filter(
        recipient=request.user, kind=Certificate.Kind.ASSESSMENT,
        source_key=f"assessment:{assessment.pk}", replaced_at__isnull=True).first()
    other_language = readiness.pdf_language if readiness.pdf and \
        readiness.pdf_language != language else ""
    context.update({
        "can_contribute": can_contribute,
        "pdf_state": _pdf_state(readiness, language),
        "pdf_other_language": other_language,
        "pdf_other_language_name": dict(settings.LANGUAGES).get(other_language, ""),
        "previous": previous,
        "comparison": compare_reports(previous.snapshot, readiness.snapshot,
                                      language=language) if previous else None,
        "certificate": certificate,
        "history_url": reverse("readiness:history", args=[
            assessment.cooperative_id, assessment.version.standard.code]),
    })
    return render(request, "certification/readiness_report.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report_pdf(request, pk):
    """GET: the PDF in the requested (or the page's) language when it exists; otherwise ask
    for it and come back to the report. POST (members): try again after a failure."""
    assessment = _assessment_or_404(request, pk)
    readiness = _report_of(assessment)
    if readiness is None:
        raise Http404
    language = request.POST.get("lang") or request.GET.get("lang") or _language(request)
    if language not in LANGUAGES:
        language = _language(request)
    if request.method == "POST":
        if not assessment.can_contribute:
            raise PermissionDenied
        if readiness.pdf_error:
            readiness.pdf_error = ""
            readiness.save(update_fields=["pdf_error"])
        cache.delete(_pending_key(readiness, language))
        _pdf_enqueue(readiness, language, force=True)
        readiness.refresh_from_db()
        if readiness.pdf_error:
            messages.error(request, _("The PDF could not be made again. The platform team has "
                                      "been told; please try later."))
        else:
            messages.success(request, _("The PDF is being prepared again."))
        return redirect("readiness:report", pk=assessment.pk)
    if readiness.pdf and readiness.pdf_language == language:
        return _pdf_response(readiness, language)
    _pdf_enqueue(readiness, language)
    readiness.refresh_from_db()
    if readiness.pdf and readiness.pdf_language == language:  # rendered at once (eager)
        return _pdf_response(readiness, language)
    if readiness.pdf_error:
        messages.error(request, _("The PDF could not be made."))
    else:
        messages.info(request, _("The PDF is being prepared. This page shows it when it is "
                                 "ready; you can also leave and come back."))
    return redirect("readiness:report", pk=assessment.pk)


@login_required
@require_safe
def report_pdf_status(request, pk):
    assessment = _assessment_or_404(request, pk)
    readiness = _report_of(assessment)
    if readiness is None:
        raise Http404
    language = request.GET.get("lang") or _language(request)
    if language not in LANGUAGES:
        language = _language(request)
    state = _pdf_state(readiness, language)
    url = f"{reverse('readiness:report_pdf', args=[assessment.pk])}?lang={language}"
    return JsonResponse({
        "ready": state == "ready", "url": url if state == "ready" else None,
        "error": _("The PDF could not be made.") if state == "failed" else None,
        "state": state,
    })


# --- the action plan -------------------------------------------------------------------------


class CorrectiveActionForm(forms.Form):
    owner = forms.ModelChoiceField(queryset=User.objects.none(), required=False,
                                   label=gettext_lazy("Who does it"),
                                   empty_label=gettext_lazy("Nobody yet"))
    due_date = forms.DateField(required=False, label=gettext_lazy("Due date"),
                               widget=forms.DateInput(attrs={"type": "date"},
                                                      format="%Y-%m-%d"),
                               input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    status = forms.ChoiceField(choices=CorrectiveAction.Status.choices,
                               label=gettext_lazy("Status"))
    closing_note = forms.CharField(
        required=False, label=gettext_lazy("What was done"), max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Needed to mark the action done: what was changed, by whom, "
                               "where the record is kept."))
    closing_photo = forms.FileField(
        required=False, label=gettext_lazy("Photo of the result"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=gettext_lazy("Optional: a photo that shows the work done (JPEG, PNG or WebP)."))

    def __init__(self, *args, cooperative: Cooperative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(
            memberships__cooperative=cooperative,
            memberships__status=Membership.Status.ACTIVE).order_by("full_name", "email")
        self.fields["owner"].label_from_instance = lambda user: user.full_name or user.email


def _action_or_404(assessment: Assessment, action_pk) -> CorrectiveAction:
    return get_object_or_404(
        CorrectiveAction.objects.select_related("control_point", "owner", "course"),
        pk=action_pk, assessment=assessment)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def action_edit(request, pk, action_pk):
    assessment = _assessment_or_404(request, pk)
    if _report_of(assessment) is None:
        raise Http404
    action = _action_or_404(assessment, action_pk)
    can_contribute = assessment.can_contribute
    form = None
    if can_contribute:
        initial = {"owner": action.owner_id, "due_date": action.due_date,
                   "status": action.status, "closing_note": action.closing_note}
        if request.method == "POST":
            form = CorrectiveActionForm(request.POST, request.FILES, initial=initial,
                                        cooperative=assessment.cooperative)
            if form.is_valid():
                data = form.cleaned_data
                try:
                    services.corrective_action_update(
                        action=action, user=request.user, owner=data["owner"],
                        due_date=data["due_date"], status=data["status"],
                        closing_note=data["closing_note"],
                        closing_photo=data["closing_photo"] or None)
                except ValidationError as error:
                    _errors_to_form(form, error)
                else:
                    messages.success(request, _("The action is saved."))
                    return redirect(reverse("readiness:report", args=[assessment.pk])
                                    + f"#action-{action.pk}")
        else:
            form = CorrectiveActionForm(initial=initial, cooperative=assessment.cooperative)
    elif request.method == "POST":
        raise PermissionDenied
    language = _language(request)
    ref = action_course_ref(action)
    return render(request, "certification/corrective_action.html", {
        "assessment": assessment, "action": action, "form": form,
        "course": CourseLinks([ref], language=language, absolute=False).link(ref)
        if ref else None,
        "can_contribute": can_contribute,
        "point_text": localized(action.control_point, "text", language),
        "point_guidance": localized(action.control_point, "guidance", language),
        "photo_lost": bool(form is not None and form.errors and request.FILES),
    })


def _errors_to_form(form: forms.Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    elif form.cleaned_data.get("closing_photo"):
        form.add_error("closing_photo", error)  # what Pillow found wrong with the photo
    else:
        form.add_error(None, error)


@login_required
@require_safe
def action_photo(request, pk, action_pk):
    """The photo closing an action, for the people who may see the assessment only."""
    assessment = _assessment_or_404(request, pk)
    action = _action_or_404(assessment, action_pk)
    if not action.closing_photo:
        raise Http404
    try:
        stream = action.closing_photo.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(stream, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=86400"
    return response


# --- history ---------------------------------------------------------------------------------


@login_required
@require_safe
def history(request, cooperative_pk, standard_code):
    """The cooperative's submitted reports against one standard, newest first, and what changed
    between the last two."""
    cooperative = Cooperative.objects.filter(pk=cooperative_pk).first()
    if cooperative is None or not cooperative_user_can_view(user=request.user,
                                                            cooperative=cooperative):
        raise Http404
    standard = get_object_or_404(Standard, code=standard_code)
    language = _language(request)
    reports = list(selectors.history_of(cooperative=cooperative, standard=standard))
    counts = {
        row["assessment"]: row for row in
        CorrectiveAction.objects.filter(assessment__in=[r.assessment_id for r in reports])
        .values("assessment")
        .annotate(open=Count("pk", filter=~Q(status=CorrectiveAction.Status.DONE)),
                  closed=Count("pk", filter=Q(status=CorrectiveAction.Status.DONE)))
    }
    rows = []
    for item in reversed(reports):
        snapshot = item.snapshot
        levels = {row["level"]: row for row in snapshot.get("levels", [])}
        ocop = snapshot.get("ocop")
        rows.append({
            "report": item, "assessment_id": item.assessment_id,
            "date": item.created_at, "version": snapshot.get("version", {}).get("label", ""),
            "ready": item.ready, "score": key_score(snapshot),
            "levels": levels,
            "stars": ocop["stars"] if ocop else None,
            "stars_text": stars_text(ocop["stars"]) if ocop else "",
            "star_marks": [i < ocop["stars"] for i in range(5)] if ocop else [],
            "blocking": sum(1 for gap in snapshot.get("gaps", []) if gap["blocking"]),
            "gaps": len(snapshot.get("gaps", [])),
            "open": counts.get(item.assessment_id, {}).get("open", 0),
            "closed": counts.get(item.assessment_id, {}).get("closed", 0),
        })
    comparison = None
    if len(reports) >= 2:
        comparison = compare_reports(reports[-2].snapshot, reports[-1].snapshot,
                                     language=language)
    rule = reports[-1].snapshot.get("version", {}).get("rule") if reports else ""
    return render(request, "certification/readiness_history.html", {
        "cooperative": cooperative, "standard": standard,
        "standard_name": localized(standard, "name", language),
        "rows": rows, "comparison": comparison, "rule": rule,
        "is_ocop": any(row["stars"] is not None for row in rows),
        "is_globalgap": any("major" in row["levels"] for row in rows),
        "latest": rows[0] if rows else None,
        "previous": rows[1] if len(rows) > 1 else None,
    })
