"""A cooperative's archive: everything the platform holds about one cooperative, in one ZIP that
its managers (and site admins) download, built in the background through lms.exports.

It holds a README, the members, their course progress, every self-assessment with its answers,
evidence photos, readiness report and OCOP Mẫu 02, the action plans, and the certificates
issued to the cooperative with their PDFs. Names and headings are in the language the person
asked in (Vietnamese by default). Every CSV cell goes through lms.exports.spreadsheets, and the
ZIP is written to a temporary file with the photos and PDFs copied in one at a time, so memory
stays bounded whatever the number of photos."""

import csv
import datetime
import io
import logging
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.core.files.base import File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from weasyprint.urls import FatalURLFetchingError

from certification.assessments.models import (
    Answer,
    Assessment,
    CorrectiveAction,
    OcopSelfReport,
    ReadinessReport,
)
from certification.certificates.models import Certificate
from certification.certificates.services import certificate_pdf_content, verification_url
from certification.checklists.models import localized
from certification.checklists.selectors import checklist_of
from certification.reports import self_report
from certification.reports.context import answer_label, gap_label, key_score, stars_text, verdict
from certification.reports.selectors import report_pdfs_of
from certification.reports.services import readiness_report_render_pdf
from courses.models import Enrollment
from lms.cooperatives.models import Cooperative, Membership, fold
from lms.exports.models import Export
from lms.exports.registry import Builder, ExportFile, Link, Progress
from lms.exports.services import export_request
from lms.exports.spreadsheets import csv_row

logger = logging.getLogger(__name__)

ARCHIVE = "cooperatives.archive"  # the kind of export lms.exports builds with archive_build
# An archive still unfinished this long after it was asked for counts as lost (a dead worker),
# so it no longer stops a manager from asking again.
RUNNING_AT_MOST = datetime.timedelta(hours=1)

# Names inside the ZIP, per language: plain ASCII, which every unzip program shows right.
# `{id}` is an assessment's number, `{code}` a control point's code, `{n}` a photo's number.
FILE_NAMES = {
    "vi": {
        "zip": "luu-tru-{slug}-{date}.zip",
        "readme": "README.txt",
        "members": "thanh-vien.csv",
        "courses": "tien-do-hoc-tap.csv",
        "assessments": "tu-danh-gia.csv",
        "answers": "tu-danh-gia/{id}/cau-tra-loi.csv",
        "evidence": "tu-danh-gia/{id}/minh-chung/{code}-{n}.jpg",
        "report": "tu-danh-gia/{id}/bao-cao-san-sang.pdf",
        "ocop_form": "tu-danh-gia/{id}/mau-02-ocop.pdf",
        "actions": "hanh-dong-khac-phuc.csv",
        "action_photo": "tu-danh-gia/{id}/khac-phuc/{code}-{n}.jpg",
        "certificates": "chung-chi/chung-chi.csv",
        "certificate": "chung-chi/{holder}-{code}.pdf",
    },
    "en": {
        "zip": "archive-{slug}-{date}.zip",
        "readme": "README.txt",
        "members": "members.csv",
        "courses": "course-progress.csv",
        "assessments": "assessments.csv",
        "answers": "assessments/{id}/answers.csv",
        "evidence": "assessments/{id}/evidence/{code}-{n}.jpg",
        "report": "assessments/{id}/readiness-report.pdf",
        "ocop_form": "assessments/{id}/ocop-form-02.pdf",
        "actions": "corrective-actions.csv",
        "action_photo": "assessments/{id}/corrective-actions/{code}-{n}.jpg",
        "certificates": "certificates/certificates.csv",
        "certificate": "certificates/{holder}-{code}.pdf",
    },
}


def _language() -> str:
    language = (translation.get_language() or "vi")[:2]
    return language if language in FILE_NAMES else "vi"


def _safe(text: str, fallback: str) -> str:
    """A piece of a name inside the ZIP: letters, digits, dots, dashes and underscores only,
    so a code such as "../x" can never climb out of its folder when the ZIP is unpacked."""
    plain = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", plain).strip(".-")
    return cleaned[:60] or fallback


