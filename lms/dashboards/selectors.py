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
from dataclasses import dataclass, field

from django.conf import settings
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
)
from django.db.models.functions import Cast, Coalesce, TruncMonth
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
from courses.models import CourseCategory, CoursePage, Enrollment
from courses.selectors import with_done_counts, with_percent
from lms.accounts.models import User
from lms.accounts.roles import user_is_union_officer
from lms.cooperatives.models import Commune, Cooperative, Membership, OfficerScope, fold
from lms.cooperatives.selectors import cooperatives_overseen_by, provinces_overseen_by
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


def dashboard_scope(user) -> Scope | None:
    """Site admins see every cooperative; union officers with at least one scope see theirs;
    everyone else has no dashboard (None)."""
    if not user.is_authenticated:
        return None
    if not user.is_superuser and not (
        user_is_union_officer(user) and OfficerScope.objects.filter(officer=user).exists()
    ):
        return None
    return Scope(user=user, cooperatives=cooperatives_overseen_by(user),
                 provinces=provinces_overseen_by(user), is_admin=user.is_superuser)


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


def _enrollments_of(cooperatives) -> QuerySet[Enrollment]:
    """Enrollments of learners with an active membership in one of `cooperatives`; each once,
    however many of those cooperatives the learner belongs to."""
    return Enrollment.objects.filter(user_id__in=_learners_of(cooperatives))


def _learners_of(cooperatives):
    """Ids of users with an active membership in one of `cooperatives`, as a subquery (not
    correlated: the database builds the set once)."""
    return Membership.objects.filter(status=ACTIVE, cooperative__in=cooperatives).values(
        "user_id")


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


def _certificates_of(cooperatives, filters: Filters) -> QuerySet[Certificate]:
    """The certificates of `_course_certificates` held by learners of `cooperatives`."""
    return _course_certificates(filters).filter(recipient_id__in=_learners_of(cooperatives))


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
    result = Catalogue()
    best: dict[str, int] = {}
    pages = CoursePage.objects.order_by("path").values_list(
        "translation_key", "title", "locale__language_code", "category__translation_key")
    for key, title, language, category in pages:
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


def participation_totals(cooperatives, filters: Filters) -> Row:
    """Learners, enrollments, completions (distinct) and certificates of the scope: two
    queries. Cooperatives and those reached come from the sector breakdown."""
    conditions = enrollment_conditions(filters)
    values = _enrollments_of(cooperatives).aggregate(
        learners=Count("user_id", filter=conditions.started, distinct=True),
        enrollments=Count("pk", filter=conditions.started),
        completions=Count("pk", filter=conditions.finished),
        cohort_completed=Count("pk", filter=conditions.cohort_done),
    )
    values["certificates"] = _certificates_of(cooperatives, filters).count()
    return _row(_("All"), values)


def _enrollment_counts(conditions: Conditions) -> dict:
    return {
        "enrollments": Count("pk", filter=conditions.started),
        "completions": Count("pk", filter=conditions.finished),
        "cohort_completed": Count("pk", filter=conditions.cohort_done),
    }


def participation_by_course(cooperatives, filters: Filters, names: Catalogue) -> list[Row]:
    conditions = enrollment_conditions(filters)
    rows = (_enrollments_of(cooperatives).filter(conditions.started | conditions.finished)
            .values("course_key").annotate(**_enrollment_counts(conditions)).order_by())
    certificates = dict(
        _certificates_of(cooperatives, filters).values("source_key")
        .annotate(n=Count("pk")).values_list("source_key", "n").order_by())
    result = [_row(names.course_title(row["course_key"]), row, key=str(row["course_key"]),
                   certificates=certificates.get(str(row["course_key"]), 0),
                   detail=names.category_name(
                       names.course_category.get(str(row["course_key"]), "")))
              for row in rows]
    return sorted(result, key=lambda row: (-row.enrollments, -row.completions,
                                          vietnamese_sort_key(row.label)))


