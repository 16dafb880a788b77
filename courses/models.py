"""Course pages (catalog, course, lesson, quiz) and the learner's records: enrollment, lesson
progress and quiz attempts.

Progress is keyed by the pages' `translation_key`, so a learner who switches language keeps it:
the Vietnamese and English copies of a lesson are the same lesson."""

import random

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks as wagtail_blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from courses import grading
from courses.blocks import LessonBodyBlock, QuestionsBlock
from courses.permissions import CoursePageForm, CoursePermissionTester
from lms.pages import CachedViewRestrictionsMixin


class CourseCategory(TranslatableMixin, models.Model):
    """A catalog category (management, accounting, ...); trainers add more without code."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(pgettext_lazy("course category", "slug"), max_length=100,
                            allow_unicode=False)
    description = models.CharField(pgettext_lazy("course category", "description"), max_length=255,
                                   blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"),
              FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("course category")
        verbose_name_plural = _("course categories")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class CourseIndexPage(CachedViewRestrictionsMixin, Page):
    """The catalog: published courses of the learner's language, filterable."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalog")

    def get_context(self, request, *args, **kwargs):
        from courses import selectors  # deferred: selectors import these models

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.catalog(index=self, params=request.GET, user=request.user))
        return context


class CoursePage(CachedViewRestrictionsMixin, Page):
    category = models.ForeignKey(
        CourseCategory, on_delete=models.PROTECT, related_name="+", verbose_name=_("category")
    )
    summary = models.TextField(_("summary"), max_length=500)
    outcomes = StreamField(
        [("outcome", wagtail_blocks.CharBlock(max_length=200, label=_("Outcome")))],
        blank=True,
        verbose_name=_("learning outcomes"),
    )
    level = models.CharField(_("level"), max_length=12, choices=Level.choices,
                             default=Level.BEGINNER)
    estimated_hours = models.DecimalField(
        _("estimated hours"), max_digits=4, decimal_places=1, default=1,
        validators=[MinValueValidator(0.5)],
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("cover image"),
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("trainer"),
    )
    certificate_valid_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"), null=True, blank=True,
        help_text=_("Leave empty for a certificate that does not expire."),
    )
    prerequisites = ParentalManyToManyField(
        "courses.CoursePage", blank=True, related_name="+", verbose_name=_("prerequisites"),
        help_text=_("Courses a learner should take first (a recommendation, not a lock)."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("category"), FieldPanel("level"),
                               FieldPanel("estimated_hours")]),
                FieldPanel("trainer"),
                FieldPanel("prerequisites"),
                FieldPanel("certificate_valid_months"),
            ],
            heading=_("About the course"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage", "courses.QuizPage"]
    base_form_class = CoursePageForm
    # Fetched with the page when it is served (lms/pages.py): the course page shows them.
    route_select_related = ("category", "trainer")

    class Meta:
        verbose_name = _("course")

    def permissions_for_user(self, user):
        return CoursePermissionTester(user, self)

    def serve(self, request, *args, **kwargs):
        from courses import views  # deferred: the views import these models

        return views.course_page(request, self)


class LessonPage(CachedViewRestrictionsMixin, Page):
    item_kind = "lesson"
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"))
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)

    content_panels = [*Page.content_panels, FieldPanel("estimated_minutes"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    def permissions_for_user(self, user):
        return CoursePermissionTester(user, self)

    def serve(self, request, *args, **kwargs):
        from courses import views  # deferred: the views import these models

        return views.lesson_page(request, self)

    def serve_preview(self, request, mode_name):
        from courses import views  # deferred: the views import these models

        return views.lesson_preview(request, self)


class QuizPage(CachedViewRestrictionsMixin, Page):
    item_kind = "quiz"
    intro = models.TextField(_("introduction"), blank=True)
    questions = StreamField(QuestionsBlock(), verbose_name=_("questions"))
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    attempt_limit = models.PositiveSmallIntegerField(
        _("attempt limit"), default=3, help_text=_("0 means unlimited attempts.")
    )
    shuffle = models.BooleanField(
        _("shuffle"), default=False,
        help_text=_("Show questions and answers in a different order at each attempt."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("attempt_limit"),
                       FieldPanel("shuffle")]),
        FieldPanel("questions"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("quiz")

    def permissions_for_user(self, user):
        return CoursePermissionTester(user, self)

    def serve(self, request, *args, **kwargs):
        from courses import views  # deferred: the views import these models

        return views.quiz_page(request, self)

    def serve_preview(self, request, mode_name):
        from courses import views  # deferred: the views import these models

        return views.quiz_preview(request, self)

    def attempts_left(self, used: int, granted: int = 0) -> int | None:
        """Attempts remaining after ``used`` of them, with ``granted`` more given to this
        learner by the trainer; None when attempts are unlimited."""
        if not self.attempt_limit:
            return None
        return max(self.attempt_limit + granted - used, 0)

    def grading_questions(self) -> list[grading.Question]:
        """The questions as the grading module sees them: ids, kinds, correct option keys."""
        questions = []
        for block in self.questions:
            value = block.value
            if block.block_type == grading.TRUE_FALSE:
                right = grading.TRUE if value["answer"] else grading.FALSE
                questions.append(grading.Question(
                    id=block.id, kind=block.block_type, correct=frozenset({right}),
                    options=(grading.TRUE, grading.FALSE),
                    feedback={grading.TRUE: value["feedback_true"],
                              grading.FALSE: value["feedback_false"]},
                ))
            else:
                options = list(value["options"])
                keys = tuple(str(i) for i in range(len(options)))
                questions.append(grading.Question(
                    id=block.id, kind=block.block_type,
                    correct=frozenset(k for k, o in zip(keys, options, strict=True)
                                      if o["correct"]),
                    options=keys,
                    feedback={k: o["feedback"] for k, o in zip(keys, options, strict=True)},
                ))
        return questions

    def questions_for_display(self, *, seed: str | None = None) -> list[dict]:
        """What the page may show before submission: text and options, never which is correct.
        With `shuffle`, questions and options come in an order fixed by `seed`."""
        shuffler = random.Random(seed) if self.shuffle and seed is not None else None
        shown = []
        for block in self.questions:
            value = block.value
            if block.block_type == grading.TRUE_FALSE:
                options = [(grading.TRUE, _("True")), (grading.FALSE, _("False"))]
            else:
                options = [(str(i), option["text"]) for i, option in enumerate(value["options"])]
                if shuffler:
                    shuffler.shuffle(options)
            shown.append({"id": block.id, "kind": block.block_type,
                          "text": value["question"], "options": options})
        if shuffler:
            shuffler.shuffle(shown)
        return shown


class Enrollment(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", pgettext_lazy("enrollment", "In progress")
        COMPLETED = "completed", _("Completed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="enrollments", verbose_name=_("learner"))
    # A course with learners is unpublished, never deleted: the admin refuses (courses/
    # wagtail_hooks.py) and PROTECT stops any other way of deleting it from taking the records.
    course = models.ForeignKey(CoursePage, on_delete=models.PROTECT, related_name="enrollments",
                               verbose_name=_("course"))
    course_key = models.UUIDField(editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.ACTIVE)
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    enrolled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("enrolled by"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    last_page_key = models.UUIDField(null=True, blank=True, editable=False)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"],
                                    name="enrollment_unique_per_course"),
        ]

    def __str__(self):
        return f"{self.user} – {self.course}"

    @property
    def is_completed(self):
        return self.status == self.Status.COMPLETED


class LessonProgress(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE,
                                   related_name="lessons_done")
    lesson_key = models.UUIDField()
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "lesson_key"],
                                    name="lesson_progress_unique"),
        ]

    def __str__(self):
        return f"{self.enrollment}: {self.lesson_key}"


class QuizAttempt(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="attempts")
    quiz_key = models.UUIDField()
    quiz = models.ForeignKey(QuizPage, on_delete=models.SET_NULL, null=True, related_name="+")
    number = models.PositiveSmallIntegerField()
    answers = models.JSONField(default=dict)
    score = models.DecimalField(max_digits=4, decimal_places=1)
    passed = models.BooleanField()
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "quiz_key", "number"],
                                    name="quiz_attempt_unique_number"),
        ]

    def __str__(self):
        return f"{self.enrollment}: attempt {self.number} ({self.score}%)"


