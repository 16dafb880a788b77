"""The union officers' weekly digest and the reminders to idle learners and to managers with
corrective actions due: who gets them, what they say, in which language, when, and only once."""

import datetime

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from certification.certificates.codes import code_new
from certification.models import (
    Assessment,
    Certificate,
    ControlPoint,
    CorrectiveAction,
    ReadinessReport,
)
from courses.models import CourseIndexPage, Enrollment
from lms.accounts.models import SentEmail
from lms.celery import app as celery_app
from lms.cooperatives.models import Cooperative, OfficerScope
from lms.dashboards import notifications, summaries, tasks
from tests.factories import (
    CooperativeFactory,
    CooperativeUnionFactory,
    MembershipFactory,
    OfficerFactory,
    UserFactory,
    province,
)
from tests.factories.checklists import version_from_dict, vietgap_dict
from tests.factories.courses import make_course

WEEK = "2025-W23"  # Monday 2 to Sunday 8 June 2025
MONDAY, SUNDAY = datetime.date(2025, 6, 2), datetime.date(2025, 6, 8)
SENT_AT = datetime.date(2025, 6, 9)  # the Monday after


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    """A local (Asia/Ho_Chi_Minh) time on `day`."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def member(cooperative, *, joined, status="active", role="member", **user_fields):
    membership = MembershipFactory(cooperative=cooperative, status=status, role=role,
                                   user=UserFactory(**user_fields))
    type(membership).objects.filter(pk=membership.pk).update(requested_at=joined,
                                                             decided_at=joined)
    return membership.user


def enroll(user, course, *, enrolled, completed=None, last_activity=None) -> Enrollment:
    enrollment = Enrollment.objects.create(user=user, course=course,
                                           course_key=course.translation_key)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        enrolled_at=enrolled, completed_at=completed, last_activity_at=last_activity,
        status=Enrollment.Status.COMPLETED if completed else Enrollment.Status.ACTIVE)
    enrollment.refresh_from_db()
    return enrollment


def certificate(user, cooperative, *, issued, **fields) -> Certificate:
    return Certificate.objects.create(
        kind=Certificate.Kind.COURSE, recipient=user, cooperative=cooperative, code=code_new(),
        source_key=fields.pop("source_key", code_new()), language="vi", issued_at=issued,
        **fields)


def submitted_assessment(cooperative, version, user, *, submitted, ready) -> Assessment:
    assessment = Assessment.objects.create(
        cooperative=cooperative, version=version, started_by=user, profile={},
        status=Assessment.Status.SUBMITTED, submitted_by=user, submitted_at=submitted)
    ReadinessReport.objects.create(assessment=assessment, ready=ready, reason="test",
                                   snapshot={})
    return assessment


def action(assessment, *, due, status=CorrectiveAction.Status.OPEN, owner=None,
           position=0) -> CorrectiveAction:
    point = ControlPoint.objects.filter(section__version=assessment.version).order_by("pk")[
        position]
    return CorrectiveAction.objects.create(
        assessment=assessment, control_point=point, gap="not_compliant", due_date=due,
        status=status, owner=owner, position=position)


@pytest.fixture
def version(db):
    return version_from_dict(vietgap_dict())


@pytest.fixture
def course(db):
    return make_course(lessons=1, quiz=False)


@pytest.fixture
def week_data(course, version):
    """A hand-checked week in two provinces. Bắc Ninh (cooperatives A and B): 2 new learners,
    2 enrollments, 3 completions (A 2, B 1), 2 certificates (one new, one re-issued with a
    corrected name), 2 self-assessments (1 ready), 1 action overdue since the week. Hà Nội
    (cooperative C): 1 of each, its action overdue too. Around them, what must not count:
    before or after the week, pending, replaced, revoked, done."""
    bac_ninh, ha_noi = province("Bắc Ninh"), province("Hà Nội")
    a = CooperativeFactory(name="HTX Rau an toàn Yên Phong", province=bac_ninh)
    b = CooperativeFactory(name="HTX Vải thiều Lục Ngạn", province=bac_ninh)
    c = CooperativeFactory(name="HTX Bưởi Diễn Hà Nội", province=ha_noi)

    new_a = member(a, joined=at(MONDAY))
    old_a = member(a, joined=at(MONDAY - days(30)))
    new_b = member(b, joined=at(SUNDAY, 23))
    member(a, joined=at(MONDAY + days(1)), status="pending")
    member(b, joined=at(SUNDAY + days(1), 0))  # the next Monday at midnight: next week
    new_c = member(c, joined=at(MONDAY + days(2)))

    enroll(new_a, course, enrolled=at(MONDAY, 11), completed=at(MONDAY + days(3)))
    enroll(old_a, course, enrolled=at(MONDAY - days(20)), completed=at(SUNDAY, 8))
    enroll(new_b, course, enrolled=at(SUNDAY, 23), completed=at(SUNDAY, 23))
    old_b = member(b, joined=at(MONDAY - days(60)))
    enroll(old_b, course, enrolled=at(MONDAY - days(10)), completed=at(MONDAY - days(1)))
    enroll(new_c, course, enrolled=at(MONDAY + days(2)), completed=at(MONDAY + days(4)))
    # Two of the Bắc Ninh enrollments began in the week: new_a's and new_b's.

    certificate(new_a, a, issued=at(MONDAY + days(3)))
    replaced = certificate(old_a, a, issued=at(MONDAY - days(5)), source_key="same")
    reissued = certificate(old_a, a, issued=at(MONDAY + days(4)), source_key="same-new")
    Certificate.objects.filter(pk=replaced.pk).update(replaced_at=at(MONDAY + days(4)),
                                                      replaced_by=reissued)
    certificate(new_c, c, issued=at(MONDAY + days(4)))
    certificate(new_b, b, issued=at(SUNDAY), revoked_at=at(SUNDAY, 20))

    manager_a = member(a, joined=at(MONDAY - days(90)), role="manager")
    ready_a = submitted_assessment(a, version, manager_a, submitted=at(MONDAY + days(1)),
                                   ready=True)
    submitted_assessment(b, version, manager_a, submitted=at(MONDAY + days(2)), ready=False)
    earlier = submitted_assessment(a, version, manager_a, submitted=at(MONDAY - days(3)),
                                   ready=False)
    ready_c = submitted_assessment(c, version, new_c, submitted=at(SUNDAY), ready=True)

    action(ready_a, due=MONDAY + days(3))
    action(ready_a, due=MONDAY + days(3), status=CorrectiveAction.Status.DONE, position=1)
    action(earlier, due=MONDAY - days(1))  # overdue since the week before
    action(earlier, due=SUNDAY + days(1), position=1)  # due today, the Monday after
    action(ready_c, due=SUNDAY)
    return {"a": a, "b": b, "c": c}


@pytest.fixture
def bac_ninh_officer(db):
    return OfficerFactory(provinces=[province("Bắc Ninh")], full_name="Trần Văn Bắc")


@pytest.fixture
def ha_noi_officer(db):
    return OfficerFactory(provinces=[province("Hà Nội")], full_name="Phạm Thị Hà")


def figures(digest) -> dict:
    return {
        "new_learners": digest.new_learners, "enrollments": digest.enrollments,
        "completions": digest.completions, "certificates": digest.certificates,
        "assessments": digest.assessments, "assessments_ready": digest.assessments_ready,
        "actions_overdue": digest.actions_overdue,
        "top": [(c.name, c.completions) for c in digest.top_cooperatives],
    }


# --- Digest -------------------------------------------------------------------------------------

def test_the_digest_counts_what_changed_in_the_officers_province_last_week(
        week_data, bac_ninh_officer):
    digest = notifications.digest_build(officer=bac_ninh_officer, week=WEEK)

    assert figures(digest) == {
        "new_learners": 2, "enrollments": 2, "completions": 3, "certificates": 2,
        "assessments": 2, "assessments_ready": 1, "actions_overdue": 1,
        "top": [("HTX Rau an toàn Yên Phong", 2), ("HTX Vải thiều Lục Ngạn", 1)],
    }
    assert (digest.first_day, digest.last_day) == (MONDAY, SUNDAY)


def test_an_officer_of_another_province_gets_only_that_provinces_figures(
        week_data, ha_noi_officer):
    digest = notifications.digest_build(officer=ha_noi_officer, week=WEEK)

    assert figures(digest) == {
        "new_learners": 1, "enrollments": 1, "completions": 1, "certificates": 1,
        "assessments": 1, "assessments_ready": 1, "actions_overdue": 1,
        "top": [("HTX Bưởi Diễn Hà Nội", 1)],
    }


def test_an_officer_of_a_union_counts_the_unions_cooperatives_only(week_data):
    union = CooperativeUnionFactory()
    Cooperative.objects.filter(pk=week_data["a"].pk).update(union=union)
    officer = OfficerFactory(provinces=[])
    OfficerScope.objects.create(officer=officer, union=union)

    digest = notifications.digest_build(officer=officer, week=WEEK)

    assert digest.scope == union.name
    assert (digest.new_learners, digest.completions, digest.assessments) == (1, 2, 1)
    assert [c.name for c in digest.top_cooperatives] == ["HTX Rau an toàn Yên Phong"]


def test_each_officer_receives_the_digest_of_their_own_province_only(
        week_data, bac_ninh_officer, ha_noi_officer):
    tasks.send_weekly_digests.delay(WEEK)

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {bac_ninh_officer.email, ha_noi_officer.email}
    bac_ninh = by_recipient[bac_ninh_officer.email]
    bac_ninh_html = bac_ninh.alternatives[0][0]
    assert "HTX Rau an toàn Yên Phong: 2" in bac_ninh.body
    assert "HTX Bưởi Diễn" not in bac_ninh.body and "HTX Bưởi Diễn" not in bac_ninh_html
    assert f"{settings.SITE_URL}/dashboard/" in bac_ninh.body
    assert f'href="{settings.SITE_URL}/dashboard/"' in bac_ninh_html
    drill_down = reverse("dashboards:cooperative", args=[week_data["a"].pk])
    assert f'href="{settings.SITE_URL}{drill_down}"' in bac_ninh_html
    ha_noi = by_recipient[ha_noi_officer.email]
    assert "HTX Bưởi Diễn Hà Nội: 1" in ha_noi.body
    assert "Yên Phong" not in ha_noi.body and "Lục Ngạn" not in ha_noi.body


def test_the_digest_takes_the_same_number_of_queries_whatever_the_data_size(
        week_data, bac_ninh_officer, course):
    def queries() -> int:
        officer = type(bac_ninh_officer).objects.get(pk=bac_ninh_officer.pk)  # as a task loads it
        with CaptureQueriesContext(connection) as captured:
            notifications.digest_build(officer=officer, week=WEEK)
        return len(captured)

    summaries.rebuild()  # the dashboard's summary tables, as beat keeps them
    before = queries()
    for _ in range(4):
        cooperative = CooperativeFactory(province=province("Bắc Ninh"))
        for _ in range(3):
            learner = member(cooperative, joined=at(MONDAY))
            enroll(learner, course, enrolled=at(MONDAY), completed=at(SUNDAY))
    summaries.rebuild()

    assert queries() == before <= 10


def test_an_english_speaking_officer_gets_the_digest_in_english(week_data, bac_ninh_officer):
    bac_ninh_officer.preferred_language = "en"
    bac_ninh_officer.save()

    notifications.digest_send(officer_id=bac_ninh_officer.pk, week=WEEK)

    message = mail.outbox[0]
    assert message.subject == ("Last week in Bắc Ninh province: 2 new learners, "
                               "2 enrollments, 3 courses completed")
    assert message.extra_headers["Content-Language"] == "en"
    assert "Hello Trần Văn Bắc," in message.body
    assert "New learners: 2" in message.body
    assert "Self-assessments submitted: 2 (1 ready for certification)" in message.body
    assert "Corrective actions now overdue: 1" in message.body


def test_a_vietnamese_speaking_officer_gets_the_digest_in_vietnamese(
        week_data, bac_ninh_officer):
    notifications.digest_send(officer_id=bac_ninh_officer.pk, week=WEEK)

    message = mail.outbox[0]
    assert message.extra_headers["Content-Language"] == "vi"
    assert "Xin chào Trần Văn Bắc," in message.body


def test_no_digest_is_sent_for_a_week_in_which_nothing_changed(week_data, bac_ninh_officer):
    assert notifications.digest_send(officer_id=bac_ninh_officer.pk, week="2025-W30") is False
    assert mail.outbox == []


def test_the_digest_is_sent_once_however_often_the_task_runs(
        week_data, bac_ninh_officer, ha_noi_officer):
    tasks.send_weekly_digests.delay(WEEK)
    tasks.send_weekly_digests.delay(WEEK)
    tasks.send_digest.delay(bac_ninh_officer.pk, WEEK)

    assert len(mail.outbox) == 2
    assert SentEmail.objects.filter(kind=SentEmail.Kind.DIGEST, key=WEEK).count() == 2


def test_the_digest_goes_to_active_union_officers_with_a_scope_who_want_it(
        week_data, bac_ninh_officer):
    OfficerFactory(provinces=[])  # an officer without a scope
    OfficerFactory(provinces=[province("Bắc Ninh")], is_active=False)
    OfficerFactory(provinces=[province("Bắc Ninh")], email_digest=False)
    UserFactory(is_superuser=True, is_staff=True)  # admins see the dashboard; no digest

    assert list(notifications.digest_recipients()) == [bac_ninh_officer]


def test_the_digest_reports_on_the_last_complete_week():
    assert notifications.digest_week(now=at(SENT_AT, 7)) == WEEK
    # Monday 00:30 in Vietnam is still Sunday in UTC: the local calendar decides.
    assert notifications.digest_week(now=at(SENT_AT, 0).replace(minute=30)) == WEEK
    assert notifications.week_days(WEEK) == (MONDAY, SUNDAY)


def test_an_officer_of_several_places_sees_them_named_in_the_subject(db):
    officer = OfficerFactory(provinces=[province("Bắc Ninh"), province("Hà Nội")],
                             preferred_language="en")

    with translation.override(officer.preferred_language):
        assert notifications.officer_scope_label(officer=officer) == (
            "Bắc Ninh province and Hà Nội city")


# --- Learners idle in a course -----------------------------------------------------------------

NOW = at(datetime.date(2025, 6, 20), 8)


@pytest.mark.parametrize(("idle_days", "reminded"), [(13, False), (14, True), (15, True)])
def test_a_learner_is_reminded_after_fourteen_idle_days(course, idle_days, reminded):
    learner = UserFactory()
    enroll(learner, course, enrolled=NOW - days(30), last_activity=NOW - days(idle_days))

    assert notifications.course_reminder_recipients(now=NOW) == (
        [learner.pk] if reminded else [])
    assert notifications.course_reminder_send(user_id=learner.pk, now=NOW) is reminded
    assert len(mail.outbox) == int(reminded)


def test_enrolling_counts_as_activity_for_a_course_never_opened(course):
    learner = UserFactory()
    enroll(learner, course, enrolled=NOW - days(14))
    fresh = UserFactory()
    enroll(fresh, course, enrolled=NOW - days(13))

    assert notifications.course_reminder_recipients(now=NOW) == [learner.pk]


def test_completed_courses_and_unsubscribed_learners_get_no_reminder(course):
    enroll(UserFactory(), course, enrolled=NOW - days(40), completed=NOW - days(20),
           last_activity=NOW - days(20))
    enroll(UserFactory(email_reminders=False), course, enrolled=NOW - days(40))
    enroll(UserFactory(is_active=False), course, enrolled=NOW - days(40))

    assert notifications.course_reminder_recipients(now=NOW) == []


def test_the_reminder_links_the_course_in_the_learners_language(course):
    english = Locale.objects.get_or_create(language_code="en")[0]
    course.get_parent().get_parent().copy_for_translation(english).save_revision().publish()
    CourseIndexPage.objects.get(locale__language_code="vi").copy_for_translation(
        english).save_revision().publish()
    course_en = course.copy_for_translation(english)
    course_en.title = "Farm accounting"
    course_en.save_revision().publish()
    course_en.refresh_from_db()
    learner = UserFactory(preferred_language="en", full_name="Lê Thị Lan")
    enroll(learner, course, enrolled=NOW - days(20))

    tasks.send_inactivity_reminder.delay(learner.pk, NOW.isoformat())

    message = mail.outbox[0]
    assert message.subject == "Continue your course: Farm accounting"
    assert "Hello Lê Thị Lan," in message.body
    assert f"Continue: {settings.SITE_URL}{course_en.get_url_parts()[2]}" in message.body
    assert f'href="{settings.SITE_URL}{course_en.get_url_parts()[2]}"' in (
        message.alternatives[0][0])


def test_a_learner_is_reminded_once_per_idle_spell(course):
    learner = UserFactory()
    enrollment = enroll(learner, course, enrolled=NOW - days(30), last_activity=NOW - days(14))

    tasks.send_inactivity_reminder.delay(learner.pk, NOW.isoformat())
    tasks.send_inactivity_reminder.delay(learner.pk, NOW.isoformat())
    later = NOW + days(5)
    assert notifications.course_reminder_recipients(now=later) == []
    assert notifications.course_reminder_send(user_id=learner.pk, now=later) is False
    assert len(mail.outbox) == 1

    # Back for a lesson, then idle again for two weeks: a new spell, a new reminder.
    Enrollment.objects.filter(pk=enrollment.pk).update(last_activity_at=NOW + days(6))
    again = NOW + days(20)
    assert notifications.course_reminder_recipients(now=again) == [learner.pk]
    assert notifications.course_reminder_send(user_id=learner.pk, now=again) is True
    assert len(mail.outbox) == 2


def test_several_idle_courses_make_one_email(course):
    other = make_course(lessons=1, quiz=False)
    learner = UserFactory(preferred_language="en")
    enroll(learner, course, enrolled=NOW - days(20))
    enroll(learner, other, enrolled=NOW - days(16))

    tasks.send_inactivity_reminders.delay()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "2 courses are waiting for you"
    assert course.title in mail.outbox[0].body and other.title in mail.outbox[0].body


def test_the_daily_task_reminds_each_idle_learner_and_is_safe_to_run_twice(course):
    idle = [UserFactory() for _ in range(3)]
    for learner in idle:
        enroll(learner, course, enrolled=NOW - days(20))
    enroll(UserFactory(), course, enrolled=timezone.now())

    tasks.send_inactivity_reminders.delay()
    tasks.send_inactivity_reminders.delay()

    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in idle)


def test_no_reminder_for_a_course_no_longer_published(course):
    learner = UserFactory()
    enroll(learner, course, enrolled=NOW - days(20))
    course.unpublish()

    assert notifications.course_reminder_send(user_id=learner.pk, now=NOW) is False
    assert mail.outbox == []


# --- Managers with corrective actions due ------------------------------------------------------

TODAY = datetime.date(2025, 6, 20)


@pytest.fixture
def plan(version):
    """A manager's cooperative with actions: overdue, due in 3 and in 7 days (reminded), due in
    8 days, done, undated (not reminded); another cooperative's overdue action."""
    cooperative = CooperativeFactory(name="HTX Chè Thái Nguyên")
    manager = member(cooperative, joined=at(TODAY - days(100)), role="manager",
                     preferred_language="en", full_name="Đỗ Văn Minh")
    owner = member(cooperative, joined=at(TODAY - days(100)), full_name="Vũ Thị Thu")
    assessment = submitted_assessment(cooperative, version, manager,
                                      submitted=at(TODAY - days(40)), ready=False)
    actions = {
        "overdue": action(assessment, due=TODAY - days(2), owner=owner, position=0,
                          status=CorrectiveAction.Status.IN_PROGRESS),
        "soon": action(assessment, due=TODAY + days(3), position=1),
        "week": action(assessment, due=TODAY + days(7), position=2),
        "later": action(assessment, due=TODAY + days(8), position=3),
        "done": action(assessment, due=TODAY - days(1), position=4,
                       status=CorrectiveAction.Status.DONE),
        "undated": action(assessment, due=None, position=5),
    }
    elsewhere = CooperativeFactory()
    other = submitted_assessment(elsewhere, version,
                                 member(elsewhere, joined=at(TODAY), role="manager"),
                                 submitted=at(TODAY - days(40)), ready=False)
    action(other, due=TODAY - days(5))
    return {"manager": manager, "assessment": assessment, "actions": actions,
            "cooperative": cooperative}


