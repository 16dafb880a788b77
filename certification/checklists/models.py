"""Checklists: a standard, its versions (each with a scoring rule and parameters), the tree of
sections of a version and their control points (or, for OCOP, scored criteria with options).

Texts come in Vietnamese and English as field pairs (``text_vi``/``text_en``); ``localized``
picks the active language's and falls back to Vietnamese. A published version that has
assessments is locked: it is never changed in place, a trainer makes a new version instead."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from certification import scoring


def localized(obj, field: str, language: str | None = None) -> str:
    """``obj.<field>_<language>``, falling back to Vietnamese when that is empty."""
    language = (language or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    value = getattr(obj, f"{field}_{language}", "") if language in ("vi", "en") else ""
    return value or getattr(obj, f"{field}_vi", "")


# The shipped files mark a training edition at the end of the version label, in English. The
# label stays the version's identity (files, imports and frozen reports match on it), so only
# the marker is shown in the reader's language, as a text pair like the checklists' own texts.
LABEL_MARKERS = {
    "(training)": {"vi": "(bản tập huấn)", "en": "(training)"},
    "(training, platform codes)": {"vi": "(bản tập huấn, mã riêng của nền tảng)",
                                   "en": "(training, platform codes)"},
}


def version_label_text(label: str, language: str | None = None) -> str:
    """``label`` with its training marker in ``language`` (the active language by default)."""
    language = (language or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    for marker, texts in LABEL_MARKERS.items():
        if label.endswith(f" {marker}"):
            return f"{label[:-len(marker)]}{texts.get(language) or texts['vi']}"
    return label


class Standard(models.Model):
    """VietGAP, GlobalG.A.P., OCOP: what a cooperative prepares to be certified against."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_vi = models.TextField(_("description (Vietnamese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    panels = [
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("name_vi"), FieldPanel("name_en")]),
        FieldPanel("description_vi"),
        FieldPanel("description_en"),
    ]

    class Meta:
        verbose_name = _("standard")
        verbose_name_plural = _("standards")
        ordering = ["code"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")

    def current_version(self):
        """The newest published version: what new assessments use."""
        return (self.versions.filter(status=StandardVersion.Status.PUBLISHED)
                .order_by("-published_at", "-pk").first())


class StandardVersion(ClusterableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        RETIRED = "retired", _("Retired")

    class Rule(models.TextChoices):
        PERCENT_BY_LEVEL = scoring.PERCENT_BY_LEVEL, _("Percent by level (GlobalG.A.P.)")
        ALL_MANDATORY = scoring.ALL_MANDATORY, _("All mandatory (VietGAP)")
        WEIGHTED_POINTS = scoring.WEIGHTED_POINTS, _("Weighted points and stars (OCOP)")

    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="versions",
                                 verbose_name=_("standard"))
    label = models.CharField(pgettext_lazy("checklist", "version"), max_length=60)
    rule = models.CharField(_("scoring rule"), max_length=20, choices=Rule.choices)
    params = models.JSONField(_("rule parameters"), default=dict, blank=True,
                              help_text=_("See docs/checklist-format.md for each rule's "
                                          "parameters."))
    note_vi = models.TextField(_("note on the source (Vietnamese)"), blank=True)
    note_en = models.TextField(_("note on the source (English)"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(pgettext_lazy("date created", "created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+", editable=False)

    panels = [
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("standard"), FieldPanel("label")]),
            # Publishing goes through version_publish, which checks the content first.
            FieldRowPanel([FieldPanel("rule"), FieldPanel("status", read_only=True)]),
            FieldPanel("params"),
            FieldPanel("note_vi"),
            FieldPanel("note_en"),
        ], heading=_("Version")),
        InlinePanel("profile_questions", heading=_("Profile questions"),
                    label=_("Profile question")),
        InlinePanel("sections", heading=_("Sections and control points"),
                    label=pgettext_lazy("checklist section", "Section")),
    ]

    class Meta:
        verbose_name = _("checklist version")
        verbose_name_plural = _("checklist versions")
        ordering = ["standard__code", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "label"],
                                    name="standard_version_unique_label"),
        ]

    def __str__(self):
        return f"{self.standard} – {self.label_text}"

    @property
    def label_text(self) -> str:
        return version_label_text(self.label)

    @property
    def note(self) -> str:
        return localized(self, "note")

    @property
    def is_locked(self) -> bool:
        """A published version with assessments is never changed in place."""
        return bool(self.pk) and self.status != self.Status.DRAFT and \
            self.assessments.exists()

    def clean(self):
        super().clean()
        if self.rule and not isinstance(self.params, dict):
            raise ValidationError({"params": _("Rule parameters must be a JSON object.")})