class AttemptRequest(models.Model):
    """A learner who has used every attempt at a quiz asks the course's trainer for more. A
    granted request adds `granted` attempts at that quiz, for that learner only: the quiz's
    limit for everyone else stays as the trainer set it."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("attempt request", "Waiting")
        GRANTED = "granted", pgettext_lazy("attempt request", "Granted")
        DECLINED = "declined", pgettext_lazy("attempt request", "Declined")

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE,
                                   related_name="attempt_requests", verbose_name=_("enrollment"))
    # Keyed like the attempts, so a grant made on one language's copy counts on the other.
    quiz_key = models.UUIDField()
    quiz = models.ForeignKey(QuizPage, on_delete=models.SET_NULL, null=True, related_name="+",
                             verbose_name=_("quiz"))
    message = models.CharField(_("message"), max_length=500, blank=True)
    created_at = models.DateTimeField(pgettext_lazy("date created", "created"),
                                      auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.OPEN)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    granted = models.PositiveSmallIntegerField(_("attempts granted"), default=0)

    class Meta:
        verbose_name = _("request for more attempts")
        verbose_name_plural = _("requests for more attempts")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "quiz_key"],
                                    condition=models.Q(status="open"),
                                    name="attempt_request_one_open"),
        ]

    def __str__(self):
        return f"{self.enrollment}: {self.get_status_display()}"
