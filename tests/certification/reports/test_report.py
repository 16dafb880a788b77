"""The readiness report after submission: what it says for each scoring rule (in either
language), the PDF, its immutability, the comparison of two reports, the action plan, the
self-assessment certificate, who may open each page, and the page's number of queries."""

import re
import subprocess
import unicodedata
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image
from wagtail.models import Locale

from certification import scoring
from certification.assessments import services
from certification.certificates import pdf
from certification.certificates import services as certificate_services
from certification.models import (
    Certificate,
    ControlPoint,
    CorrectiveAction,
    ReadinessReport,
    ReadinessReportPdf,
)
from certification.reports import services as report_services
from certification.reports.context import compare_reports, report_context, verdict
from courses.models import CourseIndexPage
from tests.factories import MembershipFactory, OfficerFactory, UserFactory, province
from tests.factories.checklists import (
    assessment_for,
    checklist_dict,
    globalgap_dict,
    ocop_dict,
    point,
    version_from_dict,
    vietgap_dict,
)
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db

COOPERATIVE_NAME = "Hợp tác xã Vải thiều Phượng Sơn"
# User (the session comes from the cache), assessment with its report, its PDFs, membership,
# actions, courses, previous report and the user's certificate (the menu's permissions are
# cached after the first page).
REPORT_PAGE_QUERIES = 8


# --- helpers -------------------------------------------------------------------------------


def points_of(version) -> list[ControlPoint]:
    return list(ControlPoint.objects.filter(section__version=version)
                .select_related("section").prefetch_related("options")
                .order_by("section__sort_order", "sort_order", "pk"))


def answer_all(assessment, user, value=scoring.COMPLIANT, *, justify=True, **overrides):
    """Answer every applicable point: ``value`` (or option "c"), except the codes given as
    keyword arguments (dots written as underscores: AF_1="not_compliant")."""
    overrides = {code.replace("_", "."): chosen for code, chosen in overrides.items()}
    tags = assessment.profile_tags
    for control_point in points_of(assessment.version):
        if control_point.tag_set and control_point.tag_set.isdisjoint(tags):
            continue
        options = [option.code for option in control_point.options.all()]
        chosen = overrides.get(control_point.code, "c" if options else value)
        extra = {}
        if justify and not options and control_point.justification_needed(chosen):
            extra["justification"] = "Đã kiểm tra sổ ghi chép của tổ"
        services.answer_save(assessment=assessment, control_point=control_point, user=user,
                             value=chosen, **extra)


def submitted(version, cooperative, user, *, profile=None, justify=True, value="compliant",
              **overrides) -> ReadinessReport:
    assessment = assessment_for(cooperative=cooperative, version=version, user=user,
                                profile=profile)
    answer_all(assessment, user, value, justify=justify, **overrides)
    return report_services.assessment_submit(assessment=assessment, user=user)


def pdf_text(data: bytes, *, first: int | None = None, last: int | None = None) -> str:
    pages = []
    if first:
        pages += ["-f", str(first)]
    if last:
        pages += ["-l", str(last)]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, "-", "-"], input=data,
                          check=True, capture_output=True).stdout.decode()
    return " ".join(unicodedata.normalize("NFC", text).split())


def pdf_pages(data: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=data, check=True,
                          capture_output=True).stdout.decode()
    return int(next(line.split()[-1] for line in info.splitlines()
                    if line.startswith("Pages:")))


def pdf_row(report, language: str) -> ReadinessReportPdf:
    return ReadinessReportPdf.objects.get(report=report, language=language)


def stored_pdf(report, language: str, content: bytes = b"%PDF-1.4\n") -> ReadinessReportPdf:
    """What the worker leaves, without WeasyPrint."""
    row, _ = ReadinessReportPdf.objects.get_or_create(report=report, language=language)
    row.file.save(f"{language}.pdf", ContentFile(content), save=False)
    ReadinessReportPdf.objects.filter(pk=row.pk).update(file=row.file.name, next_try_at=None)
    return row


def url(name: str, *args) -> str:
    return reverse(f"readiness:{name}", args=args)


def png_upload(name="da-sua.png") -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", (40, 30), (200, 160, 20)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


@pytest.fixture
def cooperative(db):
    from tests.factories import CooperativeFactory

    return CooperativeFactory(name=COOPERATIVE_NAME)


@pytest.fixture
def globalgap():
    return version_from_dict(globalgap_dict())


@pytest.fixture
def gaps_report(globalgap, cooperative, manager):
    """GlobalG.A.P. with one Major and one Minor not compliant: not ready (Major)."""
    return submitted(globalgap, cooperative, manager, AF_1="not_compliant", CB_3="not_compliant")


# --- report_context: the verdict and its reason, rule by rule --------------------------------


def test_a_globalgap_report_with_everything_met_is_ready_and_says_why(globalgap, cooperative,
                                                                       manager):
    report = submitted(globalgap, cooperative, manager)

    context = report_context(report, language="en")

    assert report.ready and context["verdict"]["ready"]
    assert context["verdict"]["title"] == "Ready"
    assert context["verdict"]["text"] == (
        "Every Major Must that applies is met, and 100% of the Minor Musts are met (at least "
        "95% are needed).")
    # 20 applicable Minor Musts (the greenhouse one does not apply): floor(5% x 20) = 1.
    assert context["globalgap"]["tolerated"] == 1
    assert context["globalgap"]["text"] == "1 more Minor Must failure is tolerated."
    assert context["gaps"] == [] and context["actions"] == []


