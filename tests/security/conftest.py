"""The access matrix's world: every role with objects of its own, built once per module inside a
transaction that is rolled back at the end (see `test_access_matrix.py` for the roles).

Nothing here is autouse: other security tests in this folder are unaffected unless they ask for
`matrix_world`."""

import io
from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import TestCase, override_settings
from PIL import Image
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site, Task, Workflow

from certification.assessments import services as assessment_services
from certification.certificates import services as certificate_services
from certification.models import (
    Certificate,
    ControlPoint,
    CorrectiveAction,
    EvidencePhoto,
    ReadinessReport,
    ReadinessReportPdf,
    Section,
)
from certification.reports import services as report_services
from courses import services as course_services
from courses.models import CourseCategory
from lms.cooperatives.models import Membership, OfficerScope
from lms.exports.models import Export
from lms.exports.services import export_build
from tests.factories import (
    CommuneFactory,
    CooperativeFactory,
    CooperativeUnionFactory,
    MembershipFactory,
    OfficerFactory,
    TrainerFactory,
    UserFactory,
    province,
)
from tests.factories.checklists import assessment_for, ocop_dict, version_from_dict, vietgap_dict
from tests.factories.courses import (
    RIGHT_ANSWERS,
    WRONG_ANSWERS,
    lessons_of,
    make_course,
    quiz_of,
)

PROVINCE_P = "Bắc Ninh"  # cooperatives A and B
PROVINCE_Q = "Sơn La"  # cooperative C

ROLES = ("anonymous", "learner", "member_a", "manager_a", "member_b", "trainer_x", "trainer_y",
         "officer_p", "officer_q", "admin")


def png(name: str = "anh.png") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (40, 160, 20)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


@dataclass
class World:
    """Everything the matrix fills URLs with; `users[role]` is None for the anonymous role."""

    users: dict
    coop_a: object
    coop_b: object
    coop_c: object
    union_p: object
    commune_q: object
    scope_q: object
    pending_a: object  # a request to join A, for A's manager to decide
    membership_a: object  # member_a's membership of A
    membership_c: object
    course_x: object
    course_y: object
    draft_x: object  # an unpublished course of trainer_x
    lesson_x: object
    quiz_x: object
    lesson_y: object
    category: object
    vietgap: object
    ocop: object
    open_a: object  # A's VietGAP self-assessment in progress, with a photo
    photo_a: object
    section_a: object
    point_a: object
    submitted_b: object  # B's OCOP self-assessment, submitted by member_b
    photo_b: object
    action_b: object  # with a closing photo
    submitted_c: object  # C's VietGAP self-assessment, submitted by member_c
    photo_c: object
    action_c: object
    cert_learner: object  # course X
    cert_member_a: object  # course Y, cooperative A
    cert_member_b: object  # self-assessment of B
    cert_member_c: object  # self-assessment of C
    export_p: object  # officer_p's ZIP of A's certificates
    export_q: object  # officer_q's ZIP of C's certificates
    image: object
    document: object
    redirect: object
    collection: object
    child_collection: object
    site: object
    locale: object
    workflow: object
    task: object
    trainers_group: object
    revision_x: object
    media: dict = field(default_factory=dict)
    quiz_z: object = None  # of course Z (trainer_x): member_b has used every attempt at it
    attempt_request_z: object = None  # another learner's request for more, waiting
    sheet_a: object = None  # a member of A a manager added, who never chose a password


def _submit(version, cooperative, user, *, low: bool = False) -> ReadinessReport:
    """An assessment answered by `user` (not compliant / lowest option on a few points, so the
    action plan has actions), with an evidence photo on its first point, then submitted."""
    assessment = assessment_for(cooperative=cooperative, version=version, user=user)
    points = list(ControlPoint.objects.filter(section__version=version)
                  .prefetch_related("options").order_by("section__sort_order", "sort_order"))
    for index, point in enumerate(points):
        options = [option.code for option in point.options.all()]
        if options:
            value = "a" if low and index % 2 else "c"
        else:
            value = "not_compliant" if index == 0 else "compliant"
        extra = {}
        if not options and point.justification_needed(value):
            extra["justification"] = "Đã kiểm tra sổ ghi chép"
        assessment_services.answer_save(assessment=assessment, control_point=point, user=user,
                                        value=value, **extra)
    assessment_services.evidence_add(assessment=assessment, control_point=points[0], user=user,
                                     upload=png())
    return report_services.assessment_submit(assessment=assessment, user=user)


