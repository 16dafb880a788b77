"""Self-assessments: a cooperative's walk through one checklist version, its answers (saved one
by one as they are given), evidence photos, the report frozen at submission and the action
plan that follows it."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lms.files import RandomName, private_storage


class Assessment(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", pgettext_lazy("self-assessment", "In progress")
        SUBMITTED = "submitted", pgettext_lazy("self-assessment", "Submitted")

    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.PROTECT,
                                    related_name="assessments", verbose_name=_("cooperative"))
    version = models.ForeignKey("certification.StandardVersion", on_delete=models.PROTECT,
                                related_name="assessments", verbose_name=_("checklist version"))
    # Profile answers: {tag: true/false}; None until the profile has been answered.
    profile = models.JSONField(_("profile"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.IN_PROGRESS)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("started by"))
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("submitted by"))
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-started_at"]
        constraints = [
            # One assessment in progress per cooperative and standard version.
            models.UniqueConstraint(
                fields=["cooperative", "version"], condition=Q(status="in_progress"),
                name="assessment_one_in_progress",
            ),
        ]
        indexes = [models.Index(fields=["cooperative", "status"])]

    def __str__(self):
        return f"{self.cooperative} – {self.version}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.IN_PROGRESS

    @property
    def profile_tags(self) -> set[str]:
        return {tag for tag, active in (self.profile or {}).items() if active}


class Answer(models.Model):
    """The answer to one control point: a compliance value (compliant, not_compliant,
    not_applicable) or, for OCOP, the chosen option's code. Fields are saved one at a time, so
    two members answering at once never overwrite each other's other fields."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    control_point = models.ForeignKey("certification.ControlPoint", on_delete=models.PROTECT,
                                      related_name="+")
    value = models.CharField(_("answer"), max_length=20, blank=True)
    justification = models.TextField(_("justification"), blank=True)
    note = models.TextField(_("note"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    # Copied from the cooperative's previous submitted assessment of the same standard, and not
    # confirmed or changed since: the page asks a member to confirm it.
    carried_over = models.BooleanField(_("carried over"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("answer")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "control_point"],
                                    name="answer_one_per_point"),
        ]

    def __str__(self):
        return f"{self.control_point_id}: {self.value}"


def _evidence_path(instance, filename):  # named by migrations 0002-0007 only
    return f"evidence/{instance.answer.assessment_id}/{filename}"


class EvidencePhoto(models.Model):
    """A photo attached to an answer, stored after Pillow has fixed its orientation, stripped
    its metadata and downscaled it. Served only through a permission-checked view."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to=RandomName("evidence"),
                              storage=private_storage,
                              width_field="width", height_field="height")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    # A small copy for the pages' thumbnails, made on upload; photos kept before it existed get
    # theirs the first time one is asked for (services.evidence_thumbnail_ensure).
    thumbnail = models.ImageField(_("thumbnail"), upload_to=RandomName("evidence"),
                                  storage=private_storage, blank=True, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence photo")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.image.name


class ReadinessReport(models.Model):
    """What the assessment showed when it was submitted, frozen: verdict, scores, gaps and the
    texts of the points involved, so later checklist versions never change an old report."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    assessment = models.OneToOneField(Assessment, on_delete=models.PROTECT,
                                      related_name="report")
    ready = models.BooleanField(_("ready"))
    reason = models.CharField(_("reason"), max_length=32)
    snapshot = models.JSONField(_("snapshot"))
    # The OCOP projected stars of the snapshot, written by the database itself (also for rows
    # inserted in bulk), so that the dashboards count them without reading every snapshot.
    stars = models.GeneratedField(
        expression=Cast(KT("snapshot__ocop__stars"), models.IntegerField()),
        output_field=models.IntegerField(null=True), db_persist=True)
    created_at = models.DateTimeField(pgettext_lazy("date created", "created"), auto_now_add=True)

    class Meta:
        verbose_name = _("readiness report")
        verbose_name_plural = _("readiness reports")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.assessment)

    def save(self, *args, **kwargs):
        # Its PDFs change later, in rows of their own; the report never does.
        if not self._state.adding:
            raise ValueError("A readiness report is immutable.")
        super().save(*args, **kwargs)


