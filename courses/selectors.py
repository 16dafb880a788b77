"""Reads of the courses app: the catalog, a course's outline, a learner's progress.

What every visitor sees alike (the catalog's courses with their covers, a course's outline) is
kept in the cache under the pages' version (lms/pages.py), so it is read again as soon as a
page, a category or an image changes; what belongs to one person is read on each request."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, Substr
from django.utils import translation
from wagtail.models import Locale, Page

from courses.models import (
    AttemptRequest,
    CourseCategory,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    LessonPage,
    LessonProgress,
    Level,
    QuizAttempt,
    QuizPage,
)
from lms import pages
from lms.cooperatives.models import Membership
from lms.text import accent_insensitive_pattern

CATALOG_PAGE_SIZE = 24
# The renditions the catalog's cards and a course's header show (the `{% image %}` filters).
CARD_COVER = "fill-640x360|format-webp|webpquality-70"
HEADER_COVER = "fill-720x360|format-webp|webpquality-70"


@dataclass(frozen=True)
class Cover:
    """A cover rendition, read once when the cache is filled: its address, size and alt text."""

    url: str
    width: int
    height: int
    alt: str


def _cover(image, spec: str) -> Cover | None:
    if image is None:
        return None
    # get_renditions (not get_rendition) finds the prefetched rendition without writing it
    # back to Wagtail's rendition cache.
    rendition = image.get_renditions(spec)[spec]
    return Cover(url=rendition.url, width=rendition.width, height=rendition.height,
                 alt=rendition.alt)


@dataclass(frozen=True)
class CatalogCourse:
    """A course as its catalog card shows it, the same for every visitor."""

    pk: int
    title: str
    summary: str
    url: str
    translation_key: object
    level: str
    estimated_hours: Decimal
    category_slug: str
    category_name: str
    cover: Cover | None

    def get_level_display(self):
        return Level(self.level).label


@dataclass
class CatalogEntry:
    """A card of one request: the course and the visitor's enrollment in it, if any."""

    course: CatalogCourse
    enrollment: "Enrollment | None" = None

    def __getattr__(self, name):
        return getattr(self.course, name)


def catalog_courses(*, index) -> tuple[list[CourseCategory], list[CatalogCourse]]:
    """The categories of the catalog's language and its live courses in the trainers' order,
    cached until the pages change."""
    key = pages.cache_key("catalog", index.pk)
    found = cache.get(key)
    if found is not None:
        return found
    categories = list(CourseCategory.objects.filter(locale_id=index.locale_id))
    by_key = {category.translation_key: category for category in categories}
    courses = []
    for course in (CoursePage.objects.live().child_of(index)
                   .select_related("category", "cover_image")
                   .prefetch_related("cover_image__renditions").order_by("path")):
        # The category in the catalog's language when a translation exists.
        shown = by_key.get(course.category.translation_key, course.category)
        courses.append(CatalogCourse(
            pk=course.pk, title=course.title, summary=course.summary, url=course.url,
            translation_key=course.translation_key, level=course.level,
            estimated_hours=course.estimated_hours, category_slug=course.category.slug,
            category_name=shown.name, cover=_cover(course.cover_image, CARD_COVER)))
    found = (categories, courses)
    cache.set(key, found, pages.TIMEOUT)
    return found


def catalog_page() -> CourseIndexPage | None:
    """The live catalog in the active language, else in any language."""
    catalogs = CourseIndexPage.objects.live()
    return (catalogs.filter(locale=Locale.get_active()).first() or catalogs.first())


def catalog_url() -> str | None:
    """The address of `catalog_page()`, cached until the pages change."""
    key = pages.cache_key("catalog-url", translation.get_language())
    url = cache.get(key)
    if url is None:
        catalog = catalog_page()
        url = catalog.url if catalog is not None else ""
        cache.set(key, url, pages.TIMEOUT)
    return url or None


