"""Every table of the dashboards as a file: CSV (UTF-8 with a byte-order mark, so Excel reads
the diacritics) or XLSX (bold header row, numbers as numbers, dates as dates); a text that
would read as a formula is written as text (lms.exports.spreadsheets).

Small tables are written in the request: CSV streamed, XLSX built in memory. Lists that can
be long (cooperatives, learners, members, corrective actions) go to a Celery task when they
have more than `stream_limit()` rows; lms.exports builds them with `dashboard_export_build`,
which reads the owner's scope again and counts its progress for the export's page to show."""

import csv
import datetime
import io
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import File
from django.db.models import Count, Exists, Max, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from certification.models import localized
from certification.reports.context import gap_label
from courses.models import Enrollment
from lms.cooperatives.models import Cooperative, Membership, fold
from lms.dashboards import selectors
from lms.dashboards.forms import DashboardFilterForm
from lms.dashboards.selectors import Filters, Scope
from lms.exports.models import Export
from lms.exports.registry import Builder, ExportFile, Link, Progress
from lms.exports.services import export_request
from lms.exports.spreadsheets import csv_row, xlsx_cell

TEXT, INTEGER, NUMBER, DATE = "text", "integer", "number", "date"
CHUNK = 500  # rows read from the database at a time for the long lists
PROGRESS_EVERY = 100  # rows between two progress updates of a background export


def stream_limit() -> int:
    """Above this many rows a list is built in the background."""
    return getattr(settings, "DASHBOARD_EXPORT_STREAM_LIMIT", CHUNK)


@dataclass
class Column:
    label: str
    kind: str = TEXT
    width: int = 14


@dataclass
class Table:
    title: str
    columns: list[Column]
    rows: Iterable[list]


@dataclass(frozen=True)
class Spec:
    """How to build one table: its file name stem (Vietnamese, ASCII), its title, the builder
    and, for the lists, their rows as a plain queryset (no figures) to count them cheaply."""

    slug: str
    title: object
    build: Callable[..., Table]
    rows: Callable[..., QuerySet] | None = None
    needs_cooperative: bool = False

    def count(self, scope: Scope, filters: Filters, params: dict, *,
              at_most: int | None = None) -> int:
        """The list's rows, or `at_most` + 1 when there are more: the request only asks
        whether the list is long, and stops counting there; the worker counts them all."""
        rows = self.rows(scope, filters, params).order_by()
        if at_most is not None:
            rows = rows[:at_most + 1]
        return rows.count()


def _rate_column() -> Column:
    return Column(_("Completion rate (%)"), NUMBER, 12)


def _participation_columns(first: list[Column], *, learners=True, cooperatives=False,
                           certificates=False) -> list[Column]:
    columns = list(first)
    if cooperatives:
        columns += [Column(_("Cooperatives"), INTEGER, 12), Column(_("Reached"), INTEGER, 12)]
    if learners:
        columns.append(Column(_("Learners"), INTEGER, 12))
    columns += [Column(_("Enrollments"), INTEGER, 12), Column(_("Completions"), INTEGER, 12),
                _rate_column()]
    if certificates:
        columns.append(Column(_("Certificates"), INTEGER, 12))
    return columns


def _participation_values(row, *, learners=True, cooperatives=False, certificates=False):
    values = []
    if cooperatives:
        values += [row.cooperatives, row.reached]
    if learners:
        values.append(row.learners)
    values += [row.enrollments, row.completions, row.rate]
    if certificates:
        values.append(row.certificates)
    return values


# --- the dashboard's tables -----------------------------------------------------------------


def _summary(scope: Scope, filters: Filters, params: dict) -> Table:
    cooperatives = selectors.cooperatives_in(scope, filters)
    totals = selectors.participation_totals(cooperatives, filters)
    sectors = selectors.participation_by_sector(cooperatives, filters)
    rows = [
        [_("Cooperatives in scope"), sum(row.cooperatives for row in sectors)],
        [_("Cooperatives reached"), sum(row.reached for row in sectors)],
        [_("Learners"), totals.learners],
        [_("Enrollments"), totals.enrollments],
        [_("Completions"), totals.completions],
        [_("Completion rate (%)"), totals.rate],
        [_("Certificates in force"), totals.certificates],
    ]
    return Table(_("Key figures"), [Column(_("Figure"), TEXT, 28),
                                    Column(_("Value"), NUMBER, 12)], rows)