def test_failed_major_musts_block_and_are_counted_for_the_manager(globalgap, cooperative,
                                                                  manager):
    report = submitted(globalgap, cooperative, manager, AF_1="not_compliant",
                       AF_2="not_compliant", CB_4="not_compliant", AF_R1="not_compliant")

    context = report_context(report, language="en")

    assert context["verdict"]["reason"] == scoring.MAJOR_FAILED
    assert context["verdict"]["text"] == ("2 Major Musts are not met; every Major Must has to "
                                          "be met.")
    assert [gap["code"] for gap in context["blocking_gaps"]] == ["AF.1", "AF.2"]
    # Blocking gaps first, then the Minor (still tolerated) and the Recommendation.
    assert [gap["code"] for gap in context["gaps"]] == ["AF.1", "AF.2", "CB.4", "AF.R1"]
    assert context["gaps"][0]["level_label"] == "Major Must"
    assert context["gaps"][0]["status_label"] == "Not compliant"
    major = next(row for row in context["levels"] if row["level"] == "major")
    assert (major["compliant"], major["applicable"], major["percent"], major["met"]) == \
        (0, 2, 0, False)


def test_too_many_minor_failures_give_the_threshold_and_how_many_are_too_many(
        globalgap, cooperative, manager):
    report = submitted(globalgap, cooperative, manager, CB_1="not_compliant",
                       CB_2="not_compliant", CB_3="not_compliant")

    context = report_context(report, language="en")

    assert context["verdict"]["reason"] == scoring.MINOR_BELOW_THRESHOLD
    assert context["verdict"]["text"] == (
        "3 Minor Musts are not met, so 85% of the Minor Musts are met; at least 95% have to be "
        "met (at most 1 failures).")
    assert (context["globalgap"]["remaining"], context["globalgap"]["too_many"]) == (0, 2)
    assert context["globalgap"]["text"] == ("2 Minor Must failures too many: fix at least 2 to "
                                            "reach the threshold.")
    assert all(gap["blocking"] for gap in context["gaps"])


def test_too_many_minor_failures_are_never_shown_as_a_negative_count_on_the_page_or_the_pdf(
        client, globalgap, cooperative, manager):
    report = submitted(globalgap, cooperative, manager, CB_1="not_compliant",
                       CB_2="not_compliant", CB_3="not_compliant")
    client.force_login(manager)

    vietnamese = client.get(url("report", report.assessment_id))
    manager.preferred_language = "en"
    manager.save()
    english = client.get(url("report", report.assessment_id))
    assert report_services.readiness_report_render_pdf(report_id=report.pk, language="en")
    assert report_services.readiness_report_render_pdf(report_id=report.pk, language="vi")
    pdf_en = pdf_text(pdf_row(report, "en").file.read())
    pdf_vi = pdf_text(pdf_row(report, "vi").file.read())

    sentence_en = "2 Minor Must failures too many: fix at least 2 to reach the threshold."
    sentence_vi = ("Có 2 điểm Bắt buộc phụ không đạt vượt ngưỡng: cần khắc phục ít nhất 2 điểm "
                   "để đạt ngưỡng.")
    page_en = " ".join(english.content.decode().split())
    page_vi = " ".join(vietnamese.content.decode().split())
    assert "<strong>2</strong><span>Minor Must failures too many</span>" in page_en
    assert sentence_en in page_en and sentence_en in pdf_en
    assert sentence_vi in page_vi and sentence_vi in pdf_vi
    for text in (page_en, page_vi, pdf_en, pdf_vi):
        assert not re.search(r"(^|[\s>(])[-−]\d", text)
    assert "more Minor Must failures tolerated" not in page_en


def test_a_vietgap_requirement_not_met_blocks(cooperative, manager):
    version = version_from_dict(vietgap_dict(points=4))
    report = submitted(version, cooperative, manager, VG_1_2="not_compliant")

    context = report_context(report, language="en")

    assert context["verdict"]["reason"] == scoring.MANDATORY_FAILED
    assert context["verdict"]["text"] == ("1 requirement is not met; every requirement that "
                                          "applies has to be met.")
    assert [row["label"] for row in context["levels"]] == ["Required"]
    assert context["levels"][0]["percent"] == 75
    assert context["globalgap"] is None and context["ocop"] is None


def test_an_ocop_score_below_the_target_ranks_the_cheapest_changes_first(cooperative,
                                                                          manager):
    version = version_from_dict(ocop_dict())
    # A: 20 + 10, B: 7 + 5, C: 0 + 0 = 42 points, 2 stars; 8 more reach 3 stars.
    report = submitted(version, cooperative, manager, A1_2="b", B1_1="b", B1_2="b",
                       C1_1="a", C1_2="a")

    context = report_context(report, language="en")
    ocop = context["ocop"]

    assert context["verdict"]["reason"] == scoring.BELOW_TARGET_STARS
    assert context["verdict"]["text"] == ("The projected score of 42/100 gives 2 stars; at "
                                          "least 3 stars are needed.")
    assert (ocop["total"], ocop["stars"], ocop["points_to_next_star"]) == (42, 2, 8)
    assert [(part["part"], part["points"], part["max_points"]) for part in ocop["parts"]] == \
        [("A", 30, 40), ("B", 12, 25), ("C", 0, 35)]
    assert ocop["star_marks"] == [True, True, False, False, False]
    # One change is enough: the smallest single change of at least 8 points.
    assert [(move["code"], move["from"], move["to"], move["gain"])
            for move in ocop["suggestions"]] == [("B1.1", "Medium", "High", 8)]
    assert ocop["next_text"] == ("8 more points reach 3 stars. The change below gains 8 "
                                 "points.")


