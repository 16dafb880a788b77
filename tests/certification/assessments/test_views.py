"""The guided self-assessment pages through the Django test client: who may open and change
what, the profile, answering a section (with and without the autosave script), evidence photos,
submitting, and the number of queries of the pages that grow with the checklist."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from PIL import Image

from certification.assessments import services
from certification.models import (
    Answer,
    Assessment,
    ControlPoint,
    EvidencePhoto,
    ReadinessReport,
    Section,
)
from certification.reports import services as report_services
from tests.factories import MembershipFactory, OfficerFactory, province
from tests.factories.checklists import (
    assessment_for,
    globalgap_dict,
    ocop_dict,
    version_from_dict,
)

pytestmark = pytest.mark.django_db

NO_GREENHOUSE = {"greenhouse": False}


# --- helpers and fixtures ------------------------------------------------------------------


def jpeg_upload(name: str = "nha-kho.jpg", size=(64, 48)) -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", size, (30, 120, 60)).save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def text_upload(name: str = "ghi-chu.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"not a photo at all", content_type="text/plain")


def points_of(version) -> dict[str, ControlPoint]:
    return {point.code: point for point in
            ControlPoint.objects.filter(section__version=version).select_related("section")}


def section_of(version, code: str) -> Section:
    return Section.objects.get(version=version, code=code)


def url(name: str, *args) -> str:
    return reverse(f"readiness:{name}", args=args)


def login(client, user):
    client.force_login(user)
    return client


def vi(message: str) -> str:
    """A message as the (Vietnamese-speaking) test users read it."""
    with translation.override("vi"):
        return translation.gettext(message)


def answer_everything(assessment, user, value="compliant"):
    for point in points_of(assessment.version).values():
        if not point.tag_set or point.tag_set & assessment.profile_tags:
            services.answer_save(assessment=assessment, control_point=point, user=user,
                                 value=value, justification="Có sổ ghi chép")


@pytest.fixture
def version(db):
    data = globalgap_dict(minors=3)
    data["sections"][0]["points"][0]["na_allowed"] = False  # AF.1: N/A refused
    data["sections"][0]["points"][0]["guidance"] = {"vi": "Xem sổ", "en": "Check the book"}
    return version_from_dict(data)


@pytest.fixture
def assessment(cooperative, manager, version):
    return assessment_for(cooperative=cooperative, version=version, user=manager,
                          profile=NO_GREENHOUSE)


@pytest.fixture
def outsider(db):
    """The manager of another cooperative of the same province."""
    return MembershipFactory(role="manager").user


@pytest.fixture
def far_officer(db):
    return OfficerFactory(provinces=[province("Hà Nội")])


@pytest.fixture
def photo(assessment, member, version):
    return services.evidence_add(assessment=assessment, control_point=points_of(version)["AF.2"],
                                 user=member, upload=jpeg_upload())


# --- who may open and change what ----------------------------------------------------------


def get_urls(assessment, photo):
    af = section_of(assessment.version, "AF")
    return [url("overview", assessment.pk), url("profile", assessment.pk),
            url("section", assessment.pk, af.pk), url("submit", assessment.pk),
            url("photo", assessment.pk, photo.pk), url("photo_thumbnail", assessment.pk, photo.pk)]


def test_anonymous_visitors_are_sent_to_log_in_from_every_page(client, assessment, photo):
    point = points_of(assessment.version)["AF.2"]
    urls = get_urls(assessment, photo) + [url("home")]
    posts = [url("start"), url("answer", assessment.pk, point.pk),
             url("photo_upload", assessment.pk, point.pk),
             url("photo_delete", assessment.pk, photo.pk)]
    for address in urls:
        response = client.get(address)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], address
    for address in posts:
        response = client.post(address)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], address


@pytest.mark.parametrize("who", ["outsider", "far_officer"])
def test_people_outside_the_cooperative_get_404_everywhere(client, request, who, assessment,
                                                           photo):
    login(client, request.getfixturevalue(who))
    point = points_of(assessment.version)["AF.2"]
    af = section_of(assessment.version, "AF")
    for address in get_urls(assessment, photo):
        assert client.get(address).status_code == 404, address
    posts = [url("profile", assessment.pk), url("section", assessment.pk, af.pk),
             url("answer", assessment.pk, point.pk), url("photo_upload", assessment.pk, point.pk),
             url("photo_delete", assessment.pk, photo.pk), url("submit", assessment.pk)]
    for address in posts:
        assert client.post(address, {"value": "compliant"}).status_code == 404, address
    assert not Answer.objects.filter(assessment=assessment, value="compliant").exists()
    assert EvidencePhoto.objects.filter(pk=photo.pk).exists()


def test_an_officer_of_the_province_reads_every_page_without_any_form(client, officer,
                                                                      assessment, photo):
    login(client, officer)
    for address in get_urls(assessment, photo):
        response = client.get(address)
        assert response.status_code == 200, address
        if address not in (url("photo", assessment.pk, photo.pk),
                           url("photo_thumbnail", assessment.pk, photo.pk)):
            page = response.content.decode()
            assert 'method="post" enctype' not in page, address
            assert 'name="p' not in page, address
            assert 'name="q-' not in page, address


def test_an_officer_of_the_province_cannot_change_anything(client, officer, assessment, photo):
    login(client, officer)
    point = points_of(assessment.version)["AF.2"]
    af = section_of(assessment.version, "AF")
    json = {"HTTP_ACCEPT": "application/json"}
    assert client.post(url("profile", assessment.pk), {"q-greenhouse": "yes"}).status_code == 403
    assert client.post(url("section", assessment.pk, af.pk),
                       {f"p{point.pk}-value": "compliant"}).status_code == 403
    assert client.post(url("answer", assessment.pk, point.pk),
                       {"value": "compliant"}).status_code == 403
    assert client.post(url("photo_upload", assessment.pk, point.pk),
                       {"photo": jpeg_upload()}, **json).status_code == 403
    assert client.post(url("photo_delete", assessment.pk, photo.pk), **json).status_code == 403
    assert client.post(url("submit", assessment.pk)).status_code == 403
    assert client.post(url("start"), {"standard": "globalgap-test"}).status_code == 403
    assessment.refresh_from_db()
    assert assessment.profile == NO_GREENHOUSE and assessment.is_open
    assert not Answer.objects.filter(assessment=assessment, value="compliant").exists()
    assert EvidencePhoto.objects.filter(pk=photo.pk).exists()


def test_a_member_opens_every_page_and_answers(client, member, assessment, photo):
    login(client, member)
    for address in get_urls(assessment, photo):
        assert client.get(address).status_code == 200, address
    point = points_of(assessment.version)["AF.2"]
    response = client.post(url("answer", assessment.pk, point.pk), {"value": "compliant"})
    assert response.status_code == 200
    assert Answer.objects.get(assessment=assessment, control_point=point).value == "compliant"


# --- home and start ------------------------------------------------------------------------


def test_home_lists_the_cooperatives_assessments_with_progress_and_standards_to_start(
        client, manager, assessment):
    answer = points_of(assessment.version)["AF.1"]
    services.answer_save(assessment=assessment, control_point=answer, user=manager,
                         value="compliant")
    response = login(client, manager).get(url("home"))
    page = response.content.decode()

    assert response.status_code == 200
    assert response.context["in_progress"] == [assessment]
    assert response.context["in_progress"][0].percent == 17  # 1 of 6 applicable points
    assert url("overview", assessment.pk) in page
    assert 'name="standard" value="globalgap-test"' in page
    assert url("start") in page


def test_home_links_the_report_and_the_history_of_a_submitted_assessment(client, manager,
                                                                        assessment):
    answer_everything(assessment, manager)
    report_services.assessment_submit(assessment=assessment, user=manager)
    response = login(client, manager).get(url("home"))
    page = response.content.decode()

    assert response.context["submitted"] == [assessment]
    assert url("report", assessment.pk) in page
    assert url("history", assessment.cooperative_id, "globalgap-test") in page


def test_home_shows_an_officer_the_assessments_of_their_province_only(client, officer,
                                                                      far_officer, assessment):
    assert login(client, officer).get(url("home")).context["in_progress"] == [assessment]
    assert login(client, far_officer).get(url("home")).context["in_progress"] == []


def test_home_offers_no_start_form_to_a_member_who_is_not_a_manager(client, member, version):
    response = login(client, member).get(url("home"))
    assert response.context["start_form"] is None
    assert url("start") not in response.content.decode()


def test_a_manager_starts_an_assessment_and_answers_the_profile_first(client, manager,
                                                                      cooperative, version):
    response = login(client, manager).post(url("start"), {"standard": "globalgap-test"})

    started = Assessment.objects.get(cooperative=cooperative)
    assert started.version == version and started.started_by == manager
    assert response.status_code == 302 and response["Location"] == url("profile", started.pk)


def test_starting_again_continues_the_assessment_in_progress(client, manager, assessment):
    response = login(client, manager).post(url("start"), {"standard": "globalgap-test"})

    assert Assessment.objects.count() == 1
    assert response["Location"] == url("overview", assessment.pk)


def test_a_member_who_is_not_a_manager_cannot_start(client, member, version):
    response = login(client, member).post(url("start"), {"standard": "globalgap-test"})
    assert response.status_code == 403
    assert not Assessment.objects.exists()


def test_a_manager_cannot_start_an_assessment_of_another_cooperative(client, manager, outsider,
                                                                     version):
    other = outsider.memberships.get().cooperative
    response = login(client, manager).post(url("start"), {"standard": "globalgap-test",
                                                          "cooperative": other.pk})
    assert response.status_code == 400
    assert not Assessment.objects.exists()


def test_an_unknown_standard_is_refused_with_a_message(client, manager, version):
    response = login(client, manager).post(url("start"), {"standard": "khong-co"})

    assert response.status_code == 400
    assert response.context["start_form"].errors["standard"]
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not Assessment.objects.exists()


# --- overview and profile ------------------------------------------------------------------


def test_the_overview_shows_the_sections_with_progress_and_where_to_continue(client, member,
                                                                           assessment):
    points = points_of(assessment.version)
    for code in ("AF.1", "AF.2", "AF.R1"):
        services.answer_save(assessment=assessment, control_point=points[code], user=member,
                             value="compliant")
    response = login(client, member).get(url("overview", assessment.pk))
    page = response.content.decode()
    cb = section_of(assessment.version, "CB")

    assert response.status_code == 200
    assert [(row.section.code, row.progress.answered, row.progress.applicable)
            for row in response.context["tree"]] == [("AF", 3, 3), ("CB", 0, 3)]
    assert response.context["resume"].section == cb
    assert "Training material" in page or "Tài liệu tập huấn" in page
    assert url("submit", assessment.pk) in page
    assert url("profile", assessment.pk) in page


def test_the_overview_of_a_submitted_assessment_goes_to_its_report(client, manager, assessment):
    answer_everything(assessment, manager)
    report_services.assessment_submit(assessment=assessment, user=manager)
    response = login(client, manager).get(url("overview", assessment.pk))
    assert response["Location"] == url("report", assessment.pk)


@pytest.fixture
def two_question_version(db):
    data = globalgap_dict(minors=2, label="v2")
    data["profile"].append({"tag": "irrigation", "question": {"vi": "Có tưới?",
                                                              "en": "Any irrigation?"}})
    return version_from_dict(data)


def test_every_profile_question_needs_an_answer_and_what_was_chosen_is_kept(
        client, manager, cooperative, two_question_version):
    started = assessment_for(cooperative=cooperative, version=two_question_version,
                             user=manager, profile=None)
    Assessment.objects.filter(pk=started.pk).update(profile=None)
    response = login(client, manager).post(url("profile", started.pk),
                                           {"q-greenhouse": "yes"})
    form = response.context["form"]

    assert response.status_code == 400
    assert set(form.errors) == {"q-irrigation"}
    assert 'value="yes" checked' in response.content.decode()
    started.refresh_from_db()
    assert started.profile is None


def test_the_profile_is_saved_and_leads_to_the_first_section(client, manager, cooperative,
                                                             version):
    started = assessment_for(cooperative=cooperative, version=version, user=manager)
    Assessment.objects.filter(pk=started.pk).update(profile=None)
    response = login(client, manager).post(url("profile", started.pk), {"q-greenhouse": "yes"})

    started.refresh_from_db()
    assert started.profile == {"greenhouse": True}
    assert response["Location"] == url("section", started.pk,
                                       section_of(version, "AF").pk)


def test_a_section_before_the_profile_sends_a_member_to_the_profile(client, manager,
                                                                    cooperative, version):
    started = assessment_for(cooperative=cooperative, version=version, user=manager)
    Assessment.objects.filter(pk=started.pk).update(profile=None)
    response = login(client, manager).get(url("section", started.pk,
                                               section_of(version, "AF").pk))
    assert response["Location"] == url("profile", started.pk)


# --- a section -----------------------------------------------------------------------------


def test_the_section_page_shows_each_applicable_point_as_a_card_with_its_fields(
        client, member, assessment):
    points = points_of(assessment.version)
    response = login(client, member).get(url("section", assessment.pk,
                                              section_of(assessment.version, "CB").pk))
    page = response.content.decode()

    assert [row.point.code for row in response.context["rows"]] == ["CB.1", "CB.2", "CB.3"]
    assert [point.code for point in response.context["not_applicable"]] == ["CB.G1"]
    cb1 = points["CB.1"].pk
    for value in ("compliant", "not_compliant", "not_applicable"):
        assert f'name="p{cb1}-value" value="{value}"' in page
    assert f'name="p{cb1}-justification"' in page  # shown without JavaScript, with a hint
    assert f'name="p{cb1}-note"' in page
    assert f'name="p{cb1}-photo" accept="image/*,.heic,.heif" capture="environment"' in page
    assert 'enctype="multipart/form-data"' in page
    assert "js/assessment.js" in page


def test_a_point_that_refuses_na_offers_no_na_and_shows_its_guidance(client, member,
                                                                     assessment):
    af1 = points_of(assessment.version)["AF.1"].pk
    page = login(client, member).get(url("section", assessment.pk,
                                         section_of(assessment.version, "AF").pk)
                                     ).content.decode()
    assert f'name="p{af1}-value" value="compliant"' in page
    assert f'name="p{af1}-value" value="not_applicable"' not in page
    assert "<details class=\"point__guidance\">" in page


def test_an_ocop_criterion_offers_its_options_with_their_points(client, member, cooperative,
                                                                manager):
    ocop = version_from_dict(ocop_dict())
    started = assessment_for(cooperative=cooperative, version=ocop, user=manager)
    response = login(client, member).get(url("section", started.pk,
                                              section_of(ocop, "A1").pk))
    row = response.context["rows"][0]
    assert [(value, points) for value, _label, points in row.choices] == \
        [("a", 0), ("b", 10), ("c", 20)]
    assert row.max_points == 20


def test_saving_a_section_saves_every_point_and_goes_to_the_next_section(client, member,
                                                                         assessment):
    points = points_of(assessment.version)
    af = section_of(assessment.version, "AF")
    data = {f"p{points['AF.1'].pk}-value": "compliant",
            f"p{points['AF.1'].pk}-justification": "Có hồ sơ",
            f"p{points['AF.2'].pk}-value": "not_compliant",
            f"p{points['AF.2'].pk}-justification": "Chưa có",
            f"p{points['AF.2'].pk}-note": "Làm trong tháng 6",
            f"p{points['AF.R1'].pk}-value": "not_applicable"}
    response = login(client, member).post(url("section", assessment.pk, af.pk), data)

    assert response.status_code == 302
    assert response["Location"] == url("section", assessment.pk,
                                       section_of(assessment.version, "CB").pk)
    saved = {answer.control_point.code: answer for answer in
             Answer.objects.filter(assessment=assessment).select_related("control_point")}
    assert saved["AF.1"].value == "compliant" and saved["AF.1"].justification == "Có hồ sơ"
    assert (saved["AF.2"].value, saved["AF.2"].note) == ("not_compliant", "Làm trong tháng 6")
    assert saved["AF.R1"].value == "not_applicable"
    assert all(answer.answered_by == member for answer in saved.values())


def test_saving_the_last_section_goes_to_the_overview(client, member, assessment):
    cb = section_of(assessment.version, "CB")
    point = points_of(assessment.version)["CB.1"]
    response = login(client, member).post(url("section", assessment.pk, cb.pk),
                                          {f"p{point.pk}-value": "compliant"})
    assert response["Location"] == url("overview", assessment.pk)


def test_a_refused_answer_is_shown_next_to_its_point_and_nothing_typed_is_lost(
        client, member, assessment):
    points = points_of(assessment.version)
    af = section_of(assessment.version, "AF")
    af1, af2 = points["AF.1"].pk, points["AF.2"].pk
    data = {f"p{af1}-value": "not_applicable",  # AF.1 refuses N/A
            f"p{af1}-justification": "Không trồng rau",
            f"p{af1}-note": "Hỏi lại cán bộ khuyến nông",
            f"p{af2}-value": "compliant"}
    response = login(client, member).post(url("section", assessment.pk, af.pk), data)
    page = response.content.decode()
    refused = next(row for row in response.context["rows"] if row.point.pk == af1)

    assert response.status_code == 400
    assert refused.errors == [vi("This point cannot be answered “not applicable”: it applies "
                                 "to every farm in this profile.")]
    assert "Hỏi lại cán bộ khuyến nông" in page and "Không trồng rau" in page
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    saved = {a.control_point_id: a for a in Answer.objects.filter(assessment=assessment)}
    assert saved[af2].value == "compliant"
    assert saved[af1].value == "" and saved[af1].note == "Hỏi lại cán bộ khuyến nông"


def test_a_section_form_saves_only_what_changed_since_it_was_shown(client, member, manager,
                                                                   assessment):
    """A colleague's newer note is not overwritten by the stale copy on another's page."""
    point = points_of(assessment.version)["AF.2"]
    af = section_of(assessment.version, "AF")
    login(client, member)
    shown = client.get(url("section", assessment.pk, af.pk)).context["rows"]
    row = next(r for r in shown if r.point.pk == point.pk)
    services.answer_save(assessment=assessment, control_point=point, user=manager,
                         note="Ghi chú mới của chủ nhiệm")

    client.post(url("section", assessment.pk, af.pk), {
        f"p{point.pk}-value": "compliant", f"p{point.pk}-value-was": row.value_was,
        f"p{point.pk}-note": "", f"p{point.pk}-note-was": row.note_was,
        f"p{point.pk}-justification": "Đã kiểm tra",
        f"p{point.pk}-justification-was": row.justification_was})

    saved = Answer.objects.get(assessment=assessment, control_point=point)
    assert (saved.value, saved.justification, saved.note) == \
        ("compliant", "Đã kiểm tra", "Ghi chú mới của chủ nhiệm")


def test_a_section_of_another_checklist_is_not_found(client, member, assessment, cooperative):
    other = version_from_dict(ocop_dict())
    response = login(client, member).get(url("section", assessment.pk,
                                              section_of(other, "A1").pk))
    assert response.status_code == 404


# --- autosave ------------------------------------------------------------------------------


def test_autosave_saves_only_the_fields_sent_so_colleagues_keep_each_others(client, member,
                                                                          manager, assessment):
    point = points_of(assessment.version)["CB.1"]
    address = url("answer", assessment.pk, point.pk)
    login(client, member).post(address, {"note": "Kho thuốc đã khoá"})
    response = login(client, manager).post(address, {"value": "not_compliant"})
    data = response.json()

    saved = Answer.objects.get(assessment=assessment, control_point=point)
    assert (saved.value, saved.note) == ("not_compliant", "Kho thuốc đã khoá")
    assert data["ok"] is True and data["value"] == "not_compliant"
    assert data["justification_needed"] is True  # CB points: when not compliant or N/A
    assert data["section"] == {"answered": 1, "applicable": 3, "percent": 33}
    assert data["saved_at"]


def test_autosave_refuses_na_on_a_point_that_does_not_allow_it(client, member, assessment):
    point = points_of(assessment.version)["AF.1"]
    response = login(client, member).post(url("answer", assessment.pk, point.pk),
                                          {"value": "not_applicable"})
    assert response.status_code == 400
    assert response.json() == {"ok": False, "error": vi(
        "This point cannot be answered “not applicable”: it applies to every farm in this "
        "profile.")}
    assert not Answer.objects.filter(assessment=assessment, value="not_applicable").exists()


def test_autosave_with_nothing_to_save_is_a_bad_request(client, member, assessment):
    point = points_of(assessment.version)["AF.1"]
    response = login(client, member).post(url("answer", assessment.pk, point.pk), {})
    assert response.status_code == 400 and response.json()["ok"] is False


def test_autosave_of_a_point_of_another_checklist_is_not_found(client, member, assessment):
    other = points_of(version_from_dict(ocop_dict()))["A1.1"]
    response = login(client, member).post(url("answer", assessment.pk, other.pk), {"value": "a"})
    assert response.status_code == 404


def test_autosave_is_csrf_protected(member, assessment):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    point = points_of(assessment.version)["AF.1"]
    response = client.post(url("answer", assessment.pk, point.pk), {"value": "compliant"})
    assert response.status_code == 403
    assert not Answer.objects.filter(assessment=assessment).exists()


# --- photos --------------------------------------------------------------------------------


def test_a_photo_uploaded_with_the_script_is_stored_and_served_to_members_only(
        client, member, outsider, officer, assessment):
    point = points_of(assessment.version)["AF.2"]
    response = login(client, member).post(url("photo_upload", assessment.pk, point.pk),
                                          {"photo": jpeg_upload()},
                                          HTTP_ACCEPT="application/json")
    data = response.json()
    photo = EvidencePhoto.objects.get()

    assert response.status_code == 201
    assert data["photo"] == {"id": photo.pk, "url": url("photo", assessment.pk, photo.pk),
                             "thumbnail_url": url("photo_thumbnail", assessment.pk, photo.pk),
                             "delete_url": url("photo_delete", assessment.pk, photo.pk)}
    served = client.get(data["photo"]["url"])
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert b"".join(served.streaming_content)[:2] == b"\xff\xd8"
    assert "private" in served["Cache-Control"]
    assert login(client, officer).get(data["photo"]["url"]).status_code == 200
    assert login(client, outsider).get(data["photo"]["url"]).status_code == 404


def test_a_photo_uploaded_without_the_script_goes_back_to_its_point(client, member,
                                                                   assessment):
    point = points_of(assessment.version)["AF.2"]
    response = login(client, member).post(url("photo_upload", assessment.pk, point.pk),
                                          {"photo": jpeg_upload()})
    assert response["Location"] == url("section", assessment.pk, point.section_id) + \
        f"#p{point.pk}"
    assert EvidencePhoto.objects.filter(answer__control_point=point).count() == 1


def test_a_non_image_upload_gives_a_clear_message(client, member, assessment):
    point = points_of(assessment.version)["AF.2"]
    response = login(client, member).post(url("photo_upload", assessment.pk, point.pk),
                                          {"photo": text_upload()},
                                          HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["error"] == vi(
        "This file could not be read as a photo: it is not an image, or it is damaged or "
        "incomplete. Please upload a JPEG, PNG, WebP or HEIC photo.")
    assert not EvidencePhoto.objects.exists()


def test_a_non_image_in_the_section_form_is_refused_and_the_other_answers_are_saved(
        client, member, assessment):
    points = points_of(assessment.version)
    af = section_of(assessment.version, "AF")
    af1, af2 = points["AF.1"].pk, points["AF.2"].pk
    response = login(client, member).post(url("section", assessment.pk, af.pk), {
        f"p{af1}-value": "compliant", f"p{af1}-note": "Sổ tay nông hộ",
        f"p{af2}-value": "compliant", f"p{af2}-photo": text_upload(),
        f"p{af1}-photo": jpeg_upload()})
    row = next(r for r in response.context["rows"] if r.point.pk == af2)

    assert response.status_code == 400
    assert len(row.errors) == 1 and "ghi-chu.txt" in row.errors[0]
    assert "Sổ tay nông hộ" in response.content.decode()
    saved = {a.control_point_id: a for a in Answer.objects.filter(assessment=assessment)}
    assert saved[af1].value == saved[af2].value == "compliant"
    assert saved[af1].note == "Sổ tay nông hộ"
    assert EvidencePhoto.objects.filter(answer__control_point_id=af1).count() == 1


def test_a_photo_is_removed_with_the_script_or_from_the_section_form(client, member,
                                                                     assessment, photo):
    login(client, member)
    response = client.post(url("photo_delete", assessment.pk, photo.pk),
                           HTTP_ACCEPT="application/json")
    assert response.json() == {"ok": True}
    assert not EvidencePhoto.objects.exists()

    second = services.evidence_add(assessment=assessment, control_point=photo.answer.control_point,
                                   user=member, upload=jpeg_upload())
    af = section_of(assessment.version, "AF")
    note_field = f"p{photo.answer.control_point_id}-note"
    response = client.post(url("section", assessment.pk, af.pk),
                           {"delete_photo": second.pk, note_field: "Chụp lại sau"})
    assert response["Location"] == url("section", assessment.pk, af.pk)
    assert not EvidencePhoto.objects.exists()
    assert Answer.objects.get(pk=photo.answer_id).note == "Chụp lại sau"


# --- submit --------------------------------------------------------------------------------


def test_the_submit_page_lists_unanswered_sections_and_missing_justifications(client, member,
                                                                            assessment):
    points = points_of(assessment.version)
    services.answer_save(assessment=assessment, control_point=points["CB.1"], user=member,
                         value="not_compliant")
    response = login(client, member).get(url("submit", assessment.pk))

    assert [(row.section.code, left) for row, left in response.context["unanswered"]] == \
        [("AF", 3), ("CB", 2)]
    assert [p.code for p in response.context["missing_justification"]] == ["CB.1"]
    assert response.context["totals"].unanswered == 5


def test_submitting_with_unanswered_points_is_refused_with_a_message(client, member,
                                                                     assessment):
    response = login(client, member).post(url("submit", assessment.pk))

    assert response["Location"] == url("submit", assessment.pk)
    assessment.refresh_from_db()
    assert assessment.is_open and not ReadinessReport.objects.exists()
    follow = client.get(response["Location"])
    assert [m.level_tag for m in follow.context["messages"]] == ["error"]


def test_submitting_when_everything_is_answered_freezes_the_report(client, member, assessment):
    answer_everything(assessment, member)
    response = login(client, member).post(url("submit", assessment.pk))

    assert response["Location"] == url("report", assessment.pk)
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    assert ReadinessReport.objects.filter(assessment=assessment).exists()


def test_answering_after_submission_is_refused(client, member, assessment):
    answer_everything(assessment, member)
    report_services.assessment_submit(assessment=assessment, user=member)
    point = points_of(assessment.version)["AF.1"]
    af = section_of(assessment.version, "AF")
    login(client, member)

    response = client.post(url("answer", assessment.pk, point.pk), {"note": "Muộn rồi"})
    assert response.status_code == 409 and response.json()["ok"] is False
    upload = client.post(url("photo_upload", assessment.pk, point.pk),
                         {"photo": jpeg_upload()}, HTTP_ACCEPT="application/json")
    assert upload.status_code == 409
    form = client.post(url("section", assessment.pk, af.pk),
                       {f"p{point.pk}-note": "Muộn rồi"})
    assert form["Location"] == url("report", assessment.pk)
    assert not Answer.objects.filter(note="Muộn rồi").exists()


# --- queries -------------------------------------------------------------------------------


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["overview", "section", "submit"])
def test_pages_run_the_same_queries_whatever_the_checklist_size(
        client, cooperative, manager, officer, page, django_assert_max_num_queries):
    counts, officer_counts = [], []
    for size, label in ((5, "small"), (40, "large")):
        version = version_from_dict(globalgap_dict(minors=size, label=label))
        started = assessment_for(cooperative=cooperative, version=version, user=manager,
                                 profile={"greenhouse": True})
        answer_everything(started, manager, value="not_compliant")
        for point in list(points_of(version).values())[:2]:
            services.evidence_add(assessment=started, control_point=point, user=manager,
                                  upload=jpeg_upload())
        args = (started.pk, section_of(version, "CB").pk) if page == "section" else \
            (started.pk,)
        address = url(page, *args)
        login(client, manager).get(address)  # warm the session and caches
        counts.append(_queries(client, address))
        with django_assert_max_num_queries(16):
            client.get(address)
        login(client, officer).get(address)
        officer_counts.append(_queries(client, address))
        with django_assert_max_num_queries(20):
            client.get(address)
    assert counts[0] == counts[1], counts
    assert officer_counts[0] == officer_counts[1], officer_counts