def _months(scope, filters, params) -> Table:
    rows = selectors.participation_by_month(selectors.cooperatives_in(scope, filters), filters)
    return Table(_("Month by month"),
                 [Column(_("Month"), TEXT, 10), Column(_("Enrollments"), INTEGER, 12),
                  Column(_("Completions"), INTEGER, 12)],
                 [[row.label, row.enrollments, row.completions] for row in rows])


def _courses(scope, filters, params) -> Table:
    rows = selectors.participation_by_course(selectors.cooperatives_in(scope, filters),
                                             filters, selectors.catalogue())
    columns = _participation_columns([Column(_("Course"), TEXT, 40),
                                      Column(_("Category"), TEXT, 20)],
                                     learners=False, certificates=True)
    return Table(_("By course"), columns,
                 [[row.label, row.detail,
                   *_participation_values(row, learners=False, certificates=True)]
                  for row in rows])


def _categories(scope, filters, params) -> Table:
    rows = selectors.participation_by_category(selectors.cooperatives_in(scope, filters),
                                               filters, selectors.catalogue())
    return Table(_("By course category"),
                 _participation_columns([Column(_("Category"), TEXT, 28)]),
                 [[row.label, *_participation_values(row)] for row in rows])


def _sectors(scope, filters, params) -> Table:
    rows = selectors.participation_by_sector(selectors.cooperatives_in(scope, filters), filters)
    return Table(_("By sector"),
                 _participation_columns([Column(_("Sector"), TEXT, 28)], cooperatives=True),
                 [[row.label, *_participation_values(row, cooperatives=True)] for row in rows])


def _communes(scope, filters, params) -> Table:
    rows = selectors.participation_by_commune(selectors.cooperatives_in(scope, filters),
                                              filters)
    return Table(_("By commune"),
                 _participation_columns([Column(_("Commune"), TEXT, 28),
                                         Column(_("Province"), TEXT, 18)], cooperatives=True),
                 [[row.label, row.detail,
                   *_participation_values(row, cooperatives=True)] for row in rows])


def _readiness_items(scope, filters):
    cooperatives = selectors.cooperatives_in(scope, filters)
    return selectors.readiness_overview(cooperatives, total=cooperatives.count(),
                                        standard_list=selectors.standards())


def _readiness(scope, filters, params) -> Table:
    labels = selectors.verdict_labels()
    columns = [Column(_("Standard"), TEXT, 24)]
    columns += [Column(labels[verdict], INTEGER, 14) for verdict in selectors.VERDICTS]
    return Table(_("Readiness by standard"), columns,
                 [[item.standard.name, *(item.verdicts[v] for v in selectors.VERDICTS)]
                  for item in _readiness_items(scope, filters)])


def _distance(scope, filters, params) -> Table:
    labels = distance_labels()
    columns = [Column(_("Standard"), TEXT, 24)]
    columns += [Column(labels[bucket], INTEGER, 14) for bucket in selectors.DISTANCES]
    return Table(_("Distance to ready"), columns,
                 [[item.standard.name, *(item.distances[b] for b in selectors.DISTANCES)]
                  for item in _readiness_items(scope, filters)])


def _stars(scope, filters, params) -> Table:
    columns = [Column(_("Standard"), TEXT, 24)]
    columns += [Column(stars_label(star), INTEGER, 10) for star in selectors.STARS]
    return Table(_("OCOP projected stars"), columns,
                 [[item.standard.name, *(item.stars[star] for star in selectors.STARS)]
                  for item in _readiness_items(scope, filters) if item.is_ocop])


def distance_labels() -> dict[str, str]:
    return {"0": _("No blocking gap"), "1-2": _("1–2 blocking gaps"),
            "3-5": _("3–5 blocking gaps"), "6+": _("6 or more")}


def stars_label(star: int) -> str:
    return translation.ngettext("%(count)d star", "%(count)d stars", star) % {"count": star}


def stars_labels() -> dict[int, str]:
    """Each OCOP star rank's label, in order."""
    return {star: stars_label(star) for star in selectors.STARS}


# --- the lists ------------------------------------------------------------------------------


def _batches(iterable, size: int) -> Iterator[list]:
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def _cooperatives_query(scope, filters, params):
    return selectors.cooperative_rows(scope, filters, query=params.get("q", ""),
                                      sort=params.get("sort", "name"))


