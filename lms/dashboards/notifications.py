"""The union officers' weekly digest and the reminders (learners idle in a course, managers with
corrective actions due): who gets which email, what it says, and sending it once.

Figures come from database aggregates. Each reminder carries a key computed in SQL (an
enrollment's idle spell, an action's due-date bucket), logged in `SentEmail` when it is sent,
so the daily fan-out skips what was already sent and a rerun sends nothing twice. Sending,
the log and unsubscribing are `lms.accounts.notifications`'."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certification.models import Assessment, CorrectiveAction, localized
from courses.models import CoursePage, Enrollment
from lms.accounts import notifications
from lms.accounts.models import SentEmail, User
from lms.accounts.roles import UNION_OFFICERS
from lms.cooperatives.models import Cooperative, Membership, OfficerScope, Province
from lms.cooperatives.selectors import cooperatives_overseen_by
from lms.dashboards.selectors import Filters, participation_totals

INACTIVE_DAYS = 14
DUE_SOON_DAYS = 7
TOP_COOPERATIVES = 3

OPEN_ACTION_STATUSES = [CorrectiveAction.Status.OPEN, CorrectiveAction.Status.IN_PROGRESS]
OVERDUE, DUE_SOON = "overdue", "due_soon"


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _day_key(day: datetime.date) -> str:
    # At most one reminder email of a kind per person per day, whatever the number of runs.
    return f"day:{day.isoformat()}"


def _already_sent(kind: str, user_ref) -> Exists:
    return Exists(SentEmail.objects.filter(user_id=user_ref, kind=kind,
                                           key=OuterRef("reminder_key")))


# --- The weekly digest -------------------------------------------------------------------------

def digest_week(*, now: datetime.datetime) -> str:
    """The ISO week a digest sent at `now` reports on: the last complete week ("2025-W23")."""
    year, week, _weekday = (timezone.localdate(now) - datetime.timedelta(days=7)).isocalendar()
    return f"{year}-W{week:02d}"


def week_days(week: str) -> tuple[datetime.date, datetime.date]:
    """The Monday and the Sunday of an ISO week written "2025-W23"."""
    year, number = week.split("-W")
    monday = datetime.date.fromisocalendar(int(year), int(number), 1)
    return monday, monday + datetime.timedelta(days=6)


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def digest_recipients() -> QuerySet[User]:
    """Active union officers with at least one scope who still want the digest."""
    return User.objects.filter(
        Exists(User.groups.through.objects.filter(user_id=OuterRef("pk"),
                                                  group__name=UNION_OFFICERS)),
        Exists(OfficerScope.objects.filter(officer_id=OuterRef("pk"))),
        is_active=True, email_digest=True,
    ).exclude(email="").order_by("pk")


@dataclass
class Digest:
    scope: str
    first_day: datetime.date
    last_day: datetime.date
    new_learners: int = 0
    enrollments: int = 0
    completions: int = 0
    certificates: int = 0
    assessments: int = 0
    assessments_ready: int = 0
    actions_overdue: int = 0
    top_cooperatives: list[Cooperative] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.new_learners or self.enrollments or self.completions
                    or self.certificates or self.assessments or self.actions_overdue)

    def highlights(self) -> list[str]:
        """Up to three non-zero figures, in the user's language, for the subject line."""
        figures = [
            (self.new_learners, ngettext("%(count)d new learner", "%(count)d new learners",
                                         self.new_learners)),
            (self.enrollments, ngettext("%(count)d enrollment", "%(count)d enrollments",
                                        self.enrollments)),
            (self.completions, ngettext("%(count)d course completed", "%(count)d courses completed",
                                        self.completions)),
            (self.certificates, ngettext("%(count)d certificate", "%(count)d certificates",
                                         self.certificates)),
            (self.assessments, ngettext("%(count)d self-assessment", "%(count)d self-assessments",
                                        self.assessments)),
            (self.actions_overdue, ngettext("%(count)d action overdue", "%(count)d actions overdue",
                                            self.actions_overdue)),
        ]
        return [text % {"count": count} for count, text in figures if count][:3]


def _place(scope: OfficerScope) -> str:
    if scope.union_id:
        return scope.union.name
    if scope.province.kind == Province.Kind.CITY:
        return _("%(name)s city") % {"name": scope.province.name}
    return _("%(name)s province") % {"name": scope.province.name}


