"""After submission: the readiness report (web page and PDF), the action plan's corrective
actions and a cooperative's history against one standard.

Members of the cooperative read everything and work the action plan; officers overseeing it
read only. Everyone else gets 404, so an assessment's existence is never confirmed."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from certification.assessments import selectors as assessment_selectors
from certification.assessments import services as assessment_services
from certification.assessments.models import (
    Assessment,
    CorrectiveAction,
    OcopSelfReport,
    ReadinessReport,
    ReadinessReportPdf,
)
from certification.checklists.models import Standard, localized
from certification.checklists.selectors import checklist_of
from certification.reports import selectors, self_report, services
from certification.reports.context import (
    LANGUAGES,
    CourseLinks,
    action_course_ref,
    compare_reports,
    history_rows,
    report_context,
)
from certification.reports.forms import CorrectiveActionForm, OcopSelfReportForm
from lms.cooperatives.models import Cooperative, fold
from lms.cooperatives.selectors import cooperative_user_can_view

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
    assessment.can_contribute = assessment_selectors.assessment_user_can_contribute(
        user=request.user, assessment=assessment)
    if not assessment.can_contribute and not assessment_selectors.assessment_user_can_view(
            user=request.user, assessment=assessment):
        raise Http404
    return assessment


def _pdf_filename(report: ReadinessReport, language: str) -> str:
    snapshot = report.snapshot
    slug = slugify(fold(snapshot.get("cooperative", {}).get("name", ""))) or "hop-tac-xa"
    day = timezone.localdate(report.created_at).isoformat()
    prefix = "bao-cao-san-sang" if language == "vi" else "readiness-report"
    return f"{prefix}-{slug}-{day}.pdf"


def _pdf_response(report: ReadinessReport, row: ReadinessReportPdf) -> FileResponse:
    try:
        stream = row.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    return FileResponse(stream, as_attachment=True, content_type="application/pdf",
                        filename=_pdf_filename(report, row.language))


def _pdf_language(request, value) -> str:
    return value if value in LANGUAGES else _language(request)


# --- the report ------------------------------------------------------------------------------


@login_required
@require_safe
def report(request, pk):
    assessment = _assessment_or_404(request, pk)
    readiness = selectors.report_of(assessment)
    if readiness is None:
        return redirect("readiness:overview", pk=assessment.pk)
    language = _language(request)
    context = report_context(readiness, language=language)
    can_contribute = assessment.can_contribute
    previous = selectors.previous_report(readiness)
    certificate = selectors.assessment_certificate_of(user=request.user, assessment=assessment)
    pdfs = selectors.report_pdfs_of(readiness)
    other_language = next((other for other in LANGUAGES if other != language
                           and other in pdfs and pdfs[other].file), "")
    context.update({
        "can_contribute": can_contribute,
        "pdf_state": services.pdf_state(pdfs.get(language)),
        "pdf_other_language": other_language,
        "pdf_other_language_name": dict(settings.LANGUAGES).get(other_language, ""),
        "previous": previous,
        "comparison": compare_reports(previous.snapshot, readiness.snapshot,
                                      language=language) if previous else None,
        "certificate": certificate,
        "history_url": reverse("readiness:history", args=[
            assessment.cooperative_id, assessment.version.standard.code]),
    })
    return render(request, "certification/reports/report.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report_pdf(request, pk):
    """GET: the PDF in the requested (or the page's) language when it exists; otherwise ask
    for it and come back to the report. POST (members): try again after a failure."""
    assessment = _assessment_or_404(request, pk)
    readiness = selectors.report_of(assessment)
    if readiness is None:
        raise Http404
    language = _pdf_language(request, request.POST.get("lang") or request.GET.get("lang"))
    if request.method == "POST":
        services.readiness_report_pdf_retry(report=readiness, language=language,
                                            user=request.user)
        row = selectors.report_pdfs_of(readiness).get(language)
        if row is not None and not row.file and row.error:  # failed again at once (eager)
            messages.error(request, _("The PDF could not be made again. The platform team has "
                                      "been told; please try later."))
        else:
            messages.success(request, _("The PDF is being prepared again."))
        return redirect("readiness:report", pk=assessment.pk)
    row = selectors.report_pdfs_of(readiness).get(language)
    if row is not None and row.file:
        return _pdf_response(readiness, row)
    row = services.readiness_report_pdf_request(readiness, language)
    row.refresh_from_db()
    if row.file:  # rendered at once (eager)
        return _pdf_response(readiness, row)
    if services.pdf_state(row) == services.PdfState.FAILED:
        messages.error(request, _("The PDF could not be made."))
    else:
        messages.info(request, _("The PDF is being prepared. This page shows it when it is "
                                 "ready; you can also leave and come back."))
    return redirect("readiness:report", pk=assessment.pk)


@login_required
@require_safe
def report_pdf_status(request, pk):
    assessment = _assessment_or_404(request, pk)
    readiness = selectors.report_of(assessment)
    if readiness is None:
        raise Http404
    language = _pdf_language(request, request.GET.get("lang"))
    state = services.readiness_report_pdf_state(readiness, language)
    url = f"{reverse('readiness:report_pdf', args=[assessment.pk])}?lang={language}"
    return JsonResponse({
        "ready": state == "ready", "url": url if state == "ready" else None,
        "error": _("The PDF could not be made.") if state == "failed" else None,
        "state": state,
    })


# --- the OCOP self-assessment report (Mẫu 02) ------------------------------------------------


def _self_report_assessment_or_404(request, pk) -> Assessment:
    assessment = _assessment_or_404(request, pk)
    if not self_report.applies_to(assessment):
        raise Http404
    return assessment


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def ocop_self_report(request, pk):
    """Members fill in what Mẫu 02 asks beyond the assessment; officers read it."""
    assessment = _self_report_assessment_or_404(request, pk)
    instance = OcopSelfReport.objects.filter(assessment=assessment).first()
    if request.method == "POST":
        if not assessment.can_contribute:
            raise PermissionDenied
        form = OcopSelfReportForm(request.POST, instance=instance)
        if form.is_valid():
            services.ocop_self_report_save(assessment=assessment, form=form, user=request.user)
            messages.success(request, _("Saved. The report below now has your details."))
            return redirect("readiness:ocop_self_report", pk=assessment.pk)
        messages.error(request, _("Some answers need correcting; nothing you wrote is lost."))
    else:
        form = OcopSelfReportForm(instance=instance,
                                  initial=None if instance else self_report.initial_values(
                                      assessment))
    if not assessment.can_contribute:
        for bound in form:
            bound.field.disabled = True
    return render(request, "certification/reports/ocop_self_report.html", {
        "assessment": assessment, "form": form, "saved": instance,
        "can_contribute": assessment.can_contribute,
    })


@login_required
@require_safe
def ocop_self_report_pdf(request, pk):
    assessment = _self_report_assessment_or_404(request, pk)
    language = request.GET.get("lang") or "vi"
    if language not in self_report.PDF_LANGUAGES:
        language = "vi"
    content = self_report.report_pdf(assessment, language)
    slug = slugify(fold(assessment.cooperative.name)) or "hop-tac-xa"
    prefix = "mau-02-bao-cao-tu-danh-gia" if language == "vi" else "form-02-self-assessment"
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{prefix}-{slug}-{timezone.localdate().isoformat()}.pdf"')
    response["Cache-Control"] = "private, no-store"
    return response


# --- the action plan -------------------------------------------------------------------------


def _action_or_404(assessment: Assessment, action_pk) -> CorrectiveAction:
    return get_object_or_404(
        CorrectiveAction.objects.select_related("control_point", "owner", "course"),
        pk=action_pk, assessment=assessment)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def action_edit(request, pk, action_pk):
    assessment = _assessment_or_404(request, pk)
    if selectors.report_of(assessment) is None:
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
                    assessment_services.corrective_action_update(
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
    return render(request, "certification/reports/corrective_action.html", {
        "assessment": assessment, "action": action, "form": form,
        "course": CourseLinks([ref], language=language, absolute=False).link(ref)
        if ref else None,
        "can_contribute": can_contribute,
        "point_text": localized(action.control_point, "text", language),
        "point_guidance": localized(action.control_point, "guidance", language),
        "photo_lost": bool(form is not None and form.errors and request.FILES),
    })


def _errors_to_form(form: CorrectiveActionForm, error: ValidationError) -> None:
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
    rows = history_rows(reports, selectors.action_counts_of(reports))
    comparison = None
    if len(reports) >= 2:
        comparison = compare_reports(reports[-2].snapshot, reports[-1].snapshot,
                                     language=language)
    rule = reports[-1].snapshot.get("version", {}).get("rule") if reports else ""
    return render(request, "certification/reports/history.html", {
        "cooperative": cooperative, "standard": standard,
        "standard_name": localized(standard, "name", language),
        "rows": rows, "comparison": comparison, "rule": rule,
        "is_ocop": any(row["stars"] is not None for row in rows),
        "is_globalgap": any("major" in row["levels"] for row in rows),
        "latest": rows[0] if rows else None,
        "previous": rows[1] if len(rows) > 1 else None,
    })


# --- submit --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request, pk):
    assessment = _assessment_or_404(request, pk)
    if not assessment.is_open:
        return redirect("readiness:report", pk=assessment.pk)
    can_contribute = assessment.can_contribute
    if request.method == "POST":
        if not can_contribute:
            raise PermissionDenied
        try:
            services.assessment_submit(assessment=assessment, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("readiness:submit", pk=assessment.pk)
        messages.success(request, _("Your self-assessment is submitted. The PDF report and "
                                    "your certificate are being prepared; they appear here "
                                    "when ready."))
        return redirect("readiness:report", pk=assessment.pk)

    checklist = checklist_of(assessment.version)
    answers = assessment_selectors.answers_of(assessment)
    tags = assessment.profile_tags
    progress = assessment_selectors.progress_of(checklist, answers, tags)
    unanswered = [(row, row.applicable - row.answered) for row in progress
                  if row.answered < row.applicable]
    missing_justification = assessment_selectors.points_missing_justification(
        checklist, answers, tags)
    return render(request, "certification/reports/submit.html", {
        "assessment": assessment, "can_contribute": can_contribute,
        "totals": assessment_selectors.progress_totals(progress), "unanswered": unanswered,
        "missing_justification": missing_justification,
        "profile_missing": assessment.profile is None,
        "carried_over": sum(1 for answer in answers.values() if answer.carried_over),
    })
