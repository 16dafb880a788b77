"""How the cooperatives app takes part in closing an account and in the person's data
download (signals of lms.accounts, which never imports this app)."""

from django.db.models import Count, Q
from django.dispatch import receiver
from django.utils.translation import gettext as _

from lms.accounts.models import User
from lms.accounts.signals import account_close_blockers, account_closing, personal_data_requested
from lms.cooperatives.models import Cooperative, Membership, OfficerScope

ACTIVE, MANAGER = Membership.Status.ACTIVE, Membership.Role.MANAGER


def cooperatives_left_without_manager(user) -> list[Cooperative]:
    """Cooperatives where `user` is the only active manager while other members are active:
    closing the account would leave people there whom nobody can lead. A cooperative where the
    person is the only member keeps its records and simply has no member left."""
    managed = Membership.objects.filter(user=user, status=ACTIVE, role=MANAGER)
    others = ~Q(memberships__user=user)
    return list(
        Cooperative.objects.filter(pk__in=managed.values("cooperative_id"))
        .annotate(
            other_managers=Count("memberships", filter=others & Q(
                memberships__status=ACTIVE, memberships__role=MANAGER)),
            other_members=Count("memberships", filter=others & Q(memberships__status=ACTIVE)),
        )
        .filter(other_managers=0, other_members__gt=0)
        .order_by("name")
    )


@receiver(account_close_blockers, sender=User, dispatch_uid="cooperatives.close_blockers")
def last_manager(sender, user, **kwargs) -> list[str]:
    return [
        _("You are the only manager of %(cooperative)s, which has other members. Before you "
          "close your account, make another member a manager: change their role on the "
          "cooperative's page.") % {"cooperative": cooperative.name}
        for cooperative in cooperatives_left_without_manager(user)
    ]


@receiver(account_closing, sender=User, dispatch_uid="cooperatives.account_closing")
def memberships_end(sender, user, **kwargs) -> None:
    """Memberships and officer scopes name the person: they go. The cooperatives the person
    registered stay (their `created_by` now points at the emptied account)."""
    Membership.objects.filter(user=user).delete()
    OfficerScope.objects.filter(officer=user).delete()


@receiver(personal_data_requested, sender=User, dispatch_uid="cooperatives.personal_data")
def memberships_data(sender, user, **kwargs) -> dict:
    memberships = Membership.objects.filter(user=user).select_related("cooperative")
    scopes = OfficerScope.objects.filter(officer=user).select_related("province", "union")
    return {
        "memberships": [
            {"cooperative": m.cooperative.name,
             "registration_code": m.cooperative.registration_code,
             "role": m.role, "status": m.status,
             "requested_at": m.requested_at.isoformat(),
             "decided_at": m.decided_at.isoformat() if m.decided_at else None}
            for m in memberships.order_by("requested_at")
        ],
        "officer_scopes": [
            {"province": str(s.province) if s.province_id else None,
             "union": str(s.union) if s.union_id else None}
            for s in scopes
        ],
        "cooperatives_registered": list(
            Cooperative.objects.filter(created_by=user).order_by("name")
            .values_list("name", flat=True)),
    }
