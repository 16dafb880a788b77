"""The Celery app: configured from Django settings (CELERY_*); tasks retry with backoff."""

import os

from celery import Celery, Task

from lms.logs import connect_celery_signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")


class PlatformTask(Task):
    """Default base for every task: transient failures (network, SMTP, broker) retry with
    exponential backoff and jitter; tasks must therefore be safe to run twice."""

    autoretry_for = (OSError, ConnectionError, TimeoutError)
    retry_backoff = 5
    retry_backoff_max = 600
    retry_jitter = True
    max_retries = 5


app = Celery("lms", task_cls=PlatformTask)
connect_celery_signals()
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
