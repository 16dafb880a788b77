"""Self-assessment services: starting, the profile and applicability, saving answers field by
field (also from two members at once), submitting and the frozen report, the action plan."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from certification import scoring
from certification.assessments import selectors as assessment_selectors
from certification.assessments import services
from certification.models import (
    Answer,
    Assessment,
    Certificate,
    ControlPoint,
    CorrectiveAction,
    ReadinessReport,
    Standard,
)
from certification.reports import services as report_services
from tests.factories import MembershipFactory, OfficerFactory, province
from tests.factories.checklists import (
    assessment_for,
    globalgap_dict,
    ocop_dict,
    version_from_dict,
    vietgap_dict,
)

pytestmark = pytest.mark.django_db


def point(version, code) -> ControlPoint:
    return ControlPoint.objects.select_related("section").get(section__version=version,
                                                              code=code)


def answer_all(assessment, user, value=scoring.COMPLIANT, **overrides):
    """Answer every point of the assessment's version (options: the first given or "c")."""
    for control_point in ControlPoint.objects.filter(section__version=assessment.version) \
            .select_related("section").prefetch_related("options"):
        options = [option.code for option in control_point.options.all()]
        chosen = overrides.get(control_point.code, "c" if options else value)
        extra = {}
        if not options and control_point.justification_needed(chosen):
            extra["justification"] = "Đã kiểm tra sổ ghi chép"
        services.answer_save(assessment=assessment, control_point=control_point, user=user,
                             value=chosen, **extra)


@pytest.fixture
def globalgap():
    return version_from_dict(globalgap_dict())


def test_a_manager_starts_an_assessment_on_the_published_version_once(cooperative, manager,
                                                                       globalgap):
    standard = globalgap.standard
    first = services.assessment_start(cooperative=cooperative, standard=standard, user=manager)
    again = services.assessment_start(cooperative=cooperative, standard=standard, user=manager)
    assert first == again
    assert first.version == globalgap and first.status == Assessment.Status.IN_PROGRESS


def test_a_member_who_is_not_a_manager_cannot_start_one(cooperative, member, globalgap):
    with pytest.raises(PermissionDenied):
        services.assessment_start(cooperative=cooperative, standard=globalgap.standard,
                                  user=member)


def test_a_standard_without_a_published_version_cannot_be_assessed(cooperative, manager):
    draft = version_from_dict(vietgap_dict(), publish=False)
    with pytest.raises(ValidationError):
        services.assessment_start(cooperative=cooperative, standard=draft.standard,
                                  user=manager)


def test_the_profile_keeps_only_the_versions_tags(cooperative, manager, globalgap):
    assessment = assessment_for(cooperative=cooperative, version=globalgap, user=manager,
                                profile=None)
    services.assessment_profile_save(assessment=assessment, user=manager,
                                     answers={"greenhouse": True, "invented": True})
    assessment.refresh_from_db()
    assert assessment.profile == {"greenhouse": True}
    assert assessment.profile_tags == {"greenhouse"}


def test_a_point_tagged_for_greenhouses_applies_only_with_a_greenhouse(cooperative, manager,
                                                                       globalgap):
    without = assessment_for(cooperative=cooperative, version=globalgap, user=manager,
                             profile={"greenhouse": False})
    answer_all(without, manager)
    Answer.objects.filter(assessment=without, control_point__code="CB.G1").delete()
    assert assessment_selectors.assessment_unanswered(without) == 0

    services.assessment_profile_save(assessment=without, user=manager,
                                     answers={"greenhouse": True})
    assert assessment_selectors.assessment_unanswered(without) == 1


def test_answers_save_only_the_fields_given(cooperative, manager, member, globalgap):
    assessment = assessment_for(cooperative=cooperative, version=globalgap, user=manager)
    af1 = point(globalgap, "AF.1")
    services.answer_save(assessment=assessment, control_point=af1, user=manager,
                         note="Ghi chú của quản lý")
    services.answer_save(assessment=assessment, control_point=af1, user=member,
                         value=scoring.NOT_COMPLIANT)
    answer = Answer.objects.get(assessment=assessment, control_point=af1)
    assert (answer.note, answer.value) == ("Ghi chú của quản lý", scoring.NOT_COMPLIANT)
    assert answer.answered_by == member


def test_not_applicable_is_refused_where_the_point_always_applies(cooperative, manager):
    data = vietgap_dict(points=1)
    data["sections"][0]["points"][0]["na_allowed"] = False
    version = version_from_dict(data)
    assessment = assessment_for(cooperative=cooperative, version=version, user=manager)
    with pytest.raises(ValidationError) as error:
        services.answer_save(assessment=assessment, control_point=point(version, "VG.1.1"),
                             user=manager, value=scoring.NOT_APPLICABLE)
    assert error.value.code == "na_refused"
    assert not Answer.objects.filter(assessment=assessment, value__gt="").exists()


