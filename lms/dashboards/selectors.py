"""Reads of the union officers' dashboards: participation and readiness figures for the
cooperatives a user oversees, aggregated in the database in a number of queries that does not
depend on how many cooperatives, learners or enrollments there are.

How people and enrollments are counted:

- The scope is `cooperatives_overseen_by(user)` (every cooperative for site admins), narrowed
  by the filters; a filter can only narrow it, never widen it.
- A learner belongs to a cooperative through an ACTIVE membership; pending or declined
  requests, and members who left, do not count.
- A learner in two cooperatives counts in each cooperative's row, and in the row of each
  sector and commune those cooperatives are in; totals count distinct people and distinct
  enrollments, so the rows of a breakdown by cooperative, sector or commune may add up to
  more than the total.
- Enrollments are those started in the period; completions those finished in the period
  (whenever started); the completion rate is the share of the period's enrollments that are
  completed today. Without a period, all time.
- Certificates are course certificates in force (neither revoked, replaced nor expired) issued
  in the period to learners of the scope.
- Readiness and corrective actions are the current state of the cooperatives in scope (period
  and course filters do not apply): for each standard, the verdict of a cooperative's latest
  submitted report; "in progress" when it has never submitted one but has an assessment open;
  the distance to ready is the number of blocking gaps in that latest report; open corrective
  actions are those of the latest report's action plan (older plans are superseded).
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Coalesce, NullIf, RowNumber, TruncMonth
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from certification.models import (
    Assessment,
    Certificate,
    CorrectiveAction,
    ReadinessReport,
    Standard,
    StandardVersion,
)
from courses.models import (
    CourseCategory,
    CoursePage,
    Enrollment,
    LessonProgress,
    QuizAttempt,
)
from courses.selectors import with_percent
from lms import pages
from lms.accounts.models import User
from lms.accounts.roles import user_is_union_officer
from lms.cooperatives.models import Commune, Cooperative, Membership, OfficerScope, fold
from lms.cooperatives.selectors import cooperatives_overseen_by, provinces_overseen_by
from lms.dashboards import summaries
from lms.dashboards.models import CooperativeCertificate, CooperativeEnrollment
from lms.months import add_months
from lms.text import vietnamese_sort_key

ACTIVE = Membership.Status.ACTIVE
COMPLETED = Enrollment.Status.COMPLETED

READY, NOT_READY, IN_PROGRESS, NEVER = "ready", "not_ready", "in_progress", "never"
VERDICTS = (READY, NOT_READY, IN_PROGRESS, NEVER)
DISTANCES = ("0", "1-2", "3-5", "6+")  # blocking gaps in the latest report
STARS = (1, 2, 3, 4, 5)
OVERDUE, DUE_SOON, DUE_LATER, NO_DUE_DATE = "overdue", "soon", "later", "no_date"
DUE_BUCKETS = (OVERDUE, DUE_SOON, DUE_LATER, NO_DUE_DATE)
DUE_SOON_DAYS = 30
MONTHS_DEFAULT = 12  # the trend without a period: the last twelve months
MONTHS_MAX = 36  # a longer period shows its last 36 months


# --- scope and filters -----------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """What a user may see on the dashboards."""

    user: User
    cooperatives: QuerySet  # every cooperative they oversee
    provinces: QuerySet  # the provinces a filter may choose
    is_admin: bool
    # What the scope covers, the same for every officer of the same provinces and unions
    # ("all" for site admins): officers who see the same cooperatives share cached figures.
    key: str = ""


def scope_key(parts) -> str:
    """`Scope.key` of an officer whose OfficerScope rows are these (province, union) pairs."""
    text = ";".join(f"{province or ''},{union or ''}" for province, union in sorted(
        parts, key=lambda part: (part[0] or 0, part[1] or 0)))
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def dashboard_scope(user) -> Scope | None:
    """Site admins see every cooperative; union officers with at least one scope see theirs;
    everyone else has no dashboard (None)."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        key = "all"
    else:
        parts = list(OfficerScope.objects.filter(officer=user)
                     .values_list("province_id", "union_id")) \
            if user_is_union_officer(user) else []
        if not parts:
            return None
        key = scope_key(parts)
    return Scope(user=user, cooperatives=cooperatives_overseen_by(user),
                 provinces=provinces_overseen_by(user), is_admin=user.is_superuser, key=key)


def scope_names(scope: Scope) -> list[str]:
    """The provinces and unions of an officer's scope, for the page's heading."""
    if scope.is_admin:
        return []
    names = []
    for item in OfficerScope.objects.filter(officer=scope.user).select_related("province",
                                                                                "union"):
        names.append(item.province.name if item.province_id else item.union.name)
    return sorted(names, key=vietnamese_sort_key)


@dataclass(frozen=True)
class Filters:
    """The dashboard's filters, already checked against the user's scope (forms.py)."""

    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    province_id: int | None = None
    sector: str = ""
    category_key: str = ""  # a course category's translation key
    course_key: str = ""  # a course's translation key

    def as_params(self) -> dict[str, str]:
        """As query-string parameters (the filter form's field names)."""
        params = {
            "date_from": self.date_from.isoformat() if self.date_from else "",
            "date_to": self.date_to.isoformat() if self.date_to else "",
            "province": str(self.province_id or ""),
            "sector": self.sector,
            "category": self.category_key,
            "course": self.course_key,
        }
        return {name: value for name, value in params.items() if value}

    @property
    def has_course_filter(self) -> bool:
        return bool(self.category_key or self.course_key)


