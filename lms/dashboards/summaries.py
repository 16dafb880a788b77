"""The dashboards' summary tables (models.py) written again from the rows: `rebuild()` replaces
them in one transaction with two INSERT ... SELECT (seconds for a whole country), the beat task
calls it every LMS_DASHBOARD_REFRESH_SECONDS, and `refreshed_at()` builds them on first need so
that a fresh database shows its figures at once.

Every day is a local day (TIME_ZONE): an enrollment at 23:30 on the last day of a period is in
it, one at 00:00 the next day is not."""

import datetime

from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.db.models.functions import Lag, TruncDate
from django.utils import timezone

from certification.models import Certificate
from courses.models import Enrollment
from lms.cooperatives.models import Membership
from lms.dashboards.models import CooperativeCertificate, CooperativeEnrollment, SummaryRefresh

ACTIVE = Membership.Status.ACTIVE


def _shared():
    """The membership's learner has another active membership."""
    return Exists(Membership.objects.filter(user_id=OuterRef("user_id"), status=ACTIVE)
                  .exclude(pk=OuterRef("pk")))


def _previous(partition: list[str]) -> Window:
    return Window(Lag("started_on"), partition_by=[F(name) for name in partition],
                  order_by=[F("enrolled_at").asc(), F("enrollment_id").asc()])


def _enrollment_rows() -> tuple[list[str], QuerySet]:
    """One row per enrollment and active membership of its learner."""
    zone = timezone.get_current_timezone()
    rows = (Membership.objects.filter(status=ACTIVE)
            .annotate(enrollment_id=F("user__enrollments__id"))
            .filter(enrollment_id__isnull=False)
            .annotate(enrolled_at=F("user__enrollments__enrolled_at"),
                      course_key=F("user__enrollments__course_key"),
                      category_key=F("user__enrollments__course__category__translation_key"),
                      enrollment_status=F("user__enrollments__status"),
                      completed_at=F("user__enrollments__completed_at"))
            .annotate(started_on=TruncDate("enrolled_at", tzinfo=zone)))
    return _select(rows, {
        "enrollment_id": F("enrollment_id"), "user_id": F("user_id"),
        "cooperative_id": F("cooperative_id"),
        "province_id": F("cooperative__province_id"),
        "commune_id": F("cooperative__commune_id"), "sector": F("cooperative__sector"),
        "course_key": F("course_key"), "category_key": F("category_key"),
        "started_on": F("started_on"),
        "completed": ExpressionWrapper(Q(enrollment_status=Enrollment.Status.COMPLETED),
                                       output_field=BooleanField()),
        "completed_on": TruncDate("completed_at", tzinfo=zone),
        "shared": _shared(),
        "previous_start": _previous(["user_id"]),
        "previous_start_in_category": _previous(["user_id", "category_key"]),
        "previous_start_here": _previous(["cooperative_id"]),
        "previous_start_here_in_category": _previous(["cooperative_id", "category_key"]),
        "previous_start_here_in_course": _previous(["cooperative_id", "course_key"]),
    })


def _certificate_rows() -> tuple[list[str], QuerySet]:
    """One row per course certificate neither revoked nor replaced and active membership of
    its holder."""
    zone = timezone.get_current_timezone()
    source = Enrollment.objects.filter(pk=OuterRef("source_id"))
    rows = (Membership.objects.filter(status=ACTIVE)
            .annotate(certificate_id=F("user__certificates__id"),
                      kind=F("user__certificates__kind"),
                      revoked_at=F("user__certificates__revoked_at"),
                      replaced_at=F("user__certificates__replaced_at"),
                      source_id=F("user__certificates__source_id"),
                      source_key=F("user__certificates__source_key"),
                      issued_at=F("user__certificates__issued_at"),
                      expires_at=F("user__certificates__expires_at"))
            .filter(certificate_id__isnull=False, kind=Certificate.Kind.COURSE,
                    revoked_at__isnull=True, replaced_at__isnull=True))
    return _select(rows, {
        "certificate_id": F("certificate_id"), "user_id": F("user_id"),
        "cooperative_id": F("cooperative_id"), "course_key": F("source_key"),
        "category_key": Subquery(source.values("course__category__translation_key")[:1]),
        "has_enrollment": Exists(source),
        "issued_on": TruncDate("issued_at", tzinfo=zone),
        "valid_until": TruncDate("expires_at", tzinfo=zone),
        "shared": _shared(),
    })


def _select(rows: QuerySet, columns: dict) -> tuple[list[str], QuerySet]:
    """The summary's column names, and the rows selecting them in that order (as `out_<name>`,
    apart from the names of the membership's own fields)."""
    return list(columns), rows.annotate(
        **{f"out_{name}": value for name, value in columns.items()}).values_list(
        *(f"out_{name}" for name in columns)).order_by()


def _insert(model, selected: tuple[list[str], QuerySet]) -> None:
    columns, rows = selected
    sql, params = rows.query.sql_with_params()
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({names}) {sql}", params)


def rebuild() -> datetime.datetime:
    """Write the summary tables again from the rows; returns the time of the refresh. Readers
    see the old figures until it commits; two rebuilds at once take turns."""
    with transaction.atomic():
        now = timezone.now()
        refresh, _ = SummaryRefresh.objects.select_for_update().get_or_create(
            pk=1, defaults={"refreshed_at": now})
        CooperativeEnrollment.objects.all().delete()
        CooperativeCertificate.objects.all().delete()
        _insert(CooperativeEnrollment, _enrollment_rows())
        _insert(CooperativeCertificate, _certificate_rows())
        refresh.refreshed_at = now
        refresh.save(update_fields=["refreshed_at"])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # fresh statistics for the planner
            cursor.execute(f"ANALYZE {CooperativeEnrollment._meta.db_table}, "
                           f"{CooperativeCertificate._meta.db_table}")
    return now


def refreshed_at() -> datetime.datetime:
    """When the figures were last written, writing them now if they never were."""
    refresh = SummaryRefresh.objects.filter(pk=1).values_list("refreshed_at", flat=True).first()
    return refresh or rebuild()
