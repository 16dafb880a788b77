"""A task call waiting to be done by a worker (see services.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Message(models.Model):
    """One call of a Celery task that must reach a worker and finish. Written in the caller's
    transaction, handed to the broker after the commit, and handed over again by the sweep
    until a worker reports the task done, which deletes the row."""

    task = models.CharField(pgettext_lazy("outbox", "task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list)
    # What a finished task finds its row by: a digest of the task's name and arguments.
    key = models.CharField(max_length=64, db_index=True, editable=False)
    created_at = models.DateTimeField(pgettext_lazy("date created", "created"),
                                      default=timezone.now, editable=False)
    tries = models.PositiveIntegerField(_("hand-overs"), default=0)
    # When the sweep hands it over (again); empty once every try has failed.
    next_try_at = models.DateTimeField(_("next try"), null=True, blank=True, db_index=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("queued task")
        verbose_name_plural = _("queued tasks")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.task} #{self.pk}"

    @property
    def given_up(self) -> bool:
        return self.next_try_at is None
