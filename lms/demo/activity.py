"""A little learning and readiness activity for the demo, so that the officer's dashboard, the
manager's pages and a learner's "My learning" show real figures rather than zeros.

Everything goes through the services a person's clicks go through (enrolling, finishing
lessons, passing quizzes, answering and submitting a self-assessment), so the certificates and
the readiness report are the real ones. The plan is a fixed table and the few choices left are
drawn from a seeded generator: two runs on the same data make the same rows, and a second run
finds them and adds nothing."""

import datetime
import random

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from certification import scoring
from certification.assessments import services as assessment_services
from certification.checklists.models import ControlPoint, Standard
from certification.models import Assessment, ReadinessReport
from certification.reports import services as report_services
from courses import selectors as course_selectors
from courses import services as course_services
from courses.models import CoursePage, Enrollment, LessonPage, QuizPage
from lms.accounts.models import User
from lms.cooperatives.models import Membership

SEED = 2025

# email -> (full name, cooperative registration code)
LEARNERS = {
    "hocvien.lan@htx.example": ("Nguyễn Thị Lan", "2401000101"),
    "hocvien.tuan@htx.example": ("Vũ Văn Tuấn", "2401000102"),
    "hocvien.mai@htx.example": ("Hoàng Thị Mai", "2401000104"),
    "hocvien.duc@htx.example": ("Phạm Minh Đức", "3301000201"),
    "hocvien.hoa@htx.example": ("Đặng Thị Hòa", "3301000202"),
}

# (learner key, course number in the catalogue, "completed" or "started", days since enrolling);
# "hocvien" and "quanly" are the demo's own learner and manager.
ENROLLMENTS = [
    ("hocvien", 1, "completed", 41),
    ("hocvien", 2, "started", 12),
    ("hocvien", 5, "started", 3),
    ("quanly", 1, "completed", 55),
    ("quanly", 5, "started", 20),
    ("hocvien.lan", 1, "started", 9),
    ("hocvien.lan", 5, "completed", 34),
    ("hocvien.tuan", 2, "started", 17),
    ("hocvien.tuan", 3, "started", 6),
    ("hocvien.mai", 1, "completed", 48),
    ("hocvien.duc", 4, "started", 26),
    ("hocvien.duc", 5, "started", 14),
    ("hocvien.hoa", 3, "started", 30),
]

# The manager's cooperative submits one VietGAP self-assessment with two requirements not met.
SELF_ASSESSMENT_STANDARD = "vietgap-crop"
NOT_MET = 2
JUSTIFICATION = "Đã kiểm tra sổ ghi chép và hiện trường của tổ sản xuất."


def seed_activity(*, users: dict[str, User], cooperatives: dict, courses: list[CoursePage],
                  password: str) -> dict[str, int]:
    """Learners, enrollments, progress, completions and one submitted self-assessment; returns
    how many enrollments and reports this run created."""
    rng = random.Random(SEED)
    with transaction.atomic():
        learners = {**users, **_learners(cooperatives, password)}
        created = sum(_enroll(learners[key], courses[number - 1], state, days, rng)
                      for key, number, state, days in ENROLLMENTS)
    # Outside the block above: the certificates are issued once the completions are committed.
    reports = _self_assessment(manager=users["quanly"], cooperative=cooperatives["2401000101"])
    return {"enrollments": created, "reports": reports}


def _learners(cooperatives, password: str) -> dict[str, User]:
    learners = {}
    for email, (full_name, code) in LEARNERS.items():
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, full_name=full_name, preferred_language="vi")
            user.set_password(password)
            user.save()
        EmailAddress.objects.get_or_create(user=user, email=email,
                                           defaults={"verified": True, "primary": True})
        Membership.objects.get_or_create(
            user=user, cooperative=cooperatives[code],
            defaults={"role": Membership.Role.MEMBER, "status": Membership.Status.ACTIVE})
        learners[email.split("@")[0]] = user
    return learners


def _enroll(user: User, course: CoursePage, state: str, days: int, rng: random.Random) -> int:
    """1 when the enrollment is new. A started course has some of its lessons done (at least
    one, never all); a completed one has every lesson done and every quiz passed."""
    outline = course_selectors.course_outline(course=course)
    lessons = [page for page in outline if isinstance(page, LessonPage)]
    # Drawn before the early return, so each row draws the same numbers on every run.
    done = len(lessons) if state == "completed" else rng.randint(1, max(len(lessons) - 1, 1))
    if Enrollment.objects.filter(user=user, course_key=course.translation_key).exists():
        return 0
    enrollment = course_services.enrollment_create(user=user, course=course)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        enrolled_at=timezone.now() - datetime.timedelta(days=days))
    for lesson in lessons[:done]:
        course_services.lesson_complete(enrollment=enrollment, lesson=lesson)
    if state == "completed":
        for quiz in (page for page in outline if isinstance(page, QuizPage)):
            answers = {question.id: sorted(question.correct)
                       for question in quiz.grading_questions()}
            course_services.quiz_submit(enrollment=enrollment, quiz=quiz, raw_answers=answers)
    return 1


def _self_assessment(*, manager: User, cooperative) -> int:
    standard = Standard.objects.filter(code=SELF_ASSESSMENT_STANDARD).first()
    if standard is None or ReadinessReport.objects.filter(
            assessment__cooperative=cooperative, assessment__version__standard=standard).exists():
        return 0
    assessment = assessment_services.assessment_start(cooperative=cooperative, standard=standard,
                                                      user=manager)
    if assessment.profile is None:
        assessment_services.assessment_profile_save(assessment=assessment, user=manager,
                                                    answers={})
    points = list(ControlPoint.objects.filter(section__version=assessment.version)
                  .prefetch_related("options").order_by("section__sort_order", "sort_order"))
    tags = assessment.profile_tags
    applicable = [point for point in points
                  if not point.tag_set or not point.tag_set.isdisjoint(tags)]
    not_met = {point.pk for point in random.Random(SEED).sample(applicable, NOT_MET)}
    for point in applicable:
        options = [option.code for option in point.options.all()]
        value = options[0] if options else (
            scoring.NOT_COMPLIANT if point.pk in not_met else scoring.COMPLIANT)
        extra = {"justification": JUSTIFICATION} if (
            not options and point.justification_needed(value)) else {}
        assessment_services.answer_save(assessment=assessment, control_point=point,
                                        user=manager, value=value, **extra)
    report_services.assessment_submit(assessment=Assessment.objects.get(pk=assessment.pk),
                                      user=manager)
    return 1