def cooperatives_in(scope: Scope, filters: Filters) -> QuerySet[Cooperative]:
    """The cooperatives of the scope that the province and sector filters keep."""
    cooperatives = scope.cooperatives
    if filters.province_id:
        cooperatives = cooperatives.filter(province_id=filters.province_id)
    if filters.sector:
        cooperatives = cooperatives.filter(sector=filters.sector)
    return cooperatives


def _bounds(filters: Filters) -> tuple[datetime.datetime | None, datetime.datetime | None]:
    """The period as aware datetimes: from the start of the first day to the end of the last."""
    zone = timezone.get_current_timezone()
    start = end = None
    if filters.date_from:
        start = datetime.datetime.combine(filters.date_from, datetime.time.min, tzinfo=zone)
    if filters.date_to:
        end = datetime.datetime.combine(filters.date_to + datetime.timedelta(days=1),
                                        datetime.time.min, tzinfo=zone)
    return start, end


def _period_q(path: str, filters: Filters) -> Q:
    start, end = _bounds(filters)
    condition = Q()
    if start:
        condition &= Q(**{f"{path}__gte": start})
    if end:
        condition &= Q(**{f"{path}__lt": end})
    return condition


@dataclass(frozen=True)
class Conditions:
    """Which enrollments count as started, finished, and started then completed, under the
    filters, written for a path ("" from Enrollment, "memberships__user__enrollments__" from
    Cooperative)."""

    started: Q
    finished: Q
    cohort_done: Q


def enrollment_conditions(filters: Filters, prefix: str = "") -> Conditions:
    course = Q(**{f"{prefix}id__isnull": False})
    if filters.course_key:
        course &= Q(**{f"{prefix}course_key": filters.course_key})
    if filters.category_key:
        course &= Q(**{f"{prefix}course__category__translation_key": filters.category_key})
    started = course & _period_q(f"{prefix}enrolled_at", filters)
    finished = (course & Q(**{f"{prefix}status": COMPLETED})
                & _period_q(f"{prefix}completed_at", filters))
    return Conditions(started=started, finished=finished,
                       cohort_done=started & Q(**{f"{prefix}status": COMPLETED}))


def _in_force_q() -> Q:
    """Valid today, as the certificates app decides it (expired the day after the last day)."""
    return Certificate.valid_q()


def _course_certificates(filters: Filters) -> QuerySet[Certificate]:
    """Course certificates in force issued in the period for the filtered courses (a course
    certificate's source is its enrollment)."""
    certificates = (Certificate.objects.filter(kind=Certificate.Kind.COURSE)
                    .filter(_in_force_q(), _period_q("issued_at", filters)))
    if filters.has_course_filter:
        course = enrollment_conditions(Filters(course_key=filters.course_key,
                                               category_key=filters.category_key)).started
        certificates = certificates.filter(
            Exists(Enrollment.objects.filter(course, pk=OuterRef("source_id"))))
    return certificates


def certificates_per_user(filters: Filters):
    """An annotation for rows with a `user_id`: their certificates under the filters."""
    return _count_per_user(_course_certificates(filters), "recipient_id")


# --- courses and categories in the viewer's language ----------------------------------------


@dataclass
class Catalogue:
    """Course titles and category names by translation key, in the active language (else
    Vietnamese, else any), loaded in two queries."""

    courses: dict[str, str] = field(default_factory=dict)
    course_category: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)

    def course_title(self, key) -> str:
        return self.courses.get(str(key), _("Course removed"))

    def category_name(self, key) -> str:
        return self.categories.get(str(key), _("No category"))


def _preference(language_code: str) -> int:
    active = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    if language_code == active:
        return 0
    return 1 if language_code == settings.LANGUAGE_CODE else 2


def catalogue() -> Catalogue:
    """The catalogue in the active language, kept in the cache under the pages' version: a
    course or category saved anywhere moves the version on (lms/pages.py)."""
    key = pages.cache_key("dashboards-catalogue", translation.get_language())
    found = cache.get(key)
    if found is None:
        found = _catalogue()
        cache.set(key, found, pages.TIMEOUT)
    return found


def _catalogue() -> Catalogue:
    result = Catalogue()
    best: dict[str, int] = {}
    rows = CoursePage.objects.order_by("path").values_list(
        "translation_key", "title", "locale__language_code", "category__translation_key")
    for key, title, language, category in rows:
        key, rank = str(key), _preference(language)
        if rank < best.get(key, 3):
            best[key] = rank
            result.courses[key] = title
            result.course_category[key] = str(category)
    best = {}
    categories = CourseCategory.objects.order_by("sort_order", "name").values_list(
        "translation_key", "name", "locale__language_code")
    for key, name, language in categories:
        key, rank = str(key), _preference(language)
        if rank < best.get(key, 3):
            best[key] = rank
            result.categories[key] = name
    return result


# --- participation ---------------------------------------------------------------------------


