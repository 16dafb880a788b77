"""`manage.py seed_demo`: the demo cooperatives and one user per role, idempotent."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Site

from certification.models import Assessment, Certificate, ReadinessReport
from courses.models import Enrollment, LessonProgress, QuizAttempt
from lms.accounts.models import User
from lms.accounts.roles import TRAINERS, UNION_OFFICERS
from lms.cooperatives.models import Cooperative, Membership, OfficerScope
from lms.home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def printed_logins(output):
    """The emails and the password the command prints."""
    emails = re.findall(r"\S+@\S+\.\S+", output)
    password = re.search(r"Password for every demo account: (\S+)", output).group(1)
    return emails, password


def english_home():
    home = Site.objects.get(is_default_site=True).root_page.specific
    return HomePage.objects.get(translation_key=home.translation_key, locale__language_code="en")


def counts():
    return {
        "cooperatives": Cooperative.objects.count(),
        "memberships": Membership.objects.count(),
        "users": User.objects.count(),
        "officer scopes": OfficerScope.objects.count(),
        "english home revisions": english_home().revisions.count(),
        "enrollments": Enrollment.objects.count(),
        "lessons done": LessonProgress.objects.count(),
        "quiz attempts": QuizAttempt.objects.count(),
        "certificates": Certificate.objects.count(),
        "assessments": Assessment.objects.count(),
        "reports": ReadinessReport.objects.count(),
    }


def test_seeding_twice_leaves_the_same_counts(debug, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        seed()
    first = counts()
    with django_capture_on_commit_callbacks(execute=True):
        seed()
    assert counts() == first
    assert first["cooperatives"] == 10
    assert first["english home revisions"] >= 1


def test_seeding_twice_leaves_the_demo_rows_as_they_were(debug):
    def rows():
        # The demo's phone-only member has no e-mail: sorted by repr, None beside the addresses.
        return sorted(Membership.objects.values_list(
            "user__email", "user__phone", "cooperative__name", "role", "status"), key=repr)

    seed()
    before = rows()
    seed()
    assert rows() == before


def test_the_officers_dashboard_shows_the_seeded_activity(
        client, debug, django_capture_on_commit_callbacks):
    # The certificates are issued once the completions are committed.
    with django_capture_on_commit_callbacks(execute=True):
        seed()
    client.force_login(User.objects.get(email="canbo@htx.example"))

    totals = client.get(reverse("dashboards:home")).context["data"].totals

    assert totals.learners >= 5 and totals.enrollments >= 10
    assert totals.completions >= 3 and totals.certificates >= 3
    assert ReadinessReport.objects.filter(
        assessment__cooperative__registration_code="2401000101").count() == 1


def test_the_demo_learner_sees_courses_under_way_and_done(debug,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        seed()
    learner = User.objects.get(email="hocvien@htx.example")

    statuses = sorted(Enrollment.objects.filter(user=learner).values_list("status", flat=True))

    assert statuses == [Enrollment.Status.ACTIVE, Enrollment.Status.ACTIVE,
                        Enrollment.Status.COMPLETED]
    assert Certificate.objects.filter(recipient=learner, kind=Certificate.Kind.COURSE).count() == 1
    assert LessonProgress.objects.filter(enrollment__user=learner,
                                         enrollment__status=Enrollment.Status.ACTIVE).exists()


def test_seeding_publishes_an_english_home_page(debug):
    seed()
    home = english_home()
    assert home.live
    assert home.title == "Home"


def test_seeding_creates_a_manager(debug):
    seed()
    membership = Membership.objects.get(user__email="quanly@htx.example")
    assert membership.is_manager


def test_seeding_creates_an_active_member(debug):
    seed()
    membership = Membership.objects.get(user__email="hocvien@htx.example")
    assert (membership.role, membership.status) == ("member", "active")


def test_seeding_creates_a_member_waiting_for_approval(debug):
    seed()
    membership = Membership.objects.get(user__email="thanhvienmoi@htx.example")
    assert membership.status == Membership.Status.PENDING


def test_seeding_creates_a_trainer_in_the_trainers_group(debug):
    seed()
    trainer = User.objects.get(email="giangvien@htx.example")
    assert trainer.groups.filter(name=TRAINERS).exists()
    assert not trainer.is_superuser


def test_seeding_creates_an_officer_with_scopes(debug):
    seed()
    officer = User.objects.get(email="canbo@htx.example")
    assert officer.groups.filter(name=UNION_OFFICERS).exists()
    scoped = set(OfficerScope.objects.filter(officer=officer).values_list("province__name",
                                                                           flat=True))
    assert scoped == {"Bắc Ninh", "Hưng Yên"}


def test_seeding_creates_a_superuser(debug):
    seed()
    admin = User.objects.get(email="admin@htx.example")
    assert admin.is_superuser and admin.is_staff


def test_only_the_admin_is_staff(debug):
    seed()
    assert list(User.objects.filter(is_staff=True).values_list("email", flat=True)) == [
        "admin@htx.example"
    ]


def test_every_printed_user_logs_in_with_the_printed_password(client, debug):
    emails, password = printed_logins(seed())
    assert len(emails) == 6
    for email in emails:
        assert client.login(email=email, password=password), email
        client.logout()


def test_every_printed_user_logs_in_through_the_login_form(client, debug):
    emails, password = printed_logins(seed())
    for email in emails:
        response = client.post(reverse("account_login"), {"login": email, "password": password})
        assert response.status_code == 302, email
        assert response.wsgi_request.user.email == email
        client.logout()


def test_the_printed_phone_only_member_logs_in_with_the_number_as_printed(client, debug):
    output = seed()
    _emails, password = printed_logins(output)
    phone = re.search(r"without e-mail\s+(0\d{3} \d{3} \d{3})", output).group(1)

    response = client.post(reverse("account_login"), {"login": phone, "password": password})

    assert response.status_code == 302
    user = response.wsgi_request.user
    assert (user.email, user.phone) == (None, "+84" + phone.replace(" ", "")[1:])
    assert user.memberships.filter(status=Membership.Status.ACTIVE).exists()


def test_the_printed_password_still_works_after_seeding_again(client, debug):
    seed()
    emails, password = printed_logins(seed())
    assert all(User.objects.get(email=email).check_password(password) for email in emails)


def test_seeding_refuses_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo", stdout=StringIO())
    assert not Cooperative.objects.exists()
    assert not User.objects.exists()


def test_seeding_with_debug_off_and_force_creates_the_demo(settings):
    settings.DEBUG = False
    call_command("seed_demo", "--force", stdout=StringIO())
    assert Cooperative.objects.count() == 10
    assert Group.objects.get(name=TRAINERS).user_set.filter(email="giangvien@htx.example").exists()