def test_a_manager_gets_one_email_listing_the_actions_overdue_or_due_within_a_week(plan):
    manager, actions = plan["manager"], plan["actions"]

    assert manager.pk in notifications.action_reminder_recipients(today=TODAY)
    assert notifications.action_reminder_send(user_id=manager.pk, today=TODAY) is True

    message = mail.outbox[0]
    body = message.body
    codes = {name: a.control_point.code for name, a in actions.items()}
    assert message.to == [manager.email]
    assert message.subject == "3 corrective actions are due soon or overdue"
    overdue_part, soon_part = body.split("Due in the next 7 days:")
    assert "Overdue:" in overdue_part and codes["overdue"] in overdue_part
    assert "Owner: Vũ Thị Thu" in overdue_part
    assert codes["soon"] in soon_part and codes["week"] in soon_part
    for name in ("later", "done", "undated"):
        assert f"- {codes[name]} " not in body
    report_url = f"{settings.SITE_URL}/readiness/{plan['assessment'].pk}/report/"
    assert report_url in body and f'href="{report_url}"' in message.alternatives[0][0]


def test_members_who_do_not_manage_get_no_action_reminder(plan):
    recipients = notifications.action_reminder_recipients(today=TODAY)

    owner = plan["actions"]["overdue"].owner
    assert owner.pk not in recipients
    assert notifications.action_reminder_send(user_id=owner.pk, today=TODAY) is False


