"""What the fault tests run on: a Redis of their own (on a free port, so it can be stopped and
restarted without touching the suite's), the test process's Celery app pointed at it, and real
worker processes (with beat, which runs the sweeps every LMS_SWEEP_SECONDS) that a test can
kill -9 and start again."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import kombu.pools
import pytest
import redis
from django.conf import settings

from lms.celery import app
from tests.celery_worker import BASE_DIR, database_url, worker_lock

# Short waits, so a fault is recovered from in seconds: how often the sweeps run, how long they
# leave new work to its first hand-over, and how long a build may go unheard.
FAST = {
    "LMS_SWEEP_SECONDS": "1",
    "LMS_SWEEP_GRACE_SECONDS": "2",
    "LMS_EXPORT_LEASE_SECONDS": "4",
    "LMS_RETRY_BASE_SECONDS": "1",
    "LMS_RETRY_MAX_DELAY_SECONDS": "4",
    "LMS_RETRY_MAX_TRIES": "5",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OwnRedis:
    """A redis-server on its own port, without persistence (what it holds is lost on a
    restart, as with CI's Redis)."""

    def __init__(self, folder: Path):
        self.port = free_port()
        self.folder = folder
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder)],
            stdout=(self.folder / "redis.log").open("a"), stderr=subprocess.STDOUT)
        client = redis.Redis(port=self.port)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with contextlib.suppress(redis.ConnectionError):
                if client.ping():
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def own_redis(tmp_path):
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is needed by the fault tests (Debian's redis-server)")
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    server.stop()


def _reset_connections() -> None:
    kombu.pools.reset()  # closes every pooled connection and forgets the pools
    app._pool = None
    with contextlib.suppress(AttributeError, KeyError):
        app.__dict__["amqp"]._producer_pool = None


@pytest.fixture
def broker(own_redis):
    """The test process hands tasks to the test's own Redis, as the web servers would."""
    saved = app.conf.broker_url
    _reset_connections()
    app.conf.broker_url = own_redis.url
    yield own_redis
    _reset_connections()
    app.conf.broker_url = saved


class Worker:
    """`celery worker -B` (the sweeps run in its beat) in its own process group, with faults
    from `env` (tests/faults/worker_main.py); `kill()` sends SIGKILL to its main process."""

    def __init__(self, folder: Path, broker_url: str, env: dict, pool: str, name: str):
        self.folder, self.log = folder, folder / f"{name}.log"
        self.args = [
            sys.executable, "-m", "tests.faults.worker_main", "-A", "lms", "worker", "-B",
            "--schedule", str(folder / f"{name}-beat"), f"--pool={pool}", "--concurrency=2",
            "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
            "-Q", ",".join(settings.LMS_QUEUES), "-n", f"{name}-{os.getpid()}@%h"]
        self.env = {**os.environ, **FAST, "DATABASE_URL": database_url(),
                    "CELERY_BROKER_URL": broker_url,
                    "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
                    "DJANGO_PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT), **env}
        self.process = None
        self.starts = 0
        self.groups = []  # every start's process group, killed ones' orphaned children included

    def start(self) -> None:
        self.starts += 1
        with self.log.open("a") as log:
            log.write(f"\n--- start {self.starts}\n")
        offset = self.log.stat().st_size
        self.process = subprocess.Popen(self.args, cwd=BASE_DIR, env=self.env,
                                        stdout=self.log.open("a"), stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self.groups.append(self.process.pid)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if "ready." in self.log.read_text()[offset:]:
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        pytest.fail(f"the worker did not start:\n{self.log.read_text()[-4000:]}")

    def kill(self) -> None:
        """kill -9 of the main process only; then its pool's children are left to notice."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=30)
        # Whatever is left of every start (the pool children of a killed main process), so
        # nothing writes to the database after the test.
        for group in self.groups:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGKILL)


@pytest.fixture
def start_worker(tmp_path, broker):
    """Start real workers on the test's broker; all are stopped when the test ends. One test
    with workers runs at a time (they share the test database's files and CPU)."""
    workers = []

    def start(*, env=None, pool="solo", name="fault"):
        worker = Worker(tmp_path, broker.url, env or {}, pool, name)
        workers.append(worker)
        worker.start()
        return worker

    with worker_lock():
        yield start
        for worker in workers:
            worker.stop()
