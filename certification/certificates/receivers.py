"""Listens to the courses app: a completed enrollment gets its certificate in the background;
and to the accounts app: the certificates go into the person's data download."""

from django.conf import settings
from django.dispatch import receiver
from django.urls import reverse

from certification.certificates.models import Certificate
from courses.signals import enrollment_completed
from lms.accounts.models import User
from lms.accounts.signals import personal_data_requested
from lms.outbox.services import hand_over


@receiver(enrollment_completed)
def issue_certificate(sender, enrollment_id, **kwargs):
    # The signal is sent after the commit that completed the enrollment. If the broker cannot
    # take the task, the completion stands and the sweep issues the certificate later.
    hand_over("certification.issue_course_certificate", enrollment_id)


@receiver(personal_data_requested, sender=User, dispatch_uid="certificates.personal_data")
def certificates_data(sender, user, **kwargs) -> dict:
    """The person's certificates, each with the link anyone can check it at. Closing the
    account keeps them as issued (docs/decisions/0008): there is no account_closing receiver
    here on purpose."""
    return {
        "certificates": [
            {"code": certificate.code_grouped, "kind": certificate.kind,
             "what_it_states": certificate.snapshot,
             "issued_at": certificate.issued_at.isoformat(),
             "expires_at": certificate.expires_at.isoformat() if certificate.expires_at else None,
             "status": certificate.status,
             "verify_url": settings.SITE_URL + reverse("certification:verify_code",
                                                       args=[certificate.code])}
            for certificate in Certificate.objects.filter(recipient=user)
            .select_related("replaced_by").order_by("issued_at")
        ],
    }