@dataclass
class Row:
    """One row of a participation table."""

    label: str
    key: object = None
    enrollments: int = 0
    completions: int = 0
    cohort_completed: int = 0
    learners: int | None = None
    cooperatives: int | None = None
    reached: int | None = None
    certificates: int | None = None
    detail: str = ""  # a second text column: a course's category, a commune's province

    @property
    def rate(self) -> float | None:
        """Share of the period's enrollments completed, in percent, one decimal."""
        if not self.enrollments:
            return None
        return round(100 * self.cohort_completed / self.enrollments, 1)


def _row(label, values: dict, **extra) -> Row:
    names = ("enrollments", "completions", "cohort_completed", "learners", "cooperatives",
             "reached", "certificates")
    return Row(label=label, **{name: values[name] for name in names if name in values}, **extra)


def _cooperative_ids(cooperatives):
    """The ids of `cooperatives` (a queryset, as a subquery, or a list)."""
    if isinstance(cooperatives, QuerySet):
        return cooperatives.order_by().values("pk")
    return [getattr(item, "pk", item) for item in cooperatives]


def _summary_enrollments(cooperatives) -> QuerySet[CooperativeEnrollment]:
    summaries.refreshed_at()  # builds them on first need
    return CooperativeEnrollment.objects.filter(
        cooperative_id__in=_cooperative_ids(cooperatives))


def _days_q(path: str, filters: Filters) -> Q:
    """The local days of the period (both ends included)."""
    condition = Q()
    if filters.date_from:
        condition &= Q(**{f"{path}__gte": filters.date_from})
    if filters.date_to:
        condition &= Q(**{f"{path}__lte": filters.date_to})
    return condition


def _first_q(previous: str, filters: Filters) -> Q:
    """The row is the first start of its partition in the period: the previous start of the
    partition (see models.CooperativeEnrollment) was before the period, or there is none."""
    if filters.date_from:
        return Q(**{f"{previous}__isnull": True}) | Q(**{f"{previous}__lt": filters.date_from})
    return Q(**{f"{previous}__isnull": True})


@dataclass(frozen=True)
class Counted:
    """Which summary rows count, under the filters: started, finished, started then completed,
    and the first start of a learner (by course category for `by_category`) and of a
    cooperative in the period."""

    started: Q
    finished: Q
    cohort_done: Q
    learner_first: Q
    cooperative_first: Q


def _counted(filters: Filters, *, by_category: bool = False) -> Counted:
    course = Q(enrollment_id__isnull=False)  # every row (an empty Q would vanish in an OR)
    if filters.course_key:
        course &= Q(course_key=filters.course_key)
    if filters.category_key:
        course &= Q(category_key=filters.category_key)
    started = course & _days_q("started_on", filters)
    if filters.course_key:  # one enrollment per learner and course
        learner_first = Q()
        cooperative_first = _first_q("previous_start_here_in_course", filters)
    elif filters.category_key or by_category:
        learner_first = _first_q("previous_start_in_category", filters)
        cooperative_first = _first_q("previous_start_here_in_category", filters)
    else:
        learner_first = _first_q("previous_start", filters)
        cooperative_first = _first_q("previous_start_here", filters)
    return Counted(started=started,
                   finished=course & Q(completed=True) & _days_q("completed_on", filters),
                   cohort_done=started & Q(completed=True),
                   learner_first=learner_first, cooperative_first=cooperative_first)


def _distinct(column: str, condition: Q) -> dict:
    """Two counts whose sum counts `column` once: rows of learners in one cooperative (each
    enrollment or person has one row there) and the DISTINCT ones of learners in several."""
    return {"one": Count("pk", filter=condition & Q(shared=False)),
            "several": Count(column, filter=condition & Q(shared=True), distinct=True)}


def _counts(counted: Counted, *, learners: bool = False, reached: bool = False) -> dict:
    pairs = {
        "enrollments": _distinct("enrollment_id", counted.started),
        "completions": _distinct("enrollment_id", counted.finished),
        "cohort_completed": _distinct("enrollment_id", counted.cohort_done),
    }
    if learners:
        pairs["learners"] = {
            "one": Count("pk", filter=counted.started & counted.learner_first
                         & Q(shared=False)),
            "several": Count("user_id", filter=counted.started & Q(shared=True),
                             distinct=True)}
    aggregates = {f"{name}__{part}": value for name, pair in pairs.items()
                  for part, value in pair.items()}
    if reached:
        aggregates["reached"] = Count("pk", filter=counted.started & counted.cooperative_first)
    return aggregates


def _summed(row: dict) -> dict:
    """The figures of a row of `_counts`: each pair added up."""
    values = {}
    for name, value in row.items():
        base, _sep, part = name.partition("__")
        if part in ("one", "several"):
            values[base] = values.get(base, 0) + (value or 0)
        else:
            values[name] = value
    return values


def _summary_certificates(cooperatives, filters: Filters) -> QuerySet[CooperativeCertificate]:
    """Course certificates in force today issued in the period for the filtered courses (a
    course certificate's course is its enrollment's), held by learners of `cooperatives`."""
    certificates = CooperativeCertificate.objects.filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=timezone.localdate()),
        _days_q("issued_on", filters), cooperative_id__in=_cooperative_ids(cooperatives))
    if filters.course_key:
        certificates = certificates.filter(has_enrollment=True,
                                           course_key=str(filters.course_key))
    if filters.category_key:
        certificates = certificates.filter(category_key=filters.category_key)
    return certificates


