"""Writes of the certification app: issuing, rendering, revoking and re-issuing certificates,
and the ZIP of a cooperative's or a province's certificates (built through lms.exports).

Issuing is idempotent: one certificate in force per holder and source, guarded by a unique
constraint, so running the issuing task twice (or two workers at once) yields one certificate."""

import datetime
import logging
import tempfile
import zipfile

import segno
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile, File
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale
from weasyprint.urls import FatalURLFetchingError

from certification.certificates import pdf, selectors
from certification.certificates.codes import code_new
from certification.certificates.models import Certificate
from certification.certificates.selectors import certificate_in_force
from courses.models import Enrollment
from lms.accounts.models import Notice
from lms.accounts.notices import notice_send
from lms.cooperatives.models import Cooperative, Membership, Province
from lms.cooperatives.selectors import cooperatives_overseen_by
from lms.exports.models import Export
from lms.exports.registry import Builder, ExportFile, Link, Progress
from lms.exports.services import export_request
from lms.files import file_replace
from lms.months import add_months
from lms.outbox.retry import after_grace, try_started
from lms.outbox.services import hand_over

logger = logging.getLogger(__name__)


def _holder_cooperative(user):
    membership = (Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)
                  .select_related("cooperative__union", "cooperative__province")
                  .order_by("requested_at").first())
    return membership.cooperative if membership else None


def _course_snapshot(enrollment: Enrollment, language: str, cooperative) -> dict:
    course = enrollment.course
    locale = Locale.objects.filter(language_code=language).first()
    shown = (course.get_translation_or_none(locale) if locale else None) or course
    shown = shown.specific
    trainer = course.trainer
    return {
        "holder": enrollment.user.full_name,
        "course": shown.title,
        "course_slug": course.slug,
        "hours": format(course.estimated_hours.normalize(), "f"),
        "completed_on": timezone.localdate(enrollment.completed_at).isoformat(),
        "trainer": trainer.full_name if trainer else "",
        "trainer_id": trainer.pk if trainer else None,
        "cooperative": cooperative.name if cooperative else "",
        "union": cooperative.union.name if cooperative and cooperative.union else "",
    }


def certificate_issue(*, kind: str, recipient, source_key: str, snapshot_for, source_id=None,
                      cooperative=None, valid_months: int | None = None,
                      notify_title_key: str | None = None) -> Certificate:
    """Issue the certificate of `kind` for `source_key` to `recipient` once; later calls return
    it. `snapshot_for(language)` gives what the certificate states, in the holder's language.
    Course certificates and self-assessment statements both come through here. With
    `notify_title_key`, the holder is told, once, when the certificate is created: the title
    named is that entry of the snapshot."""
    existing = certificate_in_force(user=recipient, kind=kind, source_key=source_key)
    if existing is not None:
        return existing
    language = recipient.preferred_language or settings.LANGUAGE_CODE
    # Months are counted on the local calendar the certificate is dated in.
    issued_at = timezone.localtime()
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                code=code_new(), kind=kind, recipient=recipient, cooperative=cooperative,
                source_key=source_key, source_id=source_id, language=language,
                issued_at=issued_at,
                expires_at=add_months(issued_at, valid_months) if valid_months else None,
                snapshot=snapshot_for(language),
                # The issuing task renders the PDF next; if it never does, the sweep will.
                pdf_next_try_at=after_grace(),
            )
            if notify_title_key:
                # Inside the block: a run that loses the race above tells nobody.
                notice_send(user=recipient, kind=Notice.Kind.CERTIFICATE_ISSUED,
                            url=reverse("certification:mine"),
                            title=certificate.snapshot.get(notify_title_key, ""))
            return certificate
    except IntegrityError:
        # Another run issued it first: return that one.
        return certificate_in_force(user=recipient, kind=kind, source_key=source_key)


def certificate_issue_for_enrollment(*, enrollment_id: int) -> Certificate:
    """The course certificate of a completed enrollment: issued once, found afterwards."""
    enrollment = Enrollment.objects.select_related("user", "course__trainer").get(pk=enrollment_id)
    if not enrollment.is_completed:
        raise ValidationError("A certificate is issued only for a completed course.")
    cooperative = _holder_cooperative(enrollment.user)
    return certificate_issue(
        kind=Certificate.Kind.COURSE, recipient=enrollment.user,
        source_key=str(enrollment.course_key), source_id=enrollment.pk,
        cooperative=cooperative,
        valid_months=enrollment.course.certificate_valid_months,
        snapshot_for=lambda language: _course_snapshot(enrollment, language, cooperative),
        notify_title_key="course",
    )


def verification_url(certificate: Certificate) -> str:
    return settings.SITE_URL + reverse("certification:verify_code", args=[certificate.code])


def verification_lookup_allowed(*, address: str, limit: int) -> bool:
    """Count one verification look-up from ``address``; False past ``limit`` a minute, which is
    enough for a person checking certificates and too few for guessing codes."""
    key = f"verify-rate:{address}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=60)
        count = 1
    return count <= limit