def officer_scope_label(*, officer: User) -> str:
    """"Bắc Ninh province", "Bắc Ninh province and Hà Nội city", "A, B and 2 others"."""
    places = sorted(_place(scope) for scope in OfficerScope.objects.filter(officer=officer)
                    .select_related("province", "union"))
    if not places:  # a site admin: every cooperative
        return _("all provinces")
    if len(places) == 1:
        return places[0]
    if len(places) == 2:
        return _("%(first)s and %(second)s") % {"first": places[0], "second": places[1]}
    others = len(places) - 2
    return ngettext("%(places)s and %(count)d other", "%(places)s and %(count)d others",
                    others) % {"places": ", ".join(places[:2]), "count": others}


def digest_build(*, officer: User, week: str) -> Digest:
    """What changed during `week` among the cooperatives `officer` oversees. Learners belong to
    a cooperative by an active membership; nothing outside the officer's scope is counted.

    New learners joined a cooperative of the scope that week (their first active membership
    there); enrollments, completions and certificates are the dashboard's figures for the
    week; self-assessments were submitted that week; actions "now overdue" fell due that week
    and are still open."""
    first_day, last_day = week_days(week)
    start, end = _local_midnight(first_day), _local_midnight(last_day + datetime.timedelta(days=1))
    cooperatives = cooperatives_overseen_by(officer)
    scope = cooperatives.values("pk")
    digest = Digest(scope=officer_scope_label(officer=officer), first_day=first_day,
                    last_day=last_day)

    # A learner is new in the scope when their first active membership there began this week.
    digest.new_learners = (
        Membership.objects.filter(cooperative__in=scope, status=Membership.Status.ACTIVE)
        .values("user_id")
        .annotate(joined=Min(Coalesce("decided_at", "requested_at")))
        .filter(joined__gte=start, joined__lt=end)
        .count()
    )
    # Enrollments, completions and certificates exactly as the dashboard counts them for
    # the same week, so the digest and the dashboard never disagree.
    totals = participation_totals(cooperatives, Filters(date_from=first_day, date_to=last_day))
    digest.enrollments, digest.completions = totals.enrollments, totals.completions
    digest.certificates = totals.certificates
    assessed = Assessment.objects.filter(
        cooperative__in=scope, status=Assessment.Status.SUBMITTED,
        submitted_at__gte=start, submitted_at__lt=end,
    ).aggregate(
        submitted=Count("pk"),
        ready=Count("pk", filter=Q(report__ready=True)),
    )
    digest.assessments, digest.assessments_ready = assessed["submitted"], assessed["ready"]
    # Due during the week and still not done: overdue since this week.
    digest.actions_overdue = CorrectiveAction.objects.filter(
        assessment__cooperative__in=scope, status__in=OPEN_ACTION_STATUSES,
        due_date__gte=first_day, due_date__lte=last_day,
    ).count()
    if digest.completions:
        digest.top_cooperatives = list(
            cooperatives.annotate(completions=Count(
                "memberships__user__enrollments",
                filter=Q(memberships__status=Membership.Status.ACTIVE,
                         memberships__user__enrollments__status=Enrollment.Status.COMPLETED,
                         memberships__user__enrollments__completed_at__gte=start,
                         memberships__user__enrollments__completed_at__lt=end),
                distinct=True,
            ))
            .filter(completions__gt=0)
            .order_by("-completions", "name")[:TOP_COOPERATIVES]
        )
        for cooperative in digest.top_cooperatives:
            cooperative.dashboard_url = _absolute(
                reverse("dashboards:cooperative", args=[cooperative.pk]))
    return digest


