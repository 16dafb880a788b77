"""A file someone asked for, built in the background, with the progress its page shows."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.files import RandomName, private_storage


class Export(models.Model):
    """One file of one kind (a certificate ZIP, a dashboard table, ...) for the person who asked
    for it. `params` is the builder's input: ids and filters, never a copy of the data, so the
    builder reads the owner's scope again when it writes the file."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Building")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                     related_name="exports", verbose_name=_("asked for by"))
    kind = models.CharField(_("kind"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    format = models.CharField(_("format"), max_length=8)
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PENDING)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to=RandomName("exports"), storage=private_storage, blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)  # what it saves as
    error = models.TextField(blank=True)
    # The building worker's lease: it writes `heartbeat_at` as it goes; one not heard from for
    # LMS_EXPORT_LEASE_SECONDS is taken to be dead, and the sweep starts the build again
    # (at most LMS_RETRY_MAX_TRIES builds) or marks it failed. `run` names the build in charge,
    # so a build that was taken over cannot write over its successor.
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    tries = models.PositiveSmallIntegerField(default=0, editable=False)
    run = models.UUIDField(null=True, blank=True, editable=False)
    # A default rather than auto_now_add, so the rows copied from the older export tables keep
    # the moment they were asked for.
    created_at = models.DateTimeField(_("asked for on"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["requested_by", "kind", "-created_at"],
                                name="export_owner_kind_recent")]

    def __str__(self):
        return f"{self.title} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(100, round(100 * self.done / self.total)) if self.total else 0