def certificate_html(certificate: Certificate, *, standing: bool = False) -> str:
    """The certificate's page as issued; with `standing`, and unless it is valid, with the band
    that says it is revoked, replaced or expired across it."""
    url = verification_url(certificate)
    qr = segno.make(url, error="m")
    context = {
        "certificate": certificate,
        "s": certificate.snapshot,
        "verify_url": url,
        "qr_svg": qr.svg_inline(scale=4, border=0, dark="#0f3f26"),
    }
    html = pdf.render_html(context=context, kind=certificate.kind,
                           source_slug=certificate.snapshot.get("course_slug", ""),
                           language=certificate.language)
    status = certificate.status
    if standing and status != Certificate.Status.VALID:
        html = pdf.with_standing_band(html, language=certificate.language, context={
            **context, "status": status, "status_label": Certificate.Status(status).label})
    return html


def certificate_render_pdf(*, certificate_id: int, force: bool = False) -> bool:
    """Render and store the PDF unless it exists; True when stored now.

    Each try is counted before it starts, with the time of the next try after a backoff with
    jitter (lms/outbox/retry.py), which the sweep keeps; so a try that fails, or kills its
    worker, is tried again later, at most LMS_RETRY_MAX_TRIES times, after which the certificate
    shows "PDF could not be made" until someone asks again (`certificate_render_again`). A
    failure does not raise: it is recorded on the certificate (WeasyPrint's fatal fetch errors
    derive from BaseException, so they are named here). The row is locked while rendering, so
    two workers given the same certificate store one file."""
    rows = Certificate.objects.filter(pk=certificate_id)
    if not force and rows.exclude(pdf="").exists():
        return False
    tries = try_started(rows, tries="pdf_tries", next_at="pdf_next_try_at")
    with transaction.atomic():
        certificate = rows.select_for_update().get()
        if certificate.pdf and not force:
            return False  # another worker stored it meanwhile
        try:
            content = pdf.html_to_pdf(certificate_html(certificate))
        except (Exception, FatalURLFetchingError) as error:  # noqa: BLE001 - recorded, see above
            logger.exception("Certificate %s could not be rendered (try %s)",
                             certificate.code, tries)
            rows.update(pdf_error=f"{type(error).__name__}: {error}"[:2000])
            return False
        file_replace(certificate.pdf, f"{certificate.code}.pdf", ContentFile(content))
        rows.update(pdf=certificate.pdf.name, pdf_error="", pdf_next_try_at=None)
    return True


def certificate_render_again(*, certificate: Certificate, by) -> None:
    """Someone who manages the certificate asks for its PDF again after the tries ran out (a
    template was fixed, say): the count starts afresh and the worker renders it now."""
    if not selectors.certificate_user_can_manage(user=by, certificate=certificate):
        raise PermissionDenied
    Certificate.objects.filter(pk=certificate.pk, pdf="").update(
        pdf_tries=0, pdf_error="", pdf_next_try_at=after_grace())
    hand_over("certification.render_certificate_pdf", certificate.pk)


def certificates_sweep(*, now=None, limit: int = 500) -> dict[str, int]:
    """What a lost message, a broker outage or a dead worker left undone, handed over again:
    completed enrollments without their certificate, and certificates in force whose PDF is
    due. Only what is older than LMS_SWEEP_GRACE_SECONDS, whose first hand-over may still be
    on its way. Both tasks are safe to run twice."""
    now = now or timezone.now()
    settled = now - datetime.timedelta(seconds=settings.LMS_SWEEP_GRACE_SECONDS)
    issued = Certificate.objects.filter(
        kind=Certificate.Kind.COURSE, replaced_at__isnull=True, recipient=OuterRef("user"),
        source_id=OuterRef("pk"))
    uncertified = list(
        Enrollment.objects.filter(status=Enrollment.Status.COMPLETED, completed_at__lte=settled,
                                  user__closed_at__isnull=True)
        .exclude(Exists(issued)).order_by("completed_at").values_list("pk", flat=True)[:limit])
    for enrollment_id in uncertified:
        hand_over("certification.issue_course_certificate", enrollment_id)
    due = list(
        Certificate.objects.filter(pdf="", revoked_at__isnull=True, replaced_at__isnull=True,
                                   pdf_next_try_at__lte=now)
        .order_by("pdf_next_try_at").values_list("pk", flat=True)[:limit])
    for certificate_id in due:
        hand_over("certification.render_certificate_pdf", certificate_id)
    return {"certificates": len(uncertified), "pdfs": len(due)}


def certificate_pdf_content(*, certificate: Certificate) -> bytes | None:
    """The PDF to hand out (the download, the ZIP), or None if it cannot be made now.

    A valid certificate: its stored PDF, rendered and stored first if missing. Any other
    (revoked, replaced, expired): a copy rendered now with its standing in a band across the
    page, never stored, so the stored original (which looks valid) is never handed out once
    the certificate is not. The standing is read afresh from the database, not from the
    caller's possibly old copy (a ZIP takes a while to build)."""
    certificate.refresh_from_db()
    if certificate.status != Certificate.Status.VALID:
        try:
            return pdf.html_to_pdf(certificate_html(certificate, standing=True))
        except (Exception, FatalURLFetchingError):  # noqa: BLE001 - as in certificate_render_pdf
            logger.exception("Certificate %s could not be rendered with its standing",
                             certificate.code)
            return None
    if not certificate.pdf:
        certificate_render_pdf(certificate_id=certificate.pk)
        certificate.refresh_from_db()
        if not certificate.pdf:
            return None
    with certificate.pdf.open("rb") as file:
        return file.read()