def _cooperatives(scope, filters, params) -> Table:
    standard_list = selectors.standards()
    labels = selectors.verdict_labels()
    columns = _participation_columns([
        Column(_("Cooperative"), TEXT, 36), Column(_("Registration code"), TEXT, 14),
        Column(_("Province"), TEXT, 16), Column(_("Commune"), TEXT, 20),
        Column(_("Sector"), TEXT, 18)])
    columns += [Column(standard.name, TEXT, 16) for standard in standard_list]

    def rows():
        cooperatives = _cooperatives_query(scope, filters, params).iterator(chunk_size=CHUNK)
        for batch in _batches(cooperatives, CHUNK):
            batch = selectors.cooperatives_with_figures(batch, filters)
            verdicts = selectors.readiness_of(cooperative.pk for cooperative in batch)
            for cooperative in batch:
                mine = verdicts.get(cooperative.pk, {})
                yield [cooperative.name, cooperative.registration_code,
                       cooperative.province.name,
                       str(cooperative.commune) if cooperative.commune_id else "",
                       cooperative.get_sector_display(), cooperative.learners,
                       cooperative.enrollments, cooperative.completions,
                       round(cooperative.rate, 1) if cooperative.rate is not None else None,
                       *(labels[mine.get(standard.pk, selectors.NEVER)]
                         for standard in standard_list)]

    return Table(_("Cooperatives"), columns, rows())


def _learner_memberships(scope, filters, params=None):
    """One row per learner and cooperative: a learner in two cooperatives of the scope has a
    row in each, like the breakdowns by cooperative."""
    started = selectors.enrollment_conditions(filters).started
    return (Membership.objects
            .filter(status=Membership.Status.ACTIVE,
                    cooperative__in=selectors.cooperatives_in(scope, filters))
            .filter(Exists(Enrollment.objects.filter(started, user_id=OuterRef("user_id")))))


def _learners_query(scope, filters):
    """`_learner_memberships` with each learner's figures."""
    conditions = selectors.enrollment_conditions(filters, "user__enrollments__")
    return (_learner_memberships(scope, filters)
            .select_related("user", "cooperative__province", "cooperative__commune")
            .annotate(enrollments=Count("user__enrollments", filter=conditions.started,
                                        distinct=True),
                      completions=Count("user__enrollments", filter=conditions.finished,
                                        distinct=True),
                      cohort_completed=Count("user__enrollments", filter=conditions.cohort_done,
                                             distinct=True),
                      last_activity=Max("user__enrollments__last_activity_at"),
                      certificates=selectors.certificates_per_user(filters))
            .order_by("cooperative__name", "user__full_name", "pk"))


def _learners(scope, filters, params) -> Table:
    columns = [Column(_("Learner"), TEXT, 28), Column(pgettext("contact column",
                                                            "Email or phone"), TEXT, 28),
               Column(_("Cooperative"), TEXT, 34), Column(_("Registration code"), TEXT, 14),
               Column(_("Commune"), TEXT, 20), Column(_("Province"), TEXT, 16),
               Column(_("Enrollments"), INTEGER, 12), Column(_("Completions"), INTEGER, 12),
               _rate_column(), Column(_("Certificates"), INTEGER, 12),
               Column(_("Last activity"), DATE, 16)]

    def rows():
        for membership in _learners_query(scope, filters).iterator(chunk_size=CHUNK):
            cooperative = membership.cooperative
            row = selectors.Row("", enrollments=membership.enrollments,
                                cohort_completed=membership.cohort_completed)
            # A member without e-mail is reached by phone (User.contact).
            yield [membership.user.full_name, membership.user.contact, cooperative.name,
                   cooperative.registration_code,
                   str(cooperative.commune) if cooperative.commune_id else "",
                   cooperative.province.name, membership.enrollments, membership.completions,
                   row.rate, membership.certificates, _local(membership.last_activity)]

    return Table(_("Learners"), columns, rows())


def _cooperative_of(scope, params) -> Cooperative:
    cooperative = selectors.cooperative_overseen(scope, params.get("cooperative"))
    if cooperative is None:
        raise PermissionDenied
    return cooperative


def _members(scope, filters, params) -> Table:
    cooperative = _cooperative_of(scope, params)
    columns = [Column(_("Member"), TEXT, 28), Column(pgettext("contact column",
                                                            "Email or phone"), TEXT, 28),
               Column(_("Role"), TEXT, 12), Column(_("Enrollments"), INTEGER, 12),
               Column(_("Completions"), INTEGER, 12), Column(_("Certificates"), INTEGER, 12),
               Column(_("Last activity"), DATE, 16)]

    def rows():
        for member in selectors.members_with_progress(cooperative).iterator(chunk_size=CHUNK):
            yield [member.user.full_name, member.user.contact, member.get_role_display(),
                   member.enrollments, member.completions, member.certificates,
                   _local(member.last_activity)]

    return Table(cooperative.name, columns, rows())


