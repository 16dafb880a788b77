"""Checklists in the Wagtail admin: importing and exporting whole versions, locked versions,
making a new version, publishing, authoring through nested inline panels, and who may do what."""

import html
import io
from dataclasses import replace

import openpyxl
import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html
from wagtail.users.models import UserProfile

from certification.checklists.admin_views import LOCKED_MESSAGE
from certification.checklists.files import MAX_FILE_SIZE, dump_xlsx, parse_yaml
from certification.checklists.services import checklist_export
from certification.models import (
    ControlPoint,
    ControlPointOption,
    Section,
    Standard,
    StandardVersion,
)
from tests.factories import UserFactory
from tests.factories.checklists import (
    assessment_for,
    globalgap_dict,
    ocop_dict,
    point,
    version_from_dict,
    vietgap_dict,
)
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db

VERSIONS = "wagtailsnippets_certification_standardversion"
STANDARDS = "wagtailsnippets_certification_standard"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def url(name: str, *args) -> str:
    return reverse(f"{VERSIONS}:{name}", args=args)


def login(client, user):
    """Logged in with the admin in English, so that the assertions read the English texts
    whatever the Vietnamese catalogue says."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)


def text(response) -> str:
    return html.unescape(response.content.decode())


def english(message) -> str:
    """A lazy message as the admin shows it to these English-speaking users."""
    with translation.override("en"):
        return str(message)


def refused(response) -> bool:
    """A refusal from the admin: a 403, or a redirect away (to the login or the dashboard)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url != response.request["PATH_INFO"])


def yaml_file(data: dict, name: str = "checklist.yaml") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, yaml.safe_dump(data, allow_unicode=True,
                                                   sort_keys=False).encode())


def xlsx_bytes(data: dict) -> bytes:
    return dump_xlsx(parse_yaml(yaml.safe_dump(data, allow_unicode=True, sort_keys=False)))


def set_cells(content: bytes, sheet: str, changes: dict[tuple[int, str], object]) -> bytes:
    """The workbook with cells changed, each named by its row and column header."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    worksheet = workbook[sheet]
    header = [cell.value for cell in worksheet[1]]
    for (row, column), value in changes.items():
        worksheet.cell(row=row, column=header.index(column) + 1, value=value)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def import_file(client, upload, *, publish=False):
    data = {"file": upload}
    if publish:
        data["publish"] = "on"
    return client.post(url("import"), data)


def content(version: StandardVersion, label: str | None = None):
    """The version's content as the export sees it, under ``label`` when given."""
    data = checklist_export(version=version)
    return replace(data, label=label) if label else data


def edit_form(client, version) -> dict:
    """The edit form's data as the browser would post it unchanged."""
    return querydict_from_html(client.get(url("edit", version.pk)).content.decode(),
                               form_id="w-editor-form")


@pytest.fixture
def locked(cooperative, trainer):
    version = version_from_dict(globalgap_dict(majors=2, minors=3), publish=True)
    assessment_for(cooperative=cooperative, version=version, user=trainer)
    return version


@pytest.fixture
def draft():
    return version_from_dict(vietgap_dict(points=2), publish=False)


# --- import


def test_importing_a_valid_yaml_file_creates_a_draft_version(client, trainer):
    login(client, trainer)
    response = import_file(client, yaml_file(vietgap_dict(points=3)))
    version = StandardVersion.objects.get(standard__code="vietgap-test", label="v1")
    assert response.status_code == 302
    assert response.url == url("edit", version.pk)
    assert version.status == StandardVersion.Status.DRAFT
    assert version.created_by == trainer
    assert ControlPoint.objects.filter(section__version=version).count() == 3


def test_importing_with_publish_ticked_publishes_the_version(client, trainer):
    login(client, trainer)
    import_file(client, yaml_file(vietgap_dict()), publish=True)
    version = StandardVersion.objects.get(standard__code="vietgap-test")
    assert version.status == StandardVersion.Status.PUBLISHED
    assert version.published_at is not None


