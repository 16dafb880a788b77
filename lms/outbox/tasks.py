"""Celery task of the outbox: the periodic sweep (CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from lms.outbox import services


@shared_task(name="outbox.sweep")
def sweep() -> int:
    return services.outbox_sweep()
