"""The welcome email service: once per user, in the user's language."""

import pytest
from django.core import mail

from lms.accounts.services import user_send_welcome_email, user_set_language
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_welcome_email_is_sent_once_even_when_asked_twice():
    user = UserFactory()

    assert user_send_welcome_email(user_id=user.pk) is True
    assert user_send_welcome_email(user_id=user.pk) is False

    assert len(mail.outbox) == 1
    user.refresh_from_db()
    assert user.welcome_email_sent_at is not None


def test_the_welcome_email_greets_the_user_by_full_name():
    user = UserFactory(full_name="Nguyễn Thị Hồng Xuân", preferred_language="en")

    user_send_welcome_email(user_id=user.pk)

    assert "Nguyễn Thị Hồng Xuân" in mail.outbox[0].body


def test_the_welcome_email_is_written_in_the_users_language():
    english = UserFactory(preferred_language="en")
    vietnamese = UserFactory(preferred_language="vi")

    user_send_welcome_email(user_id=english.pk)
    user_send_welcome_email(user_id=vietnamese.pk)

    assert mail.outbox[0].subject == "Welcome to the Cooperative Academy"
    assert mail.outbox[1].subject == "Chào mừng bạn đến với Học viện HTX"


def test_setting_an_unknown_language_changes_nothing():
    user = UserFactory(preferred_language="vi")

    user_set_language(user=user, language="fr")

    user.refresh_from_db()
    assert user.preferred_language == "vi"