def _course_certificate(user, course) -> Certificate:
    enrollment = course_services.enrollment_create(user=user, course=course)
    for lesson in lessons_of(course):
        course_services.lesson_complete(enrollment=enrollment, lesson=lesson)
    course_services.quiz_submit(enrollment=enrollment, quiz=quiz_of(course),
                                raw_answers=RIGHT_ANSWERS)
    return certificate_services.certificate_issue_for_enrollment(enrollment_id=enrollment.pk)


def _stuck_at_course_z(trainer, member_b):
    """Course Z of `trainer`: member_b and another learner failed its quiz at every attempt;
    the other learner has asked for more (member_b may still ask)."""
    course_z = make_course(trainer=trainer, lessons=0)
    quiz_z = quiz_of(course_z)
    for person in (member_b, UserFactory(full_name="Người học hết lượt")):
        enrollment = course_services.enrollment_create(user=person, course=course_z)
        for _ in range(quiz_z.attempt_limit):
            course_services.quiz_submit(enrollment=enrollment, quiz=quiz_z,
                                        raw_answers=WRONG_ANSWERS)
    request, _ = course_services.attempt_request_create(enrollment=enrollment, quiz=quiz_z)
    return quiz_z, request


def _fake_pdf(report: ReadinessReport) -> None:
    """A stored report PDF in Vietnamese (what the Celery task leaves), without WeasyPrint."""
    row, _ = ReadinessReportPdf.objects.get_or_create(report=report, language="vi")
    row.file.save("bao-cao.pdf", ContentFile(b"%PDF-1.4\n% matrix\n"), save=False)
    ReadinessReportPdf.objects.filter(pk=row.pk).update(file=row.file.name, next_try_at=None)