def catalog(*, index, params, user) -> dict:
    """Live courses of the catalog page `index` (so of its language), filtered by the category
    slug and level in `params` and searched by the words of its `q` in their titles and
    summaries, accents or not; with the categories to filter by and the user's enrollments."""
    categories, courses = catalog_courses(index=index)
    category_slug = params.get("category", "")
    level = params.get("level", "")
    query = " ".join(params.get("q", "").split())[:100]
    if query:
        # The same pattern the database's __regex lookup was given, matched the same way.
        pattern = re.compile(accent_insensitive_pattern(query))
        courses = [c for c in courses if pattern.search(c.title) or pattern.search(c.summary)]
    if category_slug:
        courses = [c for c in courses if c.category_slug == category_slug]
    if level in Level.values:
        courses = [c for c in courses if c.level == level]
    entries = [CatalogEntry(course=course) for course in courses[:CATALOG_PAGE_SIZE]]
    enrollments = enrollments_by_course_key(user=user,
                                            keys=[e.translation_key for e in entries])
    for entry in entries:
        entry.enrollment = enrollments.get(entry.translation_key)
    return {
        "courses": entries,
        "categories": categories,
        "levels": Level.choices,
        "selected_category": category_slug,
        "selected_level": level if level in Level.values else "",
        "query": query,
    }


def enrollments_by_course_key(*, user, keys) -> dict:
    if not user.is_authenticated or not keys:
        return {}
    return {e.course_key: e for e in Enrollment.objects.filter(user=user, course_key__in=keys)}


def course_outline(*, course: CoursePage) -> list[Page]:
    """The course's live lessons and quizzes, in the order the trainer set."""
    return list(
        course.get_children().live().type(LessonPage, QuizPage).specific().order_by("path")
    )


@dataclass(frozen=True)
class OutlineItem:
    """A lesson or quiz as the outline, the pager and the progress show it."""

    pk: int
    title: str
    url: str
    translation_key: object
    item_kind: str
    estimated_minutes: int | None


@dataclass(frozen=True)
class CourseFacts:
    """What a course's pages show alike to everyone: its name and address, the catalog it is
    in, its cover, its live lessons and quizzes, the courses to take first."""

    pk: int
    title: str
    url: str
    translation_key: object
    catalog_url: str
    cover: Cover | None
    outline: list[OutlineItem]
    prerequisites: list[tuple[str, str]]  # (title, url)


def course_facts(*, course_path: str) -> CourseFacts:
    """The facts of the course at `course_path` (a course page's, or a lesson's parent's),
    cached until the pages change."""
    key = pages.cache_key("course", course_path)
    facts = cache.get(key)
    if facts is not None:
        return facts
    course = CoursePage.objects.select_related("cover_image").get(path=course_path)
    facts = CourseFacts(
        pk=course.pk, title=course.title, url=course.url,
        translation_key=course.translation_key,
        catalog_url=course.get_parent().url,
        cover=_cover(course.cover_image, HEADER_COVER),
        outline=[OutlineItem(pk=item.pk, title=item.title, url=item.url,
                             translation_key=item.translation_key, item_kind=item.item_kind,
                             estimated_minutes=getattr(item, "estimated_minutes", None))
                 for item in course_outline(course=course)],
        prerequisites=[(p.title, p.url) for p in course.prerequisites.live().order_by("path")],
    )
    cache.set(key, facts, pages.TIMEOUT)
    return facts


def course_facts_of_item(page) -> CourseFacts:
    """The facts of the course a lesson or quiz belongs to."""
    return course_facts(course_path=page.path[:-Page.steplen])


def category_shown(category: CourseCategory) -> CourseCategory:
    """The category in the visitor's language (Wagtail's `.localized`), with no query when it
    is in that language already."""
    if category.locale_id == pages.active_locale_id():
        return category
    return category.localized


def enrollment_for(*, user, course: CoursePage) -> Enrollment | None:
    if not user.is_authenticated:
        return None
    return Enrollment.objects.filter(user=user, course_key=course.translation_key).first()


@dataclass
class Progress:
    items: list
    done_keys: set = field(default_factory=set)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def done(self) -> int:
        return sum(1 for item in self.items if item.translation_key in self.done_keys)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_complete(self) -> bool:
        return self.total > 0 and self.done == self.total

    def next_item(self, *, after_key=None):
        """The first item not done yet, looking from `after_key` on first (so a lesson left
        unfinished is where the learner resumes)."""
        keys = [item.translation_key for item in self.items]
        start = keys.index(after_key) if after_key in keys else 0
        for item in self.items[start:] + self.items[:start]:
            if item.translation_key not in self.done_keys:
                return item
        return None

    def neighbours(self, key):
        keys = [item.translation_key for item in self.items]
        if key not in keys:
            return None, None
        i = keys.index(key)
        return (self.items[i - 1] if i > 0 else None,
                self.items[i + 1] if i + 1 < len(self.items) else None)


