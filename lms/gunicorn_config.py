"""Gunicorn's settings for the platform's web servers: `gunicorn -c lms/gunicorn_config.py
lms.wsgi`. Each value can be changed from the environment (README, Production).

Sync workers, one request at a time each: pages are short, and everything long (PDFs, exports,
e-mail) runs in Celery. Each worker keeps its database connection (DATABASE_CONN_MAX_AGE), so the
app is not preloaded: no connection is ever shared across a fork. Workers are replaced after a
few thousand requests, which bounds any slow growth of memory."""

import multiprocessing
import os


def _env(name: str, default: str) -> str:
    return os.environ.get(name, "").strip() or default


bind = _env("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(_env("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
worker_class = "sync"
timeout = int(_env("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(_env("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(_env("GUNICORN_KEEPALIVE", "5"))
max_requests = int(_env("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(_env("GUNICORN_MAX_REQUESTS_JITTER", "200"))
preload_app = False
# The proxy in front (nginx, a load balancer) that may set X-Forwarded-* headers.
forwarded_allow_ips = _env("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Worker heartbeats in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# The app writes one line per request itself, with its request id (lms/logs.py); gunicorn's own
# lines (start, worker boot, timeouts) take the same shape.
accesslog = None
errorlog = "-"
loglevel = _env("DJANGO_LOG_LEVEL", "INFO").lower()
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "lms.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "lms.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"],
                    "formatter": "text" if _env("LMS_LOG_FORMAT", "json") == "text" else "json"},
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": loglevel.upper(),
                           "propagate": False},
    },
}
