"""Reads of the cooperatives app. Every question of "who may see which cooperative" is here."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q, QuerySet

from lms.accounts.roles import user_is_union_officer
from lms.cooperatives.models import (
    Cooperative,
    Membership,
    OfficerScope,
    Province,
    fold,
    registration_code_key,
)
from lms.text import vietnamese_sort_key


def officer_scope_filter(user) -> Q | None:
    """A filter on cooperatives for the provinces and unions in the officer's scope; None when
    the user has no scope at all."""
    scopes = list(OfficerScope.objects.filter(officer=user).values_list("province_id", "union_id"))
    if not scopes:
        return None
    provinces = [p for p, _ in scopes if p]
    unions = [u for _, u in scopes if u]
    return Q(province_id__in=provinces) | Q(union_id__in=unions)


def cooperatives_overseen_by(user) -> QuerySet[Cooperative]:
    """Cooperatives a user may oversee: all for site admins, the scope for union officers."""
    if not user.is_authenticated:
        return Cooperative.objects.none()
    if user.is_superuser:
        return Cooperative.objects.all()
    if user_is_union_officer(user):
        scope = officer_scope_filter(user)
        if scope is not None:
            return Cooperative.objects.filter(scope)
    return Cooperative.objects.none()


def provinces_overseen_by(user) -> QuerySet[Province]:
    """Provinces where a user may place cooperatives: all for site admins; for union officers the
    provinces of their scope and of the unions in it, cooperatives there or not."""
    if user.is_superuser:
        return Province.objects.all()
    if not user_is_union_officer(user):
        return Province.objects.none()
    scopes = OfficerScope.objects.filter(officer=user)
    return Province.objects.filter(
        Q(pk__in=scopes.values("province_id")) | Q(unions__in=scopes.values("union_id"))
    ).distinct()


def in_vietnamese_order(places) -> list:
    """Provinces, communes or cooperatives in Vietnamese alphabetical order of their names; for
    lists short enough to sort in Python (the databases' collations disagree with the alphabet
    and with each other)."""
    return sorted(places, key=lambda place: vietnamese_sort_key(place.name))


def cooperative_user_can_view(*, user, cooperative: Cooperative) -> bool:
    if not user.is_authenticated:
        return False
    if Membership.objects.filter(
        user=user, cooperative=cooperative, status=Membership.Status.ACTIVE
    ).exists():
        return True
    return cooperatives_overseen_by(user).filter(pk=cooperative.pk).exists()


def cooperative_user_manages(*, user, cooperative: Cooperative) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user,
            cooperative=cooperative,
            role=Membership.Role.MANAGER,
            status=Membership.Status.ACTIVE,
        ).exists()
    )


def memberships_of_user(*, user) -> QuerySet[Membership]:
    """The user's active and pending memberships, with what the "my cooperative" page shows."""
    return (
        Membership.objects.filter(
            user=user, status__in=[Membership.Status.ACTIVE, Membership.Status.PENDING]
        )
        .select_related("cooperative__province", "cooperative__commune")
        .order_by("status", "cooperative__name")
    )


def membership_requests_for_manager(*, user) -> QuerySet[Membership]:
    """Pending requests to join the cooperatives this user manages."""
    managed = Membership.objects.filter(
        user=user, role=Membership.Role.MANAGER, status=Membership.Status.ACTIVE
    ).values("cooperative_id")
    return (
        Membership.objects.filter(cooperative_id__in=managed, status=Membership.Status.PENDING)
        .select_related("user", "cooperative")
        .order_by("requested_at")
    )


def cooperative_members(*, cooperative: Cooperative) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(cooperative=cooperative, status=Membership.Status.ACTIVE)
        .select_related("user")
        .order_by("role", "user__full_name")
    )


def cooperatives_to_join(*, query: str = "", province_id: int | None = None, user=None):
    """Cooperatives a learner can ask to join, searched by name or registration code."""
    cooperatives = Cooperative.objects.select_related("province", "commune").annotate(
        platform_members=Count("memberships", filter=Q(memberships__status="active"))
    )
    if query:
        cooperatives = cooperatives.filter(
            Q(name_folded__contains=fold(query))
            | Q(registration_code=registration_code_key(query))
        )
    if province_id:
        cooperatives = cooperatives.filter(province_id=province_id)
    if user is not None and user.is_authenticated:
        cooperatives = cooperatives.exclude(memberships__user=user)
    # Paginated, so sorted by the database, in Vietnamese alphabetical order ("Đ" after every
    # "D") on SQLite and PostgreSQL alike.
    return cooperatives.order_by("name_collation", "name")


REACH_CACHE_KEY = "cooperatives:platform-reach"


def platform_reach() -> dict[str, int]:
    """Headline figures for the home page: cooperatives, provinces with one, active members.
    Counting distinct members grows with the country, and the figures are rounded in people's
    minds anyway: they are counted at most every LMS_REACH_CACHE_SECONDS."""
    return cache.get_or_set(REACH_CACHE_KEY, _platform_reach_count,
                            settings.LMS_REACH_CACHE_SECONDS)


def _platform_reach_count() -> dict[str, int]:
    return {
        "cooperatives": Cooperative.objects.count(),
        "provinces": Cooperative.objects.values("province_id").distinct().count(),
        "learners": Membership.objects.filter(status=Membership.Status.ACTIVE)
        .values("user_id")
        .distinct()
        .count(),
    }