def _certificate_counts() -> dict:
    pair = _distinct("certificate_id", Q())
    return {"certificates__one": pair["one"], "certificates__several": pair["several"]}


def participation_totals(cooperatives, filters: Filters) -> Row:
    """Learners, enrollments, completions (distinct) and certificates of the scope, from the
    summaries: two queries (and one for the time of the figures). Cooperatives and those
    reached come from the sector breakdown."""
    values = _summed(_summary_enrollments(cooperatives).aggregate(
        **_counts(_counted(filters), learners=True)))
    values.update(_summed(_summary_certificates(cooperatives, filters).aggregate(
        **_certificate_counts())))
    return _row(_("All"), values)


def participation_by_course(cooperatives, filters: Filters, names: Catalogue) -> list[Row]:
    counted = _counted(filters)
    rows = (_summary_enrollments(cooperatives).filter(counted.started | counted.finished)
            .values("course_key").annotate(**_counts(counted)).order_by())
    certificates = {
        row["course_key"]: _summed(row)["certificates"] for row in
        _summary_certificates(cooperatives, filters).values("course_key")
        .annotate(**_certificate_counts()).order_by()}
    result = []
    for row in rows:
        key = str(row["course_key"])
        result.append(_row(names.course_title(key), _summed(row), key=key,
                           certificates=certificates.get(key, 0),
                           detail=names.category_name(names.course_category.get(key, ""))))
    return sorted(result, key=lambda row: (-row.enrollments, -row.completions,
                                          vietnamese_sort_key(row.label)))


def participation_by_category(cooperatives, filters: Filters, names: Catalogue) -> list[Row]:
    counted = _counted(filters, by_category=True)
    rows = (_summary_enrollments(cooperatives).filter(counted.started | counted.finished)
            .values("category_key").annotate(**_counts(counted, learners=True)).order_by())
    result = [_row(names.category_name(row["category_key"]), _summed(row),
                   key=str(row["category_key"])) for row in rows]
    return sorted(result, key=lambda row: (-row.enrollments, vietnamese_sort_key(row.label)))


def participation_by_sector(cooperatives, filters: Filters) -> list[Row]:
    """Every sector with a cooperative in scope, in the sectors' order."""
    counted = _counted(filters)
    totals = dict(cooperatives.order_by().values("sector").annotate(n=Count("pk"))
                  .values_list("sector", "n"))
    figures = {row["sector"]: _summed(row) for row in
               _summary_enrollments(cooperatives).filter(counted.started | counted.finished)
               .values("sector").annotate(**_counts(counted, learners=True, reached=True))
               .order_by()}
    return [_row(str(label), {"cooperatives": totals[value], **_zeros(),
                              **figures.get(value, {})}, key=value)
            for value, label in Cooperative.Sector.choices if value in totals]


def _zeros() -> dict:
    return {"learners": 0, "reached": 0, "enrollments": 0, "completions": 0,
            "cohort_completed": 0}


def participation_by_commune(cooperatives, filters: Filters) -> list[Row]:
    """Every commune with a cooperative in scope (cooperatives without one, by province)."""
    counted = _counted(filters)
    places = (cooperatives.order_by()
              .values("province_id", "province__name", "commune_id", "commune__name",
                      "commune__kind")
              .annotate(cooperatives=Count("pk")))
    figures = {(row["province_id"], row["commune_id"]): _summed(row) for row in
               _summary_enrollments(cooperatives).filter(counted.started | counted.finished)
               .values("province_id", "commune_id")
               .annotate(**_counts(counted, learners=True, reached=True)).order_by()}
    result = []
    for place in places:
        if place["commune_id"]:
            label = f"{Commune.Kind(place['commune__kind']).label} {place['commune__name']}"
        else:
            label = _("No commune recorded")
        values = {"cooperatives": place["cooperatives"], **_zeros(),
                  **figures.get((place["province_id"], place["commune_id"]), {})}
        result.append(_row(label, values, key=place["commune_id"],
                           detail=place["province__name"]))
    return sorted(result, key=lambda row: (-row.enrollments, -row.reached,
                                          vietnamese_sort_key(row.label)))


def _cooperative_counts(filters: Filters) -> dict:
    """Per group of cooperatives: those reached, their learners, enrollments, completions."""
    conditions = enrollment_conditions(filters, "memberships__user__enrollments__")
    active = Q(memberships__status=ACTIVE)
    enrollments = "memberships__user__enrollments"
    return {
        "reached": Count("pk", filter=active & conditions.started, distinct=True),
        "learners": Count("memberships__user", filter=active & conditions.started,
                          distinct=True),
        "enrollments": Count(enrollments, filter=active & conditions.started, distinct=True),
        "completions": Count(enrollments, filter=active & conditions.finished, distinct=True),
        "cohort_completed": Count(enrollments, filter=active & conditions.cohort_done,
                                  distinct=True),
    }


def _month_starts(filters: Filters) -> list[datetime.date]:
    today = timezone.localdate()
    last = (filters.date_to or today).replace(day=1)
    if filters.date_from:
        first = filters.date_from.replace(day=1)
    else:
        first = add_months(last, -(MONTHS_DEFAULT - 1))
    months = []
    month = first
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months[-MONTHS_MAX:]