def participation_by_category(cooperatives, filters: Filters, names: Catalogue) -> list[Row]:
    conditions = enrollment_conditions(filters)
    rows = (_enrollments_of(cooperatives).filter(conditions.started | conditions.finished)
            .values("course__category__translation_key")
            .annotate(learners=Count("user_id", filter=conditions.started, distinct=True),
                      **_enrollment_counts(conditions)).order_by())
    result = [_row(names.category_name(row["course__category__translation_key"]), row,
                   key=str(row["course__category__translation_key"])) for row in rows]
    return sorted(result, key=lambda row: (-row.enrollments, vietnamese_sort_key(row.label)))


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


def participation_by_sector(cooperatives, filters: Filters) -> list[Row]:
    """Every sector with a cooperative in scope, in the sectors' order."""
    rows = {row["sector"]: row for row in
            cooperatives.values("sector").annotate(cooperatives=Count("pk", distinct=True),
                                                   **_cooperative_counts(filters)).order_by()}
    return [_row(str(label), rows[value], key=value) for value, label in Cooperative.Sector.choices
            if value in rows]


def participation_by_commune(cooperatives, filters: Filters) -> list[Row]:
    rows = (cooperatives
            .values("province__name", "commune_id", "commune__name", "commune__kind")
            .annotate(cooperatives=Count("pk", distinct=True), **_cooperative_counts(filters))
            .order_by())
    result = []
    for row in rows:
        if row["commune_id"]:
            label = f"{Commune.Kind(row['commune__kind']).label} {row['commune__name']}"
        else:
            label = _("No commune recorded")
        result.append(_row(label, row, key=row["commune_id"], detail=row["province__name"]))
    return sorted(result, key=lambda row: (-row.enrollments, -row.reached,
                                          vietnamese_sort_key(row.label)))


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
    zone = timezone.get_current_timezone()
    window = Filters(
        date_from=max(months[0], filters.date_from) if filters.date_from else months[0],
        date_to=filters.date_to or timezone.localdate())
    course = enrollment_conditions(Filters(course_key=filters.course_key,
                                 category_key=filters.category_key))
    scoped = _enrollments_of(cooperatives).filter(course.started)
    started = {
        row["month"].astimezone(zone).date(): row["n"] for row in
        scoped.filter(_period_q("enrolled_at", window))
        .annotate(month=TruncMonth("enrolled_at")).values("month")
        .annotate(n=Count("pk")).order_by()
    }
    finished = {
        row["month"].astimezone(zone).date(): row["n"] for row in
        scoped.filter(_period_q("completed_at", window), status=COMPLETED)
        .annotate(month=TruncMonth("completed_at")).values("month")
        .annotate(n=Count("pk")).order_by()
    }
    return [Row(label=f"{month:%m/%Y}", key=month, enrollments=started.get(month, 0),
                completions=finished.get(month, 0)) for month in months]


# --- readiness -------------------------------------------------------------------------------


def _latest_reports(cooperatives) -> QuerySet[ReadinessReport]:
    """Each cooperative's latest submitted report against each standard."""
    newer = ReadinessReport.objects.filter(
        assessment__cooperative_id=OuterRef("assessment__cooperative_id"),
        assessment__version__standard_id=OuterRef("assessment__version__standard_id"),
        created_at__gt=OuterRef("created_at"))
    return ReadinessReport.objects.filter(assessment__cooperative__in=cooperatives).filter(
        ~Exists(newer))


def _blocking_at_least(count: int) -> Exists:
    """The report's assessment has at least `count` blocking gaps (its blocking actions are
    written one per blocking gap at submission)."""
    return Exists(
        CorrectiveAction.objects.filter(assessment_id=OuterRef("assessment_id"), blocking=True)
        .order_by().values("assessment_id").annotate(n=Count("pk")).filter(n__gte=count))


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


