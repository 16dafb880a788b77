"""When to try failed background work again: exponential backoff with full jitter, bounded.

Everything retried from the database (certificate and report PDFs, queued messages) follows
this one schedule, so a sweep can find what is due with one query on `next_try_at`."""

import datetime
import random

from django.conf import settings
from django.db import transaction
from django.utils import timezone


def max_tries() -> int:
    return settings.LMS_RETRY_MAX_TRIES


def tries_left(tries: int) -> bool:
    return tries < max_tries()


def retry_delay(tries: int, *, rng: random.Random | None = None) -> datetime.timedelta:
    """How long to wait after the `tries`-th failed try (1, 2, ...): a random time between
    half and all of base · 2^(tries-1), capped, so many failures at once spread out."""
    base = settings.LMS_RETRY_BASE_SECONDS
    ceiling = min(settings.LMS_RETRY_MAX_DELAY_SECONDS, base * 2 ** max(0, tries - 1))
    seconds = (rng or random).uniform(ceiling / 2, ceiling)
    return datetime.timedelta(seconds=seconds)


def next_try_at(tries: int, *, now=None) -> datetime.datetime | None:
    """When to try again after `tries` failed tries, or None when no try is left."""
    if not tries_left(tries):
        return None
    return (now or timezone.now()) + retry_delay(tries)


def after_grace(now=None) -> datetime.datetime:
    """When a sweep may hand work over again if the hand-over made now never reaches a worker
    (LMS_SWEEP_GRACE_SECONDS from now)."""
    return (now or timezone.now()) + datetime.timedelta(seconds=settings.LMS_SWEEP_GRACE_SECONDS)


def try_started(rows, *, tries: str = "tries", next_at: str = "next_try_at") -> int | None:
    """Count a try of the row in `rows` (a queryset of one) before it starts, and schedule the
    next as if this one will fail; committed at once (call it outside a transaction), so a try
    that kills its worker (memory, a hard time limit) still counts and the tries stay bounded.
    Returns the try's number, or None when the row is gone. A success clears `next_at`."""
    with transaction.atomic():
        done = rows.select_for_update().values_list(tries, flat=True).first()
        if done is None:
            return None
        number = done + 1
        rows.update(**{tries: number, next_at: next_try_at(number)})
    return number