def test_each_action_is_reminded_once_per_due_date_bucket(plan):
    manager, actions = plan["manager"], plan["actions"]

    tasks.send_action_reminder.delay(manager.pk, TODAY.isoformat())
    tasks.send_action_reminder.delay(manager.pk, TODAY.isoformat())
    assert len(mail.outbox) == 1

    # The next day only the action now due within 7 days is new: the others are not repeated.
    tomorrow = TODAY + days(1)
    assert notifications.action_reminder_send(user_id=manager.pk, today=tomorrow) is True
    body = mail.outbox[-1].body
    assert mail.outbox[-1].subject == "1 corrective action is due soon or overdue"
    assert actions["later"].control_point.code in body
    assert "Overdue:" not in body
    day_after = TODAY + days(2)
    assert manager.pk not in notifications.action_reminder_recipients(today=day_after)
    assert notifications.action_reminder_send(user_id=manager.pk, today=day_after) is False

    # Four days later the action that was due in 3 days is overdue: reminded once more.
    day = TODAY + days(4)
    assert notifications.action_reminder_send(user_id=manager.pk, today=day) is True
    body = mail.outbox[-1].body
    assert "Overdue:" in body and actions["soon"].control_point.code in body
    for name in ("overdue", "week", "later"):
        assert f"- {actions[name].control_point.code} " not in body

    # A due date moved is a new deadline: reminded again.
    CorrectiveAction.objects.filter(pk=actions["week"].pk).update(due_date=day + days(2))
    assert notifications.action_reminder_send(user_id=manager.pk, today=day + days(1)) is True
    assert actions["week"].control_point.code in mail.outbox[-1].body