def _moment(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _day(value) -> str:
    return value.isoformat() if value else ""


def _heading(model, field: str) -> str:
    return capfirst(str(model._meta.get_field(field).verbose_name))


def _name(user) -> str:
    return user.full_name if user is not None else ""


# --- who may have it, and asking for it ------------------------------------------------------


def archive_user_may_have(*, user, cooperative_id) -> bool:
    """Active managers of the cooperative, and site admins. Not accountants or members (it
    holds everyone's progress and every answer), nor union officers (they oversee through the
    dashboard and its exports)."""
    if not user.is_authenticated or not user.is_active or not cooperative_id:
        return False
    if user.is_superuser:
        return True
    return Membership.objects.filter(
        user=user, cooperative_id=cooperative_id, role=Membership.Role.MANAGER,
        status=Membership.Status.ACTIVE).exists()


def archive_running(*, cooperative_id) -> Export | None:
    """The cooperative's archive being built now, whoever asked for it."""
    return (Export.objects
            .filter(kind=ARCHIVE, params__cooperative=cooperative_id,
                    status__in=[Export.Status.PENDING, Export.Status.RUNNING],
                    created_at__gte=timezone.now() - RUNNING_AT_MOST)
            .select_related("requested_by").order_by("-created_at").first())


def archive_request(*, user, cooperative: Cooperative) -> tuple[Export, bool]:
    """The archive being built for the cooperative if there is one, else a new one for `user`;
    and whether it is new. Two clicks at once are taken one after the other (the cooperative's
    row is locked), so there is one archive in the making per cooperative."""
    if not archive_user_may_have(user=user, cooperative_id=cooperative.pk):
        raise PermissionDenied
    with transaction.atomic():
        Cooperative.objects.select_for_update().get(pk=cooperative.pk)
        running = archive_running(cooperative_id=cooperative.pk)
        if running is not None:
            return running, False
        export = export_request(
            user=user, kind=ARCHIVE, fmt="zip", params={"cooperative": cooperative.pk},
            title=_("Archive of %(name)s") % {"name": cooperative.name})
    return export, True


# --- the ZIP ---------------------------------------------------------------------------------


class _Zip:
    """The ZIP being written: each file counts one step of progress. CSV and text are
    compressed; photos and PDFs (compressed already) are stored as they are."""

    def __init__(self, archive: zipfile.ZipFile, progress: Progress, total: int):
        self.archive, self.progress, self.total, self.done = archive, progress, total, 0
        self.names: list[str] = []
        self.when = timezone.localtime().timetuple()[:6]

    def _info(self, name: str, *, compress: bool) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self.when)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        return info

    def _step(self, name: str) -> None:
        self.names.append(name)
        self.done += 1
        self.progress(min(self.done, self.total))

    @contextmanager
    def _text(self, name: str):
        # UTF-8 with a byte-order mark, so spreadsheet programs read the diacritics right.
        with self.archive.open(self._info(name, compress=True), "w") as raw, \
                io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as text:
            yield text
        self._step(name)

    def csv(self, name: str, header: Iterable, rows: Iterable[Iterable]) -> None:
        """Every cell, headings included, through `csv_row`: a text that a spreadsheet would
        run as a formula stays text."""
        with self._text(name) as text:
            writer = csv.writer(text)
            writer.writerow(csv_row(str(cell) for cell in header))
            for row in rows:
                writer.writerow(csv_row(row))

    def text(self, name: str, content: str) -> None:
        with self._text(name) as text:
            text.write(content)

    def copy(self, name: str, stream) -> None:
        """A stored file, copied in chunks: never the whole of it in memory."""
        with self.archive.open(self._info(name, compress=False), "w") as target:
            while chunk := stream.read(64 * 1024):
                target.write(chunk)
        self._step(name)

    def bytes(self, name: str, content: bytes) -> None:
        self.archive.writestr(self._info(name, compress=False), content)
        self._step(name)

    def skip(self) -> None:
        """A file that was counted and could not be made: progress moves on all the same."""
        self.done += 1
        self.progress(min(self.done, self.total))