def participation_by_month(cooperatives, filters: Filters) -> list[Row]:
    """Enrollments started and completions made in each month of the period (the last twelve
    months without one): two queries."""
    months = _month_starts(filters)
    if not months:  # a period starting after today
        return []
    window = Filters(
        date_from=max(months[0], filters.date_from) if filters.date_from else months[0],
        date_to=filters.date_to or timezone.localdate(),
        course_key=filters.course_key, category_key=filters.category_key)
    counted = _counted(window)
    scoped = _summary_enrollments(cooperatives)
    started = {
        row["month"]: _summed(row)["n"] for row in
        scoped.filter(counted.started).annotate(month=TruncMonth("started_on"))
        .values("month").annotate(**_distinct_named("n", "enrollment_id")).order_by()}
    finished = {
        row["month"]: _summed(row)["n"] for row in
        scoped.filter(counted.finished).annotate(month=TruncMonth("completed_on"))
        .values("month").annotate(**_distinct_named("n", "enrollment_id")).order_by()}
    return [Row(label=f"{month:%m/%Y}", key=month, enrollments=started.get(month, 0),
                completions=finished.get(month, 0)) for month in months]


def _distinct_named(name: str, column: str) -> dict:
    pair = _distinct(column, Q())
    return {f"{name}__one": pair["one"], f"{name}__several": pair["several"]}


# --- readiness -------------------------------------------------------------------------------


def _latest_reports(cooperatives) -> QuerySet[ReadinessReport]:
    """Each cooperative's latest submitted report against each standard: the scope's reports
    ranked once by a window function (newest first, the later id first on a tie), not a
    subquery per report."""
    ranked = (ReadinessReport.objects.filter(assessment__cooperative__in=cooperatives)
              .annotate(rank=Window(RowNumber(), partition_by=[
                  F("assessment__cooperative_id"), F("assessment__version__standard_id")],
                  order_by=[F("created_at").desc(), F("pk").desc()]))
              .filter(rank=1).values("pk"))
    return ReadinessReport.objects.filter(pk__in=ranked)


@dataclass
class StandardReadiness:
    standard: Standard
    is_ocop: bool
    total: int
    verdicts: dict[str, int]
    distances: dict[str, int]
    stars: dict[int, int]

    @property
    def submitted(self) -> int:
        return self.verdicts[READY] + self.verdicts[NOT_READY]

    @property
    def rows(self) -> list[tuple[str, int]]:
        labels = verdict_labels()
        return [(labels[verdict], self.verdicts[verdict]) for verdict in VERDICTS]


def verdict_labels() -> dict[str, str]:
    return {READY: _("Ready"), NOT_READY: _("Not ready yet"),
            IN_PROGRESS: _("Assessment in progress"), NEVER: _("Never assessed")}


def due_labels() -> dict[str, str]:
    return {OVERDUE: _("Overdue"), DUE_SOON: _("Due within 30 days"), DUE_LATER: _("Due later"),
            NO_DUE_DATE: _("No due date")}


def standards() -> list[Standard]:
    """Every standard, each marked `is_ocop` when it is scored in points and stars."""
    return list(Standard.objects.annotate(is_ocop=Exists(StandardVersion.objects.filter(
        standard=OuterRef("pk"), rule=StandardVersion.Rule.WEIGHTED_POINTS))).order_by("code"))


def _distance_q(low: int, high: int | None) -> Q:
    """Between `low` and `high` blocking gaps (both included; no upper end for None)."""
    return Q(blocking__gte=low) & (Q(blocking__lte=high) if high is not None else Q())


DISTANCE_RANGES = dict(zip(DISTANCES, ((0, 0), (1, 2), (3, 5), (6, None)), strict=True))


def readiness_overview(cooperatives, *, total: int,
                       standard_list: list[Standard]) -> list[StandardReadiness]:
    """For each standard: cooperatives by latest verdict, by distance to ready, and by OCOP
    projected stars; `total` is the number of cooperatives in scope. Two queries: the latest
    reports with their blocking gaps, counted per standard over one pass of them (the blocking
    actions are written one per blocking gap at submission), and the assessments in progress
    of cooperatives that never submitted one."""
    latest = (_latest_reports(cooperatives)
              .annotate(standard=F("assessment__version__standard_id"), is_ready=F("ready"),
                        star=F("stars"),  # a column of its own: no snapshot is read
                        blocking=Count("assessment__corrective_actions", filter=Q(
                            assessment__corrective_actions__blocking=True))))
    counts = {}
    for standard in standard_list:
        mine = Q(standard=standard.pk)
        counts[f"{standard.pk}_ready"] = Count("pk", filter=mine & Q(is_ready=True))
        counts[f"{standard.pk}_not_ready"] = Count("pk", filter=mine & Q(is_ready=False))
        for bucket, (low, high) in DISTANCE_RANGES.items():
            counts[f"{standard.pk}_d{bucket}"] = Count("pk", filter=mine & _distance_q(low,
                                                                                      high))
        for star in STARS:
            counts[f"{standard.pk}_s{star}"] = Count("pk", filter=mine & Q(star=star))
    submitted = latest.aggregate(**counts) if counts else {}
    never_submitted = ReadinessReport.objects.filter(
        assessment__cooperative_id=OuterRef("cooperative_id"),
        assessment__version__standard_id=OuterRef("version__standard_id"))
    in_progress = dict(
        Assessment.objects.filter(cooperative__in=cooperatives,
                                  status=Assessment.Status.IN_PROGRESS)
        .filter(~Exists(never_submitted)).values("version__standard_id")
        .annotate(n=Count("cooperative_id", distinct=True))
        .values_list("version__standard_id", "n").order_by())
    result = []
    for standard in standard_list:
        pk = standard.pk
        verdicts = {READY: submitted[f"{pk}_ready"], NOT_READY: submitted[f"{pk}_not_ready"],
                    IN_PROGRESS: in_progress.get(pk, 0)}
        verdicts[NEVER] = max(total - sum(verdicts.values()), 0)
        result.append(StandardReadiness(
            standard=standard, is_ocop=standard.is_ocop, total=total, verdicts=verdicts,
            distances={bucket: submitted[f"{pk}_d{bucket}"] for bucket in DISTANCES},
            stars={star: submitted[f"{pk}_s{star}"] for star in STARS},
        ))
    return result


