"""Fixtures of the dashboard tests: records written directly with the dates a test needs
(enrollments, certificates, readiness reports and their action plans), and a small province
whose every figure is counted by hand in `test_selectors.py`."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from certification.certificates.codes import code_new
from certification.models import (
    Assessment,
    Certificate,
    ControlPoint,
    CorrectiveAction,
    ReadinessReport,
)
from courses.models import Enrollment
from tests.factories import (
    CommuneFactory,
    CooperativeFactory,
    MembershipFactory,
    OfficerFactory,
    UserFactory,
    province,
)
from tests.factories.checklists import ocop_dict, version_from_dict, vietgap_dict
from tests.factories.courses import make_course

ZONE = datetime.timezone(datetime.timedelta(hours=7))  # Asia/Ho_Chi_Minh, no DST


def at(day) -> datetime.datetime:
    """Noon on that day ("2025-02-05" or a date) in Vietnam."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=ZONE)


def enroll(user, course, *, on, completed=None) -> Enrollment:
    enrollment = Enrollment.objects.create(user=user, course=course,
                                           course_key=course.translation_key)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        enrolled_at=at(on), last_activity_at=at(completed or on),
        status=Enrollment.Status.COMPLETED if completed else Enrollment.Status.ACTIVE,
        completed_at=at(completed) if completed else None)
    enrollment.refresh_from_db()
    return enrollment


def certify(enrollment, *, on, revoked: bool = False) -> Certificate:
    return Certificate.objects.create(
        code=code_new(), kind=Certificate.Kind.COURSE, recipient=enrollment.user,
        source_key=str(enrollment.course_key), source_id=enrollment.pk, language="vi",
        issued_at=at(on), revoked_at=at(on) if revoked else None,
        snapshot={"holder": enrollment.user.full_name, "course": enrollment.course.title})


def submitted_report(cooperative, version, user, *, on, ready: bool,
                     stars: int | None = None, blocking=(), other=()) -> ReadinessReport:
    """A submitted assessment with its report and action plan. `blocking` and `other` are the
    (status, due date or None) of its blocking and non-blocking corrective actions."""
    assessment = Assessment.objects.create(cooperative=cooperative, version=version,
                                           started_by=user, profile={},
                                           status=Assessment.Status.SUBMITTED,
                                           submitted_by=user, submitted_at=at(on))
    snapshot = {"ready": ready, "gaps": [{"code": "X", "blocking": True} for _ in blocking]}
    if stars is not None:
        snapshot["ocop"] = {"stars": stars, "total": 20 * stars}
    report = ReadinessReport.objects.create(assessment=assessment, ready=ready,
                                            reason="test", snapshot=snapshot)
    ReadinessReport.objects.filter(pk=report.pk).update(created_at=at(on))
    point = ControlPoint.objects.filter(section__version=version).first()
    actions = [(True, *item) for item in blocking] + [(False, *item) for item in other]
    CorrectiveAction.objects.bulk_create([
        CorrectiveAction(assessment=assessment, control_point=point, gap="not_compliant",
                         blocking=is_blocking, status=status, due_date=due, position=position)
        for position, (is_blocking, status, due) in enumerate(actions)])
    return report


def open_assessment(cooperative, version, user) -> Assessment:
    return Assessment.objects.create(cooperative=cooperative, version=version,
                                     started_by=user, profile={})


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@dataclass
class Province:
    """The hand-checked data set (see `bac_ninh`)."""

    officer: object
    other_officer: object
    c1: object
    c2: object
    c3: object
    s1: object
    u1: object
    u2: object
    u3: object
    u4: object
    u5: object
    course_a: object
    course_b: object
    vietgap: object
    ocop: object