def digest_send(*, officer_id: int, week: str) -> bool:
    """Send `week`'s digest to one officer, once. Returns whether it was sent now; nothing is
    sent when nothing changed in the officer's scope that week."""
    with transaction.atomic():
        officer = digest_recipients().select_for_update().filter(pk=officer_id).first()
        if officer is None:
            return False
        if notifications.sent_keys(user=officer, kind=SentEmail.Kind.DIGEST, keys=[week]):
            return False
        with translation.override(officer.preferred_language or settings.LANGUAGE_CODE):
            digest = digest_build(officer=officer, week=week)
            if digest.is_empty:
                return False
            subject = _("Last week in %(scope)s: %(highlights)s") % {
                "scope": digest.scope, "highlights": ", ".join(digest.highlights())}
        notifications.email_send(
            user=officer, topic=notifications.Topic.DIGEST, template="digest",
            context={"subject": subject, "digest": digest,
                     "dashboard_url": _absolute(reverse("dashboards:home"))},
        )
        notifications.sent_record(user=officer, kind=SentEmail.Kind.DIGEST, keys=[week])
    return True


# --- Learners idle in a course -----------------------------------------------------------------

def idle_enrollments(*, now: datetime.datetime) -> QuerySet[Enrollment]:
    """Enrollments in progress whose last activity (a lesson, a quiz attempt, or enrolling) is
    at least INACTIVE_DAYS old, not yet reminded in this idle spell, of learners who want
    reminders. A learner who comes back and goes idle again starts a new spell, so a new key."""
    last_active = Coalesce("last_activity_at", "enrolled_at")
    return (
        Enrollment.objects.filter(status=Enrollment.Status.ACTIVE, user__is_active=True,
                                  user__email_reminders=True)
        .exclude(user__email="")
        .annotate(last_active=last_active)
        .filter(last_active__lte=now - datetime.timedelta(days=INACTIVE_DAYS))
        .filter(Exists(CoursePage.objects.live().filter(translation_key=OuterRef("course_key"))))
        .annotate(reminder_key=Concat(Cast("pk", CharField()), Value("@"),
                                      Cast("last_active", CharField()),
                                      output_field=CharField()))
        .exclude(_already_sent(SentEmail.Kind.COURSE_REMINDER, OuterRef("user_id")))
    )


def course_reminder_recipients(*, now: datetime.datetime) -> list[int]:
    return list(idle_enrollments(now=now).order_by("user_id").values_list("user_id", flat=True)
                .distinct())


def _course_pages(keys, language: str) -> dict:
    """The live copy of each course in `language`, else in Vietnamese, else any live copy."""
    rank = {language: 0, settings.LANGUAGE_CODE: 1}
    pages = {}
    for page in (CoursePage.objects.live().filter(translation_key__in=keys)
                 .select_related("locale")):
        best = pages.get(page.translation_key)
        if best is None or (rank.get(page.locale.language_code, 2)
                            < rank.get(best.locale.language_code, 2)):
            pages[page.translation_key] = page
    return pages


def _page_url(page) -> str | None:
    parts = page.get_url_parts()
    return _absolute(parts[2]) if parts else None


def course_reminder_send(*, user_id: int, now: datetime.datetime) -> bool:
    """Remind one learner of the courses they left idle, once per idle spell of each, in one
    email a day at most. Returns whether an email was sent now."""
    today = timezone.localdate(now)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user_id)
        if not notifications.user_wants(user, notifications.Topic.REMINDERS):
            return False
        kind = SentEmail.Kind.COURSE_REMINDER
        if notifications.sent_keys(user=user, kind=kind, keys=[_day_key(today)]):
            return False
        enrollments = list(idle_enrollments(now=now).filter(user=user).order_by("last_active"))
        language = user.preferred_language or settings.LANGUAGE_CODE
        pages = _course_pages([e.course_key for e in enrollments], language)
        courses = []
        for enrollment in enrollments:
            page = pages.get(enrollment.course_key)
            url = _page_url(page) if page is not None else None
            if url is None:  # no longer published: nothing to come back to
                continue
            days = (now - enrollment.last_active).days
            courses.append({"title": page.title, "url": url, "days": days,
                            "key": enrollment.reminder_key})
        if not courses:
            return False
        with translation.override(language):
            if len(courses) == 1:
                subject = _("Continue your course: %(title)s") % {"title": courses[0]["title"]}
            else:
                subject = ngettext("%(count)d course is waiting for you",
                                   "%(count)d courses are waiting for you",
                                   len(courses)) % {"count": len(courses)}
        notifications.email_send(
            user=user, topic=notifications.Topic.REMINDERS, template="course_reminder",
            context={"subject": subject, "courses": courses,
                     "my_learning_url": _absolute(reverse("courses:my_learning"))},
        )
        notifications.sent_record(user=user, kind=kind,
                                  keys=[c["key"] for c in courses] + [_day_key(today)])
    return True