def _answer_text(point, answer: Answer, language: str) -> tuple[str, int | None]:
    """What was answered, in words, and the points it scored (OCOP options only)."""
    options = {option.code: option for option in point.options.all()}
    if options:
        option = options.get(answer.value)
        if option is None:
            return answer.value, None
        return localized(option, "text", language), option.points
    return (answer_label(answer.value) if answer.value else ""), None


def _assessment_rows(assessments: list[Assessment]) -> Iterable[list]:
    for assessment in assessments:
        report = getattr(assessment, "report", None) if not assessment.is_open else None
        score = outcome = why = ""
        if report is not None:
            snapshot = report.snapshot
            score = key_score(snapshot)["text"]
            if "ocop" in snapshot:
                score = f"{score} ({stars_text(snapshot['ocop']['stars'])})"
            said = verdict(snapshot)
            outcome, why = str(said["title"]), str(said["text"])
        yield [assessment.pk, localized(assessment.version.standard, "name"),
               assessment.version.label, assessment.get_status_display(),
               _moment(assessment.started_at), _name(assessment.started_by),
               _moment(assessment.submitted_at), _name(assessment.submitted_by),
               score, outcome, why]


def _readme(*, cooperative, owner, names: dict, written: list[str], notes: list[str]) -> str:
    made = date_format(timezone.localtime(), "SHORT_DATETIME_FORMAT")
    what = [
        (names["members"], _("Everyone who has asked to join the cooperative on the platform: "
                             "name, role, status, and the dates of the request and of the "
                             "decision. E-mail addresses are left out.")),
        (names["courses"], _("The courses of the cooperative's current members: status, "
                             "enrolment and completion dates, and the certificate code.")),
        (names["assessments"], _("Every self-assessment of the cooperative: standard, "
                                 "version, status, dates, score and verdict.")),
        (names["answers"].format(id="<n>"), _(
            "The answers of self-assessment number n: control point, requirement, answer, "
            "justification, note, who answered and when, and the file names of its photos.")),
        (names["evidence"].format(id="<n>", code="<code>", n="<k>"), _(
            "The evidence photos of each control point, as stored on the platform.")),
        (names["report"].format(id="<n>"), _("The readiness report of a submitted "
                                               "self-assessment (PDF).")),
        (names["ocop_form"].format(id="<n>"), _("The OCOP self-assessment report (Mẫu 02), "
                                                  "where the cooperative filled it in (PDF).")),
        (names["actions"], _("The action plans: each gap, who works on it, by when, its "
                             "status and what was done.")),
        (names["action_photo"].format(id="<n>", code="<code>", n="<k>"), _(
            "The photos that close corrective actions.")),
        (names["certificates"], _("The certificates issued to the cooperative: code, holder, "
                                  "dates, status (valid, expired, revoked or replaced) and the "
                                  "address where anyone can check it.")),
        (names["certificate"].format(holder="<name>", code="<code>"), _(
            "The PDF of each certificate; one that is no longer valid says so across it.")),
    ]
    lines = [
        _("Archive of %(name)s") % {"name": cooperative.name},
        "=" * 60,
        _("Registration code: %(code)s") % {"code": cooperative.registration_code},
        _("Made on %(date)s for %(name)s.") % {"date": made, "name": _name(owner)},
        "",
        _("What each file holds:"),
    ]
    for name, description in what:
        lines += [f"- {name}", f"  {description}"]
    lines += ["", _("Spreadsheet files (CSV) are in UTF-8. A cell whose text starts with = + - "
                    "or @ has an apostrophe in front, so that a spreadsheet shows it as text "
                    "and never runs it.")]
    if notes:
        lines += ["", _("Left out, and why:")] + [f"- {note}" for note in notes]
    lines += ["", _("Files in this archive: %(count)d") % {"count": len(written) + 1}]
    return "\r\n".join(lines) + "\r\n"