def enrollment_progress(*, enrollment: Enrollment | None, outline: list) -> Progress:
    """Which items of `outline` (pages or `OutlineItem`s) the enrollment has done: lessons
    marked done, quizzes passed; in one query."""
    if enrollment is None:
        return Progress(items=outline)
    lessons = LessonProgress.objects.filter(enrollment=enrollment).values_list("lesson_key")
    quizzes = (QuizAttempt.objects.filter(enrollment=enrollment, passed=True).order_by()
               .values_list("quiz_key"))
    return Progress(items=outline,
                    done_keys={key for (key,) in lessons.union(quizzes, all=True)})


def members_a_manager_can_enroll(*, manager):
    """Active members of the cooperatives `manager` manages (the manager included)."""
    managed = Membership.objects.filter(
        user=manager, role=Membership.Role.MANAGER, status=Membership.Status.ACTIVE
    ).values("cooperative_id")
    return get_user_model().objects.filter(
        memberships__cooperative_id__in=managed, memberships__status=Membership.Status.ACTIVE
    ).distinct().order_by("full_name")


@dataclass
class CourseWithLearners:
    course: CoursePage
    learners: int


def courses_with_learners(*, pages) -> list[CourseWithLearners]:
    """The courses with learners among `pages`, their translations and everything under them,
    one entry per course whatever its languages: deleting one would take its learners'
    enrollments and progress along. The copies in other languages count because enrollments
    follow the translation key, and Wagtail may be set to delete translations together."""
    if not pages:
        return []
    keys = {page.translation_key for page in pages}
    trees = list(Page.objects.filter(translation_key__in=keys).values_list("path", flat=True))
    under = Q()
    for path in trees:
        under |= Q(path__startswith=path)
    courses = list(CoursePage.objects.filter(under).only("title", "translation_key", "path"))
    if not courses:
        return []
    counts = dict(
        Enrollment.objects.filter(Q(course__in=courses)
                                  | Q(course_key__in={c.translation_key for c in courses}))
        .values("course__translation_key").annotate(n=Count("pk"))
        .values_list("course__translation_key", "n")
    )
    # The copy under the pages asked for names the course, in the language the person chose.
    asked = tuple(page.path for page in pages)
    courses.sort(key=lambda course: (not course.path.startswith(asked), course.path))
    found = {}
    for course in courses:
        if counts.get(course.translation_key) and course.translation_key not in found:
            found[course.translation_key] = CourseWithLearners(
                course=course, learners=counts[course.translation_key])
    return list(found.values())


def enrolled_user_ids(*, course: CoursePage, users) -> set[int]:
    return set(Enrollment.objects.filter(course_key=course.translation_key, user__in=users)
               .values_list("user_id", flat=True))


def _per_enrollment(rows, value) -> Coalesce:
    """`value` aggregated over the outer enrollment's `rows`: a subquery that reads that
    enrollment's rows through their index, never a join of every row of the table."""
    return Coalesce(Subquery(rows.filter(enrollment=OuterRef("pk")).order_by()
                             .values("enrollment").annotate(n=value).values("n")), 0)


def with_done_counts(enrollments):
    return enrollments.annotate(
        n_lessons_done=_per_enrollment(LessonProgress.objects.all(), Count("pk")),
        n_quizzes_passed=_per_enrollment(QuizAttempt.objects.filter(passed=True),
                                         Count("quiz_key", distinct=True)),
    )


def my_learning(*, user) -> list[Enrollment]:
    """The user's enrollments, each with `percent` done, in a fixed number of queries."""
    return with_percent(list(
        with_done_counts(Enrollment.objects.filter(user=user))
        .select_related("course__cover_image")
        .order_by("status", "-last_activity_at", "-enrolled_at")
    ))


def _taught_by(user, prefix: str = "") -> Q:
    """The enrollments (through `prefix`) of the courses `user` teaches or owns: what the
    "My learners" report shows them. Site admins see every course."""
    if user.is_superuser:
        return Q()
    return Q(**{f"{prefix}course__trainer": user}) | Q(**{f"{prefix}course__owner": user})


def learners_of_trainer(*, user):
    """Enrollments in the courses a trainer teaches or owns; every enrollment for site admins."""
    enrollments = Enrollment.objects.filter(_taught_by(user))
    return (with_done_counts(enrollments).select_related("user", "course")
            .order_by("course__title", "user__full_name"))