def _open_actions(cooperatives) -> QuerySet[CorrectiveAction]:
    """Open corrective actions of the latest action plan of each cooperative and standard. The
    cooperatives are named on the actions' own query too, so that one cooperative's page reads
    its own actions through the indexes, never every open action in the country."""
    return (CorrectiveAction.objects
            .filter(assessment__cooperative__in=cooperatives,
                    assessment__report__in=_latest_reports(cooperatives))
            .exclude(status=CorrectiveAction.Status.DONE))


def _due_q(bucket: str, today: datetime.date) -> Q:
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    return {OVERDUE: Q(due_date__lt=today),
            DUE_SOON: Q(due_date__gte=today, due_date__lte=soon),
            DUE_LATER: Q(due_date__gt=soon),
            NO_DUE_DATE: Q(due_date__isnull=True)}[bucket]


def corrective_actions_by_due(cooperatives) -> dict[str, int]:
    today = timezone.localdate()
    return _open_actions(cooperatives).aggregate(
        **{bucket: Count("pk", filter=_due_q(bucket, today)) for bucket in DUE_BUCKETS})


def corrective_actions_open(cooperatives, *, limit: int | None = None):
    """Open actions of the current plans, soonest due first (no date last), with what a row
    shows."""
    actions = (_open_actions(cooperatives)
               .select_related("assessment__cooperative", "assessment__version__standard",
                               "control_point", "owner")
               .order_by(F("due_date").asc(nulls_last=True), "assessment__cooperative__name",
                         "position"))
    return actions[:limit] if limit else actions


def cooperatives_to_follow_up(cooperatives, *, limit: int = 8) -> list[dict]:
    """Cooperatives with open actions, the soonest first due first: their open, overdue and
    blocking actions and that first due date, in one query."""
    today = timezone.localdate()
    return list(
        _open_actions(cooperatives)
        .values("assessment__cooperative_id", "assessment__cooperative__name")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=today)),
                  blocking=Count("pk", filter=Q(blocking=True)), first_due=Min("due_date"))
        .order_by(F("first_due").asc(nulls_last=True), "assessment__cooperative__name")
        [:limit])


def due_bucket(due: datetime.date | None, today: datetime.date | None = None) -> str:
    """The bucket of one due date: the same rule as `_due_q`, for a row already loaded."""
    today = today or timezone.localdate()
    if due is None:
        return NO_DUE_DATE
    if due < today:
        return OVERDUE
    if due <= today + datetime.timedelta(days=DUE_SOON_DAYS):
        return DUE_SOON
    return DUE_LATER


# --- the dashboard page ----------------------------------------------------------------------


@dataclass
class Dashboard:
    refreshed_at: datetime.datetime  # the time of the participation figures
    totals: Row
    cooperatives: int
    reached: int
    courses: list[Row]
    categories: list[Row]
    sectors: list[Row]
    communes: list[Row]
    months: list[Row]
    readiness: list[StandardReadiness]
    actions_by_due: dict[str, int]
    follow_up: list[dict]


def dashboard(scope: Scope, filters: Filters, names: Catalogue) -> Dashboard:
    cooperatives = cooperatives_in(scope, filters)
    sectors = participation_by_sector(cooperatives, filters)
    total = sum(row.cooperatives for row in sectors)
    return Dashboard(
        refreshed_at=summaries.refreshed_at(),
        totals=participation_totals(cooperatives, filters),
        cooperatives=total,
        reached=sum(row.reached for row in sectors),
        courses=participation_by_course(cooperatives, filters, names),
        categories=participation_by_category(cooperatives, filters, names),
        sectors=sectors,
        communes=participation_by_commune(cooperatives, filters),
        months=participation_by_month(cooperatives, filters),
        readiness=readiness_overview(cooperatives, total=total, standard_list=standards()),
        actions_by_due=corrective_actions_by_due(cooperatives),
        follow_up=cooperatives_to_follow_up(cooperatives),
    )


# --- the cooperative list --------------------------------------------------------------------

FIGURE_SORTS = {  # sort: (figure, highest first)
    "learners": ("learners", True),
    "enrollments": ("enrollments", True),
    "completions": ("completions", True),
    "rate": ("rate", True),
    "rate_low": ("rate", False),
}
COOPERATIVE_SORTS = ("name", *FIGURE_SORTS)