def test_an_ocop_score_at_the_top_has_no_next_star(cooperative, manager):
    report = submitted(version_from_dict(ocop_dict()), cooperative, manager)

    context = report_context(report, language="en")

    assert context["verdict"]["ready"]
    assert context["verdict"]["text"] == ("The projected score of 100/100 gives 5 stars, which "
                                          "reaches the target of 3 stars.")
    assert context["ocop"]["next_star"] is None
    assert context["ocop"]["suggestions"] == []
    assert context["ocop"]["next_text"] == "This is the highest star rating."


def ocop_with_minimums_and_a_refusal() -> dict:
    """The test sheet with a 3-star minimum on A1.1 ("Medium" at least) and a refusal ground:
    criterion C1.2's "Low" answer stands for forged papers."""
    data = ocop_dict()
    for section in data["sections"]:
        for criterion in section["points"]:
            if criterion["code"] == "A1.1":
                criterion["options"][1]["min_stars"] = 3
            if criterion["code"] == "C1.2":
                criterion["options"][0]["refuses"] = True
    return data


def test_an_ocop_minimum_not_met_holds_the_stars_below_the_band(cooperative, manager):
    version = version_from_dict(ocop_with_minimums_and_a_refusal())
    # A: 0 + 20, B: 15 + 10, C: 20 + 15 = 80 points (4-star band), but A1.1 is below its
    # 3-star minimum: 2 stars.
    report = submitted(version, cooperative, manager, A1_1="a")

    context = report_context(report, language="en")
    ocop = context["ocop"]

    assert (ocop["total"], ocop["band_stars"], ocop["stars"]) == (80, 4, 2)
    assert not report.ready and context["verdict"]["reason"] == scoring.MINIMUMS_NOT_MET
    assert context["verdict"]["text"] == (
        "The projected score of 80/100 falls in the band of 4 stars, but the minimums of the "
        "official sheet hold the product at 2 stars; at least 3 stars are needed.")
    assert [(item["code"], item["from"], item["to"], item["stars"])
            for item in ocop["unmet_minimums"]] == [("A1.1", "Low", "Medium", 3)]
    assert ocop["next_text"] == ("The points already reach 3 stars; 1 criterion is below the "
                                 "minimum the official sheet sets for it.")
    assert [(move["code"], move["to"]) for move in ocop["suggestions"]] == [("A1.1", "Medium")]


def test_an_ocop_refusal_ground_makes_the_report_not_eligible_on_the_page_and_in_the_pdf(
        client, cooperative, manager):
    version = version_from_dict(ocop_with_minimums_and_a_refusal())
    report = submitted(version, cooperative, manager, C1_2="a")  # 85 points, forged papers
    client.force_login(manager)

    html = client.get(url("report", report.assessment_id)).content.decode()
    context = report_context(report, language="en")

    assert not report.ready and context["verdict"]["reason"] == scoring.NOT_ELIGIBLE
    assert context["verdict"]["text"] == (
        "The dossier would be refused whatever its points: 1 answer is a ground for refusal "
        "under the official rules.")
    assert "Không đủ điều kiện: hồ sơ sẽ bị loại" in html and "C1.2" in html
    assert report_services.readiness_report_render_pdf(report_id=report.pk, language="en")
    assert "Not eligible: the dossier would be refused" in pdf_text(
        pdf_row(report, "en").file.read())


def test_an_ocop_pdf_lists_the_minimums_still_to_meet(cooperative, manager):
    version = version_from_dict(ocop_with_minimums_and_a_refusal())
    report = submitted(version, cooperative, manager, A1_1="a")

    assert report_services.readiness_report_render_pdf(report_id=report.pk, language="en")
    text = pdf_text(pdf_row(report, "en").file.read())

    assert "Minimums still to meet for 3 stars" in text
    assert "hold the product at 2 stars" in text


def test_unanswered_points_are_explained_although_submission_refuses_them():
    # A submitted report never has unanswered points; an imported or older snapshot may.
    snapshot = {"ready": False, "reason": scoring.UNANSWERED, "version": {"rule": "all_mandatory"},
                "gaps": [{"code": "X.1", "status": "unanswered", "blocking": True},
                         {"code": "X.2", "status": "unanswered", "blocking": True}]}
    from django.utils import translation

    with translation.override("en"):
        assert verdict(snapshot)["text"] == ("2 points that apply were not answered; every "
                                             "point that applies has to be answered.")


def test_texts_come_in_the_language_asked_for_and_fall_back_to_vietnamese(gaps_report):
    vi = report_context(gaps_report, language="vi")
    en = report_context(gaps_report, language="en")
    fallback = report_context(gaps_report, language="fr")

    assert vi["gaps"][0]["text"] == "Yêu cầu AF.1" and en["gaps"][0]["text"] == "Requirement AF.1"
    assert vi["standard"] == "Chuẩn globalgap-test" and en["standard"] == "Standard globalgap-test"
    assert fallback["language"] == "vi" and fallback["gaps"][0]["text"] == "Yêu cầu AF.1"


