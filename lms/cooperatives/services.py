"""Writes of the cooperatives app: registering a cooperative, asking to join, deciding requests."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.cooperatives.models import (
    Commune,
    Cooperative,
    Membership,
    Province,
    registration_code_key,
)
from lms.cooperatives.selectors import cooperative_user_manages


@transaction.atomic
def cooperative_register(
    *,
    user,
    name: str,
    registration_code: str,
    province: Province,
    sector: str,
    commune: Commune | None = None,
    member_count: int = 0,
    founded: datetime.date | None = None,
) -> Cooperative:
    """Register a new cooperative; the user who registers it becomes its manager."""
    if commune is not None and commune.province_id != province.pk:
        raise ValidationError({"commune": _("This commune is not in the chosen province.")})
    registration_code = registration_code_key(registration_code)
    if Cooperative.objects.filter(registration_code=registration_code).exists():
        raise ValidationError(
            {
                "registration_code": _(
                    "A cooperative with this registration code is already on the platform. "
                    "Ask to join it instead."
                )
            }
        )
    cooperative = Cooperative.objects.create(
        name=name,
        registration_code=registration_code,
        province=province,
        commune=commune,
        sector=sector,
        member_count=member_count,
        founded=founded,
        created_by=user,
    )
    Membership.objects.create(
        user=user,
        cooperative=cooperative,
        role=Membership.Role.MANAGER,
        status=Membership.Status.ACTIVE,
        decided_at=timezone.now(),
    )
    return cooperative


def membership_request(*, user, cooperative: Cooperative) -> Membership:
    """Ask to join a cooperative. Asking again returns the existing request; a declined request
    can be made again."""
    membership = Membership.objects.filter(user=user, cooperative=cooperative).first()
    if membership is not None:
        if membership.status == Membership.Status.DECLINED:
            membership.status = Membership.Status.PENDING
            membership.requested_at = timezone.now()
            membership.decided_at = None
            membership.decided_by = None
            membership.save(update_fields=["status", "requested_at", "decided_at", "decided_by"])
        return membership
    try:
        with transaction.atomic():
            return Membership.objects.create(user=user, cooperative=cooperative)
    except IntegrityError:
        # Two clicks at once: the other request won.
        return Membership.objects.get(user=user, cooperative=cooperative)


@transaction.atomic
def membership_decide(
    *, manager, membership: Membership, approve: bool, role: str = Membership.Role.MEMBER
) -> Membership:
    """A manager of the cooperative approves (with a role) or declines a request to join."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not cooperative_user_manages(user=manager, cooperative=membership.cooperative):
        raise PermissionDenied(_("Only a manager of this cooperative can decide on requests."))
    if membership.status != Membership.Status.PENDING:
        return membership
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    membership.status = Membership.Status.ACTIVE if approve else Membership.Status.DECLINED
    if approve:
        membership.role = role
    membership.decided_at = timezone.now()
    membership.decided_by = manager
    membership.save(update_fields=["status", "role", "decided_at", "decided_by"])
    return membership


@transaction.atomic
def membership_role_change(*, manager, membership: Membership, role: str) -> Membership:
    """A manager of the cooperative gives an active member another role: how a manager hands
    over (to close their account, say). A cooperative is never left without a manager: the
    last one cannot step down. Officers and site admins use the admin, not this."""
    membership = Membership.objects.select_for_update().select_related("cooperative") \
        .get(pk=membership.pk)
    if not cooperative_user_manages(user=manager, cooperative=membership.cooperative):
        raise PermissionDenied(_("Only a manager of this cooperative can change roles."))
    if membership.status != Membership.Status.ACTIVE:
        raise ValidationError({"role": _("Only an active member's role can be changed.")})
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    if role == membership.role:
        return membership
    managers = Membership.objects.select_for_update().filter(
        cooperative=membership.cooperative, role=Membership.Role.MANAGER,
        status=Membership.Status.ACTIVE)
    if membership.role == Membership.Role.MANAGER and managers.count() <= 1:
        raise ValidationError({"role": _(
            "The cooperative needs a manager: make another member a manager first.")})
    membership.role = role
    membership.decided_at = timezone.now()
    membership.decided_by = manager
    membership.save(update_fields=["role", "decided_at", "decided_by"])
    return membership
