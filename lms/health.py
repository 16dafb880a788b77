"""Health checks for load balancers and orchestrators (issue 17).

- `/health/live/`: the process answers (no service is asked): "ok". For a liveness probe, which
  restarts a process that stopped answering, not one whose database is away.
- `/health/`: each service the platform needs, asked once: the database (a query), the cache
  (a write and a read of a key of its own), the broker (a connection, unless tasks run in the
  process, as `make run` does) and the file storage (a lookup). JSON with each check's result;
  200 when all pass, 503 when one fails, so a load balancer stops sending requests to a web
  process that cannot serve them. The answers name no host, address or password."""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import storages
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

BROKER_TIMEOUT = 2  # seconds a broker connection may take before it counts as down


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not give back what was written")
    finally:
        cache.delete(key)


def _broker() -> str | None:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "not used: tasks run in the web process"
    from lms.celery import app

    with app.connection_for_write() as broker:
        broker.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT)
    return None


def _storage() -> None:
    # Public images and private files (two folders, or two buckets of the object store).
    for alias in ("default", "private"):
        storage = storages[alias]
        bucket = getattr(storage, "bucket_name", None)
        if bucket:  # an object store answers "no such file" even for a bucket that is gone
            storage.connection.meta.client.head_bucket(Bucket=bucket)
        else:
            storage.exists("health-check")


CHECKS = {"database": _database, "cache": _cache, "broker": _broker, "storage": _storage}


@never_cache
@require_safe
def live(request):
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_safe
def ready(request):
    results, healthy = {}, True
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            note = check()
        except Exception as error:  # any failure of a service is an answer, not a 500
            healthy = False
            logger.warning("health check %s failed: %s", name, type(error).__name__)
            results[name] = {"status": "fail", "error": type(error).__name__}
            continue
        results[name] = {"status": "ok", "ms": round(1000 * (time.monotonic() - started), 1)}
        if note:
            results[name]["note"] = note
    return JsonResponse({"status": "ok" if healthy else "fail", "checks": results},
                        status=200 if healthy else 503)
