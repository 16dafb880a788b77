"""The move to one export model keeps every existing job: certificate ZIPs and dashboard tables
asked for before it open and download as exports with the same ids and files, and going back
moves them the other way. Their files then leave the public media folder for the private
storage under random names (exports 0003), and still download under their old names."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from lms.exports.models import Export
from tests.factories import CooperativeFactory, OfficerFactory, province

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("exports", "0001_initial"), ("certification", "0003_checklist_roles"),
          ("dashboards", "0001_initial")]
ASKED_ON = datetime.datetime(2025, 3, 14, 2, 30, tzinfo=datetime.UTC)


def migrate(targets=None):
    """Migrate to `targets` (the latest state when None) and return the apps of that state."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.fixture
def before():
    """The database as it was before lms.exports took the jobs over; the latest state after."""
    try:
        yield migrate(BEFORE)
    finally:
        migrate()


def test_older_jobs_of_both_kinds_become_exports(before, client):
    cooperative = CooperativeFactory(name="Hợp tác xã Vải thiều Phượng Sơn")
    officer = OfficerFactory(provinces=[cooperative.province])
    zip_name = default_storage.save("exports/2025/03/chung-chi-2401000101-20250314.zip",
                                    ContentFile(b"PK zip"))
    table_name = default_storage.save("exports/dashboards/2025/03/danh-sach-hoc-vien.xlsx",
                                      ContentFile(b"PK xlsx"))
    CertificateExport = before.get_model("certification", "CertificateExport")
    DashboardExport = before.get_model("dashboards", "DashboardExport")
    of_cooperative = CertificateExport.objects.create(
        requested_by_id=officer.pk, cooperative_id=cooperative.pk, status="done", total=2,
        done=2, file=zip_name)
    of_province = CertificateExport.objects.create(
        requested_by_id=officer.pk, province_id=province("Bắc Ninh").pk, status="failed",
        total=7, done=3, error="OSError: disk full")
    learners = DashboardExport.objects.create(
        requested_by_id=officer.pk, table="learners", filters={"sector": "crop", "q": "hop"},
        format="xlsx", language="vi", status="done", total=40, done=40, file=table_name)
    summary = DashboardExport.objects.create(
        requested_by_id=officer.pk, table="summary", format="csv", language="en",
        status="pending", total=0)
    CertificateExport.objects.filter(pk=of_cooperative.pk).update(created_at=ASKED_ON)
    DashboardExport.objects.filter(pk=learners.pk).update(created_at=ASKED_ON)

    migrate()

    exports = {export.pk: export for export in Export.objects.all()}
    assert set(exports) == {of_cooperative.pk, of_province.pk, learners.pk, summary.pk}
    zip_export = exports[of_cooperative.pk]
    assert (zip_export.kind, zip_export.title, zip_export.params, zip_export.format) == (
        "certificates.zip", "Hợp tác xã Vải thiều Phượng Sơn", {"cooperative": cooperative.pk},
        "zip")
    assert (zip_export.requested_by_id, zip_export.status, zip_export.done, zip_export.total,
            zip_export.file_name, zip_export.created_at) == (
        officer.pk, "done", 2, 2, "chung-chi-2401000101-20250314.zip", ASKED_ON)
    assert not default_storage.exists(zip_name) and not default_storage.exists(table_name)
    assert "2401000101" not in zip_export.file.name
    assert storages["private"].exists(zip_export.file.name)
    failed = exports[of_province.pk]
    assert (failed.title, failed.params, failed.status, failed.done, failed.total,
            failed.error) == ("Bắc Ninh", {"province": province("Bắc Ninh").pk}, "failed", 3, 7,
                              "OSError: disk full")
    table = exports[learners.pk]
    assert (table.kind, table.title, table.format, table.language, table.params,
            table.file_name, table.created_at) == (
        "dashboards.table", "Học viên", "xlsx", "vi",
        {"table": "learners", "filters": {"sector": "crop", "q": "hop"}},
        "danh-sach-hoc-vien.xlsx", ASKED_ON)
    assert (exports[summary.pk].title, exports[summary.pk].status) == ("Key figures", "pending")

    client.force_login(officer)
    page = client.get(reverse("exports:detail", args=[table.pk])).content.decode()
    download = client.get(reverse("exports:download", args=[zip_export.pk]))
    assert "<h1>Học viên</h1>" in page and "14/03/2025" in page
    assert b"".join(download.streaming_content) == b"PK zip"
    assert 'filename="chung-chi-2401000101-20250314.zip"' in download["Content-Disposition"]


def test_going_back_and_forth_keeps_each_export_once():
    cooperative = CooperativeFactory()
    officer = OfficerFactory(provinces=[cooperative.province])
    zip_export = Export.objects.create(
        requested_by=officer, kind="certificates.zip", title=cooperative.name,
        params={"cooperative": cooperative.pk}, format="zip", language="vi", status="done",
        total=1, done=1, file="exports/2025/03/a.zip", created_at=ASKED_ON)
    table = Export.objects.create(
        requested_by=officer, kind="dashboards.table", title="Học viên",
        params={"table": "learners", "filters": {"sector": "crop"}}, format="csv",
        language="vi", status="running", total=10, done=4)

    try:
        apps = migrate(BEFORE)
        old_zip = apps.get_model("certification", "CertificateExport").objects.get()
        old_table = apps.get_model("dashboards", "DashboardExport").objects.get()
        left = apps.get_model("exports", "Export").objects.count()
    finally:
        migrate()

    assert (old_zip.pk, old_zip.cooperative_id, old_zip.province_id, old_zip.file.name,
            old_zip.created_at) == (zip_export.pk, cooperative.pk, None,
                                    "exports/2025/03/a.zip", ASKED_ON)
    assert (old_table.pk, old_table.table, old_table.filters, old_table.status,
            old_table.done) == (table.pk, "learners", {"sector": "crop"}, "running", 4)
    assert left == 0  # moved, not copied
    assert set(Export.objects.values_list("pk", flat=True)) == {zip_export.pk, table.pk}