def archive_build(*, export: Export, progress: Progress) -> ExportFile:
    """The ZIP of the export's cooperative, if its owner still manages it (or is an admin)."""
    owner, cooperative_id = export.requested_by, export.params.get("cooperative")
    if not archive_user_may_have(user=owner, cooperative_id=cooperative_id):
        raise PermissionDenied("The archive's owner no longer manages the cooperative.")
    cooperative = Cooperative.objects.get(pk=cooperative_id)
    language = _language()
    names = FILE_NAMES[language]

    memberships = list(Membership.objects.filter(cooperative=cooperative)
                       .select_related("user").order_by("status", "role", "user__full_name"))
    active = [m.user_id for m in memberships if m.status == Membership.Status.ACTIVE]
    enrollments = list(Enrollment.objects.filter(user_id__in=active)
                       .select_related("user", "course")
                       .order_by("user__full_name", "user_id", "enrolled_at"))
    course_codes = {
        (certificate.recipient_id, certificate.source_key): certificate.code_grouped
        for certificate in Certificate.objects.filter(
            kind=Certificate.Kind.COURSE, recipient_id__in=active, replaced_at__isnull=True)}
    assessments = list(Assessment.objects.filter(cooperative=cooperative)
                       .select_related("version__standard", "started_by", "submitted_by",
                                       "report")
                       .order_by("started_at", "pk"))
    answers = {}
    for assessment in assessments:
        answers[assessment.pk] = list(
            Answer.objects.filter(assessment=assessment)
            .select_related("answered_by")
            .prefetch_related("photos"))
    actions = list(CorrectiveAction.objects.filter(assessment__cooperative=cooperative)
                   .select_related("assessment__version__standard", "control_point", "owner",
                                   "course")
                   .order_by("assessment__started_at", "assessment_id", "position", "pk"))
    with_form = set(OcopSelfReport.objects.filter(assessment__cooperative=cooperative)
                    .values_list("assessment_id", flat=True))
    certificates = list(Certificate.objects.filter(cooperative=cooperative)
                        .select_related("recipient", "replaced_by")
                        .order_by("issued_at", "pk"))
    submitted = [a for a in assessments if not a.is_open]
    forms = [a for a in submitted if a.pk in with_form and self_report.applies_to(a)]
    photos = sum(len(answer.photos.all()) for rows in answers.values() for answer in rows)
    closing = sum(1 for action in actions if action.closing_photo)
    total = (6 + len(assessments) + photos + len(submitted) + len(forms) + closing
             + len(certificates))
    progress(0, total)

    notes: list[str] = []
    temporary = tempfile.TemporaryFile()  # noqa: SIM115 - lms.exports stores and closes it
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            out = _Zip(archive, progress, total)
            _write_people(out, names, memberships, enrollments, course_codes)
            out.csv(names["assessments"], [
                pgettext("assessment number", "Number"), _("Standard"), _("Version"), _("Status"),
                _heading(Assessment, "started_at"), _heading(Assessment, "started_by"),
                _heading(Assessment, "submitted_at"), _heading(Assessment, "submitted_by"),
                _("Score"), _("Verdict"), _("Why"),
            ], _assessment_rows(assessments))
            for assessment in assessments:
                _write_assessment(out, names, assessment, answers[assessment.pk], language,
                                  notes, with_form=assessment in forms)
            _write_actions(out, names, actions, language, notes)
            _write_certificates(out, names, certificates, notes)
            out.text(names["readme"], _readme(cooperative=cooperative, owner=owner,
                                              names=names, written=out.names, notes=notes))
    except BaseException:
        temporary.close()
        raise
    name = names["zip"].format(slug=_safe(slugify(fold(cooperative.name)), "htx"),
                               date=f"{timezone.localdate():%Y%m%d}")
    temporary.seek(0)
    return ExportFile(name, File(temporary, name=name))


