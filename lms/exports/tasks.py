"""Celery task of exports: thin, takes the export's id, safe to run twice."""

from celery import shared_task

from lms.exports import services


@shared_task(name="exports.build_export")
def build_export(export_id: str) -> int:
    return services.export_build(export_id=export_id).done
