"""Certificates: what was certified to whom, as issued (a snapshot), its code, PDF and status.

A certificate is never deleted: revoking records when, why and by whom, and re-issuing (after a
name correction) makes a new certificate that the old one points to as its replacement.

Its standing (valid, revoked, replaced, expired) is decided here once, by `status_at` and its
query twin `valid_q`, and told in words by `standing_lines`: every page that shows a
certificate, its PDF download and the ZIP of PDFs read it from here."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from certification.certificates.codes import code_grouped
from lms.files import RandomName, private_storage


class Certificate(models.Model):
    class Kind(models.TextChoices):
        COURSE = "course", _("Course completion")
        ASSESSMENT = "assessment", _("Self-assessment completion")

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", pgettext_lazy("certificate status", "Revoked")
        REPLACED = "replaced", _("Replaced")

    code = models.CharField(_("code"), max_length=20, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="certificates", verbose_name=_("holder"))
    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="certificates",
                                    verbose_name=_("cooperative"))
    # What it certifies: for a course, the course's translation key.
    source_key = models.CharField(max_length=64, editable=False)
    source_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    replaced_at = models.DateTimeField(_("replaced"), null=True, blank=True)
    replaced_by = models.OneToOneField("self", on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="replaces", verbose_name=_("replaced by"))
    snapshot = models.JSONField(_("what it states"), default=dict)
    pdf = models.FileField(_("PDF"), upload_to=RandomName("certificates"),
                           storage=private_storage, blank=True)
    pdf_error = models.TextField(blank=True, editable=False)
    # Rendering the PDF: failed tries so far, and when the sweep renders it next (empty once it
    # is stored, or once every try has failed: see lms/outbox/retry.py).
    pdf_tries = models.PositiveSmallIntegerField(default=0, editable=False)
    pdf_next_try_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        indexes = [
            # The sweep's question: which completions and submissions have their certificate.
            models.Index(fields=["kind", "source_id"], name="certificate_kind_source"),
        ]
        constraints = [
            # One certificate in force per holder and source; replaced ones stay as history.
            models.UniqueConstraint(
                fields=["recipient", "kind", "source_key"],
                condition=Q(replaced_at__isnull=True),
                name="certificate_one_in_force_per_source",
            ),
        ]

    def __str__(self):
        return f"{self.code_grouped} – {self.snapshot.get('holder', '')}"

    class PdfState(models.TextChoices):
        READY = "ready", _("PDF ready")
        PENDING = "pending", _("PDF being prepared")
        FAILED = "failed", _("PDF could not be made")

    @property
    def pdf_state(self) -> str:
        if self.pdf:
            return self.PdfState.READY
        if self.pdf_next_try_at is None and self.pdf_tries:
            return self.PdfState.FAILED
        return self.PdfState.PENDING

    @property
    def pdf_state_label(self) -> str:
        return self.PdfState(self.pdf_state).label

    @property
    def subject(self) -> str:
        """What it is for, as stated: the course, or the standard self-assessed against."""
        if self.kind == self.Kind.ASSESSMENT:
            return _("Self-assessment against %(standard)s") % {
                "standard": self.snapshot.get("standard", "")}
        return self.snapshot.get("course", "")

    @property
    def code_grouped(self) -> str:
        return code_grouped(self.code)

    @property
    def completed_on(self) -> datetime.date | None:
        """The day the course was completed, as the snapshot keeps it (an ISO date, so it stays
        as issued), for pages to print in their language's date format."""
        day = self.snapshot.get("completed_on")
        return datetime.date.fromisoformat(day) if day else None

    @property
    def expires_on(self) -> datetime.date | None:
        """The last day the certificate is valid, on the local calendar: the date printed as
        "Valid until" is valid the whole day; the certificate is expired from the next day."""
        return timezone.localdate(self.expires_at) if self.expires_at is not None else None

    def status_at(self, when=None) -> str:
        """The standing at `when` (now): revoked, else replaced, else expired once the local
        day after `expires_on` has begun, else valid."""
        when = when or timezone.now()
        if self.revoked_at is not None:
            return self.Status.REVOKED
        if self.replaced_at is not None:
            return self.Status.REPLACED
        if self.expires_on is not None and timezone.localdate(when) > self.expires_on:
            return self.Status.EXPIRED
        return self.Status.VALID

    @classmethod
    def valid_q(cls, when=None) -> Q:
        """The certificates whose `status_at(when)` is valid, as a query."""
        today = timezone.localdate(when or timezone.now())
        start_of_today = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
        return (Q(revoked_at__isnull=True, replaced_at__isnull=True)
                & (Q(expires_at__isnull=True) | Q(expires_at__gte=start_of_today)))

    @property
    def status(self) -> str:
        return self.status_at()

    @property
    def status_label(self) -> str:
        return self.Status(self.status).label

    def standing_lines_at(self, when=None) -> list[str]:
        """The standing in words, after the status's label: since when and why a certificate
        is not valid, or until when a valid one is. In the active language."""
        status = self.status_at(when)

        def day(moment) -> str:
            return date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")

        if status == self.Status.REVOKED:
            lines = [gettext("Revoked on %(date)s — not valid") % {"date": day(self.revoked_at)}]
            if self.revoked_reason:
                lines.append(gettext("Reason: %(reason)s") % {"reason": self.revoked_reason})
            return lines
        if status == self.Status.REPLACED:
            code = self.replaced_by.code_grouped if self.replaced_by_id else ""
            return [gettext("Replaced on %(date)s by %(code)s — not valid") % {
                "date": day(self.replaced_at), "code": code}]
        if status == self.Status.EXPIRED:
            return [gettext("Expired — valid only until %(date)s") % {
                "date": date_format(self.expires_on, "SHORT_DATE_FORMAT")}]
        if self.expires_on is not None:
            return [gettext("Valid until %(date)s") % {
                "date": date_format(self.expires_on, "SHORT_DATE_FORMAT")}]
        return []

    @property
    def standing_lines(self) -> list[str]:
        return self.standing_lines_at()
