"""Reads of the certification app: whose certificates, who may manage one, and who may export
those of a cooperative or a province."""

from django.db.models import Q

from certification.certificates.codes import code_normalise
from certification.certificates.models import Certificate
from lms.cooperatives.selectors import cooperatives_overseen_by, provinces_overseen_by
from lms.text import accent_insensitive_pattern


def certificates_of(*, user):
    return (Certificate.objects.filter(recipient=user).select_related("replaced_by")
            .order_by("-issued_at"))


def certificate_in_force(*, user, kind: str, source_key: str) -> Certificate | None:
    """The holder's certificate of this kind and source that no re-issue has replaced."""
    return Certificate.objects.filter(recipient=user, kind=kind, source_key=source_key,
                                      replaced_at__isnull=True).first()


def certificate_by_code(code: str) -> Certificate | None:
    return Certificate.objects.select_related("replaced_by").filter(code=code).first()


def certificates_managed_by(*, user, query: str = ""):
    """Certificates a trainer (of the course), an officer (of the holder's cooperative) or a
    site admin may revoke or re-issue, newest first, optionally searched by holder (with or
    without accents, as the cooperatives are) or code."""
    certificates = Certificate.objects.select_related("cooperative", "replaced_by")
    if not user.is_superuser:
        certificates = certificates.filter(
            Q(snapshot__trainer_id=user.pk)
            | Q(cooperative__in=cooperatives_overseen_by(user))
        )
    if query:
        certificates = certificates.filter(
            Q(snapshot__holder__regex=accent_insensitive_pattern(query))
            | Q(code=code_normalise(query)))
    return certificates.order_by("-issued_at")


def certificate_user_can_manage(*, user, certificate: Certificate) -> bool:
    """Site admins; union officers overseeing the holder's cooperative; the course's trainer."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if certificate.snapshot.get("trainer_id") == user.pk:
        return True
    return (certificate.cooperative_id is not None and
            cooperatives_overseen_by(user).filter(pk=certificate.cooperative_id).exists())


def certificate_user_can_download(*, user, certificate: Certificate) -> bool:
    return (user.is_authenticated and certificate.recipient_id == user.pk) or \
        certificate_user_can_manage(user=user, certificate=certificate)


def certificate_export_allowed(*, user, cooperative_id=None, province_id=None) -> bool:
    """Site admins, and officers overseeing the cooperative or the province, may export its
    certificates (what the ZIP then holds is narrowed to the cooperatives they oversee)."""
    if cooperative_id is not None:
        return cooperatives_overseen_by(user).filter(pk=cooperative_id).exists()
    if province_id is not None:
        return (user.is_authenticated
                and provinces_overseen_by(user).filter(pk=province_id).exists())
    return False