@pytest.fixture
def bac_ninh(db) -> Province:
    """Three cooperatives of Bắc Ninh and one of Sơn La.

    - C1 (crop, commune X1): u1 and u2. C2 (livestock, commune X2): u2 and u3, u4 pending.
      C3 (crop, no commune): nobody. S1 (Sơn La): u5.
    - Course A (management): u1 enrolled 10/01/2025, completed 05/02; u2 enrolled 15/02,
      completed 01/03; u4 (pending) enrolled 20/02; u5 (Sơn La) enrolled and completed.
    - Course B (accounting): u1 enrolled 01/02; u3 enrolled 10/03.
    - Certificates in force: u1 for A (05/02), u2 for A (01/03), u5 for A; u3's for B revoked.
    - VietGAP: C1 not ready in January then ready in March; C2 not ready with two blocking
      gaps (one action overdue, one done); C3 started, never submitted; S1 ready.
    - OCOP: C1 ready at 3 stars; C2 not ready at 2 stars with six blocking gaps (two actions
      due within 30 days, two later, one without date, one done).
    - C1's January plan still has an overdue open action: superseded, never counted.
    """
    x1, x2 = CommuneFactory(name="Phượng Sơn"), CommuneFactory(name="Đông Cứu")
    c1 = CooperativeFactory(name="Hợp tác xã Vải thiều Phượng Sơn", sector="crop", commune=x1)
    c2 = CooperativeFactory(name="Hợp tác xã Chăn nuôi Đông Cứu", sector="livestock",
                            commune=x2)
    c3 = CooperativeFactory(name="Hợp tác xã Rau sạch Yên Dũng", sector="crop")
    s1 = CooperativeFactory(name="Hợp tác xã Chè Mộc Châu", sector="crop",
                            province=province("Sơn La"))
    u1 = MembershipFactory(cooperative=c1, role="manager", user__full_name="Nguyễn Văn An").user
    u2 = MembershipFactory(cooperative=c1, user__full_name="Trần Thị Bình").user
    MembershipFactory(cooperative=c2, user=u2)
    u3 = MembershipFactory(cooperative=c2, role="manager", user__full_name="Lê Văn Cường").user
    u4 = MembershipFactory(cooperative=c2, status="pending", user__full_name="Phạm Thị Dung").user
    u5 = MembershipFactory(cooperative=s1, user__full_name="Đỗ Văn Sơn La").user
    course_a = make_course(lessons=1, quiz=False, category_slug="management")
    course_b = make_course(lessons=1, quiz=False, category_slug="accounting")

    u1_a = enroll(u1, course_a, on="2025-01-10", completed="2025-02-05")
    enroll(u1, course_b, on="2025-02-01")
    u2_a = enroll(u2, course_a, on="2025-02-15", completed="2025-03-01")
    u3_b = enroll(u3, course_b, on="2025-03-10")
    enroll(u4, course_a, on="2025-02-20")
    u5_a = enroll(u5, course_a, on="2025-01-05", completed="2025-01-20")
    certify(u1_a, on="2025-02-05")
    certify(u2_a, on="2025-03-01")
    certify(u3_b, on="2025-03-12", revoked=True)
    certify(u5_a, on="2025-01-20")

    vietgap = version_from_dict(vietgap_dict(points=2))
    ocop = version_from_dict(ocop_dict())
    submitted_report(c1, vietgap, u1, on="2025-01-15", ready=False,
                     blocking=[("open", days(-40))])
    submitted_report(c1, vietgap, u1, on="2025-03-15", ready=True)
    submitted_report(c2, vietgap, u3, on="2025-03-20", ready=False,
                     blocking=[("open", days(-5)), ("done", days(-1))])
    open_assessment(c3, vietgap, UserFactory())
    submitted_report(s1, vietgap, u5, on="2025-03-01", ready=True,
                     other=[("open", days(-3))])
    submitted_report(c1, ocop, u1, on="2025-03-16", ready=True, stars=3)
    submitted_report(c2, ocop, u3, on="2025-03-21", ready=False, stars=2, blocking=[
        ("open", days(10)), ("in_progress", days(30)), ("open", days(31)),
        ("open", days(90)), ("open", None), ("done", days(5))])

    return Province(
        officer=OfficerFactory(provinces=[province("Bắc Ninh")], full_name="Cán bộ Bắc Ninh"),
        other_officer=OfficerFactory(provinces=[province("Sơn La")], full_name="Cán bộ Sơn La"),
        c1=c1, c2=c2, c3=c3, s1=s1, u1=u1, u2=u2, u3=u3, u4=u4, u5=u5,
        course_a=course_a, course_b=course_b, vietgap=vietgap, ocop=ocop)


SECTORS = ["crop", "crop", "mixed_services", "livestock", "fishery", "crop", "forestry"]
NAMES = ["Vải thiều", "Rau an toàn", "Dịch vụ nông nghiệp", "Chăn nuôi lợn", "Thủy sản",
         "Lúa chất lượng cao", "Trồng rừng", "Hoa cây cảnh", "Gà đồi", "Nấm sạch"]


def populate(count: int, *, courses, vietgap, ocop, province_name: str = "Bắc Ninh",
             members: int = 3, prefix: str = "") -> list:
    """`count` cooperatives of a province, each with `members` learners enrolled in every
    course over the last months (some completed, with certificates), a VietGAP and an OCOP
    report with their action plans: the same shape whatever `count`, for query counts and
    for screenshots that look like a real province."""
    today = timezone.localdate()
    region = province(province_name)
    communes = [CommuneFactory(province=region, name=f"{prefix}{name}")
                for name in ("Phượng Sơn", "Đông Cứu", "Yên Dũng", "Tân Yên")]
    made = []
    for i in range(count):
        cooperative = CooperativeFactory(
            name=f"Hợp tác xã {NAMES[i % len(NAMES)]} {prefix}{communes[i % 4].name} {i + 1}",
            province=region, commune=communes[i % 4], sector=SECTORS[i % len(SECTORS)])
        manager = None
        for j in range(members):
            member = MembershipFactory(cooperative=cooperative,
                                       role="manager" if j == 0 else "member").user
            manager = manager or member
            for k, course in enumerate(courses):
                if (i + j + k) % 4 == 3:
                    continue  # not everyone takes every course
                started = today - datetime.timedelta(days=20 + ((i * 37 + j * 53 + k * 71) % 330))
                done = started + datetime.timedelta(days=12 + (j * 5))
                completed = done if (i + j * 2 + k) % 3 != 0 and done < today else None
                enrollment = enroll(member, course, on=started, completed=completed)
                if completed:
                    certify(enrollment, on=completed)
        if i % 5 != 4:
            ready = i % 3 == 0
            blocking = [] if ready else [("open", days(-10 + (i % 4) * 15))] * (1 + i % 7)
            submitted_report(cooperative, vietgap, manager, on=today - datetime.timedelta(days=30),
                             ready=ready, blocking=blocking, other=[("open", None)])
        else:
            open_assessment(cooperative, vietgap, manager)
        if i % 2 == 0:
            stars = 2 + i % 4
            submitted_report(cooperative, ocop, manager, on=today - datetime.timedelta(days=20),
                             ready=stars >= 3, stars=stars,
                             other=[("open", days(20)), ("in_progress", days(60))])
        made.append(cooperative)
    return made