def _actions_query(scope, filters, params):
    if params.get("cooperative"):
        cooperatives = [_cooperative_of(scope, params)]
    else:
        cooperatives = selectors.cooperatives_in(scope, filters)
    return selectors.corrective_actions_open(cooperatives)


def _actions(scope, filters, params) -> Table:
    due = selectors.due_labels()
    columns = [Column(_("Cooperative"), TEXT, 34), Column(_("Registration code"), TEXT, 14),
               Column(_("Standard"), TEXT, 18), Column(_("Point"), TEXT, 10),
               Column(_("Requirement"), TEXT, 48), Column(_("Gap"), TEXT, 22),
               Column(_("Blocks certification"), TEXT, 10), Column(_("Due"), DATE, 12),
               Column(_("When"), TEXT, 18), Column(_("Status"), TEXT, 12)]
    today = timezone.localdate()

    def rows():
        for action in _actions_query(scope, filters, params).iterator(chunk_size=CHUNK):
            cooperative = action.assessment.cooperative
            yield [cooperative.name, cooperative.registration_code,
                   action.assessment.version.standard.name, action.control_point.code,
                   localized(action.control_point, "text"), gap_label(action.gap),
                   _("Yes") if action.blocking else _("No"), action.due_date,
                   due[selectors.due_bucket(action.due_date, today)],
                   action.get_status_display()]

    return Table(_("Open corrective actions"), columns, rows())


TABLES: dict[str, Spec] = {
    "summary": Spec("tong-quan", gettext_lazy("Key figures"), _summary),
    "months": Spec("theo-thang", gettext_lazy("Month by month"), _months),
    "courses": Spec("theo-khoa-hoc", gettext_lazy("By course"), _courses),
    "categories": Spec("theo-nhom-khoa-hoc", gettext_lazy("By course category"), _categories),
    "sectors": Spec("theo-linh-vuc", gettext_lazy("By sector"), _sectors),
    "communes": Spec("theo-xa-phuong", gettext_lazy("By commune"), _communes),
    "readiness": Spec("san-sang-theo-tieu-chuan", gettext_lazy("Readiness by standard"),
                      _readiness),
    "distance": Spec("khoang-cach-den-san-sang", gettext_lazy("Distance to ready"), _distance),
    "stars": Spec("sao-ocop-du-kien", gettext_lazy("OCOP projected stars"), _stars),
    "actions": Spec("hanh-dong-khac-phuc", gettext_lazy("Open corrective actions"), _actions,
                    rows=_actions_query),
    "cooperatives": Spec("danh-sach-hop-tac-xa", gettext_lazy("Cooperatives"), _cooperatives,
                         rows=lambda scope, filters, params: selectors.cooperatives_found(
                             scope, filters, query=params.get("q", ""))),
    "learners": Spec("danh-sach-hoc-vien", gettext_lazy("Learners"), _learners,
                     rows=_learner_memberships),
    "members": Spec("thanh-vien-hop-tac-xa", gettext_lazy("Members"), _members,
                    rows=lambda scope, filters, params: Membership.objects.filter(
                        cooperative=_cooperative_of(scope, params),
                        status=Membership.Status.ACTIVE),
                    needs_cooperative=True),
}
EXTRA_PARAMS = ("q", "sort", "cooperative")  # besides the filters, what a table may need


def file_name(name: str, fmt: str, scope: Scope, params: dict) -> str:
    """Vietnamese slug and the date: danh-sach-hop-tac-xa-20250601.xlsx; a cooperative's
    table carries its name: thanh-vien-hop-tac-xa-phuong-son-20250601.csv."""
    slug = TABLES[name].slug
    if TABLES[name].needs_cooperative or params.get("cooperative"):
        cooperative = _cooperative_of(scope, params)
        named = slugify(fold(cooperative.name)).removeprefix("hop-tac-xa-")[:60].strip("-")
        slug = f"{slug}-{named or cooperative.registration_code}"
    return f"{slug}-{timezone.localdate():%Y%m%d}.{fmt}"


def is_big(name: str, scope: Scope, filters: Filters, params: dict) -> bool:
    """Whether the table is a list longer than `stream_limit()`: counted no further than
    that, so the request answers at once whatever the size of the country."""
    spec = TABLES[name]
    if spec.rows is None:
        return False
    limit = stream_limit()
    return spec.count(scope, filters, params, at_most=limit) > limit


# --- writers --------------------------------------------------------------------------------


