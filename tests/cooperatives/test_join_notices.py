"""Who is told about a request to join: the cooperative's managers when someone asks, the person
when a manager decides; once per change, not on a repeated click."""

import pytest
from django.core import mail

from lms.accounts.models import Notice
from lms.cooperatives import services
from lms.cooperatives.models import Membership
from tests.factories import MembershipFactory, PhoneUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_every_manager_is_told_of_a_request_once(cooperative, manager,
                                                  django_capture_on_commit_callbacks):
    second = MembershipFactory(cooperative=cooperative, role="manager").user
    MembershipFactory(cooperative=cooperative, role="member")
    asker = UserFactory(full_name="Người xin vào")
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_request(user=asker, cooperative=cooperative)
        services.membership_request(user=asker, cooperative=cooperative)  # a second click

    notices = Notice.objects.filter(kind=Notice.Kind.JOIN_REQUESTED)
    assert sorted(n.user_id for n in notices) == sorted([manager.pk, second.pk])
    assert notices[0].params == {"person": "Người xin vào", "cooperative": cooperative.name}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([manager.email, second.email])


def test_asking_again_after_a_decline_tells_the_managers_again(cooperative, manager):
    asker = UserFactory()
    membership = services.membership_request(user=asker, cooperative=cooperative)
    services.membership_decide(manager=manager, membership=membership, approve=False)
    services.membership_request(user=asker, cooperative=cooperative)
    assert Notice.objects.filter(user=manager, kind=Notice.Kind.JOIN_REQUESTED).count() == 2


def test_approval_tells_the_member_by_sms_once(cooperative, manager, sms_outbox,
                                               django_capture_on_commit_callbacks):
    asker = PhoneUserFactory()
    membership = MembershipFactory(cooperative=cooperative, user=asker,
                                   status=Membership.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_decide(manager=manager, membership=membership, approve=True)
        services.membership_decide(manager=manager, membership=membership, approve=True)

    [notice] = Notice.objects.filter(user=asker)
    assert notice.kind == Notice.Kind.JOIN_APPROVED
    assert notice.url == f"/cooperatives/{cooperative.pk}/"
    [message] = sms_outbox
    assert message.to == asker.phone and cooperative.name in message.body


def test_a_decline_tells_the_person(cooperative, manager):
    asker = UserFactory()
    membership = MembershipFactory(cooperative=cooperative, user=asker,
                                   status=Membership.Status.PENDING)
    services.membership_decide(manager=manager, membership=membership, approve=False)
    services.membership_decide(manager=manager, membership=membership, approve=True)
    assert list(Notice.objects.filter(user=asker).values_list("kind", flat=True)) == [
        Notice.Kind.JOIN_DECLINED]