class ProfileQuestion(Orderable):
    """A yes/no question of the assessment profile; "yes" activates ``tag``, which makes the
    control points carrying that tag applicable."""

    version = ParentalKey(StandardVersion, on_delete=models.CASCADE,
                          related_name="profile_questions")
    tag = models.SlugField(pgettext_lazy("profile question", "tag"), max_length=40)
    question_vi = models.CharField(_("question (Vietnamese)"), max_length=300)
    question_en = models.CharField(_("question (English)"), max_length=300)
    help_vi = models.TextField(_("help (Vietnamese)"), blank=True)
    help_en = models.TextField(_("help (English)"), blank=True)

    panels = [
        FieldPanel("tag"),
        FieldRowPanel([FieldPanel("question_vi"), FieldPanel("question_en")]),
        FieldRowPanel([FieldPanel("help_vi"), FieldPanel("help_en")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("profile question")
        constraints = [
            models.UniqueConstraint(fields=["version", "tag"], name="profile_question_unique_tag"),
        ]

    def __str__(self):
        return self.question

    @property
    def question(self) -> str:
        return localized(self, "question")

    @property
    def help(self) -> str:
        return localized(self, "help")


class Section(ClusterableModel, Orderable):
    """A chapter of the checklist. Sections form a tree through ``parent`` (set by imported
    files); control points hang from the sections that hold them."""

    version = ParentalKey(StandardVersion, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="children", verbose_name=_("parent section"))
    code = models.CharField(_("code"), max_length=32)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    intro_vi = models.TextField(_("introduction (Vietnamese)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    part = models.CharField(_("part"), max_length=8, blank=True,
                            help_text=_("OCOP only: the part (A, B, C) its criteria count in."))

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("part")]),
        FieldRowPanel([FieldPanel("title_vi"), FieldPanel("title_en")]),
        InlinePanel("control_points", heading=_("Control points"), label=_("Control point")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="section_unique_code"),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def heading(self) -> str:
        """The code and title, with the code once when the title already starts with it (as
        in "AF – All Farm base")."""
        title = self.title
        return title if title.startswith(self.code) else f"{self.code} {title}"

    @property
    def intro(self) -> str:
        return localized(self, "intro")


class ControlPoint(ClusterableModel, Orderable):
    class Level(models.TextChoices):
        REQUIRED = "required", _("Required")
        MAJOR = scoring.MAJOR, _("Major Must")
        MINOR = scoring.MINOR, _("Minor Must")
        RECOMMENDATION = scoring.RECOMMENDATION, _("Recommendation")

    class Justification(models.TextChoices):
        NEVER = "never", pgettext_lazy("justification required", "Never")
        ALWAYS = "always", _("Always")
        NOT_COMPLIANT = "not_compliant", _("When not compliant")
        NOT_COMPLIANT_OR_NA = "not_compliant_or_na", _("When not compliant or not applicable")

    section = ParentalKey(Section, on_delete=models.CASCADE, related_name="control_points")
    code = models.CharField(_("code"), max_length=32)
    text_vi = models.TextField(_("requirement (Vietnamese)"))
    text_en = models.TextField(_("requirement (English)"))
    guidance_vi = models.TextField(_("guidance (Vietnamese)"), blank=True)
    guidance_en = models.TextField(_("guidance (English)"), blank=True)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, blank=True,
                             help_text=_("Empty for OCOP criteria, which have options."))
    na_allowed = models.BooleanField(_("may be not applicable"), default=True)
    justification = models.CharField(_("justification required"), max_length=24,
                                     choices=Justification.choices, default=Justification.NEVER)
    evidence_required = models.BooleanField(_("evidence photo expected"), default=False)
    evidence_vi = models.TextField(_("expected evidence (Vietnamese)"), blank=True)
    evidence_en = models.TextField(_("expected evidence (English)"), blank=True)
    tags = models.CharField(_("applicability tags"), max_length=200, blank=True,
                            help_text=_("Comma-separated profile tags; empty means it always "
                                        "applies."))
    recommended_courses = ParentalManyToManyField(
        "courses.CoursePage", blank=True, related_name="+",
        verbose_name=_("recommended courses"))

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("level")]),
        FieldPanel("text_vi"),
        FieldPanel("text_en"),
        FieldRowPanel([FieldPanel("guidance_vi"), FieldPanel("guidance_en")]),
        FieldRowPanel([FieldPanel("na_allowed"), FieldPanel("justification"),
                       FieldPanel("evidence_required")]),
        FieldRowPanel([FieldPanel("evidence_vi"), FieldPanel("evidence_en")]),
        FieldPanel("tags"),
        FieldPanel("recommended_courses"),
        InlinePanel("options", heading=_("Options (OCOP)"), label=_("Option")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("control point")
        verbose_name_plural = _("control points")

    def __str__(self):
        return self.code

    @property
    def text(self) -> str:
        return localized(self, "text")

    @property
    def guidance(self) -> str:
        return localized(self, "guidance")

    @property
    def evidence(self) -> str:
        return localized(self, "evidence")

    @property
    def tag_set(self) -> frozenset[str]:
        return frozenset(tag.strip() for tag in self.tags.split(",") if tag.strip())

    def applies_to(self, profile_tags) -> bool:
        """Whether the point applies to a farm with these profile tags (the scorer's rule)."""
        return scoring.ControlPointSpec(id=self.code, section_id="", tags=self.tag_set) \
            .applies_to(profile_tags)

    def justification_needed(self, value: str) -> bool:
        """Whether answering ``value`` asks for a justification under this point's rule."""
        rule = self.justification
        if rule == self.Justification.ALWAYS:
            return bool(value)
        if rule == self.Justification.NOT_COMPLIANT:
            return value == scoring.NOT_COMPLIANT
        if rule == self.Justification.NOT_COMPLIANT_OR_NA:
            return value in (scoring.NOT_COMPLIANT, scoring.NOT_APPLICABLE)
        return False


class ControlPointOption(Orderable):
    """One answer of an OCOP criterion and the points it scores."""

    control_point = ParentalKey(ControlPoint, on_delete=models.CASCADE, related_name="options")
    code = models.CharField(_("code"), max_length=16)
    text_vi = models.CharField(_("option (Vietnamese)"), max_length=300)
    text_en = models.CharField(_("option (English)"), max_length=300)
    points = models.PositiveSmallIntegerField(_("points"))
    min_stars = models.PositiveSmallIntegerField(
        _("minimum for (stars)"), null=True, blank=True,
        validators=[MinValueValidator(2), MaxValueValidator(5)],
        help_text=_("When the official sheet marks this option *** (3), **** (4) or ***** (5): "
                    "a product of that many stars must have at least this option."))
    refuses = models.BooleanField(
        _("refuses the dossier"), default=False,
        help_text=_("Choosing this option is a ground for refusing the dossier, whatever the "
                    "points."))

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("points")]),
        FieldRowPanel([FieldPanel("text_vi"), FieldPanel("text_en")]),
        FieldRowPanel([FieldPanel("min_stars"), FieldPanel("refuses")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("option")

    def __str__(self):
        return f"{self.code} ({self.points})"

    @property
    def text(self) -> str:
        return localized(self, "text")
