"""Handing work to Celery so that no broker outage, lost message or dead worker loses it.

Two ways, for two kinds of work:

- Work whose need the database already records (a completed enrollment without its certificate,
  a certificate without its PDF, an export still waiting) is handed over with `hand_over` or
  `hand_over_after_commit`: if the broker cannot take it, that is logged and the caller goes on,
  because the sweep of the app that owns the work finds it in the database and hands it over
  again (certification's and exports' sweeps).
- Work the database would otherwise not remember (an e-mail already rendered) is written as a
  `Message` with `enqueue`, in the caller's transaction: it is handed over after the commit, and
  again by `outbox_sweep` until a worker finishes it (receivers.py deletes the row then), with
  backoff after each failure and at most LMS_RETRY_MAX_TRIES hand-overs.

Tasks handed over either way must be safe to run twice."""

import datetime
import hashlib
import json
import logging

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from lms.outbox.models import Message
from lms.outbox.retry import next_try_at, tries_left

logger = logging.getLogger(__name__)


def message_key(task_name: str, args) -> str:
    data = json.dumps([task_name, list(args)], sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode()).hexdigest()


def _task(name: str):
    """The registered task; the tasks modules are imported on first need (a web process, unlike
    a worker, does not import them when it starts)."""
    if name not in current_app.tasks:
        current_app.loader.import_default_modules()
    return current_app.tasks[name]


def hand_over(task_name: str, *args) -> bool:
    """Send a task to the broker (or run it now in eager mode); False, logged, when the broker
    cannot be reached. For work a sweep finds again in the database (see above)."""
    try:
        _task(task_name).apply_async(args=list(args))
    except OperationalError as error:
        logger.warning("Broker unreachable, %s%r left for the sweep: %s", task_name, args, error)
        return False
    return True


def hand_over_after_commit(task_name: str, *args) -> None:
    transaction.on_commit(lambda: hand_over(task_name, *args))


def enqueue(task_name: str, *args) -> Message:
    """Record a call of `task_name(*args)` in the current transaction and hand it to the broker
    once that commits. `args` must be JSON."""
    _task(task_name)  # an unknown task fails here, in the caller, not later in a sweep
    message = Message.objects.create(
        task=task_name, args=list(args), key=message_key(task_name, args),
        next_try_at=timezone.now() + _lease())
    transaction.on_commit(lambda: _hand_over_message(message.pk))
    return message


def _lease() -> datetime.timedelta:
    """How long a worker has to finish a handed-over message before the sweep sends it again."""
    return datetime.timedelta(seconds=settings.LMS_OUTBOX_LEASE_SECONDS)


def _hand_over_message(message_id: int) -> None:
    message = Message.objects.filter(pk=message_id).first()
    if message is None or message.next_try_at is None:
        return  # done already (an eager run), or given up
    tries = message.tries + 1
    # Claim this hand-over: the next try waits for the lease (a success deletes the row first),
    # or never happens once every try is used.
    claimed = Message.objects.filter(pk=message.pk, tries=message.tries).update(
        tries=tries, next_try_at=timezone.now() + _lease() if tries_left(tries) else None)
    if not claimed:
        return  # another sweep is handing it over
    try:
        _task(message.task).apply_async(args=message.args)
    except OperationalError as error:
        logger.warning("Broker unreachable, %s left for the sweep: %s", message, error)
        message_failed(key=message.key, error=error, message_id=message.pk)
    except Exception as error:  # noqa: BLE001 - an eager run's failure, recorded for the retry
        logger.exception("%s failed", message)
        message_failed(key=message.key, error=error, message_id=message.pk)


def message_done(*, key: str) -> None:
    Message.objects.filter(key=key).delete()


def message_failed(*, key: str, error: BaseException, message_id: int | None = None) -> None:
    """Record the failure and schedule the next hand-over with backoff (none when every try is
    used)."""
    messages = Message.objects.filter(pk=message_id) if message_id else \
        Message.objects.filter(key=key)
    for message in messages:
        Message.objects.filter(pk=message.pk).update(
            last_error=f"{type(error).__name__}: {error}"[:2000],
            next_try_at=next_try_at(message.tries))


def outbox_sweep(*, now=None, limit: int = 500) -> int:
    """Hand over again every message whose next try is due; returns how many."""
    due = list(Message.objects.filter(next_try_at__lte=now or timezone.now())
               .order_by("next_try_at").values_list("pk", flat=True)[:limit])
    for message_id in due:
        _hand_over_message(message_id)
    return len(due)