def test_an_unknown_answer_or_a_point_of_another_checklist_is_refused(cooperative, manager,
                                                                      globalgap):
    assessment = assessment_for(cooperative=cooperative, version=globalgap, user=manager)
    with pytest.raises(ValidationError):
        services.answer_save(assessment=assessment, control_point=point(globalgap, "AF.1"),
                             user=manager, value="maybe")
    other = version_from_dict(vietgap_dict())
    with pytest.raises(ValidationError):
        services.answer_save(assessment=assessment, control_point=point(other, "VG.1.1"),
                             user=manager, value=scoring.COMPLIANT)


def test_officers_and_outsiders_cannot_answer(cooperative, manager, globalgap):
    assessment = assessment_for(cooperative=cooperative, version=globalgap, user=manager)
    officer = OfficerFactory(provinces=[province("Bắc Ninh")])
    outsider = MembershipFactory().user
    for user in (officer, outsider):
        with pytest.raises(PermissionDenied):
            services.answer_save(assessment=assessment, control_point=point(globalgap, "AF.1"),
                                 user=user, value=scoring.COMPLIANT)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="concurrent writers need PostgreSQL (CI's second pass)")
def test_two_members_answering_at_once_lose_nothing(cooperative, manager, member):
    """Two members save the same points at the same moment, one the values and the other the
    notes, from two database connections: every value and every note is kept."""
    version = version_from_dict(globalgap_dict(minors=10))
    assessment = assessment_for(cooperative=cooperative, version=version, user=manager)
    points = list(ControlPoint.objects.filter(section__version=version)
                  .select_related("section").prefetch_related("options"))
    barrier = threading.Barrier(2)
    errors = []

    def work(user, field, value):
        try:
            barrier.wait(timeout=10)
            for control_point in points:
                services.answer_save(assessment=assessment, control_point=control_point,
                                     user=user, **{field: value})
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(manager, "value", scoring.COMPLIANT)),
               threading.Thread(target=work, args=(member, "note", "Đã xem tại ruộng"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    answers = Answer.objects.filter(assessment=assessment)
    assert answers.count() == len(points)
    assert set(answers.values_list("value", "note")) == {(scoring.COMPLIANT, "Đã xem tại ruộng")}


def test_submitting_with_unanswered_points_is_refused(cooperative, manager, globalgap):
    assessment = assessment_for(cooperative=cooperative, version=globalgap, user=manager)
    services.answer_save(assessment=assessment, control_point=point(globalgap, "AF.1"),
                         user=manager, value=scoring.COMPLIANT)
    with pytest.raises(ValidationError) as error:
        report_services.assessment_submit(assessment=assessment, user=manager)
    assert error.value.code == "unanswered"
    assert not ReadinessReport.objects.exists()


def test_twenty_minors_with_one_failure_submit_as_ready_with_one_action(cooperative, manager,
                                                                        globalgap):
    assessment = assessment_for(cooperative=cooperative, version=globalgap, user=manager)
    answer_all(assessment, manager, **{"CB.3": scoring.NOT_COMPLIANT})

    report = report_services.assessment_submit(assessment=assessment, user=manager)

    assert report.ready and report.reason == scoring.READY
    snapshot = report.snapshot
    assert snapshot["tolerated_minor_failures"] == 1
    assert snapshot["minor_failures_remaining"] == 0
    assert [gap["code"] for gap in snapshot["gaps"]] == ["CB.3"]
    assert snapshot["gaps"][0]["blocking"] is False
    assert snapshot["points"]["CB.G1"] == "not_in_scope"
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    actions = CorrectiveAction.objects.filter(assessment=assessment)
    assert [action.control_point.code for action in actions] == ["CB.3"]
    assert actions[0].owner == manager and actions[0].due_date is not None


def test_a_failed_major_is_a_blocking_gap_listed_first(cooperative, manager, globalgap):
    assessment = assessment_for(cooperative=cooperative, version=globalgap, user=manager)
    answer_all(assessment, manager, **{"CB.1": scoring.NOT_COMPLIANT,
                                       "AF.2": scoring.NOT_COMPLIANT,
                                       "AF.R1": scoring.NOT_COMPLIANT})
    report = report_services.assessment_submit(assessment=assessment, user=manager)
    assert not report.ready and report.reason == scoring.MAJOR_FAILED
    assert [(gap["code"], gap["blocking"]) for gap in report.snapshot["gaps"]] == [
        ("AF.2", True), ("CB.1", False), ("AF.R1", False)]


def test_submitting_freezes_the_report_and_answers(cooperative, manager, globalgap):
    assessment = assessment_for(cooperative=cooperative, version=globalgap, user=manager)
    answer_all(assessment, manager)
    report = report_services.assessment_submit(assessment=assessment, user=manager)

    assert report_services.assessment_submit(assessment=assessment, user=manager) == report
    with pytest.raises(ValidationError):
        services.answer_save(assessment=assessment, control_point=point(globalgap, "AF.1"),
                             user=manager, value=scoring.NOT_COMPLIANT)
    report.snapshot["ready"] = False
    with pytest.raises(ValueError):
        report.save()
    report.refresh_from_db()
    assert report.snapshot["ready"] is True


def test_submitting_issues_one_assessment_certificate_and_the_pdf(cooperative, manager,
                                                                  globalgap):
    assessment = assessment_for(cooperative=cooperative, version=globalgap, user=manager)
    answer_all(assessment, manager)
    with pytest.MonkeyPatch.context() as patch:
        rendered = []
        patch.setattr("certification.reports.services.readiness_report_render_pdf",
                      lambda **kwargs: rendered.append(kwargs) or True)
        from django.test import TestCase

        with TestCase.captureOnCommitCallbacks(execute=True):
            report = report_services.assessment_submit(assessment=assessment, user=manager)
    assert rendered == [{"report_id": str(report.pk), "language": "vi"}]
    certificate = Certificate.objects.get(recipient=manager, kind=Certificate.Kind.ASSESSMENT)
    assert certificate.source_key == f"assessment:{assessment.pk}"
    assert certificate.snapshot["cooperative"] == cooperative.name
    assert certificate.cooperative == cooperative


def test_missing_justifications_and_evidence_are_reported(cooperative, manager, globalgap):
    assessment = assessment_for(cooperative=cooperative, version=globalgap, user=manager,
                                profile={"greenhouse": True})
    answer_all(assessment, manager)
    services.answer_save(assessment=assessment, control_point=point(globalgap, "AF.1"),
                         user=manager, justification="")
    report = report_services.assessment_submit(assessment=assessment, user=manager)
    assert [item["code"] for item in report.snapshot["missing_justification"]] == ["AF.1"]
    assert [item["code"] for item in report.snapshot["missing_evidence"]] == ["CB.G1"]


def test_vietgap_needs_every_requirement(cooperative, manager):
    version = version_from_dict(vietgap_dict(points=4))
    assessment = assessment_for(cooperative=cooperative, version=version, user=manager)
    answer_all(assessment, manager, **{"VG.1.2": scoring.NOT_COMPLIANT})
    report = report_services.assessment_submit(assessment=assessment, user=manager)
    assert not report.ready and report.reason == scoring.MANDATORY_FAILED
    assert [gap["code"] for gap in report.snapshot["gaps"]] == ["VG.1.2"]


def test_ocop_projects_stars_and_plans_the_cheapest_moves(cooperative, manager):
    version = version_from_dict(ocop_dict())
    assessment = assessment_for(cooperative=cooperative, version=version, user=manager)
    # A1.1 10 + A1.2 10 + B1.1 7 + B1.2 5 + C1.1 10 + C1.2 7 = 49 points: 2 stars, 1 to the next.
    answer_all(assessment, manager,
               **dict.fromkeys(("A1.1", "A1.2", "B1.1", "B1.2", "C1.1", "C1.2"), "b"))
    report = report_services.assessment_submit(assessment=assessment, user=manager)
    ocop = report.snapshot["ocop"]
    assert (ocop["total"], ocop["stars"], ocop["points_to_next_star"]) == (49, 2, 1)
    assert not report.ready and report.reason == scoring.BELOW_TARGET_STARS
    assert ocop["suggestions"] and ocop["reaches_next_star"]
    actions = CorrectiveAction.objects.filter(assessment=assessment)
    assert [action.gap for action in actions] == ["improve"] * len(ocop["suggestions"])
    assert sum(action.gain for action in actions) >= 1


def test_closing_a_corrective_action_needs_a_note(cooperative, manager, globalgap):
    assessment = assessment_for(cooperative=cooperative, version=globalgap, user=manager)
    answer_all(assessment, manager, **{"AF.1": scoring.NOT_COMPLIANT})
    report_services.assessment_submit(assessment=assessment, user=manager)
    action = CorrectiveAction.objects.get(assessment=assessment)
    with pytest.raises(ValidationError):
        services.corrective_action_update(action=action, user=manager,
                                          status=CorrectiveAction.Status.DONE)
    services.corrective_action_update(action=action, user=manager,
                                      status=CorrectiveAction.Status.DONE,
                                      closing_note="Đã lập bản đồ trang trại")
    action.refresh_from_db()
    assert action.status == CorrectiveAction.Status.DONE and action.closed_at is not None


def test_standard_current_version_is_the_newest_published(globalgap):
    newer = version_from_dict(globalgap_dict(label="v2"))
    version_from_dict(globalgap_dict(label="v3"), publish=False)
    assert Standard.objects.get(code="globalgap-test").current_version() == newer
