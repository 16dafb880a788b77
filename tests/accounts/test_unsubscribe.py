"""Unsubscribing from the digest and the reminders: the link in every email works without
signing in (and in one click from the mail client), the platform honours it, a tampered link is
refused, and the profile page turns each email back on."""

import datetime

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from courses.models import Enrollment
from lms.accounts import notifications as accounts_notifications
from lms.accounts.models import User
from lms.dashboards import notifications
from tests.factories import OfficerFactory, UserFactory, province
from tests.factories.courses import make_course

NOW = timezone.make_aware(datetime.datetime(2025, 6, 20, 8))


@pytest.fixture
def idle_learner(db):
    """A learner who enrolled three weeks ago and never came back."""
    learner = UserFactory(preferred_language="en")
    course = make_course(lessons=1, quiz=False)
    enrollment = Enrollment.objects.create(user=learner, course=course,
                                           course_key=course.translation_key)
    Enrollment.objects.filter(pk=enrollment.pk).update(enrolled_at=NOW - datetime.timedelta(21))
    return learner


def reminder_to(learner, now=NOW):
    notifications.course_reminder_send(user_id=learner.pk, now=now)
    return mail.outbox[-1]


def link_of(message) -> str:
    return message.extra_headers["List-Unsubscribe"].strip("<>")


def test_every_email_carries_one_click_unsubscribe_headers_and_a_footer_link(idle_learner):
    message = reminder_to(idle_learner)

    link = link_of(message)
    assert link.startswith("http://") and "/accounts/unsubscribe/reminders/" in link
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"Unsubscribe: {link}" in message.body
    assert f'href="{link}"' in message.alternatives[0][0]
    assert message.alternatives[0][1] == "text/html"


def test_the_link_asks_for_confirmation_without_signing_in(client, idle_learner):
    link = link_of(reminder_to(idle_learner))

    response = client.get(link)

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Stop sending reminders to {idle_learner.email}?" in page
    assert '<form method="post">' in page
    idle_learner.refresh_from_db()
    assert idle_learner.email_reminders is True


def test_confirming_unsubscribes_and_the_next_run_sends_nothing(client, idle_learner):
    link = link_of(reminder_to(idle_learner))

    response = client.post(link)

    assert response.status_code == 200
    assert "will no longer receive reminders" in response.content.decode()
    idle_learner.refresh_from_db()
    assert idle_learner.email_reminders is False
    # Back, then idle again: a new spell, but the learner asked for no more reminders.
    Enrollment.objects.filter(user=idle_learner).update(last_activity_at=NOW)
    later = NOW + datetime.timedelta(days=15)
    assert notifications.course_reminder_recipients(now=later) == []
    assert notifications.course_reminder_send(user_id=idle_learner.pk, now=later) is False
    assert len(mail.outbox) == 1


def test_a_mail_clients_one_click_post_unsubscribes_without_a_csrf_token(idle_learner):
    link = link_of(reminder_to(idle_learner))

    response = Client(enforce_csrf_checks=True).post(
        link, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200
    idle_learner.refresh_from_db()
    assert idle_learner.email_reminders is False


def test_an_officer_unsubscribed_from_the_digest_gets_no_digest_but_still_reminders(client, db):
    officer = OfficerFactory(provinces=[province("Bắc Ninh")])
    link = accounts_notifications.unsubscribe_url(user=officer, topic="digest")

    client.post(link)

    officer.refresh_from_db()
    assert (officer.email_digest, officer.email_reminders) == (False, True)
    assert officer not in notifications.digest_recipients()
    assert notifications.digest_send(officer_id=officer.pk, week="2025-W23") is False


def test_a_tampered_link_is_refused_with_a_clear_message(client, idle_learner):
    link = link_of(reminder_to(idle_learner))
    token = link.rstrip("/").rsplit("/", 1)[1]
    other = UserFactory()
    tampered = [
        link.replace(token, token[:-3] + ("abc" if not token.endswith("abc") else "xyz")),
        # Someone else's id with this link's signature.
        link.replace(token, ":".join([signing.b64_encode(str(other.pk).encode()).decode(),
                                      *token.split(":")[1:]])),
        link.replace("/reminders/", "/everything/"),
    ]

    for url in tampered:
        response = client.post(url)
        assert response.status_code == 400
        with translation.override("vi"):  # an anonymous visitor's default language
            expected = translation.gettext(
                "This unsubscribe link is not valid. It may have been cut short when it was "
                "copied from the email.")
        assert expected in response.content.decode()
    assert not User.objects.filter(email_reminders=False).exists()


def test_a_digest_link_cannot_unsubscribe_from_reminders(client, db):
    user = UserFactory()
    token = accounts_notifications.unsubscribe_token(user=user, topic="digest")

    response = client.post(reverse("accounts:unsubscribe", args=["reminders", token]))

    assert response.status_code == 400
    user.refresh_from_db()
    assert user.email_reminders is True


def test_the_page_speaks_the_recipients_language(client, db):
    vietnamese = UserFactory(preferred_language="vi")
    english = UserFactory(preferred_language="en")

    for user in (vietnamese, english):
        response = client.get(accounts_notifications.unsubscribe_url(user=user, topic="digest"))
        assert response["Content-Language"] == user.preferred_language
        assert f'<html lang="{user.preferred_language}">' in response.content.decode()


def test_the_profile_page_turns_each_email_back_on(client, db):
    officer = OfficerFactory(provinces=[province("Bắc Ninh")], email_digest=False,
                             email_reminders=False, full_name="Trần Văn Bắc")
    client.force_login(officer)

    response = client.post(reverse("account_profile"), {
        "full_name": officer.full_name, "phone": "", "preferred_language": "vi",
        "email_digest": "on", "email_reminders": "on",
    })

    assert response.status_code == 302
    officer.refresh_from_db()
    assert (officer.email_digest, officer.email_reminders) == (True, True)


def test_the_digest_switch_is_offered_to_union_officers_only(client, db):
    learner = UserFactory()
    client.force_login(learner)
    page = client.get(reverse("account_profile")).content.decode()
    assert 'name="email_reminders"' in page and 'name="email_digest"' not in page

    officer = OfficerFactory(provinces=[province("Bắc Ninh")])
    client.force_login(officer)
    page = client.get(reverse("account_profile")).content.decode()
    assert 'name="email_reminders"' in page and 'name="email_digest"' in page


def test_a_learner_saving_the_profile_keeps_the_digest_switch_untouched(client, db):
    learner = UserFactory(preferred_language="en")
    client.force_login(learner)

    client.post(reverse("account_profile"), {
        "full_name": learner.full_name, "phone": "", "preferred_language": "vi"})

    learner.refresh_from_db()
    assert (learner.email_digest, learner.email_reminders) == (True, False)