def test_a_successful_import_says_so_on_the_version_page(client, trainer):
    login(client, trainer)
    response = client.post(url("import"), {"file": yaml_file(vietgap_dict())}, follow=True)
    assert "was imported" in text(response)
    assert "It is a draft" in text(response)


def test_importing_a_valid_xlsx_file_creates_the_version(client, trainer):
    login(client, trainer)
    upload = SimpleUploadedFile("ocop.xlsx", xlsx_bytes(ocop_dict()), content_type=XLSX)
    response = import_file(client, upload)
    version = StandardVersion.objects.get(standard__code="ocop-test")
    assert response.status_code == 302
    assert ControlPointOption.objects.filter(control_point__section__version=version).count() \
        == 18


def test_an_import_with_several_errors_lists_every_one_with_its_row_and_creates_nothing(
    client, trainer
):
    login(client, trainer)
    broken = set_cells(xlsx_bytes(vietgap_dict(points=3)), "points", {
        (2, "level"): "huge", (3, "tags"): "greenhouse", (4, "justification"): "sometimes"})
    response = import_file(client, SimpleUploadedFile("vietgap.xlsx", broken), publish=True)
    page = text(response)
    assert response.status_code == 200
    assert "Nothing was imported from vietgap.xlsx" in page
    assert "Sheet “points”, row 2: level “huge”" in page
    assert "Sheet “points”, row 3: tag “greenhouse”" in page
    assert "Sheet “points”, row 4: justification “sometimes”" in page
    assert not Standard.objects.exists()
    assert not StandardVersion.objects.exists()


def test_a_refused_import_keeps_the_publish_box_ticked(client, trainer):
    login(client, trainer)
    data = vietgap_dict()
    data["version"]["rule"] = "coin_toss"
    response = import_file(client, yaml_file(data), publish=True)
    assert response.context["form"]["publish"].value() is True
    assert 'name="publish"' in text(response) and "checked" in text(response)


def test_a_yaml_import_with_errors_names_the_place_of_each(client, trainer):
    login(client, trainer)
    data = vietgap_dict(points=2)
    data["sections"][0]["points"][0]["level"] = "huge"
    data["sections"][0]["points"][1]["code"] = "VG.1.1"  # duplicate
    response = import_file(client, yaml_file(data))
    issues = response.context["issues"]
    assert len(issues) >= 2
    assert any("huge" in issue for issue in issues)
    assert any("VG.1.1" in issue and "huge" not in issue for issue in issues)
    assert not StandardVersion.objects.exists()


def test_an_import_over_a_locked_version_is_refused_and_changes_nothing(client, trainer, locked):
    login(client, trainer)
    before = content(locked)
    data = globalgap_dict(majors=1, minors=1)  # same standard and label, other content
    response = import_file(client, yaml_file(data))
    assert response.status_code == 200
    assert "already has self-assessments" in text(response)
    assert content(locked) == before


def test_an_import_replaces_a_draft_with_the_same_label(client, trainer, draft):
    login(client, trainer)
    response = client.post(url("import"), {"file": yaml_file(vietgap_dict(points=5))},
                           follow=True)
    assert "was replaced" in text(response)
    assert StandardVersion.objects.get() == draft
    assert ControlPoint.objects.filter(section__version=draft).count() == 5


def test_a_file_larger_than_2_mb_is_refused_with_a_clear_message(client, trainer):
    login(client, trainer)
    upload = SimpleUploadedFile("big.yaml", b"#" * (MAX_FILE_SIZE + 1))
    response = import_file(client, upload)
    assert response.status_code == 200
    assert "a checklist file may be at most 2.0" in text(response)
    assert not StandardVersion.objects.exists()


def test_a_file_of_another_kind_is_refused(client, trainer):
    login(client, trainer)
    response = import_file(client, SimpleUploadedFile("checklist.csv", b"code,text\n"))
    assert "Choose a .yaml, .yml or .xlsx file." in text(response)


# --- export


