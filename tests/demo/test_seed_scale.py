"""`manage.py seed_scale`: an empty database filled with a profile's exact counts, drawn the same
way every time, with known accounts that sign in and nothing left for the sweeps to do."""

import dataclasses
import datetime
import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from certification.certificates.services import certificates_sweep
from certification.models import Certificate, CorrectiveAction, ReadinessReportPdf
from certification.reports.recovery import assessment_certificates_sweep
from certification.reports.services import readiness_report_pdf_sweep
from courses.models import Enrollment
from lms.accounts.models import User
from lms.cooperatives.models import OfficerScope, Province
from lms.demo import scale
from lms.outbox.models import Message

pytestmark = pytest.mark.django_db

TINY = scale.PROFILES["tiny"]


@pytest.fixture(scope="module")
def seed(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seeded once for the module (it takes seconds), inside a transaction that each test's own
    nests in and that is rolled back at the end, so the other modules never see these rows."""
    files = tmp_path_factory.mktemp("seed-scale")
    with django_db_blocker.unblock(), override_settings(
            MEDIA_ROOT=files / "media", PRIVATE_MEDIA_ROOT=files / "private"), \
            transaction.atomic():
        out = StringIO()
        call_command("seed_scale", "--profile", "tiny", stdout=out)
        yield out.getvalue(), files
        transaction.set_rollback(True)


@pytest.fixture
def seeded_media(settings, seed):
    """The seed's files (the covers), where each test's own temporary media folder would hide
    them."""
    settings.MEDIA_ROOT = seed[1] / "media"


@pytest.fixture
def output(seed):
    return seed[0]


@pytest.fixture(autouse=True)
def _seeded(seed):
    pass


def test_the_profile_counts_come_out_exact(output):
    counts = scale.counts()
    assert counts["provinces"] == TINY.provinces
    assert counts["communes"] == TINY.communes
    assert counts["cooperatives"] == TINY.cooperatives
    assert counts["learners"] == TINY.learners
    assert counts["courses"] == TINY.courses
    assert counts["enrollments"] == TINY.enrollments
    assert counts["completed enrollments"] == TINY.completed
    assert counts["lesson progress rows"] == TINY.lesson_progress
    assert counts["submitted self-assessments"] == TINY.assessments
    assert counts["readiness reports"] == TINY.assessments
    assert counts["certificates"] == TINY.certificates
    assert "lesson progress rows" in output and "Password for every seeded account" in output


def test_the_sweeps_find_nothing_to_do():
    later = timezone.now() + datetime.timedelta(days=1)
    assert certificates_sweep(now=later) == {"certificates": 0, "pdfs": 0}
    assert assessment_certificates_sweep(now=later) == 0
    assert readiness_report_pdf_sweep(now=later) == 0
    assert not Certificate.objects.filter(pdf="").exists()
    assert not ReadinessReportPdf.objects.filter(file="").exists()
    assert not Message.objects.exists()


def test_every_completed_enrollment_has_its_certificate_and_some_are_revoked():
    completed = Enrollment.objects.filter(status="completed")
    certified = Certificate.objects.filter(kind="course").values_list("source_id", flat=True)
    assert set(completed.values_list("pk", flat=True)) == set(certified)
    assert Certificate.objects.filter(revoked_at__isnull=False).exists()
    assert Enrollment.objects.filter(status="active").exists()


def test_some_corrective_actions_are_open_with_due_dates_around_today():
    today = timezone.localdate()
    open_actions = CorrectiveAction.objects.exclude(status="done")
    assert open_actions.exists()
    assert open_actions.filter(due_date__gte=today - datetime.timedelta(days=150),
                               due_date__lte=today + datetime.timedelta(days=90)).exists()


@pytest.mark.parametrize("email", list(scale.ACCOUNTS))
def test_the_known_accounts_sign_in(client, email):
    assert client.login(email=email, password=scale.PASSWORD)


def test_the_known_learner_has_a_completed_a_started_and_a_new_course():
    learner = User.objects.get(email=f"learner@{scale.DOMAIN}")
    enrollments = Enrollment.objects.filter(user=learner)
    assert sorted(e.status for e in enrollments) == ["active", "active", "completed"]
    assert sorted(e.lessons_done.count() > 0 for e in enrollments) == [False, True, True]
    assert Certificate.objects.filter(recipient=learner).exclude(pdf="").count() == 1


def test_the_national_officer_oversees_every_province():
    officer = User.objects.get(email=f"officer-national@{scale.DOMAIN}")
    assert OfficerScope.objects.filter(officer=officer).count() == Province.objects.count() == 34


def test_the_learner_pages_open(client, seeded_media):
    client.login(email=f"learner@{scale.DOMAIN}", password=scale.PASSWORD)
    enrollment = Enrollment.objects.filter(user__email=f"learner@{scale.DOMAIN}").first()
    assert client.get(enrollment.course.url).status_code == 200
    assert client.get("/").status_code == 200


def test_a_second_run_refuses():
    with pytest.raises(CommandError, match="already has cooperatives"):
        call_command("seed_scale", "--profile", "tiny", stdout=StringIO())


def _world() -> scale.World:
    now = datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC)
    courses = [scale.Course(
        id=10 + n, key=uuid.UUID(int=n + 1), title=f"Khóa {n}", titles={"vi": f"Khóa {n}"},
        slug=f"khoa-{n}", hours="2", valid_months=24 if n == 1 else None, trainer_id=None,
        trainer_name="", lesson_keys=tuple(uuid.UUID(int=100 * (n + 1) + i) for i in range(4)),
        quiz_id=50 + n, quiz_key=uuid.UUID(int=999 - n), answers={"q1": ["0"]})
        for n in range(3)]
    template = scale.ReportTemplate(
        version_id=1, version_label="2017", standard_names={"vi": "VietGAP", "en": "VietGAP"},
        profile={}, ready=False, reason="gaps", snapshot={"cooperative": {}},
        actions=((1, "not_compliant", True, "", 0, None),))
    return scale.World(
        now=now, password_hash="x", courses=courses, templates={"vietgap-crop": [template]},
        cooperatives=[scale.Cooperative(id=i, name=f"HTX {i}", province_id=1, union_name="")
                      for i in range(1, 13)],
        learners=40, enrollments=90, completed=34, lesson_progress=240, assessments=6,
        start_ids=dict.fromkeys(scale.TABLES, 1))


def test_the_generator_draws_the_same_rows_every_time():
    first = scale.digest(scale.people_rows(_world(), name="tiny"))
    assert scale.digest(scale.people_rows(_world(), name="tiny")) == first
    assert scale.digest(scale.people_rows(_world(), name="small")) != first


def test_the_generator_makes_exactly_what_it_is_asked_for():
    tables = {}
    for table, _row in scale.people_rows(_world(), name="tiny"):
        tables[table] = tables.get(table, 0) + 1
    assert tables["user"] == 40
    assert tables["enrollment"] == 90
    assert tables["progress"] == 240
    assert tables["attempt"] == 34
    assert tables["assessment"] == tables["report"] == tables["report_pdf"] == 6
    assert tables["certificate"] == 34 + 6


def test_a_profile_that_cannot_fit_its_lesson_progress_is_refused():
    world = dataclasses.replace(_world(), lesson_progress=10_000)
    with pytest.raises(ValueError, match="lesson progress"):
        list(scale.people_rows(world, name="tiny"))