def test_sections_of_a_tree_carry_their_depth_and_the_totals_of_their_subtree(cooperative,
                                                                              manager):
    data = checklist_dict(code="nested", rule="percent_by_level", sections=[
        {"code": "AF", "title": {"vi": "Toàn trang trại", "en": "All farm"}, "sections": [
            {"code": "AF.1", "title": {"vi": "Lịch sử", "en": "History"},
             "points": [point("AF.1.1", "major"), point("AF.1.2", "minor")]},
            {"code": "AF.2", "title": {"vi": "Quản lý", "en": "Management"},
             "points": [point("AF.2.1", "minor"), point("AF.2.2", "recommendation")]},
        ]},
        {"code": "CB", "title": {"vi": "Cây trồng", "en": "Crops"},
         "points": [point("CB.1", "minor")]},
    ])
    report = submitted(version_from_dict(data), cooperative, manager, AF_2_1="not_compliant",
                       AF_2_2="not_applicable")

    rows = {row["code"]: row for row in report_context(report, language="en")["sections"]}

    assert list(rows) == ["AF", "AF.1", "AF.2", "CB"]
    assert [rows[code]["depth"] for code in rows] == [0, 1, 1, 0]
    assert (rows["AF"]["compliant"], rows["AF"]["applicable"], rows["AF"]["not_applicable"]) \
        == (2, 3, 1)
    assert rows["AF.2"]["percent"] == 0 and rows["AF.1"]["percent"] == 100
    assert rows["AF"]["title"] == "All farm"


def test_missing_justifications_and_evidence_and_the_profile_are_reported(globalgap,
                                                                          cooperative, manager):
    report = submitted(globalgap, cooperative, manager, profile={"greenhouse": True},
                       justify=False)

    context = report_context(report, language="en")

    assert [item["code"] for item in context["missing_justification"]] == ["AF.1", "AF.2"]
    assert [item["code"] for item in context["missing_evidence"]] == ["CB.G1"]
    assert context["missing_evidence"][0]["evidence"] == "Photo of the greenhouse"
    assert context["profile"] == [{"tag": "greenhouse", "question": "Any greenhouse?",
                                   "answer": True}]


def test_the_report_says_it_is_training_material_and_not_the_official_standard(gaps_report):
    statement = report_context(gaps_report, language="en")["statement"]

    assert statement["note"] == "Training material"
    assert "not the official checklist" in statement["text"]
    assert "certification body's official checklist" in statement["text"]
    assert "prevail" in statement["text"]


def test_the_training_marker_of_the_version_reads_in_the_pages_language(client, cooperative,
                                                                        manager):
    version = version_from_dict(globalgap_dict(label="IFA v5 (training)"))
    report = submitted(version, cooperative, manager)
    assessment_for(cooperative=cooperative, version=version, user=manager)  # one in progress
    client.force_login(manager)

    pages_vi = [client.get(url(name, *args)).content.decode()
                for name, args in (("home", ()), ("report", (report.assessment_id,)))]
    manager.preferred_language = "en"
    manager.save()
    page_en = client.get(url("report", report.assessment_id)).content.decode()

    for page in pages_vi:
        assert "IFA v5 (bản tập huấn)" in page and "(training)" not in page
    assert "IFA v5 (training)" in page_en and "bản tập huấn" not in page_en
    with translation.override("vi"):
        assert str(version).endswith("IFA v5 (bản tập huấn)")
    with translation.override("en"):
        assert str(version).endswith("IFA v5 (training)")


def test_the_submitter_and_the_date_are_stated(gaps_report, manager):
    context = report_context(gaps_report, language="en")

    assert context["submitted_by"] == manager.full_name
    assert context["submitted_at"].date() == timezone.localdate(gaps_report.created_at)
    assert context["cooperative"] == COOPERATIVE_NAME


# --- recommended courses -------------------------------------------------------------------


def _translate(course, title):
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = course.get_parent().get_parent()
    if not home.get_translation_or_none(english):
        home.copy_for_translation(english).save_revision().publish()
    catalog = CourseIndexPage.objects.get(locale__language_code="vi")
    if not catalog.get_translation_or_none(english):
        catalog.copy_for_translation(english).save_revision().publish()
    translated = course.copy_for_translation(english)
    translated.title = title
    translated.save_revision().publish()
    return translated


def test_courses_open_in_the_reports_language_with_one_query(cooperative, manager, settings):
    course = make_course(lessons=1, quiz=False)
    english = _translate(course, "Keeping farm records")
    plain = make_course(lessons=1, quiz=False)  # no English copy: the Vietnamese page
    data = globalgap_dict()
    data["sections"][0]["points"][0]["courses"] = [course.slug, plain.slug]
    report = submitted(version_from_dict(data), cooperative, manager, AF_1="not_compliant")
    settings.SITE_URL = "https://hoc.example.vn"

    def links(language, **kwargs):
        courses = report_context(report, language=language, **kwargs)["gaps"][0]["courses"]
        return sorted(courses, key=lambda link: link["title"])

    assert links("en") == [{"title": "Keeping farm records", "url": english.url},
                           {"title": plain.title, "url": plain.url}]
    assert links("vi") == [{"title": course.title, "url": course.url},
                           {"title": plain.title, "url": plain.url}]
    assert links("en", for_pdf=True)[0]["url"] == "https://hoc.example.vn" + english.url
    with CaptureQueriesContext(connection) as queries:
        report_context(report, language="en")
    course_queries = [q for q in queries.captured_queries
                      if q["sql"].count("FROM \"courses_coursepage\"")]
    assert len(course_queries) == 1


