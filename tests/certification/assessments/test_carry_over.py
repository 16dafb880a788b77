"""A new self-assessment starts from the cooperative's last submitted one of the same standard:
profile, answers, justifications, notes and photos carried over, marked until confirmed."""

import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from certification import scoring
from certification.assessments import services
from certification.models import Answer, Assessment, ControlPoint, EvidencePhoto
from certification.reports import services as report_services
from tests.factories import CooperativeFactory, MembershipFactory
from tests.factories.checklists import globalgap_dict, ocop_dict, version_from_dict

pytestmark = pytest.mark.django_db


def jpeg(name="kho-thuoc.jpg") -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", (48, 32), (30, 120, 60)).save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def points(version) -> dict[str, ControlPoint]:
    return {p.code: p for p in ControlPoint.objects.filter(section__version=version)
            .select_related("section").prefetch_related("options")}


def submit_all(cooperative, user, version, *, value=scoring.COMPLIANT, **overrides):
    """Start, answer every point (``overrides`` by code, dots as underscores) and submit."""
    assessment = services.assessment_start(cooperative=cooperative, standard=version.standard,
                                           user=user)
    services.assessment_profile_save(assessment=assessment, user=user,
                                     answers={"greenhouse": True})
    overrides = {code.replace("_", "."): chosen for code, chosen in overrides.items()}
    for code, point in points(version).items():
        options = [option.code for option in point.options.all()]
        chosen = overrides.get(code, "c" if options else value)
        services.answer_save(assessment=assessment, control_point=point, user=user,
                             value=chosen, justification=f"Sổ ghi chép {code}",
                             note=f"Ghi chú {code}")
    report_services.assessment_submit(assessment=assessment, user=user)
    assessment.refresh_from_db()
    return assessment


@pytest.fixture
def globalgap():
    return version_from_dict(globalgap_dict(minors=4))


@pytest.fixture
def first(cooperative, manager, globalgap):
    """A submitted assessment with a photo on AF.1 and CB.2 not compliant."""
    assessment = services.assessment_start(cooperative=cooperative,
                                           standard=globalgap.standard, user=manager)
    services.evidence_add(assessment=assessment, control_point=points(globalgap)["AF.1"],
                          user=manager, upload=jpeg())
    return submit_all(cooperative, manager, globalgap, CB_2=scoring.NOT_COMPLIANT)


def test_a_new_assessment_starts_from_the_last_submitted_one(cooperative, manager, globalgap,
                                                              first):
    second = services.assessment_start(cooperative=cooperative, standard=globalgap.standard,
                                       user=manager)

    assert second.pk != first.pk and second.profile == {"greenhouse": True}
    answers = {a.control_point.code: a for a in Answer.objects.filter(assessment=second)
               .select_related("control_point")}
    assert set(answers) == set(points(globalgap))
    assert answers["CB.2"].value == scoring.NOT_COMPLIANT
    assert (answers["AF.1"].justification, answers["AF.1"].note) == ("Sổ ghi chép AF.1",
                                                                     "Ghi chú AF.1")
    assert all(a.carried_over for a in answers.values())
    copied = EvidencePhoto.objects.get(answer=answers["AF.1"])
    original = EvidencePhoto.objects.get(answer__assessment=first)
    assert copied.image.name != original.image.name
    assert copied.image.read() == original.image.read()


def test_nothing_is_carried_over_from_an_open_assessment_or_another_cooperative(
        cooperative, manager, globalgap):
    open_one = services.assessment_start(cooperative=cooperative,
                                         standard=globalgap.standard, user=manager)
    services.answer_save(assessment=open_one, control_point=points(globalgap)["AF.1"],
                         user=manager, value=scoring.COMPLIANT)
    other = CooperativeFactory()
    other_manager = MembershipFactory(cooperative=other, role="manager").user
    submit_all(other, other_manager, globalgap)
    Assessment.objects.filter(pk=open_one.pk).delete()

    fresh = services.assessment_start(cooperative=cooperative, standard=globalgap.standard,
                                      user=manager)

    assert not Answer.objects.filter(assessment=fresh).exists() and fresh.profile is None


def test_a_new_version_takes_what_still_fits_by_code(cooperative, manager):
    old = version_from_dict(ocop_dict())
    submit_all(cooperative, manager, old, A1_1="b")
    data = ocop_dict()
    data["version"]["label"] = "v2"
    a11 = data["sections"][0]["points"][0]
    a11["options"] = [o for o in a11["options"] if o["code"] != "b"]  # "b" is gone
    data["sections"][2]["points"].pop()  # C1.2 is gone
    new = version_from_dict(data)

    assessment = services.assessment_start(cooperative=cooperative, standard=new.standard,
                                           user=manager)

    carried = {a.control_point.code: a.value for a in Answer.objects.filter(
        assessment=assessment).select_related("control_point")}
    assert assessment.version == new
    assert carried == {"A1.2": "c", "B1.1": "c", "B1.2": "c", "C1.1": "c"}


def test_saving_any_field_confirms_a_carried_over_answer(cooperative, manager, globalgap,
                                                         first):
    second = services.assessment_start(cooperative=cooperative, standard=globalgap.standard,
                                       user=manager)
    point = points(globalgap)["CB.2"]

    services.answer_save(assessment=second, control_point=point, user=manager, note="Đã sửa")

    answer = Answer.objects.get(assessment=second, control_point=point)
    assert not answer.carried_over and answer.value == scoring.NOT_COMPLIANT
    assert Answer.objects.filter(assessment=second, carried_over=True).count() == \
        len(points(globalgap)) - 1


def test_the_section_page_marks_carried_over_answers_and_confirms_them(
        cooperative, manager, globalgap, first):
    second = services.assessment_start(cooperative=cooperative, standard=globalgap.standard,
                                       user=manager)
    section = points(globalgap)["AF.1"].section
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)
    address = reverse("readiness:section", args=[second.pk, section.pk])

    page = client.get(address).content.decode()
    assert page.count("Đã chuyển sang, hãy xác nhận") == 3  # AF.1, AF.2, AF.R1
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    refused = Client(enforce_csrf_checks=True)
    refused.force_login(manager)
    assert refused.post(address, {"confirm": "all"}).status_code == 403
    response = client.post(address, {"csrfmiddlewaretoken": token, "confirm": "all"})

    assert response.status_code == 302
    left = Answer.objects.filter(assessment=second, carried_over=True)
    assert not left.filter(control_point__section=section).exists()
    assert left.exists()  # the other section's answers still wait for their confirmation
    assert "Đã chuyển sang, hãy xác nhận" not in client.get(address).content.decode()


def test_a_carried_over_assessment_submits_and_compares_with_the_previous_report(
        cooperative, manager, globalgap, first):
    second = services.assessment_start(cooperative=cooperative, standard=globalgap.standard,
                                       user=manager)
    services.answer_save(assessment=second, control_point=points(globalgap)["CB.2"],
                         user=manager, value=scoring.COMPLIANT)

    report = report_services.assessment_submit(assessment=second, user=manager)
    client = Client()
    client.force_login(manager)
    page = client.get(reverse("readiness:report", args=[second.pk]))

    assert report.ready and page.status_code == 200
    assert page.context["previous"].assessment_id == first.pk