def with_percent(enrollments: list[Enrollment]) -> list[Enrollment]:
    """Set `percent` done on enrollments annotated by `with_done_counts`, with one query for
    the number of live lessons and quizzes of all their courses."""
    if not enrollments:
        return enrollments
    courses = {e.course_id: e.course for e in enrollments}
    # The children of the courses: their path without its last step is a course's path (one
    # IN per depth of course, not one LIKE per course).
    path_filter, parents = Q(), {}
    for course in courses.values():
        parents.setdefault(course.depth, []).append(course.path)
    items = Page.objects.live().type(LessonPage, QuizPage)
    for depth, paths in parents.items():
        items = items.alias(**{f"parent_{depth}": Substr("path", 1, depth * Page.steplen)})
        path_filter |= Q(depth=depth + 1, **{f"parent_{depth}__in": paths})
    items = (
        items.filter(path_filter)
        .values_list("path", flat=True)
    )
    totals = dict.fromkeys(courses, 0)
    by_path = {course.path: course_id for course_id, course in courses.items()}
    for path in items:  # a child's path is its parent's and one step more
        course_id = by_path.get(path[:-Page.steplen])
        if course_id is not None:
            totals[course_id] += 1
    for enrollment in enrollments:
        total = totals[enrollment.course_id]
        done = min(enrollment.n_lessons_done + enrollment.n_quizzes_passed, total)
        enrollment.percent = (100 if enrollment.is_completed
                              else round(100 * done / total) if total else 0)
    return enrollments


def quiz_attempts(*, enrollment: Enrollment | None, quiz: QuizPage) -> list[QuizAttempt]:
    if enrollment is None:
        return []
    return list(QuizAttempt.objects.filter(enrollment=enrollment, quiz_key=quiz.translation_key))


@dataclass(frozen=True)
class QuizStanding:
    """Where a learner stands on a quiz: passed or not, and how many attempts are left."""

    passed: bool
    attempts_left: int | None  # None: unlimited

    @property
    def may_ask_for_more(self) -> bool:
        """Out of attempts at a limited quiz without passing: only the trainer can help."""
        return not self.passed and self.attempts_left == 0

    @property
    def can_attempt(self) -> bool:
        return not self.passed and (self.attempts_left is None or self.attempts_left > 0)

    @property
    def answers_revealed(self) -> bool:
        """Reviews show the right answers a learner missed once they cannot try again: before
        that, they would be the answers of the next attempt."""
        return not self.can_attempt


def quiz_attempts_granted(*, enrollment: Enrollment | None, quiz: QuizPage) -> int:
    """The extra attempts the trainer granted this learner at this quiz, all requests
    together."""
    if enrollment is None:
        return 0
    return AttemptRequest.objects.filter(
        enrollment=enrollment, quiz_key=quiz.translation_key,
        status=AttemptRequest.Status.GRANTED,
    ).aggregate(total=Sum("granted"))["total"] or 0


def quiz_standing(*, quiz: QuizPage, attempts: list[QuizAttempt],
                  granted: int = 0) -> QuizStanding:
    """The one place the attempt limit is applied, for the page and for submitting: the quiz's
    limit plus the attempts `granted` to this learner (`quiz_attempts_granted`)."""
    return QuizStanding(passed=any(attempt.passed for attempt in attempts),
                        attempts_left=quiz.attempts_left(len(attempts), granted))


def attempt_request_latest(*, enrollment: Enrollment | None,
                           quiz: QuizPage) -> AttemptRequest | None:
    """The learner's latest request for more attempts at the quiz, whatever became of it."""
    if enrollment is None:
        return None
    return (AttemptRequest.objects.filter(enrollment=enrollment, quiz_key=quiz.translation_key)
            .order_by("-created_at", "-pk").first())


def attempt_requests_for_trainer(*, user):
    """Requests for more attempts in the courses `user` may see in "My learners" (the same
    courses as `learners_of_trainer`), whatever their status."""
    return AttemptRequest.objects.filter(_taught_by(user, prefix="enrollment__"))


def attempt_requests_open(*, user) -> list[AttemptRequest]:
    """The open requests of the trainer's learners, oldest first, each with `best_score`, the
    learner's best score at that quiz (None before any attempt)."""
    best = (QuizAttempt.objects.filter(enrollment=OuterRef("enrollment"),
                                       quiz_key=OuterRef("quiz_key"))
            .order_by("-score").values("score")[:1])
    return list(
        attempt_requests_for_trainer(user=user).filter(status=AttemptRequest.Status.OPEN)
        .annotate(best_score=Subquery(best))
        .select_related("enrollment__user", "enrollment__course", "quiz")
        .order_by("created_at", "pk")
    )