class _Echo:
    def write(self, value):
        return value


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def csv_lines(table: Table, on_row: Callable[[int], None] | None = None) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(csv_row(str(column.label) for column in table.columns))
    for number, row in enumerate(table.rows, start=1):
        yield writer.writerow(csv_row(_csv_value(value) for value in row))
        if on_row:
            on_row(number)


def xlsx_bytes(table: Table, on_row: Callable[[int], None] | None = None) -> bytes:
    buffer = io.BytesIO()
    xlsx_write(table, buffer, on_row)
    return buffer.getvalue()


def xlsx_write(table: Table, stream, on_row: Callable[[int], None] | None = None) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(table.title))
    sheet.freeze_panes = "A2"
    for index, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[_letter(index)].width = column.width
    bold = Font(bold=True)
    header = []
    for column in table.columns:
        cell = xlsx_cell(sheet, str(column.label))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for number, row in enumerate(table.rows, start=1):
        cells = []
        for column, value in zip(table.columns, row, strict=True):
            cell = xlsx_cell(sheet, value)
            if column.kind == DATE and value is not None:
                cell.number_format = ("DD/MM/YYYY HH:MM" if isinstance(value, datetime.datetime)
                                      else "DD/MM/YYYY")
            elif column.kind == NUMBER and value is not None:
                cell.number_format = "0.0"
            cells.append(cell)
        sheet.append(cells)
        if on_row:
            on_row(number)
    workbook.save(stream)


def _letter(index: int) -> str:

    return get_column_letter(index)


def _sheet_title(title: str) -> str:
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in str(title)).strip()
    return cleaned[:31] or "Sheet"


def build_table(name: str, scope: Scope, filters: Filters, params: dict) -> Table:
    return TABLES[name].build(scope, filters, params)


# --- background exports ----------------------------------------------------------------------

DASHBOARD_TABLE = "dashboards.table"  # the kind of export lms.exports builds with the table below


def dashboard_export_request(*, scope: Scope, table: str, fmt: str, filters: Filters,
                             params: dict, total: int | None = None) -> Export:
    """Record the export of a long list and build it in Celery after the commit (the worker
    counts its rows)."""
    return export_request(
        user=scope.user, kind=DASHBOARD_TABLE, title=str(TABLES[table].title), fmt=fmt,
        params={"table": table,
                "filters": {**filters.as_params(),
                            **{key: str(params[key]) for key in EXTRA_PARAMS
                               if params.get(key)}}},
        total=total or 0)


def dashboard_export_build(*, export: Export, progress: Progress) -> ExportFile:
    """Write the table, counting rows as it goes. The scope is the owner's scope today, and the
    filters are checked against it again."""
    scope = selectors.dashboard_scope(export.requested_by)
    table, asked = export.params.get("table"), export.params.get("filters", {})
    if scope is None or table not in TABLES:
        raise PermissionDenied("The export's owner has no dashboard scope any more.")
    form = DashboardFilterForm(asked, scope=scope, names=selectors.catalogue())
    filters = form.filters()
    params = {key: asked[key] for key in EXTRA_PARAMS if key in asked}
    spec = TABLES[table]
    progress(0, spec.count(scope, filters, params) if spec.rows else 0)

    def on_row(number: int) -> None:
        if number % PROGRESS_EVERY == 0:
            progress(number)

    rows = build_table(table, scope, filters, params)
    # Written to a temporary file as the rows come: a national list never sits in memory.
    stream = tempfile.TemporaryFile()  # noqa: SIM115 - export_build closes it once stored
    if export.format == "csv":
        for line in csv_lines(rows, on_row):
            stream.write(line.encode("utf-8"))
    else:
        xlsx_write(rows, stream, on_row)
    stream.seek(0)
    return ExportFile(file_name(table, export.format, scope, params), File(stream))


def dashboard_export_back(*, export: Export) -> Link:
    """The dashboard with the filters the table was exported with."""
    asked = export.params.get("filters", {})
    query = urlencode({key: value for key, value in asked.items()
                       if key not in EXTRA_PARAMS and value})
    url = reverse("dashboards:home")
    return Link(f"{url}?{query}" if query else url, pgettext("manager dashboard", "Dashboard"))


def dashboard_export_may_open(*, user, export: Export) -> bool:
    return selectors.dashboard_scope(user) is not None


DASHBOARD_TABLE_BUILDER = Builder(kind=DASHBOARD_TABLE, build=dashboard_export_build,
                                  back=dashboard_export_back, may_open=dashboard_export_may_open)