def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the certificate is revoked.")})
    if certificate.revoked_at is None:
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason
        certificate.revoked_by = by
        certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    return certificate


@transaction.atomic
def certificate_reissue(*, certificate: Certificate, by) -> Certificate:
    """A new certificate with the holder's current name (after a correction); the old one
    stays, shown as replaced by the new one."""
    old = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if old.replaced_at is not None:
        return old.replaced_by
    if old.revoked_at is not None:
        raise ValidationError(_("A revoked certificate cannot be re-issued."))
    if old.recipient.is_closed:
        # Nothing to correct: the name on it is the only copy left, and it stays as issued.
        raise ValidationError(_("The holder has closed their account: this certificate stays "
                                "as it was issued and cannot be re-issued."))
    old.replaced_at = timezone.now()  # leaves the "one in force" set, freeing the slot
    old.save(update_fields=["replaced_at"])
    new = Certificate.objects.create(
        code=code_new(), kind=old.kind, recipient=old.recipient, cooperative=old.cooperative,
        source_key=old.source_key, source_id=old.source_id, language=old.language,
        expires_at=old.expires_at, snapshot={**old.snapshot, "holder": old.recipient.full_name},
        pdf_next_try_at=after_grace(),
    )
    old.replaced_by = new
    old.save(update_fields=["replaced_by"])
    logger.info("Certificate %s replaced by %s (by user %s)", old.code, new.code, by.pk)
    return new


CERTIFICATE_ZIP = "certificates.zip"  # the kind of export lms.exports builds with the ZIP below


def certificate_export_request(*, user, cooperative=None, province=None) -> Export:
    """An officer or admin asks for the ZIP of a cooperative or a province in their scope."""
    if not selectors.certificate_export_allowed(
            user=user, cooperative_id=cooperative.pk if cooperative else None,
            province_id=province.pk if province else None):
        raise PermissionDenied
    if cooperative is not None:
        params, title = {"cooperative": cooperative.pk}, cooperative.name
    else:
        params, title = {"province": province.pk}, province.name
    return export_request(user=user, kind=CERTIFICATE_ZIP, title=title, params=params,
                          fmt="zip")


def certificate_export_build(*, export: Export, progress: Progress) -> ExportFile:
    """Every valid certificate (not revoked, replaced or expired: `Certificate.valid_q`) of the
    export's cooperative or province that its owner oversees today, in one ZIP, counting
    progress as it goes. Each PDF is the one `certificate_pdf_content` hands out, so one that
    stops being valid while the ZIP is built carries its band."""
    owner, params = export.requested_by, export.params
    if not selectors.certificate_export_allowed(
            user=owner, cooperative_id=params.get("cooperative"),
            province_id=params.get("province")):
        raise PermissionDenied("The export's owner no longer oversees what it covers.")
    certificates = Certificate.objects.filter(
        Certificate.valid_q(), cooperative__in=cooperatives_overseen_by(owner))
    if params.get("cooperative"):
        certificates = certificates.filter(cooperative_id=params["cooperative"])
        name = Cooperative.objects.get(pk=params["cooperative"]).registration_code
    else:
        certificates = certificates.filter(cooperative__province_id=params["province"])
        name = Province.objects.get(pk=params["province"]).code
    certificates = list(certificates.order_by("cooperative_id", "issued_at"))
    progress(0, len(certificates))
    # Written to a temporary file, one PDF at a time: a province's ZIP never sits in memory.
    stream = tempfile.TemporaryFile()  # noqa: SIM115 - export_build closes it once stored
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, certificate in enumerate(certificates, start=1):
            content = certificate_pdf_content(certificate=certificate)
            if content is not None:
                holder = slugify(certificate.snapshot.get("holder", "")) or "chung-chi"
                archive.writestr(f"{holder}-{certificate.code}.pdf", content)
            progress(done)
    stream.seek(0)
    return ExportFile(f"chung-chi-{name}-{timezone.localdate():%Y%m%d}.zip", File(stream))


def certificate_export_back(*, export: Export) -> Link:
    return Link(reverse("certification:exports"), _("All ZIP files"))


def certificate_export_may_open(*, user, export: Export) -> bool:
    return selectors.certificate_export_allowed(
        user=user, cooperative_id=export.params.get("cooperative"),
        province_id=export.params.get("province"))


CERTIFICATE_ZIP_BUILDER = Builder(kind=CERTIFICATE_ZIP, build=certificate_export_build,
                                  back=certificate_export_back,
                                  may_open=certificate_export_may_open)
