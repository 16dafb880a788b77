"""Reads of the home app: which roles' help a person is shown."""

from lms.accounts.roles import user_is_trainer, user_is_union_officer
from lms.cooperatives.models import Membership

LEARNER, MANAGER, TRAINER, OFFICER = "learner", "manager", "trainer", "officer"


def help_roles(*, user) -> list[str]:
    """The roles whose help `user` needs, in the page's order. Everyone learns (a visitor is a
    learner to be); the other roles come from memberships and groups, and a site admin sees
    them all."""
    roles = [LEARNER]
    if not user.is_authenticated:
        return roles
    if user.is_superuser or Membership.objects.filter(
            user=user, role=Membership.Role.MANAGER, status=Membership.Status.ACTIVE).exists():
        roles.append(MANAGER)
    if user.is_superuser or user_is_trainer(user):
        roles.append(TRAINER)
    if user.is_superuser or user_is_union_officer(user):
        roles.append(OFFICER)
    return roles
