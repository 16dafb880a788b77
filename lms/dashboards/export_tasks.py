"""Celery task of the dashboards' exports: thin, takes the export's id, safe to run twice
(a finished export is left alone; an unfinished one starts over)."""

from celery import shared_task

from lms.dashboards import exports
from lms.dashboards.models import DashboardExport


@shared_task(name="dashboards.build_export")
def build_export(export_id: str) -> int:
    try:
        return exports.dashboard_export_build(export_id=export_id).done
    except Exception as error:
        DashboardExport.objects.filter(pk=export_id).update(
            status=DashboardExport.Status.FAILED, error=str(error)[:2000])
        raise