def _figure_per_cooperative(filters: Filters, figure: str) -> Subquery:
    """One figure of the outer cooperative under the filters, from the summaries: the sort key
    of the list, so that the page's rows are chosen in the database."""
    parts = _counts(_counted(filters), learners=True)

    def total(name):
        return parts[f"{name}__one"] + parts[f"{name}__several"]

    if figure == "rate":
        value = (Cast(total("cohort_completed"), FloatField()) * Value(100.0)
                 / NullIf(Cast(total("enrollments"), FloatField()), Value(0.0)))
    else:
        value = total(figure)
    return Subquery(CooperativeEnrollment.objects.filter(cooperative_id=OuterRef("pk"))
                    .order_by().values("cooperative_id").annotate(value=value)
                    .values("value")[:1])


def cooperatives_found(scope: Scope, filters: Filters, *,
                       query: str = "") -> QuerySet[Cooperative]:
    """The cooperatives of the scope and filters that the search keeps: by name (accents
    optional) or registration code."""
    cooperatives = cooperatives_in(scope, filters)
    query = query.strip()
    if query:
        cooperatives = cooperatives.filter(Q(name_folded__contains=fold(query))
                                           | Q(registration_code__iexact=query))
    return cooperatives


def cooperative_rows(scope: Scope, filters: Filters, *, query: str = "",
                     sort: str = "name") -> QuerySet[Cooperative]:
    """The cooperatives found (`cooperatives_found`) in the list's order: by name, or by a
    figure under the filters (then by name). Not aggregated: take a page of them, then
    `cooperatives_with_figures`."""
    cooperatives = cooperatives_found(scope, filters, query=query).select_related("province",
                                                                                   "commune")
    if sort not in FIGURE_SORTS:
        return cooperatives.order_by("name_collation", "pk")
    figure, highest_first = FIGURE_SORTS[sort]
    summaries.refreshed_at()  # builds the summaries on first need
    value = _figure_per_cooperative(filters, figure)
    if figure != "rate":  # a cooperative without enrollments has 0; its rate is none
        value = Coalesce(value, 0)
    order = (F("sort_key").desc(nulls_last=True) if highest_first
             else F("sort_key").asc(nulls_last=True))
    return cooperatives.annotate(sort_key=value).order_by(order, "name_collation", "pk")


def cooperatives_with_figures(cooperatives, filters: Filters) -> list[Cooperative]:
    """These cooperatives (a page of the list) with their learners, enrollments, completions
    and completion rate under the filters: one query over their summary rows, whatever their
    number."""
    cooperatives = list(cooperatives)
    counted = _counted(filters)
    figures = {} if not cooperatives else {
        row["cooperative_id"]: _summed(row) for row in
        _summary_enrollments([cooperative.pk for cooperative in cooperatives])
        .filter(counted.started | counted.finished).values("cooperative_id")
        .annotate(**_counts(counted, learners=True)).order_by()}
    for cooperative in cooperatives:
        row = _row(cooperative.name, {**_zeros(), **figures.get(cooperative.pk, {})})
        cooperative.learners, cooperative.enrollments = row.learners, row.enrollments
        cooperative.completions, cooperative.rate = row.completions, row.rate
    return cooperatives


def readiness_of(cooperative_ids) -> dict[int, dict[int, str]]:
    """Each cooperative's latest verdict per standard id (ready, not ready, in progress); a
    standard it never started is missing. Two queries for any number of cooperatives."""
    ids = list(cooperative_ids)
    verdicts: dict[int, dict[int, str]] = {}
    if not ids:
        return verdicts
    latest = _latest_reports(ids).values_list("assessment__cooperative_id",
                                              "assessment__version__standard_id", "ready")
    for cooperative_id, standard_id, ready in latest:
        verdicts.setdefault(cooperative_id, {})[standard_id] = READY if ready else NOT_READY
    open_ones = (Assessment.objects.filter(cooperative_id__in=ids,
                                           status=Assessment.Status.IN_PROGRESS)
                 .values_list("cooperative_id", "version__standard_id").distinct())
    for cooperative_id, standard_id in open_ones:
        verdicts.setdefault(cooperative_id, {}).setdefault(standard_id, IN_PROGRESS)
    return verdicts


# --- one cooperative -------------------------------------------------------------------------


def cooperative_overseen(scope: Scope, pk) -> Cooperative | None:
    return (scope.cooperatives.select_related("province", "commune", "union")
            .filter(pk=pk).first())


def _count_per_user(queryset, user_field: str):
    return Coalesce(Subquery(
        queryset.filter(**{user_field: OuterRef("user_id")}).order_by()
        .values(user_field).annotate(n=Count("pk")).values("n")[:1],
        output_field=IntegerField()), 0)


def members_with_progress(cooperative: Cooperative) -> QuerySet[Membership]:
    """Active members, managers first, with their enrollments, completions, certificates in
    force and last activity: one query whatever the number of members."""
    role_order = Case(When(role=Membership.Role.MANAGER, then=Value(0)),
                      When(role=Membership.Role.ACCOUNTANT, then=Value(1)),
                      default=Value(2), output_field=IntegerField())
    last_activity = Subquery(
        Enrollment.objects.filter(user_id=OuterRef("user_id"))
        .order_by(F("last_activity_at").desc(nulls_last=True)).values("last_activity_at")[:1])
    return (Membership.objects.filter(cooperative=cooperative, status=ACTIVE)
            .select_related("user")
            .annotate(
                role_order=role_order,
                enrollments=_count_per_user(Enrollment.objects.all(), "user_id"),
                completions=_count_per_user(Enrollment.objects.filter(status=COMPLETED),
                                            "user_id"),
                certificates=_count_per_user(
                    Certificate.objects.filter(_in_force_q(), kind=Certificate.Kind.COURSE),
                    "recipient_id"),
                last_activity=last_activity)
            .order_by("role_order", "user__full_name", "pk"))


