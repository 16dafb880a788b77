"""A worker that finishes a task deletes its outbox message; one that fails records why and when
to try again. Tasks not sent through the outbox have no message, and nothing happens."""

from celery.signals import task_failure, task_success

from lms.outbox import services


def _key(sender) -> str | None:
    args = getattr(sender.request, "args", None)
    if args is None:
        return None
    return services.message_key(sender.name, args)


@task_success.connect(dispatch_uid="outbox.done")
def _done(sender=None, **kwargs):
    key = _key(sender)
    if key:
        services.message_done(key=key)  # one DELETE, nothing when the task had no message


@task_failure.connect(dispatch_uid="outbox.failed")
def _failed(sender=None, exception=None, **kwargs):
    key = _key(sender)
    if key:
        services.message_failed(key=key, error=exception)