def test_a_manager_gets_at_most_one_action_email_a_day(plan):
    manager, actions = plan["manager"], plan["actions"]
    notifications.action_reminder_send(user_id=manager.pk, today=TODAY)
    CorrectiveAction.objects.filter(pk=actions["later"].pk).update(due_date=TODAY + days(1))

    assert notifications.action_reminder_send(user_id=manager.pk, today=TODAY) is False
    assert notifications.action_reminder_send(user_id=manager.pk, today=TODAY + days(1))
    assert len(mail.outbox) == 2


def test_the_daily_action_task_reminds_each_manager_and_is_safe_to_run_twice(version):
    today = timezone.localdate()
    managers = []
    for _ in range(2):
        cooperative = CooperativeFactory()
        managers.append(member(cooperative, joined=at(today - days(50)), role="manager"))
        assessment = submitted_assessment(cooperative, version, managers[-1],
                                          submitted=at(today - days(40)), ready=False)
        action(assessment, due=today + days(2))

    tasks.send_action_reminders.delay()
    tasks.send_action_reminders.delay()

    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in managers)


def test_a_vietnamese_speaking_manager_gets_the_reminder_in_vietnamese(plan):
    manager = plan["manager"]
    manager.preferred_language = "vi"
    manager.save()

    notifications.action_reminder_send(user_id=manager.pk, today=TODAY)

    assert mail.outbox[0].extra_headers["Content-Language"] == "vi"
    assert "Xin chào Đỗ Văn Minh," in mail.outbox[0].body


# --- Schedule -----------------------------------------------------------------------------------

def test_the_weekly_digest_is_scheduled_on_monday_at_seven_local_time():
    entry = settings.CELERY_BEAT_SCHEDULE["weekly-digest"]

    assert entry["task"] == "dashboards.send_weekly_digests"
    assert entry["schedule"] == crontab(minute=0, hour=7, day_of_week="mon")
    assert settings.CELERY_TIMEZONE == "Asia/Ho_Chi_Minh"


@pytest.mark.parametrize("name", ["inactivity-reminders", "corrective-action-reminders"])
def test_the_reminders_are_scheduled_every_day_at_eight(name):
    schedule = settings.CELERY_BEAT_SCHEDULE[name]["schedule"]

    assert schedule == crontab(minute=0, hour=8)
    assert schedule.day_of_week == set(range(7))


def test_every_scheduled_task_is_registered_with_the_celery_app():
    celery_app.loader.import_default_modules()

    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in celery_app.tasks
    for name in ("dashboards.send_digest", "dashboards.send_inactivity_reminder",
                 "dashboards.send_action_reminder"):
        assert name in celery_app.tasks
