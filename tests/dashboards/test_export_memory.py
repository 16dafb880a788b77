"""A background export's memory does not grow with its rows: the worker reads the list in
chunks and writes the file to a temporary file as the rows come (docs/decisions/0010)."""

import csv
import io
import tracemalloc

import pytest

from lms.accounts.models import User
from lms.cooperatives.models import Membership
from lms.dashboards import exports
from lms.dashboards.selectors import dashboard_scope
from lms.exports.models import Export
from tests.factories import CooperativeFactory, OfficerFactory

pytestmark = pytest.mark.django_db


def members(cooperative, count: int, start: int) -> None:
    users = User.objects.bulk_create([
        User(email=f"thanh-vien-{start + n}@example.vn", full_name=f"Thành viên {start + n}",
             preferred_language="vi") for n in range(count)])
    Membership.objects.bulk_create([
        Membership(user=user, cooperative=cooperative, role=Membership.Role.MEMBER,
                   status=Membership.Status.ACTIVE) for user in users])


def build_peak(officer, cooperative, fmt: str) -> tuple[int, bytes]:
    """The peak of memory allocated while the worker builds the members' file, and the file."""
    export = Export.objects.create(requested_by=officer, kind=exports.DASHBOARD_TABLE,
                                   title="Members", format=fmt, language="vi",
                                   params={"table": "members",
                                           "filters": {"cooperative": str(cooperative.pk)}})
    tracemalloc.start()
    try:
        built = exports.dashboard_export_build(export=export, progress=lambda *args: None)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    with built.content as file:
        return peak, file.read()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_memory_of_an_export_stays_flat_from_2000_to_20000_rows(fmt):
    cooperative = CooperativeFactory()
    officer = OfficerFactory(provinces=[cooperative.province])
    assert dashboard_scope(officer) is not None
    members(cooperative, 2000, 0)
    small, content = build_peak(officer, cooperative, fmt)
    if fmt == "csv":
        assert len(list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))) == 1 + 2000
    members(cooperative, 18000, 2000)

    large, content = build_peak(officer, cooperative, fmt)

    if fmt == "csv":  # ten times the rows, all of them in the file
        assert len(list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))) == 1 + 20000
    assert large < 1.5 * small, (small, large)
