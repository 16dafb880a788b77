"""Listens to the courses app: a completed enrollment gets its certificate in the background."""

from django.dispatch import receiver

from certification.certificates import tasks
from courses.signals import enrollment_completed


@receiver(enrollment_completed)
def issue_certificate(sender, enrollment_id, **kwargs):
    # The signal is sent after the commit that completed the enrollment.
    tasks.issue_course_certificate.delay(enrollment_id)
