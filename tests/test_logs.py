"""Log lines an operator can follow (lms/logs.py): time, level, logger and request id on every
line, as JSON in production; the id comes from the proxy or is made, goes back in the response,
and travels with the tasks a request hands over. Errors reach DJANGO_ADMINS once each. And the
Celery queues: a big export never waits in front of a learner's certificate."""

import json
import logging
from logging.config import dictConfig
from types import SimpleNamespace

import pytest
from django.core import mail
from django.http import HttpResponse
from django.test import RequestFactory

from lms import logs
from lms.celery import app


def capture(formatter: logging.Formatter):
    """A handler that keeps formatted lines, with the request-id filter as LOGGING has it."""
    lines = []

    class Keep(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))

    handler = Keep()
    handler.addFilter(logs.RequestIdFilter())
    handler.setFormatter(formatter)
    return handler, lines


@pytest.fixture
def json_lines():
    handler, lines = capture(logs.JsonFormatter())
    logger = logging.getLogger("lms.tests.logs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield logger, lines
    logger.removeHandler(handler)


def test_a_request_logs_under_its_id_and_returns_it(json_lines):
    logger, lines = json_lines

    def view(request):
        logger.warning("tải xuống %s", "chứng chỉ")
        return HttpResponse("ok")

    response = logs.RequestIdMiddleware(view)(RequestFactory().get("/"))
    made = response[logs.REQUEST_ID_HEADER]
    assert len(made) == 32
    line = json.loads(lines[-1])
    assert line["request_id"] == made
    assert line["level"] == "WARNING" and line["logger"] == "lms.tests.logs"
    assert line["message"] == "tải xuống chứng chỉ"
    assert line["time"].endswith("+00:00") and "T" in line["time"]
    # Outside any request, the id is a dash.
    logger.info("sau yêu cầu")
    assert json.loads(lines[-1])["request_id"] == "-"


@pytest.mark.parametrize("given, kept", [
    ("proxy-4f2a9c1e", True),
    ("a" * 64, True),
    ("short", False),
    ("a" * 65, False),
    ("x\nFAKE LINE", False),
    ('"}, {"level": "ERROR', False),
])
def test_the_proxys_request_id_is_kept_only_when_it_looks_like_one(given, kept):
    response = logs.RequestIdMiddleware(lambda request: HttpResponse())(
        RequestFactory().get("/", HTTP_X_REQUEST_ID=given))
    assert (response[logs.REQUEST_ID_HEADER] == given) is kept


def test_a_traceback_stays_inside_its_json_line(json_lines):
    logger, lines = json_lines
    try:
        raise ValueError("hỏng")
    except ValueError:
        logger.exception("không làm được")
    assert len(lines) == 1
    line = json.loads(lines[0])
    assert "ValueError: hỏng" in line["exception"] and line["level"] == "ERROR"


def test_the_text_format_has_time_level_logger_and_id():
    handler, lines = capture(logging.Formatter(logs.TEXT_FORMAT))
    record = logging.LogRecord("lms.x", logging.INFO, __file__, 1, "xin chào", None, None)
    token = logs.bind("abcdef123456")
    try:
        handler.handle(record)
    finally:
        logs.unbind(token)
    stamp, level, logger, request_id, message = lines[0].split(" ", 5)[1:]
    assert (level, logger, request_id, message) == ("INFO", "lms.x", "[abcdef123456]",
                                                    "xin chào")


def test_a_task_handed_over_in_a_request_carries_its_id_to_the_worker():
    headers = {}
    token = logs.bind("request-1234abcd")
    try:
        logs._add_request_id(headers=headers)
    finally:
        logs.unbind(token)
    assert headers == {logs.TASK_HEADER: "request-1234abcd"}

    # In the worker: the task's lines carry it, and nothing is left once the task is done.
    task = SimpleNamespace(request=SimpleNamespace(lms_request_id="request-1234abcd"))
    logs._bind_task(task_id="task-1", task=task)
    assert logs.current_request_id() == "request-1234abcd"
    logs._unbind_task(task_id="task-1")
    assert logs.current_request_id() == ""
    # A task beat started logs under its own id.
    logs._bind_task(task_id="f00dfeed-task", task=SimpleNamespace(request=SimpleNamespace()))
    assert logs.current_request_id() == "f00dfeed-task"
    logs._unbind_task(task_id="f00dfeed-task")


def test_errors_are_mailed_to_the_admins_once_each(settings):
    settings.ADMINS = [("Trực ca", "truc-ca@example.vn")]
    dictConfig(logs.logging_config(level="INFO", fmt="json", admins=True))
    try:
        logging.getLogger("django.request").error("Internal Server Error: /x/")
        logging.getLogger("celery.app.trace").error("Task exports.build_export raised")
        logging.getLogger("lms.anything").warning("only a warning")
    finally:
        from django.conf import settings as live

        dictConfig(live.LOGGING)
    assert [message.to for message in mail.outbox] == [["truc-ca@example.vn"]] * 2
    assert "Internal Server Error: /x/" in mail.outbox[0].subject
    assert "exports.build_export" in mail.outbox[1].subject


def test_without_admins_nothing_is_mailed(settings):
    config = logs.logging_config(level="INFO", fmt="json", admins=False)
    assert config["root"]["handlers"] == ["console"]
    assert "mail_admins" not in config["handlers"]


# --- queues -------------------------------------------------------------------------------------

def queue_of(task_name: str) -> str:
    return app.amqp.router.route({}, task_name)["queue"].name


def test_certificates_exports_and_email_each_have_a_queue_of_their_own(settings):
    app.loader.import_default_modules()
    names = [name for name in app.tasks if not name.startswith("celery.")]
    assert {queue_of(name) for name in names} == set(settings.LMS_QUEUES)
    by_queue = {}
    for name in names:
        by_queue.setdefault(queue_of(name), set()).add(name)
    assert {"certification.issue_course_certificate", "certification.render_certificate_pdf",
            "certification.issue_assessment_certificate"} <= by_queue["certificates"]
    assert "exports.build_export" in by_queue["exports"]
    assert {"accounts.send_email", "accounts.send_sms", "dashboards.send_digest"} <= \
        by_queue["email"]
    # Nothing slow waits in front of a certificate.
    assert not by_queue["certificates"] & {"exports.build_export", "dashboards.refresh_summaries",
                                           "accounts.send_email"}
