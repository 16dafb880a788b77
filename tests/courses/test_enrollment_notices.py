"""A member enrolled by their manager is told; enrolling oneself, or being enrolled again,
tells nobody."""

import pytest
from django.core import mail

from courses import services
from lms.accounts.models import Notice
from tests.factories import MembershipFactory, PhoneUserFactory

pytestmark = pytest.mark.django_db


def enrolled_notices(user):
    return Notice.objects.filter(user=user, kind=Notice.Kind.ENROLLED)


def test_a_member_enrolled_by_their_manager_is_told_who_and_which_course(
        manager, member, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        added = services.enrollment_bulk_create(manager=manager, course=course,
                                                user_ids=[member.pk])
    assert added == 1
    notice = enrolled_notices(member).get()
    assert notice.params == {"person": manager.display_name, "course": course.title}
    assert notice.url == course.url
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert manager.display_name in mail.outbox[0].subject


def test_a_phone_only_member_is_told_by_text_message(
        manager, cooperative, course, sms_outbox, django_capture_on_commit_callbacks):
    member = MembershipFactory(cooperative=cooperative, role="member",
                               user=PhoneUserFactory()).user
    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_bulk_create(manager=manager, course=course, user_ids=[member.pk])
    assert [m.to for m in sms_outbox] == [member.phone]
    assert course.title in sms_outbox[0].body


def test_a_manager_enrolling_themselves_with_members_is_not_told(
        manager, member, course):
    services.enrollment_bulk_create(manager=manager, course=course,
                                    user_ids=[manager.pk, member.pk])
    assert not enrolled_notices(manager).exists()
    assert enrolled_notices(member).count() == 1


def test_enrolling_again_tells_nobody_twice(manager, member, course):
    services.enrollment_bulk_create(manager=manager, course=course, user_ids=[member.pk])
    services.enrollment_bulk_create(manager=manager, course=course, user_ids=[member.pk])
    assert enrolled_notices(member).count() == 1


def test_a_learner_enrolling_themselves_is_not_told(learner, course):
    services.enrollment_create(user=learner, course=course)
    assert not Notice.objects.filter(user=learner).exists()
