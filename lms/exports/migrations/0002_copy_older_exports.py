"""Copies every certificate ZIP (certification.CertificateExport) and dashboard table
(dashboards.DashboardExport) into exports.Export with the same id, owner, status, counts, file,
error and date, so links and files of existing jobs keep working; the next migrations of those
apps drop the old tables. Going back moves them the other way."""

from django.conf import settings
from django.db import migrations

CERTIFICATE_ZIP = "certificates.zip"
DASHBOARD_TABLE = "dashboards.table"

# The dashboard tables' titles as they were when this migration was written, in English and
# Vietnamese, so the copy does not depend on the catalogues or on today's code.
TABLE_TITLES = {
    "summary": ("Key figures", "Số liệu chính"),
    "months": ("Month by month", "Theo từng tháng"),
    "courses": ("By course", "Theo khóa học"),
    "categories": ("By course category", "Theo nhóm khóa học"),
    "sectors": ("By sector", "Theo lĩnh vực"),
    "communes": ("By commune", "Theo xã"),
    "readiness": ("Readiness by standard", "Mức sẵn sàng theo tiêu chuẩn"),
    "distance": ("Distance to ready", "Mức còn thiếu để sẵn sàng"),
    "stars": ("OCOP projected stars", "Hạng sao dự kiến OCOP"),
    "actions": ("Open corrective actions", "Hành động khắc phục chưa làm"),
    "cooperatives": ("Cooperatives", "Hợp tác xã"),
    "learners": ("Learners", "Học viên"),
    "members": ("Members", "Số thành viên"),
}
BATCH = 500


def _table_title(table: str, language: str) -> str:
    english, vietnamese = TABLE_TITLES.get(table, (table, table))
    return vietnamese if language == "vi" else english


def _common(old) -> dict:
    return {"id": old.pk, "requested_by_id": old.requested_by_id, "status": old.status,
            "total": old.total, "done": old.done, "file": old.file.name or "",
            "error": old.error, "created_at": old.created_at}


def copy_forward(apps, schema_editor):
    Export = apps.get_model("exports", "Export")
    CertificateExport = apps.get_model("certification", "CertificateExport")
    DashboardExport = apps.get_model("dashboards", "DashboardExport")
    database = schema_editor.connection.alias
    copies = []
    for old in (CertificateExport.objects.using(database)
                .select_related("cooperative", "province").iterator(chunk_size=BATCH)):
        if old.cooperative_id:
            params, title = {"cooperative": old.cooperative_id}, old.cooperative.name
        else:
            params, title = {"province": old.province_id}, old.province.name
        copies.append(Export(**_common(old), kind=CERTIFICATE_ZIP, title=title[:200],
                             params=params, format="zip", language=settings.LANGUAGE_CODE))
    for old in DashboardExport.objects.using(database).iterator(chunk_size=BATCH):
        copies.append(Export(**_common(old), kind=DASHBOARD_TABLE,
                             title=_table_title(old.table, old.language),
                             params={"table": old.table, "filters": old.filters},
                             format=old.format, language=old.language))
    Export.objects.using(database).bulk_create(copies, batch_size=BATCH)


def move_back(apps, schema_editor):
    """Moves the exports the old tables can hold back into them, so going forward again copies
    each once. Exports whose cooperative or province is gone, and kinds the old tables never
    held, stay behind (and go with the exports table if it is dropped too)."""
    Export = apps.get_model("exports", "Export")
    CertificateExport = apps.get_model("certification", "CertificateExport")
    DashboardExport = apps.get_model("dashboards", "DashboardExport")
    Cooperative = apps.get_model("cooperatives", "Cooperative")
    Province = apps.get_model("cooperatives", "Province")
    database = schema_editor.connection.alias
    exports = list(Export.objects.using(database).filter(
        kind__in=[CERTIFICATE_ZIP, DASHBOARD_TABLE]))
    cooperatives = set(Cooperative.objects.using(database).values_list("pk", flat=True))
    provinces = set(Province.objects.using(database).values_list("pk", flat=True))
    certificates, tables = [], []
    for export in exports:
        fields = _common(export)
        del fields["created_at"]  # auto_now_add in the old tables: set below
        if export.kind == CERTIFICATE_ZIP:
            cooperative = export.params.get("cooperative")
            province = export.params.get("province")
            if cooperative in cooperatives or province in provinces:
                certificates.append(CertificateExport(
                    **fields, cooperative_id=cooperative if cooperative in cooperatives else None,
                    province_id=None if cooperative in cooperatives else province))
        else:
            tables.append(DashboardExport(
                **fields, table=export.params.get("table", "")[:40],
                filters=export.params.get("filters", {}), format=export.format[:4],
                language=export.language))
    CertificateExport.objects.using(database).bulk_create(certificates, batch_size=BATCH)
    DashboardExport.objects.using(database).bulk_create(tables, batch_size=BATCH)
    created = {export.pk: export.created_at for export in exports}
    for model, rows in ((CertificateExport, certificates), (DashboardExport, tables)):
        for row in rows:
            model.objects.using(database).filter(pk=row.pk).update(created_at=created[row.pk])
    moved = [row.pk for row in certificates + tables]
    Export.objects.using(database).filter(pk__in=moved).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("exports", "0001_initial"),
        ("certification", "0003_checklist_roles"),
        ("dashboards", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_forward, move_back),
    ]