def test_a_course_removed_since_keeps_its_stored_title_without_a_link(cooperative, manager):
    course = make_course(lessons=1, quiz=False)
    data = globalgap_dict()
    data["sections"][0]["points"][0]["courses"] = [course.slug]
    report = submitted(version_from_dict(data), cooperative, manager, AF_1="not_compliant")
    title = course.title
    course.unpublish()

    assert report_context(report, language="vi")["gaps"][0]["courses"] == \
        [{"title": title, "url": ""}]


# --- compare_reports -----------------------------------------------------------------------


def _snapshot(points, gaps, *, ready=False, levels=None, version_id=1, **extra):
    return {"version": {"id": version_id, "rule": "percent_by_level"}, "ready": ready,
            "points": points,
            "gaps": [{"code": code, "text": {"vi": f"Yêu cầu {code}", "en": f"Req {code}"},
                      "status": "not_compliant", "blocking": blocking}
                     for code, blocking in gaps],
            "levels": levels or [], **extra}


def test_compare_reports_worked_example():
    previous = _snapshot(
        {"A": "compliant", "B": "not_compliant", "C": "not_compliant", "D": "compliant",
         "F": "not_applicable"},
        [("B", True), ("C", False)],
        levels=[{"level": "major", "applicable": 4, "compliant": 2, "not_compliant": 2,
                 "not_applicable": 1, "missing": 0, "percent": 50}])
    current = _snapshot(
        {"A": "not_compliant", "B": "compliant", "C": "not_compliant", "E": "compliant",
         "F": "compliant"},
        [("A", True), ("C", False)], ready=False, version_id=2,
        levels=[{"level": "major", "applicable": 5, "compliant": 3, "not_compliant": 2,
                 "not_applicable": 0, "missing": 0, "percent": 60}])

    result = compare_reports(previous, current, language="en")

    codes = {key: [row["code"] for row in result[key]] for key in
             ("improved", "regressed", "changed", "new_gaps", "closed_gaps", "only_previous",
              "only_current")}
    assert codes == {"improved": ["B", "F"], "regressed": ["A"], "changed": [],
                     "new_gaps": ["A"], "closed_gaps": ["B"], "only_previous": ["D"],
                     "only_current": ["E"]}
    assert result["improved"][0]["text"] == "Req B"
    assert (result["improved"][0]["before_label"], result["improved"][0]["after_label"]) == \
        ("Not compliant", "Compliant")
    assert result["new_gaps"][0]["blocking"] is True
    assert result["score"]["before"]["text"] == "50%" and result["score"]["after"]["text"] == \
        "60%"
    assert result["score"]["delta"] == 10
    assert result["verdict"]["changed"] is False and result["stars"] is None
    assert result["same_version"] is False


def test_compare_reports_of_ocop_uses_the_points_of_the_options_and_the_stars():
    def ocop(points, option_points, total, stars):
        return {"version": {"id": 1, "rule": "weighted_points"}, "ready": stars >= 3,
                "points": points, "option_points": option_points, "gaps": [],
                "ocop": {"total": total, "max_total": 100, "stars": stars}}

    previous = ocop({"A1": "a", "B1": "c", "C1": "b"}, {"A1": 0, "B1": 10, "C1": 5}, 45, 2)
    current = ocop({"A1": "c", "B1": "b", "C1": "b"}, {"A1": 20, "B1": 5, "C1": 5}, 60, 3)

    result = compare_reports(previous, current, language="en")

    assert [(row["code"], row["gain"]) for row in result["improved"]] == [("A1", 20)]
    assert [(row["code"], row["gain"]) for row in result["regressed"]] == [("B1", -5)]
    assert result["stars"] == {"before": 2, "after": 3, "delta": 1}
    assert result["score"]["delta"] == 15 and result["verdict"]["changed"]


def test_a_second_report_is_compared_with_the_first_on_its_page(client, globalgap,
                                                                cooperative, manager):
    first = submitted(globalgap, cooperative, manager, AF_1="not_compliant")
    second = submitted(globalgap, cooperative, manager)
    client.force_login(manager)

    page = client.get(url("report", second.assessment_id), HTTP_ACCEPT_LANGUAGE="en")

    assert page.context["previous"] == first
    comparison = page.context["comparison"]
    assert [row["code"] for row in comparison["improved"]] == ["AF.1"]
    assert [row["code"] for row in comparison["closed_gaps"]] == ["AF.1"]
    assert comparison["verdict"]["changed"]
    first_page = client.get(url("report", first.assessment_id))
    assert first_page.context["comparison"] is None


# --- the report is frozen ------------------------------------------------------------------


def test_the_report_cannot_change_once_saved(gaps_report):
    gaps_report.ready = True
    with pytest.raises(ValueError):
        gaps_report.save()
    with pytest.raises(ValueError):
        gaps_report.save(update_fields=["snapshot"])
    fresh = ReadinessReport.objects.get(pk=gaps_report.pk)
    assert fresh.ready is False


def test_later_answers_and_checklist_texts_do_not_change_a_report(gaps_report, manager):
    point_af1 = ControlPoint.objects.get(section__version=gaps_report.assessment.version,
                                         code="AF.1")
    ControlPoint.objects.filter(pk=point_af1.pk).update(text_en="Changed later")

    context = report_context(ReadinessReport.objects.get(pk=gaps_report.pk), language="en")

    assert context["gaps"][0]["text"] == "Requirement AF.1"


# --- the PDF -------------------------------------------------------------------------------


