"""A real `celery worker` process for integration tests: on the test database (PostgreSQL), the
Redis broker of CELERY_BROKER_URL, and whatever extra environment the test needs."""

import contextlib
import fcntl
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from lms.celery import app

BASE_DIR = Path(__file__).resolve().parent.parent
# One broker queue for every test process of a parallel run (`make test`, pytest-xdist): a worker
# empties it when it starts and would take another test's tasks, so one runs at a time.
WORKER_LOCK = Path(tempfile.gettempdir()) / "lms-tests-celery-worker.lock"

requires_broker = pytest.mark.skipif(
    not os.environ.get("CELERY_BROKER_URL"),
    reason="CELERY_BROKER_URL is not set: the real-worker test needs a Redis broker "
    "(CI's second pass sets it).",
)


def database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("the worker process needs a database it can open: set DATABASE_URL to "
                    "PostgreSQL")
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_for(condition, *, timeout: float, what: str, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}; worker log:\n{log.read_text()}")


@contextlib.contextmanager
def worker_lock():
    with WORKER_LOCK.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextlib.contextmanager
def running_worker(log: Path, *, env: dict[str, str], name: str):
    """Start a worker on every queue (emptied first), wait until it is ready, and stop it
    when the block ends. Its output goes to `log`. Only one runs at a time (WORKER_LOCK)."""
    with worker_lock():
        with app.connection_for_write() as conn:
            for queue in settings.LMS_QUEUES:
                conn.default_channel.queue_purge(queue)
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool=solo",
             "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-Q", ",".join(settings.LMS_QUEUES), "-n", f"{name}-{os.getpid()}@%h"],
            cwd=BASE_DIR, env={**os.environ, "DATABASE_URL": database_url(), **env},
            stdout=log.open("w"), stderr=subprocess.STDOUT,
        )
        try:
            wait_for(lambda: "ready." in log.read_text(), timeout=60,
                     what="the worker to start", log=log)
            yield log
        finally:
            process.terminate()
            process.wait(timeout=30)