def _write_people(out: _Zip, names: dict, memberships, enrollments, course_codes) -> None:
    out.csv(names["members"], [
        _("Name"), _("Role"), _("Status"),
        _heading(Membership, "requested_at"), _heading(Membership, "decided_at"),
    ], ([m.user.full_name, m.get_role_display(), m.get_status_display(),
         _moment(m.requested_at), _moment(m.decided_at)] for m in memberships))
    out.csv(names["courses"], [
        _("Member"), _("Course"), _("Status"), _("Enrolled"), _("Completed"),
        _("Certificate code"),
    ], ([e.user.full_name, e.course.title, e.get_status_display(), _moment(e.enrolled_at),
         _moment(e.completed_at), course_codes.get((e.user_id, str(e.course_key)), "")]
        for e in enrollments))


def _write_assessment(out: _Zip, names: dict, assessment: Assessment, answers: list[Answer],
                      language: str, notes: list[str], *, with_form: bool) -> None:
    checklist = checklist_of(assessment.version)
    order = {point.pk: index for index, point in enumerate(checklist.points)}
    points = {point.pk: point for point in checklist.points}
    answers = sorted((a for a in answers if a.control_point_id in points),
                     key=lambda answer: order[answer.control_point_id])
    rows, photos = [], []
    for answer in answers:
        point = points[answer.control_point_id]
        code = _safe(point.code, "point")
        files = []
        for n, photo in enumerate(answer.photos.all(), start=1):
            files.append(names["evidence"].format(id=assessment.pk, code=code, n=n))
            photos.append((files[-1], photo))
        said, scored = _answer_text(point, answer, language)
        rows.append([point.code, localized(point, "text", language), said,
                     "" if scored is None else scored, answer.justification, answer.note,
                     _name(answer.answered_by), _moment(answer.updated_at), " ".join(files)])
    out.csv(names["answers"].format(id=assessment.pk), [
        _("Control point"), _("Requirement"), pgettext("self-assessment", "Answer"),
        _("Points"), _("Justification"), pgettext("answer note", "Note"), _("Answered by"),
        _("When"), _("Photos"),
    ], rows)
    for name, photo in photos:
        _copy_stored(out, name, photo.image, notes, what=_(
            "A photo of self-assessment %(number)d could not be read.") % {
                "number": assessment.pk})
    if assessment.is_open:
        notes.append(_("Self-assessment %(number)d is still in progress, so it has no "
                       "readiness report yet.") % {"number": assessment.pk})
        return
    report = getattr(assessment, "report", None)
    if report is None:
        notes.append(_("Self-assessment %(number)d has no readiness report.") % {
            "number": assessment.pk})
        out.skip()
    else:
        _write_report(out, names["report"].format(id=assessment.pk), report, language,
                      notes)
    if with_form:
        try:
            content = self_report.report_pdf(assessment, language)
        except (Exception, FatalURLFetchingError):  # noqa: BLE001 - said in the README
            logger.exception("Mẫu 02 of assessment %s could not be rendered", assessment.pk)
            notes.append(_("The OCOP self-assessment report (Mẫu 02) of self-assessment "
                           "%(number)d could not be made.") % {"number": assessment.pk})
            out.skip()
        else:
            out.bytes(names["ocop_form"].format(id=assessment.pk), content)


def _write_report(out: _Zip, name: str, report: ReadinessReport, language: str,
                  notes: list[str]) -> None:
    """The stored PDF in the archive's language, else in another one; made now in the archive's
    language (and kept for the report page) if there is none."""
    made = {other: row for other, row in report_pdfs_of(report).items() if row.file}
    row = made.get(language) or next(iter(made.values()), None)
    if row is None:
        readiness_report_render_pdf(report_id=report.pk, language=language)
        row = report.pdfs.filter(language=language).exclude(file="").first()
    if row is None:
        notes.append(_("The readiness report of self-assessment %(number)d could not be made "
                       "as a PDF; it can still be read on the platform.") % {
            "number": report.assessment_id})
        out.skip()
        return
    _copy_stored(out, name, row.file, notes, what=_(
        "The readiness report of self-assessment %(number)d could not be read.") % {
            "number": report.assessment_id})


