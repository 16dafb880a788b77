"""factory_boy factories for the platform's models."""

from tests.factories.accounts import (
    OfficerFactory,
    PhoneUserFactory,
    TrainerFactory,
    UserFactory,
)
from tests.factories.cooperatives import (
    CommuneFactory,
    CooperativeFactory,
    CooperativeUnionFactory,
    MembershipFactory,
    province,
)

__all__ = [
    "CommuneFactory",
    "CooperativeFactory",
    "CooperativeUnionFactory",
    "MembershipFactory",
    "OfficerFactory",
    "TrainerFactory",
    "PhoneUserFactory",
    "UserFactory",
    "province",
]
