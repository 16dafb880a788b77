"""The holder is told once when a course certificate is made: not when issuing is asked again
(the task running twice, the sweep), nor when it is re-issued or its PDF rendered again."""

import pytest
from django.core import mail
from django.urls import reverse

from certification.certificates import services
from lms.accounts.models import Notice
from tests.certification.conftest import completed_enrollment, issue

pytestmark = pytest.mark.django_db


def certificate_notices(user):
    return Notice.objects.filter(user=user, kind=Notice.Kind.CERTIFICATE_ISSUED)


def test_a_new_course_certificate_tells_its_holder_with_a_link_to_my_certificates(
        holder, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = issue(holder, course)
    notice = certificate_notices(holder).get()
    assert notice.params == {"title": certificate.snapshot["course"]}
    assert notice.url == reverse("certification:mine")
    told = [m for m in mail.outbox if m.to == [holder.email]]
    assert len(told) == 1
    assert course.title in told[0].subject
    assert reverse("certification:mine") in told[0].body


def test_issuing_again_returns_the_certificate_and_tells_nobody_twice(
        holder, course, django_capture_on_commit_callbacks):
    enrollment = completed_enrollment(holder, course)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)
        again = services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)
    assert again.pk == first.pk
    assert certificate_notices(holder).count() == 1


def test_a_reissue_and_a_sweep_tell_nobody(holder, course, trainer):
    certificate = issue(holder, course)
    services.certificate_reissue(certificate=certificate, by=trainer)
    services.certificates_sweep()
    assert certificate_notices(holder).count() == 1