def build_world() -> World:
    p, q = province(PROVINCE_P), province(PROVINCE_Q)
    union_p = CooperativeUnionFactory(province=p)
    commune_q = CommuneFactory(province=q, name="Xã Mộc Châu Thử")
    coop_a = CooperativeFactory(name="Hợp tác xã A", province=p, union=union_p)
    coop_b = CooperativeFactory(name="Hợp tác xã B", province=p)
    coop_c = CooperativeFactory(name="Hợp tác xã C", province=q, commune=commune_q)

    learner = UserFactory(full_name="Người học tự do")
    membership_a = MembershipFactory(cooperative=coop_a, role="member",
                                     user__full_name="Thành viên A")
    member_a = membership_a.user
    sheet_a = MembershipFactory(cooperative=coop_a, role="member",
                                user__full_name="Thành viên A chưa đặt mật khẩu")
    sheet_a.user.set_unusable_password()
    sheet_a.user.save()
    manager_a = MembershipFactory(cooperative=coop_a, role="manager",
                                  user__full_name="Chủ nhiệm A").user
    member_b = MembershipFactory(cooperative=coop_b, role="member",
                                 user__full_name="Thành viên B").user
    MembershipFactory(cooperative=coop_b, role="manager", user__full_name="Chủ nhiệm B")
    membership_c = MembershipFactory(cooperative=coop_c, role="member",
                                     user__full_name="Thành viên C")
    member_c = membership_c.user
    pending_a = MembershipFactory(cooperative=coop_a, status=Membership.Status.PENDING,
                                  user__full_name="Người xin vào A")
    trainer_x = TrainerFactory(full_name="Giảng viên X")
    trainer_y = TrainerFactory(full_name="Giảng viên Y")
    officer_p = OfficerFactory(provinces=[p], full_name="Cán bộ tỉnh P")
    officer_q = OfficerFactory(provinces=[q], full_name="Cán bộ tỉnh Q")
    scope_q = OfficerScope.objects.get(officer=officer_q)
    admin = UserFactory(is_superuser=True, is_staff=True, full_name="Quản trị")

    course_x = make_course(trainer=trainer_x, lessons=1)
    course_y = make_course(trainer=trainer_y, lessons=1)
    draft_x = make_course(trainer=trainer_x, lessons=0, quiz=False, live=False)
    cert_learner = _course_certificate(learner, course_x)
    cert_member_a = _course_certificate(member_a, course_y)
    quiz_z, attempt_request_z = _stuck_at_course_z(trainer_x, member_b)

    vietgap = version_from_dict(vietgap_dict(points=3))
    ocop = version_from_dict(ocop_dict())

    open_a = assessment_services.assessment_start(cooperative=coop_a,
                                                  standard=vietgap.standard, user=manager_a)
    assessment_services.assessment_profile_save(assessment=open_a, user=manager_a, answers={})
    point_a = ControlPoint.objects.filter(section__version=vietgap).order_by("pk").first()
    photo_a = assessment_services.evidence_add(assessment=open_a, control_point=point_a,
                                               user=member_a, upload=png())

    report_b = _submit(ocop, coop_b, member_b, low=True)
    report_c = _submit(vietgap, coop_c, member_c)
    for report in (report_b, report_c):
        _fake_pdf(report)
    submitted_b, submitted_c = report_b.assessment, report_c.assessment
    action_b = CorrectiveAction.objects.filter(assessment=submitted_b).order_by("pk").first()
    assessment_services.corrective_action_update(action=action_b, user=member_b,
                                                 closing_photo=png())
    action_c = CorrectiveAction.objects.filter(assessment=submitted_c).order_by("pk").first()
    cert_member_b = report_services.assessment_certificate_issue(report_id=report_b.pk,
                                                                 user_id=member_b.pk)
    cert_member_c = report_services.assessment_certificate_issue(report_id=report_c.pk,
                                                                 user_id=member_c.pk)
    for certificate in (cert_learner, cert_member_a, cert_member_b, cert_member_c):
        # What the Celery task stores; a cheap stand-in keeps WeasyPrint out of the matrix.
        certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
        Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
        certificate.refresh_from_db()

    with TestCase.captureOnCommitCallbacks(execute=False):
        export_p = certificate_services.certificate_export_request(user=officer_p,
                                                                   cooperative=coop_a)
        export_q = certificate_services.certificate_export_request(user=officer_q,
                                                                   cooperative=coop_c)
    export_p = export_build(export_id=export_p.pk)
    export_q = export_build(export_id=export_q.pk)
    assert export_p.status == export_q.status == Export.Status.DONE

    root_collection = Collection.get_first_root_node()
    child_collection = root_collection.add_child(name="Tài liệu tập huấn")
    image = get_image_model().objects.create(title="Ảnh vải thiều", file=png("vai.png"),
                                             uploaded_by_user=trainer_x)
    document = get_document_model().objects.create(
        title="Sổ tay", file=ContentFile(b"so tay", name="so-tay.txt"),
        uploaded_by_user=trainer_x)
    redirect = Redirect.objects.create(old_path="/cu", redirect_link="/moi")

    users = {"anonymous": None, "learner": learner, "member_a": member_a,
             "manager_a": manager_a, "member_b": member_b, "trainer_x": trainer_x,
             "trainer_y": trainer_y, "officer_p": officer_p, "officer_q": officer_q,
             "admin": admin}
    return World(
        users=users, coop_a=coop_a, coop_b=coop_b, coop_c=coop_c, union_p=union_p,
        commune_q=commune_q, scope_q=scope_q, pending_a=pending_a, membership_a=membership_a,
        membership_c=membership_c, sheet_a=sheet_a, course_x=course_x, course_y=course_y,
        draft_x=draft_x,
        lesson_x=lessons_of(course_x)[0], quiz_x=quiz_of(course_x),
        lesson_y=lessons_of(course_y)[0], category=CourseCategory.objects.first(),
        vietgap=vietgap, ocop=ocop, open_a=open_a, photo_a=photo_a,
        section_a=Section.objects.get(pk=point_a.section_id), point_a=point_a,
        submitted_b=submitted_b, photo_b=EvidencePhoto.objects.get(answer__assessment=submitted_b),
        action_b=action_b, submitted_c=submitted_c,
        photo_c=EvidencePhoto.objects.get(answer__assessment=submitted_c), action_c=action_c,
        cert_learner=cert_learner, cert_member_a=cert_member_a, cert_member_b=cert_member_b,
        cert_member_c=cert_member_c, export_p=export_p, export_q=export_q, image=image,
        document=document, redirect=redirect, collection=root_collection,
        child_collection=child_collection, site=Site.objects.get(is_default_site=True),
        locale=Locale.objects.get(language_code="vi"), workflow=Workflow.objects.first(),
        task=Task.objects.first(), trainers_group=trainer_x.groups.get(),
        revision_x=Page.objects.get(pk=course_x.pk).latest_revision,
        quiz_z=quiz_z, attempt_request_z=attempt_request_z,
    )


@pytest.fixture(scope="module")
def matrix_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world, built once for the module and rolled back after it. Its files live in a
    folder of their own for the module's life (each test points the settings back at it)."""
    folder = tmp_path_factory.mktemp("matrix")
    media = {"MEDIA_ROOT": folder / "media", "PRIVATE_MEDIA_ROOT": folder / "private"}
    with django_db_blocker.unblock(), override_settings(**media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            world = build_world()
            world.media = media
            yield world
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def world(matrix_world, settings, django_db_blocker):
    """The module's world for one test, with database access and its media folders."""
    for name, value in matrix_world.media.items():
        setattr(settings, name, value)
    with django_db_blocker.unblock():
        yield matrix_world