def _copy_stored(out: _Zip, name: str, field, notes: list[str], *, what: str) -> None:
    try:
        stream = field.open("rb")
    except (OSError, ValueError):
        logger.exception("%s could not be opened for an archive", field.name)
        notes.append(what)
        out.skip()
        return
    with stream:
        out.copy(name, stream)


def _write_actions(out: _Zip, names: dict, actions: list[CorrectiveAction], language: str,
                   notes: list[str]) -> None:
    rows, photos, taken = [], [], set()
    for action in actions:
        point = action.control_point
        photo_name = ""
        if action.closing_photo:
            n = 1
            while (photo_name := names["action_photo"].format(
                    id=action.assessment_id, code=_safe(point.code, "point"), n=n)) in taken:
                n += 1
            taken.add(photo_name)
            photos.append((photo_name, action))
        rows.append([
            action.assessment_id, localized(action.assessment.version.standard, "name"),
            point.code, localized(point, "text", language), gap_label(action.gap),
            _("Yes") if action.blocking else _("No"), _name(action.owner),
            _day(action.due_date), action.get_status_display(), action.closing_note,
            _moment(action.closed_at), action.course.title if action.course else "", photo_name,
        ])
    out.csv(names["actions"], [
        _("Self-assessment"), _("Standard"), _("Control point"), _("Requirement"), _("Gap"),
        _heading(CorrectiveAction, "blocking"), pgettext("corrective action", "Owner"), _("Due"),
        _("Status"),
        _("What was done"), _("Closed"), _("Course"), _("Photo"),
    ], rows)
    for name, action in photos:
        _copy_stored(out, name, action.closing_photo, notes, what=_(
            "The photo of a corrective action of self-assessment %(number)d could not be "
            "read.") % {"number": action.assessment_id})


def _write_certificates(out: _Zip, names: dict, certificates: list[Certificate],
                        notes: list[str]) -> None:
    now = timezone.now()
    files = {}
    for certificate in certificates:
        holder = _safe(slugify(fold(certificate.snapshot.get("holder", ""))), "chung-chi")
        files[certificate.pk] = names["certificate"].format(holder=holder,
                                                            code=certificate.code)
    out.csv(names["certificates"], [
        _("Certificate code"), _("Kind"), _("Holder"), _("What it is for"),
        _heading(Certificate, "issued_at"), _heading(Certificate, "expires_at"),
        _("Status"), _("Standing"), _("Verification address"), pgettext("archive", "File"),
    ], ([c.code_grouped, c.get_kind_display(), c.snapshot.get("holder", ""), str(c.subject),
         _moment(c.issued_at), _day(c.expires_on), c.Status(c.status_at(now)).label,
         "; ".join(c.standing_lines_at(now)), verification_url(c), files[c.pk]]
        for c in certificates))
    for certificate in certificates:
        content = certificate_pdf_content(certificate=certificate)
        if content is None:
            notes.append(_("The PDF of certificate %(code)s could not be made.") % {
                "code": certificate.code_grouped})
            out.skip()
            continue
        out.bytes(files[certificate.pk], content)


# --- lms.exports: the page leads back to the cooperative --------------------------------------


def archive_back(*, export: Export) -> Link:
    cooperative = Cooperative.objects.filter(pk=export.params.get("cooperative")).first()
    if cooperative is None:
        return Link(reverse("cooperatives:mine"), _("My cooperative"))
    return Link(reverse("cooperatives:detail", args=[cooperative.pk]), cooperative.name)


def archive_may_open(*, user, export: Export) -> bool:
    return archive_user_may_have(user=user, cooperative_id=export.params.get("cooperative"))


ARCHIVE_BUILDER = Builder(kind=ARCHIVE, build=archive_build, back=archive_back,
                          may_open=archive_may_open)