@pytest.fixture
def fetched(monkeypatch):
    urls = []
    original = pdf.StaticOnlyFetcher.fetch

    def recording(self, address, headers=None):
        urls.append(address)
        return original(self, address, headers)

    monkeypatch.setattr(pdf.StaticOnlyFetcher, "fetch", recording)
    return urls


def test_submitting_renders_the_pdf_in_the_background_with_vietnamese_intact(
        globalgap, cooperative, manager, django_capture_on_commit_callbacks, fetched):
    manager.preferred_language = "vi"
    manager.save()
    assessment = assessment_for(cooperative=cooperative, version=globalgap, user=manager,
                                profile={})
    answer_all(assessment, manager, AF_1="not_compliant")

    with django_capture_on_commit_callbacks(execute=True):
        report = report_services.assessment_submit(assessment=assessment, user=manager)

    row = pdf_row(report, "vi")
    assert row.file and not row.error and row.next_try_at is None and row.rendered_at
    data = row.file.read()
    text = pdf_text(data)
    assert COOPERATIVE_NAME in text
    assert "Yêu cầu AF.1" in text
    assert "Chuẩn globalgap-test" in text
    assert all(address.startswith(("static:", "data:")) for address in fetched)


def test_the_pdf_states_the_verdict_and_on_every_page_the_training_statement(gaps_report):
    # Enough gaps for several pages.
    assert report_services.readiness_report_render_pdf(report_id=gaps_report.pk, language="en")
    data = pdf_row(gaps_report, "en").file.read()

    pages = pdf_pages(data)
    assert pages >= 2
    first = pdf_text(data, first=1, last=1)
    assert "Not ready yet" in first
    assert "1 Major Must is not met; every Major Must has to be met." in first
    for number in range(1, pages + 1):
        page = pdf_text(data, first=number, last=number)
        assert "Training material" in page, number
        assert f"Page {number} of {pages}" in page
    assert "Action plan" in pdf_text(data)


def test_an_ocop_pdf_shows_the_stars_and_the_way_to_the_next_one(cooperative, manager):
    report = submitted(version_from_dict(ocop_dict()), cooperative, manager, A1_2="b",
                       B1_1="b", B1_2="b", C1_1="a", C1_2="a")

    assert report_services.readiness_report_render_pdf(report_id=report.pk, language="en")
    text = pdf_text(pdf_row(report, "en").file.read())

    assert "42/100" in text and "★★☆☆☆" in text.replace(" ", "")
    assert "The cheapest way to the next star" in text