def readiness_overview(cooperatives, *, total: int,
                       standard_list: list[Standard]) -> list[StandardReadiness]:
    """For each standard: cooperatives by latest verdict, by distance to ready, and by OCOP
    projected stars; `total` is the number of cooperatives in scope. Two queries."""
    at_least = _blocking_at_least
    counts = {"n_ready": Count("pk", filter=Q(ready=True)),
              "n_not_ready": Count("pk", filter=Q(ready=False)),
              "d0": Count("pk", filter=~at_least(1)),
              "d1": Count("pk", filter=at_least(1) & ~at_least(3)),
              "d3": Count("pk", filter=at_least(3) & ~at_least(6)),
              "d6": Count("pk", filter=at_least(6))}
    for star in STARS:
        counts[f"s{star}"] = Count("pk", filter=Q(snapshot__ocop__stars=star))
    submitted = {row["assessment__version__standard_id"]: row for row in
                 _latest_reports(cooperatives).values("assessment__version__standard_id")
                 .annotate(**counts).order_by()}
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
        row = submitted.get(standard.pk, {})
        verdicts = {READY: row.get("n_ready", 0), NOT_READY: row.get("n_not_ready", 0),
                    IN_PROGRESS: in_progress.get(standard.pk, 0)}
        verdicts[NEVER] = max(total - sum(verdicts.values()), 0)
        result.append(StandardReadiness(
            standard=standard, is_ocop=standard.is_ocop, total=total, verdicts=verdicts,
            distances=dict(zip(DISTANCES, (row.get(name, 0) for name in
                                           ("d0", "d1", "d3", "d6")), strict=True)),
            stars={star: row.get(f"s{star}", 0) for star in STARS},
        ))
    return result


def _open_actions(cooperatives) -> QuerySet[CorrectiveAction]:
    """Open corrective actions of the latest action plan of each cooperative and standard."""
    return (CorrectiveAction.objects
            .filter(assessment__report__in=_latest_reports(cooperatives))
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

COOPERATIVE_SORTS = {
    "name": ("name_collation", "pk"),
    "learners": ("-learners", "name_collation", "pk"),
    "enrollments": ("-enrollments", "name_collation", "pk"),
    "completions": ("-completions", "name_collation", "pk"),
    "rate": (F("rate").desc(nulls_last=True), "name_collation", "pk"),
    "rate_low": (F("rate").asc(nulls_last=True), "name_collation", "pk"),
}


def cooperative_rows(scope: Scope, filters: Filters, *, query: str = "",
                     sort: str = "name") -> QuerySet[Cooperative]:
    """Cooperatives of the scope with their learners, enrollments, completions and completion
    rate under the filters; searched by name (accents optional) or registration code."""
    cooperatives = cooperatives_in(scope, filters).select_related("province", "commune")
    query = query.strip()
    if query:
        cooperatives = cooperatives.filter(Q(name_folded__contains=fold(query))
                                           | Q(registration_code__iexact=query))
    rate = Case(
        When(enrollments=0, then=Value(None, output_field=FloatField())),
        default=Cast("cohort_completed", FloatField()) * Value(100.0)
        / Cast("enrollments", FloatField()),
        output_field=FloatField())
    return (cooperatives.annotate(**_cooperative_counts(filters)).annotate(rate=rate)
            .order_by(*COOPERATIVE_SORTS.get(sort, COOPERATIVE_SORTS["name"])))


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


def enrollments_by_user(user_ids, names: Catalogue) -> dict[int, list[Enrollment]]:
    """The enrollments of these users with `percent` done and `title` in the viewer's
    language: three queries whatever their number."""
    enrollments = with_percent(list(
        with_done_counts(Enrollment.objects.filter(user_id__in=list(user_ids)))
        .select_related("course").order_by("status", "-enrolled_at", "pk")))
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
                  report_at=F("report__created_at"), stars=F("report__snapshot__ocop__stars"))
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