def _done_counts(enrollments: QuerySet[Enrollment]) -> QuerySet[Enrollment]:
    """`n_lessons_done` and `n_quizzes_passed` as courses.selectors.with_done_counts counts
    them, each read through its enrollment's index: joining both tables to a few members'
    enrollments lets the planner scan all of the country's lesson progress."""
    lessons = (LessonProgress.objects.filter(enrollment_id=OuterRef("pk")).order_by()
               .values("enrollment_id").annotate(n=Count("pk")).values("n")[:1])
    quizzes = (QuizAttempt.objects.filter(enrollment_id=OuterRef("pk"), passed=True).order_by()
               .values("enrollment_id").annotate(n=Count("quiz_key", distinct=True))
               .values("n")[:1])
    return enrollments.annotate(
        n_lessons_done=Coalesce(Subquery(lessons, output_field=IntegerField()), 0),
        n_quizzes_passed=Coalesce(Subquery(quizzes, output_field=IntegerField()), 0))


def enrollments_by_user(user_ids, names: Catalogue) -> dict[int, list[Enrollment]]:
    """The enrollments of these users with `percent` done and `title` in the viewer's
    language: three queries whatever their number."""
    enrollments = with_percent(list(
        _done_counts(Enrollment.objects.filter(user_id__in=list(user_ids)))
        # of the course, only what the percentages and the title need: a whole Wagtail page
        # per enrollment costs more than the rest of a cooperative's page
        .select_related("course").only(
            "user_id", "course_id", "course_key", "status", "enrolled_at", "completed_at",
            "last_activity_at", "course__path", "course__depth", "course__title")
        .order_by("status", "-enrolled_at", "pk")))
    result: dict[int, list[Enrollment]] = {}
    for enrollment in enrollments:
        enrollment.title = names.courses.get(str(enrollment.course_key), enrollment.course.title)
        result.setdefault(enrollment.user_id, []).append(enrollment)
    return result


@dataclass
class StandardHistory:
    standard: Standard
    assessments: list[Assessment]

    @property
    def latest_submitted(self) -> Assessment | None:
        return next((a for a in self.assessments if a.report_id), None)


def cooperative_readiness(cooperative: Cooperative) -> list[StandardHistory]:
    """The cooperative's assessments grouped by standard, newest first, each with `report_id`,
    `ready`, `stars`, its blocking gaps and open actions: two queries."""
    assessments = list(
        Assessment.objects.filter(cooperative=cooperative)
        .select_related("version__standard")
        .annotate(report_id=F("report__id"), ready=F("report__ready"),
                  report_at=F("report__created_at"), stars=F("report__stars"))
        .order_by("-started_at", "-pk"))
    counts = {row["assessment_id"]: row for row in
              CorrectiveAction.objects.filter(assessment__cooperative=cooperative)
              .values("assessment_id")
              .annotate(blocking=Count("pk", filter=Q(blocking=True)),
                        open=Count("pk", filter=~Q(status=CorrectiveAction.Status.DONE)))
              .order_by()}
    grouped: dict[int, StandardHistory] = {}
    for assessment in assessments:
        row = counts.get(assessment.pk, {})
        assessment.blocking = row.get("blocking", 0)
        assessment.open_actions = row.get("open", 0)
        standard = assessment.version.standard
        grouped.setdefault(standard.pk, StandardHistory(standard, [])).assessments.append(
            assessment)
    return sorted(grouped.values(), key=lambda item: item.standard.code)


def cooperative_figures(cooperative: Cooperative) -> Row:
    return participation_totals(Cooperative.objects.filter(pk=cooperative.pk), Filters())


# --- one learner -----------------------------------------------------------------------------


def learner_overseen(scope: Scope, pk) -> User | None:
    """A user with an active membership in a cooperative of the scope; None otherwise."""
    memberships = Membership.objects.filter(user_id=OuterRef("pk"), status=ACTIVE,
                                            cooperative__in=scope.cooperatives)
    return User.objects.filter(Exists(memberships), pk=pk).first()


def learner_memberships(scope: Scope, learner: User) -> list[Membership]:
    """The learner's active memberships in cooperatives of the scope (others stay hidden)."""
    return list(Membership.objects.filter(user=learner, status=ACTIVE,
                                          cooperative__in=scope.cooperatives)
                .select_related("cooperative__province", "cooperative__commune")
                .order_by("cooperative__name"))


def learner_certificates(scope: Scope, learner: User) -> list[Certificate]:
    """The learner's course certificates, and their self-assessment certificates for
    cooperatives of the scope (those name the cooperative)."""
    return list(Certificate.objects.filter(
        Q(kind=Certificate.Kind.COURSE)
        | Q(kind=Certificate.Kind.ASSESSMENT, cooperative__in=scope.cooperatives),
        recipient=learner).order_by("-issued_at"))

