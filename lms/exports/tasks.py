"""Celery tasks of exports: thin, take the export's id, safe to run twice."""

from celery import shared_task

from lms.exports import services


@shared_task(name="exports.build_export", autoretry_for=())
def build_export(export_id: str) -> int:
    # Not retried by Celery: a failed build stays failed for its page's "try again", and a
    # build whose worker died is started again by the sweep.
    return services.export_build(export_id=export_id).done


@shared_task(name="exports.sweep")
def sweep() -> dict:
    return services.exports_sweep()