def test_exporting_yaml_downloads_the_version_under_a_named_file(client, trainer):
    version = version_from_dict(globalgap_dict(label="5.4-GFS (training)"))
    login(client, trainer)
    response = client.get(url("export", version.pk, "yaml"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/yaml; charset=utf-8"
    assert response["Content-Disposition"] == \
        'attachment; filename="globalgap-test-54-gfs-training.yaml"'
    assert parse_yaml(response.content.decode()) == content(version)


def test_exporting_xlsx_downloads_a_workbook(client, trainer, draft):
    login(client, trainer)
    response = client.get(url("export", draft.pk, "xlsx"))
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="vietgap-test-v1.xlsx"'
    assert openpyxl.load_workbook(io.BytesIO(response.content)).sheetnames[0] == "version"


def test_an_unknown_export_format_is_not_found(client, trainer, draft):
    login(client, trainer)
    assert client.get(url("export", draft.pk, "csv")).status_code == 404


@pytest.fixture
def course_linked_ocop(trainer):
    """An OCOP version whose first criterion links a course: options, parts and courses."""
    course = make_course(trainer=trainer)
    data = ocop_dict()
    data["sections"][0]["points"][0]["courses"] = [course.slug]
    data["profile"] = [{"tag": "export", "question": {"vi": "Xuất khẩu?", "en": "Export?"}}]
    data["sections"][1]["points"][0]["tags"] = ["export"]
    return version_from_dict(data)


def test_a_yaml_export_imported_under_a_new_label_has_the_same_content(
    client, trainer, course_linked_ocop
):
    login(client, trainer)
    exported = yaml.safe_load(client.get(url("export", course_linked_ocop.pk, "yaml")).content)
    exported["version"]["label"] = "v2"
    import_file(client, yaml_file(exported))
    copy = StandardVersion.objects.get(label="v2")
    assert content(copy) == content(course_linked_ocop, label="v2")
    assert content(copy).points[0].courses  # the course link made the trip


def test_an_xlsx_export_imported_under_a_new_label_has_the_same_content(
    client, trainer, course_linked_ocop
):
    login(client, trainer)
    exported = client.get(url("export", course_linked_ocop.pk, "xlsx")).content
    workbook = openpyxl.load_workbook(io.BytesIO(exported))
    label_row = next(row for row in workbook["version"].iter_rows() if row[0].value == "label")
    label_row[1].value = "v2"
    out = io.BytesIO()
    workbook.save(out)
    import_file(client, SimpleUploadedFile("ocop.xlsx", out.getvalue()))
    copy = StandardVersion.objects.get(label="v2")
    assert content(copy) == content(course_linked_ocop, label="v2")


# --- locked versions


def test_a_locked_version_opens_with_the_reason_and_no_save_button(client, trainer, locked):
    login(client, trainer)
    response = client.get(url("edit", locked.pk))
    page = text(response)
    assert response.status_code == 200
    assert english(LOCKED_MESSAGE) in page
    assert url("new_version", locked.pk) in page
    assert "button action-save" not in page


def test_saving_a_locked_version_is_refused_and_changes_nothing(client, trainer, locked):
    login(client, trainer)
    before = content(locked)
    form = edit_form(client, locked)
    form["label"] = "changed in place"
    form["sections-0-title_en"] = "Changed"
    response = client.post(url("edit", locked.pk), form, follow=True)
    assert english(LOCKED_MESSAGE) in text(response)
    locked.refresh_from_db()
    assert locked.label == "v1"
    assert content(locked) == before


def test_a_version_with_assessments_cannot_be_deleted(client, site_admin, locked):
    login(client, site_admin)
    response = client.post(url("delete", locked.pk), follow=True)
    assert "has self-assessments and cannot be deleted" in text(response)
    assert StandardVersion.objects.filter(pk=locked.pk).exists()


def test_a_version_with_assessments_cannot_be_deleted_in_bulk_either(client, site_admin, locked):
    login(client, site_admin)
    bulk_delete = reverse("wagtail_bulk_action", args=["certification", "standardversion",
                                                      "delete"])
    response = client.post(f"{bulk_delete}?id={locked.pk}", follow=True)
    assert "has self-assessments and cannot be deleted" in text(response)
    assert StandardVersion.objects.filter(pk=locked.pk).exists()


def test_a_standard_with_versions_cannot_be_deleted(client, site_admin, draft):
    login(client, site_admin)
    response = client.post(reverse(f"{STANDARDS}:delete", args=[draft.standard_id]),
                           follow=True)
    assert "has checklist versions and cannot be deleted" in text(response)
    assert Standard.objects.filter(pk=draft.standard_id).exists()


def test_a_draft_without_assessments_can_be_deleted_by_a_site_admin(client, site_admin, draft):
    login(client, site_admin)
    client.post(url("delete", draft.pk))
    assert not StandardVersion.objects.filter(pk=draft.pk).exists()


# --- make a new version


def test_making_a_new_version_copies_sections_points_options_and_courses(
    client, trainer, course_linked_ocop, cooperative
):
    assessment_for(cooperative=cooperative, version=course_linked_ocop, user=trainer)
    login(client, trainer)
    response = client.post(url("new_version", course_linked_ocop.pk), {"label": "2026"})
    copy = StandardVersion.objects.get(label="2026")
    assert response.status_code == 302
    assert response.url == url("edit", copy.pk)
    assert copy.status == StandardVersion.Status.DRAFT
    assert copy.created_by == trainer
    assert content(copy) == content(course_linked_ocop, label="2026")
    assert Section.objects.filter(version=copy).count() == 3
    assert ControlPointOption.objects.filter(control_point__section__version=copy).count() == 18


def test_a_new_version_cannot_take_a_label_the_standard_already_has(client, trainer, locked):
    other = version_from_dict(globalgap_dict(label="v2"), publish=False)
    before = content(other)
    login(client, trainer)
    response = client.post(url("new_version", locked.pk), {"label": "v2"})
    assert response.status_code == 200
    assert "already has a version “v2”" in text(response)
    assert content(other) == before


# --- publishing


def test_publishing_a_valid_draft_publishes_it(client, trainer, draft):
    login(client, trainer)
    response = client.post(url("publish", draft.pk))
    draft.refresh_from_db()
    assert response.status_code == 302
    assert response.url == url("edit", draft.pk)
    assert draft.status == StandardVersion.Status.PUBLISHED


def test_publishing_an_ocop_draft_with_a_section_without_part_is_refused_with_the_problems(
    client, trainer
):
    version = version_from_dict(ocop_dict(), publish=False)
    # Authored in the admin: a section holding a criterion, but no part.
    section = Section.objects.create(version=version, code="D1", title_vi="Phần D",
                                     title_en="Part D", sort_order=9)
    criterion = ControlPoint.objects.create(section=section, code="D1.1", text_vi="Tiêu chí",
                                            text_en="Criterion", na_allowed=False)
    for code, points in (("a", 0), ("b", 1)):
        ControlPointOption.objects.create(control_point=criterion, code=code, text_vi=code,
                                          text_en=code, points=points)
    login(client, trainer)
    response = client.post(url("publish", version.pk))
    version.refresh_from_db()
    assert response.status_code == 200
    assert "The version was not published" in text(response)
    assert response.context["issues"]
    assert any("D1" in issue for issue in response.context["issues"])
    assert version.status == StandardVersion.Status.DRAFT


def test_the_publish_page_of_a_published_version_sends_back_to_it(client, trainer, locked):
    login(client, trainer)
    response = client.get(url("publish", locked.pk))
    assert response.status_code == 302
    assert response.url == url("edit", locked.pk)


def test_a_published_version_edited_into_an_invalid_state_is_not_saved(client, trainer):
    version = version_from_dict(ocop_dict())  # published, no assessments: still editable
    login(client, trainer)
    form = edit_form(client, version)
    form["sections-0-part"] = ""
    response = client.post(url("edit", version.pk), form)
    assert response.status_code == 200
    assert "must stay complete" in text(response)
    assert response.context["content_issues"]
    assert Section.objects.get(version=version, code="A1").part == "A"


def test_a_draft_saved_through_the_form_keeps_its_content(client, trainer):
    version = version_from_dict(ocop_dict(), publish=False)
    before = content(version)
    login(client, trainer)
    form = edit_form(client, version)
    response = client.post(url("edit", version.pk), form)
    assert response.status_code == 302
    assert content(version) == before


# --- authoring through nested inline panels


def nested_version_form(standard: Standard, **fields) -> dict:
    return nested_form_data({
        "standard": standard.pk,
        "label": "admin-1",
        "rule": "all_mandatory",
        "params": "{}",
        "note_vi": "",
        "note_en": "",
        "profile_questions": inline_formset([]),
        "sections": inline_formset([{
            "code": "S1",
            "part": "",
            "title_vi": "Địa điểm sản xuất",
            "title_en": "Production site",
            "control_points": inline_formset([{
                "code": "S1.1",
                "level": "required",
                "text_vi": "Có bản đồ khu sản xuất",
                "text_en": "A map of the production area",
                "guidance_vi": "", "guidance_en": "",
                "na_allowed": "on",
                "justification": "never",
                "evidence_vi": "", "evidence_en": "",
                "tags": "",
                "options": inline_formset([]),
            }]),
        }]),
        **fields,
    })


def test_a_trainer_creates_a_version_with_a_section_and_a_control_point_in_the_form(
    client, trainer
):
    standard = Standard.objects.create(code="vietgap-admin", name_vi="VietGAP",
                                       name_en="VietGAP")
    login(client, trainer)
    response = client.post(url("add"), nested_version_form(standard))
    assert response.status_code == 302, response.context["form"].errors
    version = StandardVersion.objects.get(standard=standard, label="admin-1")
    section = version.sections.get()
    control_point = section.control_points.get()
    assert (version.status, version.created_by) == (StandardVersion.Status.DRAFT, trainer)
    assert (section.code, section.title_en) == ("S1", "Production site")
    assert (control_point.code, control_point.level, control_point.na_allowed) == \
        ("S1.1", "required", True)
    assert client.post(url("publish", version.pk)).status_code == 302


def test_the_form_cannot_publish_a_version_by_its_status(client, trainer):
    standard = Standard.objects.create(code="vietgap-admin", name_vi="VietGAP",
                                       name_en="VietGAP")
    login(client, trainer)
    client.post(url("add"), nested_version_form(standard, status="published"))
    assert StandardVersion.objects.get().status == StandardVersion.Status.DRAFT


@pytest.fixture
def with_sub_section():
    """VG.1 holds the sub-section VG.1.A, as an imported file can."""
    data = vietgap_dict(points=2)
    data["sections"][0]["sections"] = [{"code": "VG.1.A", "title": {"vi": "Nước", "en": "Water"},
                                        "points": [point("VG.1.A.1", "required")]}]
    return version_from_dict(data, publish=False)


def test_deleting_a_section_but_not_its_sub_sections_is_refused(client, trainer, with_sub_section):
    login(client, trainer)
    form = edit_form(client, with_sub_section)
    form["sections-0-DELETE"] = "1"
    response = client.post(url("edit", with_sub_section.pk), form)
    assert response.status_code == 200
    assert "Section “VG.1” has the sub-sections VG.1.A" in text(response)
    assert Section.objects.filter(version=with_sub_section).count() == 2


def test_deleting_a_section_with_its_sub_sections_deletes_both(client, trainer, with_sub_section):
    login(client, trainer)
    form = edit_form(client, with_sub_section)
    form["sections-0-DELETE"] = form["sections-1-DELETE"] = "1"
    assert client.post(url("edit", with_sub_section.pk), form).status_code == 302
    assert not Section.objects.filter(version=with_sub_section).exists()


# --- the listing


def test_the_listing_shows_points_assessments_and_lock(client, trainer, locked, draft):
    login(client, trainer)
    response = client.get(url("list"))
    rows = {version.pk: version for version in response.context["object_list"]}
    assert (rows[locked.pk].point_count, rows[locked.pk].assessment_count) == (7, 1)
    assert (rows[draft.pk].point_count, rows[draft.pk].assessment_count) == (2, 0)
    assert url("import") in text(response)


def test_the_listing_makes_as_many_queries_for_three_versions_as_for_one(client, trainer, draft):
    login(client, trainer)
    client.get(url("list"))  # warm the per-user caches

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("list")).status_code == 200
        return len(captured)

    one = queries()
    version_from_dict(globalgap_dict(), publish=True)
    version_from_dict(ocop_dict(), publish=False)
    assert queries() == one


def test_the_listing_filters_by_standard_and_status(client, trainer, locked, draft):
    login(client, trainer)
    by_standard = client.get(url("list"), {"standard": draft.standard_id})
    by_status = client.get(url("list"), {"status": "published"})
    assert [v.pk for v in by_standard.context["object_list"]] == [draft.pk]
    assert [v.pk for v in by_status.context["object_list"]] == [locked.pk]


# --- who may do what

ROLES = ["anonymous", "learner", "officer", "trainer", "site_admin"]
EDITORS = {"trainer", "site_admin"}
READERS = {"officer", "trainer", "site_admin"}
PAGES = {
    # name: (url for the draft, roles allowed)
    "list": (lambda v: url("list"), READERS),
    "inspect": (lambda v: url("inspect", v.pk), READERS),
    "export yaml": (lambda v: url("export", v.pk, "yaml"), READERS),
    "export xlsx": (lambda v: url("export", v.pk, "xlsx"), READERS),
    "add": (lambda v: url("add"), EDITORS),
    "edit": (lambda v: url("edit", v.pk), EDITORS),
    "import": (lambda v: url("import"), EDITORS),
    "new version": (lambda v: url("new_version", v.pk), EDITORS),
    "publish": (lambda v: url("publish", v.pk), EDITORS),
    "delete": (lambda v: url("delete", v.pk), {"site_admin"}),
    "standards": (lambda v: reverse(f"{STANDARDS}:list"), READERS),
    "standard edit": (lambda v: reverse(f"{STANDARDS}:edit", args=[v.standard_id]), EDITORS),
}


@pytest.fixture
def user_of(request):
    def make(role):
        if role == "anonymous":
            return None
        if role == "learner":
            return UserFactory()
        return request.getfixturevalue(role)
    return make


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", list(PAGES))
def test_who_may_open_each_page(client, user_of, draft, page, role):
    make_url, allowed = PAGES[page]
    user = user_of(role)
    if user is not None:
        login(client, user)
    response = client.get(make_url(draft))
    if role in allowed:
        assert response.status_code == 200, response
    else:
        assert refused(response)


@pytest.mark.parametrize("role", ["learner", "officer"])
def test_readers_and_learners_cannot_import(client, user_of, role):
    login(client, user_of(role))
    assert refused(import_file(client, yaml_file(vietgap_dict()), publish=True))
    assert not StandardVersion.objects.exists()


@pytest.mark.parametrize("role", ["learner", "officer"])
def test_readers_and_learners_cannot_publish_copy_or_edit(client, user_of, draft, role):
    login(client, user_of(role))
    assert refused(client.post(url("publish", draft.pk)))
    assert refused(client.post(url("new_version", draft.pk), {"label": "v9"}))
    assert refused(client.post(url("edit", draft.pk), {"label": "v9"}))
    assert refused(client.post(url("delete", draft.pk)))
    draft.refresh_from_db()
    assert (draft.status, draft.label) == (StandardVersion.Status.DRAFT, "v1")
    assert StandardVersion.objects.count() == 1


def test_anonymous_visitors_are_sent_to_log_in(client, draft):
    response = client.get(url("import"))
    assert response.status_code == 302
    assert reverse("account_login") in response.url or "/login/" in response.url


def test_the_readiness_menu_lists_standards_and_versions(client, trainer):
    login(client, trainer)
    page = text(client.get(reverse("wagtailadmin_home")))
    assert "Readiness" in page
    assert url("list") in page
    assert reverse(f"{STANDARDS}:list") in page

