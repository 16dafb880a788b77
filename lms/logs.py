"""Log lines an operator can follow across machines: each carries its time, level, logger and the
id of the request it belongs to, in the web servers and in the workers alike.

- ``RequestIdMiddleware`` takes the id from the proxy's ``X-Request-ID`` (when it looks like one)
  or makes one, keeps it for the request's log lines and returns it in the response's header.
- A task handed to Celery during a request carries the id in its message (``lms_request_id``);
  the worker's lines for that task carry it too. A task started by beat carries its own task id.
- ``LMS_LOG_FORMAT``: ``json`` (one JSON object per line, the production default) or ``text``
  (the development default)."""

import contextlib
import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from django.conf import settings

REQUEST_ID_HEADER = "X-Request-ID"
TASK_HEADER = "lms_request_id"
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")
_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("lms_request_id", default="")

# One line per request (method, path without its query, status, time) where no server in front
# writes them: on by default in production (LMS_LOG_REQUESTS); runserver writes its own.
request_logger = logging.getLogger("lms.request")

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def current_request_id() -> str:
    return _request_id.get()


def bind(request_id: str):
    """Start logging under ``request_id``; returns the token ``unbind`` takes."""
    return _request_id.set(request_id)


def unbind(token) -> None:
    _request_id.reset(token)


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = given if _VALID_ID.match(given) else uuid.uuid4().hex
        request.request_id = request_id
        token = bind(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            if settings.LMS_LOG_REQUESTS:
                request_logger.info("%s %s %s %.0fms", request.method, request.path,
                                    response.status_code, 1000 * (time.monotonic() - started))
        finally:
            unbind(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Gives every record the id it was logged under ("-" outside any request or task)."""

    def filter(self, record):
        if not getattr(record, "request_id", None):
            record.request_id = current_request_id() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601 with milliseconds), level, logger,
    request_id, message, and the traceback when there is one."""

    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def logging_config(*, level: str, fmt: str, admins: bool) -> dict:
    """The LOGGING setting: every line on the console (stderr) in ``fmt``; errors also mailed
    to ADMINS when there are any (Django's and the workers' alike, once each)."""
    handlers = {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if fmt == "json" else "text",
        },
    }
    root_handlers = ["console"]
    if admins:
        handlers["mail_admins"] = {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["request_id"],
        }
        root_handlers.append("mail_admins")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "lms.logs.RequestIdFilter"}},
        "formatters": {
            "json": {"()": "lms.logs.JsonFormatter"},
            "text": {"format": TEXT_FORMAT},
        },
        "handlers": handlers,
        "root": {"handlers": root_handlers, "level": level},
        "loggers": {
            # Django's own handlers (console in debug, mail_admins) give way to the root's, so
            # each line is written once in the same format.
            "django": {"handlers": [], "level": "INFO", "propagate": True},
            # Wagtail's background tasks and page actions are chatty at INFO.
            "django_tasks": {"level": "WARNING"},
            "wagtail": {"level": "WARNING"},
            # WeasyPrint logs each rendering step at INFO.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }


# --- Celery: the id travels in the task's message; the worker logs through Django's LOGGING.

def connect_celery_signals() -> None:
    from celery import signals

    signals.before_task_publish.connect(_add_request_id, weak=False,
                                        dispatch_uid="lms.logs.publish")
    signals.task_prerun.connect(_bind_task, weak=False, dispatch_uid="lms.logs.prerun")
    signals.task_postrun.connect(_unbind_task, weak=False, dispatch_uid="lms.logs.postrun")
    signals.setup_logging.connect(_django_logging, weak=False, dispatch_uid="lms.logs.setup")


def _add_request_id(headers=None, **kwargs):
    if headers is not None and current_request_id() and TASK_HEADER not in headers:
        headers[TASK_HEADER] = current_request_id()


_task_tokens: dict[str, contextvars.Token] = {}


def _bind_task(task_id=None, task=None, **kwargs):
    request = getattr(task, "request", None)
    given = getattr(request, TASK_HEADER, None) or (getattr(request, "headers", None) or {}).get(
        TASK_HEADER)
    if not (given and _VALID_ID.match(given)):
        # An eager task inside a request keeps the request's id; a worker's own, the task's.
        given = current_request_id() or task_id or "-"
    _task_tokens[task_id] = bind(given)


def _unbind_task(task_id=None, **kwargs):
    token = _task_tokens.pop(task_id, None)
    if token is not None:
        # ValueError: it was set in another context (an eager task inside a request).
        with contextlib.suppress(ValueError):
            unbind(token)


def _django_logging(**kwargs):
    """Connected to ``setup_logging``, so Celery leaves the root logger as Django's LOGGING
    configured it (the worker's lines then look like the web servers')."""
    from logging.config import dictConfig

    from django.conf import settings

    dictConfig(settings.LOGGING)