# --- Managers with corrective actions due ------------------------------------------------------

def actions_due(*, today: datetime.date) -> QuerySet[CorrectiveAction]:
    """Open corrective actions overdue or due within DUE_SOON_DAYS, each with the key of its
    due-date bucket: an action is reminded once when due soon and once when overdue, and again
    if its due date changes."""
    bucket = Case(When(due_date__lt=today, then=Value(OVERDUE)), default=Value(DUE_SOON),
                  output_field=CharField())
    return (
        CorrectiveAction.objects.filter(
            status__in=OPEN_ACTION_STATUSES, due_date__isnull=False,
            due_date__lte=today + datetime.timedelta(days=DUE_SOON_DAYS),
        )
        .annotate(bucket=bucket)
        .annotate(reminder_key=Concat(Cast("pk", CharField()), Value(":"),
                                      Cast("due_date", CharField()), Value(":"), F("bucket"),
                                      output_field=CharField()))
    )


def _managed_cooperatives(user_ref) -> QuerySet[Membership]:
    return Membership.objects.filter(user_id=user_ref, role=Membership.Role.MANAGER,
                                     status=Membership.Status.ACTIVE).values("cooperative_id")


def action_reminder_recipients(*, today: datetime.date) -> list[int]:
    """Managers who want reminders, of a cooperative with an action not yet reminded to them."""
    pending = actions_due(today=today).filter(
        assessment__cooperative_id=OuterRef("cooperative_id"),
    ).exclude(_already_sent(SentEmail.Kind.ACTION_REMINDER, OuterRef(OuterRef("user_id"))))
    return list(
        Membership.objects.filter(role=Membership.Role.MANAGER, status=Membership.Status.ACTIVE,
                                  user__is_active=True, user__email_reminders=True)
        .exclude(user__email="")
        .filter(Exists(pending))
        .order_by("user_id").values_list("user_id", flat=True).distinct()
    )


def action_reminder_send(*, user_id: int, today: datetime.date) -> bool:
    """One email to a manager listing the corrective actions of their cooperatives that became
    due soon or overdue since the last reminder. Returns whether it was sent now."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user_id)
        if not notifications.user_wants(user, notifications.Topic.REMINDERS):
            return False
        kind = SentEmail.Kind.ACTION_REMINDER
        if notifications.sent_keys(user=user, kind=kind, keys=[_day_key(today)]):
            return False
        actions = list(
            actions_due(today=today)
            .filter(assessment__cooperative_id__in=_managed_cooperatives(user.pk))
            .exclude(_already_sent(kind, user.pk))
            .select_related("assessment__cooperative", "assessment__version__standard",
                            "control_point", "owner")
            .order_by("due_date", "assessment__cooperative__name", "position")
        )
        if not actions:
            return False
        language = user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            items = [{
                "code": action.control_point.code,
                "text": Truncator(localized(action.control_point, "text", language)).chars(140),
                "cooperative": action.assessment.cooperative.name,
                "standard": localized(action.assessment.version.standard, "name", language),
                "due_date": action.due_date,
                "overdue": action.bucket == OVERDUE,
                "owner": action.owner.display_name if action.owner else "",
                "url": _absolute(reverse("readiness:report", args=[action.assessment_id])),
            } for action in actions]
            overdue = [item for item in items if item["overdue"]]
            due_soon = [item for item in items if not item["overdue"]]
            subject = ngettext("%(count)d corrective action is due soon or overdue",
                               "%(count)d corrective actions are due soon or overdue",
                               len(items)) % {"count": len(items)}
        notifications.email_send(
            user=user, topic=notifications.Topic.REMINDERS, template="action_reminder",
            context={"subject": subject, "overdue": overdue, "due_soon": due_soon,
                     "several_cooperatives": len({i["cooperative"] for i in items}) > 1,
                     "due_soon_days": DUE_SOON_DAYS},
        )
        notifications.sent_record(user=user, kind=kind,
                                  keys=[a.reminder_key for a in actions] + [_day_key(today)])
    return True