class ReadinessReportPdf(models.Model):
    """The report printed in one language, rendered by a Celery task. Each language has its own
    row and file, so printing it in English never takes the Vietnamese copy away. A row without
    a file is still owed: `next_try_at` says when the sweep hands it to a worker again, and is
    empty once the file is there or every try has failed."""

    report = models.ForeignKey(ReadinessReport, on_delete=models.CASCADE, related_name="pdfs")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    file = models.FileField(_("PDF"), upload_to=RandomName("reports"), storage=private_storage,
                            blank=True)
    error = models.TextField(blank=True, editable=False)
    tries = models.PositiveSmallIntegerField(default=0, editable=False)
    next_try_at = models.DateTimeField(null=True, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    rendered_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("readiness report PDF")
        verbose_name_plural = _("readiness report PDFs")
        constraints = [
            models.UniqueConstraint(fields=["report", "language"],
                                    name="readiness_report_pdf_one_per_language"),
        ]

    def __str__(self):
        return f"{self.report} ({self.language})"


def _closing_path(instance, filename):  # named by migrations 0002-0007 only
    return f"actions/{instance.assessment_id}/{filename}"


class CorrectiveAction(models.Model):
    """One gap of a submitted assessment and what the cooperative does about it."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("corrective action", "Open")
        IN_PROGRESS = "in_progress", pgettext_lazy("corrective action", "In progress")
        DONE = "done", pgettext_lazy("corrective action", "Done")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE,
                                   related_name="corrective_actions")
    control_point = models.ForeignKey("certification.ControlPoint", on_delete=models.PROTECT,
                                      related_name="+")
    gap = models.CharField(_("gap"), max_length=20)
    blocking = models.BooleanField(_("blocks certification"), default=False)
    # For OCOP: the option that would gain points.
    target_option = models.CharField(max_length=16, blank=True)
    gain = models.PositiveSmallIntegerField(default=0)
    course = models.ForeignKey("courses.CoursePage", on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="+", verbose_name=_("course"))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="corrective_actions",
                              verbose_name=pgettext_lazy("corrective action", "owner"))
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.OPEN)
    closing_note = models.TextField(_("what was done"), blank=True)
    closing_photo = models.ImageField(_("evidence photo"), upload_to=RandomName("actions"),
                                      storage=private_storage, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("corrective action")
        verbose_name_plural = _("corrective actions")
        ordering = ["assessment", "position"]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self):
        return f"{self.control_point_id} ({self.get_status_display()})"


class OcopSelfReport(models.Model):
    """What the official OCOP self-assessment report (Mẫu 02 of Decision 26/2026/QĐ-TTg) asks
    beyond the assessment itself: the applicant's details, its business results and its plan.
    Filled in by the cooperative's members after submitting an OCOP assessment; the criteria's
    scores and evidence come from the assessment."""

    class Gender(models.TextChoices):
        MALE = "male", pgettext_lazy("gender", "Male")
        FEMALE = "female", pgettext_lazy("gender", "Female")

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE,
                                      related_name="ocop_self_report")
    # Part I: general information.
    product_name = models.CharField(_("product name"), max_length=200)
    product_description = models.TextField(
        _("product description"), blank=True,
        help_text=_("Packaging and sizes, and the standard the product follows."))
    organisation_type = models.CharField(_("type of organisation"), max_length=100,
                                         blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    representative_name = models.CharField(_("legal representative"), max_length=150,
                                           blank=True)
    representative_gender = models.CharField(_("gender"), max_length=6, blank=True,
                                             choices=Gender.choices)
    representative_ethnicity = models.CharField(_("ethnic group"), max_length=50, blank=True)
    representative_address = models.CharField(_("permanent address"), max_length=300,
                                              blank=True)
    founded = models.DateField(_("founded or registered on"), null=True, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=50,
                                           blank=True)
    business_registration = models.BooleanField(_("business registration certificate"),
                                                default=False)
    quality_declared = models.BooleanField(_("product quality declared as required"),
                                           default=False)
    food_safety_certificate = models.BooleanField(
        _("certificate of a facility meeting food-safety conditions"), default=False)
    production_certificate = models.BooleanField(
        _("certificate of mandatory production conditions (where the product needs one)"),
        default=False)
    trademark_certificate = models.BooleanField(_("trademark registration certificate"),
                                                default=False)
    collective_mark = models.BooleanField(
        _("right to use a geographical indication, collective or certification mark"),
        default=False)
    patent = models.BooleanField(_("patent"), default=False)
    industrial_design = models.BooleanField(_("industrial design"), default=False)
    copyright = models.BooleanField(_("copyright certificate"), default=False)
    other_ip = models.CharField(_("other intellectual property"), max_length=200, blank=True)
    history = models.TextField(_("history of the cooperative"), blank=True)
    organisation = models.TextField(_("how the cooperative is organised"), blank=True)
    # Part II: results of the production and business plan.
    production = models.TextField(
        _("raw materials, technology, processing and packing"), blank=True)
    quality_changes = models.TextField(
        _("changes in quality, standard, packaging and labels"), blank=True)
    markets = models.TextField(_("where the product is sold"), blank=True)
    results_year = models.PositiveSmallIntegerField(_("last full year"), null=True, blank=True)
    revenue = models.BigIntegerField(_("revenue in that year (VND)"), null=True, blank=True)
    profit = models.BigIntegerField(_("profit in that year (VND)"), null=True, blank=True)
    revenue_before = models.BigIntegerField(_("revenue the year before (VND)"), null=True,
                                            blank=True)
    profit_before = models.BigIntegerField(_("profit the year before (VND)"), null=True,
                                           blank=True)
    # Part IV: the plan.
    plan = models.TextField(_("plans for the product, production and markets"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("OCOP self-assessment report")
        verbose_name_plural = _("OCOP self-assessment reports")

    def __str__(self):
        return self.product_name