def test_a_pdf_that_fails_is_recorded_and_can_be_rendered_again(gaps_report, monkeypatch):
    def broken(html, stylesheet=None, files=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(pdf, "html_to_pdf", broken)
    assert not report_services.readiness_report_render_pdf(report_id=gaps_report.pk, language="vi")
    row = pdf_row(gaps_report, "vi")
    assert "boom" in row.error and not row.file and row.tries == 1


# --- the report's pages --------------------------------------------------------------------


def test_the_report_page_shows_the_verdict_in_words_and_the_blocking_gaps_first(
        client, gaps_report, manager):
    client.force_login(manager)

    page = client.get(url("report", gaps_report.assessment_id), HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()

    assert page.status_code == 200
    assert "verdict--not-ready" in html and page.context["verdict"]["title"] in html
    assert html.index('id="blocking-title"') < html.index('id="plan-title"')
    assert html.index("Yêu cầu AF.1") < html.index("Yêu cầu CB.3")
    actions = page.context["actions"]
    assert [row["code"] for row in actions] == ["AF.1", "CB.3"]
    assert url("action", gaps_report.assessment_id, actions[0]["pk"]) in html
    assert url("history", gaps_report.assessment.cooperative_id, "globalgap-test") in html


def test_an_open_assessment_has_no_report_yet(client, globalgap, cooperative, manager):
    assessment = assessment_for(cooperative=cooperative, version=globalgap, user=manager)
    client.force_login(manager)

    assert client.get(url("report", assessment.pk)).url == url("overview", assessment.pk)
    assert client.get(url("report_pdf", assessment.pk)).status_code == 404


def test_the_pdf_download_makes_the_pdf_when_missing_and_names_it_after_the_cooperative(
        client, gaps_report, manager):
    client.force_login(manager)
    assert not ReadinessReportPdf.objects.filter(report=gaps_report, language="en").exists()

    response = client.get(url("report_pdf", gaps_report.assessment_id) + "?lang=en")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    day = timezone.localdate(gaps_report.created_at).isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="readiness-report-hop-tac-xa-vai-thieu-phuong-son-{day}.pdf"')
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    status = client.get(url("report_pdf_status", gaps_report.assessment_id) + "?lang=en").json()
    assert status["ready"] and status["url"].endswith("?lang=en") and status["error"] is None
    other = client.get(url("report_pdf_status", gaps_report.assessment_id) + "?lang=vi").json()
    assert other["ready"] is False and other["url"] is None


def test_a_failed_pdf_offers_members_a_retry_that_renders_it_again(client, gaps_report,
                                                                   manager):
    ReadinessReportPdf.objects.filter(report=gaps_report).update(
        error="RuntimeError: boom", tries=5, next_try_at=None)  # every try used
    client.force_login(manager)

    page = client.get(url("report", gaps_report.assessment_id), HTTP_ACCEPT_LANGUAGE="en")
    assert page.context["pdf_state"] == "failed"
    assert f'action="{url("report_pdf", gaps_report.assessment_id)}"' in page.content.decode()
    status = client.get(url("report_pdf_status", gaps_report.assessment_id)).json()
    assert status["error"] and not status["ready"]

    response = client.post(url("report_pdf", gaps_report.assessment_id), {"lang": "vi"})

    assert response.url == url("report", gaps_report.assessment_id)
    row = pdf_row(gaps_report, "vi")
    assert row.file and not row.error and row.tries == 1  # counted afresh: the one that made it


# --- the action plan -----------------------------------------------------------------------


def test_closing_an_action_requires_a_note_and_keeps_what_was_typed(client, gaps_report,
                                                                    manager, cooperative):
    colleague = MembershipFactory(cooperative=cooperative, role="member").user
    action = gaps_report.assessment.corrective_actions.get(control_point__code="AF.1")
    client.force_login(manager)
    address = url("action", gaps_report.assessment_id, action.pk)

    refused = client.post(address, {"owner": colleague.pk, "due_date": "2031-05-20",
                                    "status": "done", "closing_note": "  "})

    assert refused.status_code == 200
    with translation.override(manager.preferred_language):
        expected = translation.gettext("Say what was done to close this action.")
    assert refused.context["form"].errors["closing_note"] == [expected]
    assert 'value="2031-05-20"' in refused.content.decode()
    action.refresh_from_db()
    assert action.status == CorrectiveAction.Status.OPEN and action.owner == manager

    done = client.post(address, {"owner": colleague.pk, "due_date": "2031-05-20",
                                 "status": "done", "closing_note": "Đã lập bản đồ lô",
                                 "closing_photo": png_upload()})

    assert done.status_code == 302
    action.refresh_from_db()
    assert action.status == CorrectiveAction.Status.DONE and action.closed_at is not None
    assert action.owner == colleague and str(action.due_date) == "2031-05-20"
    photo = client.get(url("action_photo", gaps_report.assessment_id, action.pk))
    assert photo.status_code == 200 and photo["Content-Type"] == "image/jpeg"


def test_a_bad_closing_photo_is_refused_with_a_message_and_nothing_saved(client, gaps_report,
                                                                         manager):
    action = gaps_report.assessment.corrective_actions.first()
    client.force_login(manager)

    response = client.post(url("action", gaps_report.assessment_id, action.pk),
                           {"status": "in_progress", "closing_note": "Đang làm",
                            "closing_photo": SimpleUploadedFile("x.jpg", b"not a photo")})

    assert response.status_code == 200
    assert response.context["form"].errors["closing_photo"]
    assert response.context["photo_lost"]
    assert "Đang làm" in response.content.decode()
    action.refresh_from_db()
    assert action.status == CorrectiveAction.Status.OPEN and not action.closing_photo


def test_an_action_owner_must_be_a_member_of_the_cooperative(gaps_report, manager):
    action = gaps_report.assessment.corrective_actions.first()
    stranger = UserFactory()

    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.corrective_action_update(action=action, user=manager, owner=stranger)


# --- the history ---------------------------------------------------------------------------


def test_the_history_puts_the_reports_side_by_side_and_compares_the_last_two(
        client, globalgap, cooperative, manager):
    first = submitted(globalgap, cooperative, manager, AF_1="not_compliant", CB_2="not_compliant")
    action = first.assessment.corrective_actions.get(control_point__code="CB.2")
    services.corrective_action_update(action=action, user=manager, status="done",
                                      closing_note="Đã sửa")
    second = submitted(globalgap, cooperative, manager, CB_5="not_compliant")
    client.force_login(manager)

    page = client.get(url("history", cooperative.pk, "globalgap-test"))

    assert page.status_code == 200
    rows = page.context["rows"]
    assert [row["report"] for row in rows] == [second, first]
    assert [(row["ready"], row["open"], row["closed"]) for row in rows] == \
        [(True, 1, 0), (False, 1, 1)]
    comparison = page.context["comparison"]
    assert [row["code"] for row in comparison["improved"]] == ["AF.1", "CB.2"]
    assert [row["code"] for row in comparison["regressed"]] == ["CB.5"]
    assert [row["code"] for row in comparison["new_gaps"]] == ["CB.5"]


# --- the self-assessment certificate -------------------------------------------------------


def test_the_assessment_certificate_is_issued_once_and_says_it_is_not_a_certification(
        gaps_report, manager):
    first = report_services.assessment_certificate_issue(report_id=gaps_report.pk,
                                                         user_id=manager.pk)
    again = report_services.assessment_certificate_issue(report_id=gaps_report.pk,
                                                         user_id=manager.pk)

    assert first == again and first.kind == Certificate.Kind.ASSESSMENT
    assert Certificate.objects.filter(recipient=manager).count() == 1
    first.language = "en"
    first.save()
    assert certificate_services.certificate_render_pdf(certificate_id=first.pk)
    first.refresh_from_db()
    data = first.pdf.read()
    text = pdf_text(data)
    assert pdf_pages(data) == 1
    assert manager.full_name in text and COOPERATIVE_NAME in text
    assert "NOT a certification against" in text
    assert first.code_grouped in text


def test_submitting_issues_the_submitters_certificate_in_the_background(
        globalgap, cooperative, manager, django_capture_on_commit_callbacks):
    assessment = assessment_for(cooperative=cooperative, version=globalgap, user=manager)
    answer_all(assessment, manager)

    with django_capture_on_commit_callbacks(execute=True):
        report_services.assessment_submit(assessment=assessment, user=manager)

    certificate = Certificate.objects.get(recipient=manager)
    assert certificate.kind == Certificate.Kind.ASSESSMENT and certificate.pdf
    assert certificate.snapshot["cooperative"] == COOPERATIVE_NAME


# --- who may open what ---------------------------------------------------------------------


@pytest.fixture
def people(cooperative, manager, member):
    other_province = province("Đắk Lắk")
    return {
        "manager": manager,
        "member": member,
        "officer": OfficerFactory(provinces=[cooperative.province]),
        "admin": UserFactory(is_superuser=True, is_staff=True),
        "outsider": UserFactory(),
        "officer_elsewhere": OfficerFactory(provinces=[other_province]),
        "member_elsewhere": MembershipFactory(role="manager").user,
    }


READERS = {"manager", "member", "officer", "admin"}
WRITERS = {"manager", "member"}


@pytest.fixture
def closed_action(gaps_report, manager):
    action = gaps_report.assessment.corrective_actions.first()
    return services.corrective_action_update(action=action, user=manager, status="done",
                                             closing_note="Đã làm", closing_photo=png_upload())


def _get_urls(report, action):
    pk = report.assessment_id
    return {
        "report": url("report", pk),
        "report_pdf": url("report_pdf", pk),
        "report_pdf_status": url("report_pdf_status", pk),
        "action": url("action", pk, action.pk),
        "action_photo": url("action_photo", pk, action.pk),
        "history": url("history", report.assessment.cooperative_id, "globalgap-test"),
    }


@pytest.mark.parametrize("role", ["manager", "member", "officer", "admin", "outsider",
                                  "officer_elsewhere", "member_elsewhere"])
def test_every_page_is_open_to_readers_and_404_to_everyone_else(client, people, role,
                                                                gaps_report, closed_action):
    for language in ("vi", "en"):
        stored_pdf(gaps_report, language)
    client.force_login(people[role])

    for name, address in _get_urls(gaps_report, closed_action).items():
        response = client.get(address)
        expected = 200 if role in READERS else 404
        assert response.status_code == expected, (role, name)


def test_anonymous_visitors_are_sent_to_log_in(client, gaps_report, closed_action):
    for name, address in _get_urls(gaps_report, closed_action).items():
        response = client.get(address)
        assert response.status_code == 302 and "/accounts/login/" in response.url, name


@pytest.mark.parametrize("role", ["officer", "admin"])
def test_officers_read_the_action_plan_but_cannot_change_it(client, people, role, gaps_report):
    action = gaps_report.assessment.corrective_actions.first()
    client.force_login(people[role])

    page = client.get(url("action", gaps_report.assessment_id, action.pk))
    post = client.post(url("action", gaps_report.assessment_id, action.pk),
                       {"status": "done", "closing_note": "x"})
    retry = client.post(url("report_pdf", gaps_report.assessment_id))

    assert page.status_code == 200 and page.context["form"] is None
    assert 'enctype="multipart/form-data"' not in page.content.decode()
    assert post.status_code == 403 and retry.status_code == 403
    action.refresh_from_db()
    assert action.status == CorrectiveAction.Status.OPEN
    report_page = client.get(url("report", gaps_report.assessment_id))
    assert report_page.context["can_contribute"] is False


@pytest.mark.parametrize("role", ["outsider", "officer_elsewhere", "member_elsewhere"])
def test_outsiders_cannot_post_to_the_action_plan_or_the_pdf(client, people, role,
                                                             gaps_report):
    action = gaps_report.assessment.corrective_actions.first()
    client.force_login(people[role])

    assert client.post(url("action", gaps_report.assessment_id, action.pk),
                       {"status": "done", "closing_note": "x"}).status_code == 404
    assert client.post(url("report_pdf", gaps_report.assessment_id)).status_code == 404


def test_an_action_of_another_assessment_is_not_found(client, gaps_report, globalgap, manager,
                                                      people):
    elsewhere = people["member_elsewhere"]
    other = submitted(globalgap, elsewhere.memberships.get().cooperative, elsewhere,
                      AF_1="not_compliant")
    foreign = other.assessment.corrective_actions.first()
    client.force_login(manager)

    assert client.get(url("action", gaps_report.assessment_id, foreign.pk)).status_code == 404
    assert client.get(url("action_photo", gaps_report.assessment_id,
                          foreign.pk)).status_code == 404


# --- bounded queries -----------------------------------------------------------------------


def _report_page_queries(client, version, cooperative, manager, failures) -> int:
    report = submitted(version, cooperative, manager, profile={"greenhouse": True},
                       **{code.replace(".", "_"): "not_compliant" for code in failures})
    course = make_course(lessons=1, quiz=False)
    for action in report.assessment.corrective_actions.all():
        CorrectiveAction.objects.filter(pk=action.pk).update(course=course)
    address = url("report", report.assessment_id)
    client.get(address)  # warm the per-process caches (site root paths, templates)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


def test_the_report_page_runs_the_same_queries_whatever_the_checklist_size(client,
                                                                           cooperative,
                                                                           manager):
    client.force_login(manager)
    small = version_from_dict(globalgap_dict(majors=2, minors=10, label="small"))
    large = version_from_dict(globalgap_dict(majors=40, minors=200, recommendations=30,
                                             label="large"))

    small_count = _report_page_queries(client, small, cooperative, manager,
                                       ["AF.1", "CB.2", "AF.R1"])
    large_count = _report_page_queries(client, large, cooperative, manager,
                                       [f"AF.{i}" for i in range(1, 30)]
                                       + [f"CB.{i}" for i in range(1, 90)])

    assert small_count == large_count == REPORT_PAGE_QUERIES

