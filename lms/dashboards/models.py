"""The dashboards' summary tables: enrollments and certificates as the officers' figures count
them, one row per cooperative of the learner, already joined to the cooperative and the course
and dated in local days, so that a figure is one scan of one table (see summaries.py).

They hold no data of their own: `lms.dashboards.summaries.rebuild()` writes them again from the
enrollments, memberships, cooperatives and certificates, and `SummaryRefresh` says when."""

from django.db import models
from django.db.models import Q


class SummaryRefresh(models.Model):
    """When the summary tables were last written (one row)."""

    refreshed_at = models.DateTimeField()

    def __str__(self):
        return f"figures as of {self.refreshed_at:%Y-%m-%d %H:%M}"


class CooperativeEnrollment(models.Model):
    """An enrollment seen from one cooperative in which its learner has an active membership.

    `shared` marks learners with several active memberships: only their rows can repeat an
    enrollment or a person, and only they are counted with DISTINCT. For everyone else a
    person's first enrollment in a period is the row whose previous start (`previous_*`) falls
    before the period, which makes learners and cooperatives reached plain counts."""

    enrollment_id = models.BigIntegerField()
    user_id = models.BigIntegerField()
    cooperative_id = models.BigIntegerField()
    province_id = models.BigIntegerField()
    commune_id = models.BigIntegerField(null=True)
    sector = models.CharField(max_length=20)
    course_key = models.UUIDField()
    category_key = models.UUIDField(null=True)
    started_on = models.DateField()  # local day
    completed = models.BooleanField()  # completed today
    completed_on = models.DateField(null=True)  # local day
    shared = models.BooleanField()
    # The local day of the previous start (same tie order: enrolled_at, id), or None:
    previous_start = models.DateField(null=True)  # of the learner, any course
    previous_start_in_category = models.DateField(null=True)  # of the learner, same category
    previous_start_here = models.DateField(null=True)  # in the cooperative, any learner
    previous_start_here_in_category = models.DateField(null=True)
    previous_start_here_in_course = models.DateField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["cooperative_id"], name="dash_enrol_cooperative"),
            models.Index(fields=["province_id"], name="dash_enrol_province"),
            models.Index(fields=["enrollment_id"], name="dash_enrol_shared",
                         condition=Q(shared=True)),
        ]

    def __str__(self):
        return f"enrollment {self.enrollment_id} in cooperative {self.cooperative_id}"


class CooperativeCertificate(models.Model):
    """A course certificate neither revoked nor replaced, seen from one cooperative in which its
    holder has an active membership; in force while `valid_until` (its last valid local day) is
    today or later, or empty."""

    certificate_id = models.BigIntegerField()
    user_id = models.BigIntegerField()
    cooperative_id = models.BigIntegerField()
    course_key = models.CharField(max_length=64)
    category_key = models.UUIDField(null=True)  # of the course of its enrollment
    has_enrollment = models.BooleanField()  # its source enrollment exists
    issued_on = models.DateField()  # local day
    valid_until = models.DateField(null=True)
    shared = models.BooleanField()

    class Meta:
        indexes = [
            models.Index(fields=["cooperative_id"], name="dash_cert_cooperative"),
        ]

    def __str__(self):
        return f"certificate {self.certificate_id} in cooperative {self.cooperative_id}"
