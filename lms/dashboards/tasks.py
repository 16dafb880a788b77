"""Celery tasks of the dashboards app: the refresh of the summary tables, the weekly digest and
the daily reminders. Each periodic task that sends fans out one task per recipient, so one
failing mailbox retries alone; every task is safe to run twice (the services log what they
send)."""

import datetime

from celery import shared_task
from django.utils import timezone

from lms.dashboards import notifications, overview, summaries


@shared_task(name="dashboards.refresh_summaries")
def refresh_summaries() -> str:
    """Every LMS_DASHBOARD_REFRESH_SECONDS: the participation figures written again from the
    rows (a rerun only writes them once more), then each officer scope's unfiltered dashboard
    computed into the cache."""
    refreshed = summaries.rebuild()
    overview.warm()
    return refreshed.isoformat()


@shared_task(name="dashboards.send_weekly_digests")
def send_weekly_digests(week: str | None = None) -> int:
    """Monday morning: last week's digest to every officer. Returns how many were queued."""
    week = week or notifications.digest_week(now=timezone.now())
    officer_ids = list(notifications.digest_recipients().values_list("pk", flat=True))
    for officer_id in officer_ids:
        send_digest.delay(officer_id, week)
    return len(officer_ids)


@shared_task(name="dashboards.send_digest")
def send_digest(user_id: int, week: str) -> bool:
    return notifications.digest_send(officer_id=user_id, week=week)


@shared_task(name="dashboards.send_inactivity_reminders")
def send_inactivity_reminders() -> int:
    now = timezone.now()
    user_ids = notifications.course_reminder_recipients(now=now)
    for user_id in user_ids:
        send_inactivity_reminder.delay(user_id, now.isoformat())
    return len(user_ids)


@shared_task(name="dashboards.send_inactivity_reminder")
def send_inactivity_reminder(user_id: int, now: str) -> bool:
    return notifications.course_reminder_send(
        user_id=user_id, now=datetime.datetime.fromisoformat(now))


@shared_task(name="dashboards.send_action_reminders")
def send_action_reminders() -> int:
    today = timezone.localdate()
    user_ids = notifications.action_reminder_recipients(today=today)
    for user_id in user_ids:
        send_action_reminder.delay(user_id, today.isoformat())
    return len(user_ids)


@shared_task(name="dashboards.send_action_reminder")
def send_action_reminder(user_id: int, day: str) -> bool:
    return notifications.action_reminder_send(
        user_id=user_id, today=datetime.date.fromisoformat(day))
