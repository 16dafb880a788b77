"""The official OCOP self-assessment report (Mẫu 02, Appendix III of Decision 26/2026/QĐ-TTg),
drafted from a submitted OCOP assessment: part I general information and part II business
results from what the cooperative fills in (``OcopSelfReport``), part III the self-score of every
criterion with the chosen option, the notes and the evidence photos, part IV the plan, and the
open corrective actions of the action plan.

The PDF is made on request and never stored, so it is only ever handed to someone the view has
checked. Evidence photos go in as small inline images: the renderer still reads nothing but the
project's static files and data: URLs."""

import base64
from dataclasses import dataclass, field
from io import BytesIO

from django.template.loader import render_to_string
from django.utils import timezone, translation
from PIL import Image

from certification import scoring
from certification.assessments.models import Assessment, CorrectiveAction, OcopSelfReport
from certification.assessments.selectors import answers_of
from certification.certificates import pdf
from certification.checklists.models import localized
from certification.checklists.selectors import checklist_of

# Each criterion shows at most this many photos, this wide; the others are counted.
PHOTOS_PER_CRITERION = 3
PHOTO_MAX_SIDE = 480
PDF_LANGUAGES = ("vi", "en")


def applies_to(assessment: Assessment) -> bool:
    """Mẫu 02 is drafted from submitted OCOP (weighted points) assessments only."""
    return (assessment.version.rule == scoring.WEIGHTED_POINTS
            and assessment.status == Assessment.Status.SUBMITTED)


def initial_values(assessment: Assessment) -> dict:
    """What the platform already knows about the applicant, for a report not yet filled in."""
    cooperative = assessment.cooperative
    place = ", ".join(str(part) for part in (cooperative.commune, cooperative.province) if part)
    return {
        "organisation_type": translation.pgettext("organisation type", "Cooperative"),
        "address": place,
        "registration_number": cooperative.registration_code,
        "founded": cooperative.founded,
    }


@dataclass
class CriterionRow:
    code: str
    text: str
    max_points: int
    chosen: str = ""
    points: int | None = None
    justification: str = ""
    note: str = ""
    photos: list[str] = field(default_factory=list)  # data: URLs
    more_photos: int = 0


@dataclass
class PartRows:
    title: str
    part: str
    points: int = 0
    max_points: int = 0
    rows: list[CriterionRow] = field(default_factory=list)


def _photo_data_url(photo) -> str | None:
    """A small JPEG of the stored photo as a data: URL; None when the file cannot be read."""
    try:
        with photo.image.open("rb") as stream, Image.open(stream) as image:
            image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
            out = BytesIO()
            image.convert("RGB").save(out, "JPEG", quality=70, optimize=True)
    except (OSError, ValueError):
        return None
    return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def criteria_rows(assessment: Assessment, language: str) -> list[PartRows]:
    """Every criterion of the checklist by section, with the chosen option, its points, the
    member's notes and the evidence photos."""
    checklist = checklist_of(assessment.version)
    answers = answers_of(assessment)
    groups: list[PartRows] = []
    by_section: dict[int, PartRows] = {}
    for point in checklist.points:
        section = point.section
        group = by_section.get(section.pk)
        if group is None:
            group = by_section[section.pk] = PartRows(
                title=localized(section, "title", language), part=section.part)
            groups.append(group)
        options = list(point.options.all())
        row = CriterionRow(code=point.code, text=localized(point, "text", language),
                           max_points=max((option.points for option in options), default=0))
        answer = answers.get(point.pk)
        if answer is not None:
            chosen = next((option for option in options if option.code == answer.value), None)
            if chosen is not None:
                row.chosen = localized(chosen, "text", language)
                row.points = chosen.points
                group.points += chosen.points
            row.justification, row.note = answer.justification, answer.note
            photos = list(answer.photos.all())
            row.photos = [url for url in map(_photo_data_url, photos[:PHOTOS_PER_CRITERION])
                          if url]
            row.more_photos = len(photos) - len(row.photos)
        group.max_points += row.max_points
        group.rows.append(row)
    return groups


def _amount(value: int | None) -> str:
    """1200000000 -> "1.200.000.000 đ", as amounts are written in Vietnam."""
    return "" if value is None else f"{value:,} đ".replace(",", ".")


def _results(self_report: OcopSelfReport | None) -> list[dict]:
    """Revenue and profit of the last two full years, oldest first, where given."""
    if self_report is None:
        return []
    year = self_report.results_year
    rows = [{"year": year - 1 if year else None, "revenue": _amount(self_report.revenue_before),
             "profit": _amount(self_report.profit_before)},
            {"year": year, "revenue": _amount(self_report.revenue),
             "profit": _amount(self_report.profit)}]
    return [row for row in rows if row["year"] or row["revenue"] or row["profit"]]


def report_context(assessment: Assessment, language: str) -> dict:
    self_report = OcopSelfReport.objects.filter(assessment=assessment).first()
    readiness = assessment.report
    ocop = readiness.snapshot.get("ocop", {})
    actions = CorrectiveAction.objects.filter(
        assessment=assessment).exclude(status=CorrectiveAction.Status.DONE).select_related(
        "control_point", "owner").order_by("position", "pk")
    version = assessment.version
    return {
        "language": language,
        "assessment": assessment,
        "cooperative": assessment.cooperative,
        "self_report": self_report,
        "initial": initial_values(assessment),
        "results": _results(self_report),
        "standard": localized(version.standard, "name", language),
        "version_label": version.label,
        "version_note": localized(version, "note", language),
        "groups": criteria_rows(assessment, language),
        "ocop": ocop,
        "actions": [{"code": action.control_point.code,
                     "text": localized(action.control_point, "text", language),
                     "owner": action.owner.display_name if action.owner else "",
                     "due_date": action.due_date, "status": action.get_status_display()}
                    for action in actions],
        "printed_at": timezone.localtime(),
    }


def report_html(assessment: Assessment, language: str) -> str:
    with translation.override(language):
        return render_to_string("certification/reports/pdf/ocop_self_report.html",
                                report_context(assessment, language))


def report_pdf(assessment: Assessment, language: str) -> bytes:
    return pdf.html_to_pdf(report_html(assessment, language), stylesheet=pdf.REPORT_STYLESHEET)
