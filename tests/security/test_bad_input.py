"""Every hostile input of tests/security/corpus.py sent to every place that accepts it: refused
or neutralised with a clear message in Vietnamese (the users' language), never a 500, nothing
stored when refused, and whatever else the person typed kept on the form shown again. Texts that
are accepted come back escaped on the page, in the PDF and in CSV/XLSX exports.

Already covered elsewhere and not repeated: YAML/XLSX bombs and strange workbooks, in English,
by tests/certification/checklists/test_hostile_files.py (its generators are reused here for the
admin's messages in Vietnamese); the photo pipeline's details by
tests/certification/assessments/test_images.py. Answer sheets are read only by the
``readiness_score`` management command, through the checklist's YAML loader that those tests
cover."""

import csv
import io
import re
import subprocess
import unicodedata
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from certification.assessments.images import DEFAULT_MAX_UPLOAD_BYTES
from certification.models import (
    Answer,
    ControlPoint,
    CorrectiveAction,
    EvidencePhoto,
    OcopSelfReport,
    StandardVersion,
)
from courses import services as course_services
from courses.models import QuizAttempt
from lms.accounts.models import User
from lms.cooperatives.models import Cooperative, Membership
from tests.certification.reports.test_report import submitted
from tests.factories import (
    CooperativeFactory,
    MembershipFactory,
    OfficerFactory,
    UserFactory,
    province,
)
from tests.factories.checklists import (
    assessment_for,
    globalgap_dict,
    ocop_dict,
    version_from_dict,
)
from tests.factories.courses import make_course, quiz_of
from tests.security import corpus
from tests.security.corpus import (
    CHECKLIST_IDS,
    CHECKLISTS,
    IMAGE_IDS,
    IMAGES,
    JUNK_PARAM_IDS,
    JUNK_PARAMS,
    TEXT_IDS,
    TEXTS,
    escaped,
)

pytestmark = pytest.mark.django_db

# What a Vietnamese-speaking person reads when a photo is refused.
NOT_AN_IMAGE = "Không đọc được tệp này dưới dạng ảnh"
NOT_ACCEPTED_GIF = "Không nhận ảnh định dạng GIF"
TOO_MANY_PIXELS = "Ảnh này quá lớn"
TOO_MANY_BYTES = "chỉ nhận ảnh tối đa"
EMPTY_FILE = "Tập tin được gửi là rỗng"
NUL_REFUSED = "Không được dùng ký tự NUL"
TOO_LONG = "tối đa"

# Evidence and closing photos: every case refused with these words, except those accepted.
PHOTO_REFUSALS = {
    "truncated-jpeg": NOT_AN_IMAGE,
    "truncated-png": NOT_AN_IMAGE,
    "zero-bytes": NOT_AN_IMAGE,
    "png-bomb-30000x30000": TOO_MANY_PIXELS,
    "over-the-size-limit": TOO_MANY_BYTES,
    "svg-with-script": NOT_AN_IMAGE,
    "html-renamed-jpg": NOT_AN_IMAGE,
    "gif-js-polyglot": NOT_ACCEPTED_GIF,
    "pdf-renamed-png": NOT_AN_IMAGE,
    "animated-gif": NOT_ACCEPTED_GIF,
}
PHOTOS_ACCEPTED = {"jpeg-html-polyglot", "jpeg-with-gps-exif", "cmyk-jpeg", "png-16-bit"}
assert set(PHOTO_REFUSALS) | PHOTOS_ACCEPTED == set(IMAGE_IDS)

NOTE = "Đã quét vôi kho phân bón, có biên bản"  # what the person typed besides the file


def test_the_corpus_size_is_reported(capsys):
    with capsys.disabled():
        print(f"\nbad-input corpus: {corpus.case_count()} inputs")
    assert corpus.case_count() >= 40


# --- fixtures and helpers ---------------------------------------------------------------------


@dataclass
class Stage:
    """Everything the tests post to, built once for the module (see ``stage``)."""

    coop: Cooperative
    boss: User
    elsewhere: Cooperative
    officer: User
    admin: User
    learner: User
    quiz: object
    assessment: object
    point: ControlPoint
    action: CorrectiveAction
    ocop_assessment: object


def build_stage() -> Stage:
    coop = CooperativeFactory(name="Hợp tác xã Nông nghiệp Thanh Hà")
    boss = MembershipFactory(cooperative=coop, role="manager").user
    globalgap = version_from_dict(globalgap_dict(minors=3))
    report = submitted(globalgap, coop, boss, profile={"greenhouse": False},
                       AF_1="not_compliant")
    ocop_report = submitted(version_from_dict(ocop_dict()), coop, boss)
    course = make_course(quiz=True)
    learner = UserFactory()
    course_services.enrollment_create(user=learner, course=course)
    return Stage(
        coop=coop, boss=boss,
        elsewhere=CooperativeFactory(name="Hợp tác xã Ngoài Phạm Vi", province=province("Hà Nội")),
        officer=OfficerFactory(provinces=[coop.province]),
        admin=UserFactory(is_superuser=True, is_staff=True),
        learner=learner, quiz=quiz_of(course),
        assessment=assessment_for(cooperative=coop, version=globalgap, user=boss,
                                  profile={"greenhouse": False}),
        point=ControlPoint.objects.select_related("section").get(section__version=globalgap,
                                                                 code="AF.2"),
        action=CorrectiveAction.objects.filter(assessment_id=report.assessment_id).first(),
        ocop_assessment=ocop_report.assessment,
    )


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The stage, built once and rolled back after the module; each test runs in a savepoint
    of its own (``db``), so what one test stores is gone for the next."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_stage()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def stage(built, db):
    for obj in (built.boss, built.action, built.assessment):
        obj.refresh_from_db()
    return built


@pytest.fixture
def coop(stage):
    return stage.coop


@pytest.fixture
def boss(stage):
    return stage.boss


@pytest.fixture
def assessment(stage):
    return stage.assessment


@pytest.fixture
def point(stage):
    return stage.point


@pytest.fixture
def action(stage):
    return stage.action


@pytest.fixture
def ocop_assessment(stage):
    return stage.ocop_assessment


@pytest.fixture
def admin_client(stage):
    return csrf_client(stage.admin)


def csrf_client(user=None) -> Client:
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def token(client: Client, address: str | None = None) -> str:
    """A CSRF token for the client, as its cookie and a form would carry it (Django accepts
    the cookie's secret itself as the form's token); without it every post is refused."""
    secret = "bad1nput" * 4
    client.cookies[settings.CSRF_COOKIE_NAME] = secret
    return secret


def readiness(name: str, *args) -> str:
    return reverse(f"readiness:{name}", args=args)


def upload(case, limit: int) -> SimpleUploadedFile:
    return SimpleUploadedFile(case.name, case.content(limit), content_type=case.content_type)


def evidence_limit() -> int:
    return getattr(settings, "EVIDENCE_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def page_text(response) -> str:
    return unicodedata.normalize("NFC", response.content.decode())


def assert_clean_jpeg(stored) -> None:
    """A photo as the platform keeps it: a plain RGB JPEG, no EXIF (so no GPS), no XMP, no
    comment, nothing of the original's extras."""
    with stored.open("rb") as handle:
        data = handle.read()
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.mode == "RGB"
    assert not image.getexif() and not image.getexif().get_ifd(0x8825)
    assert not {"exif", "xmp", "comment", "icc_profile"} & set(image.info)
    assert b"<script" not in data and b"PhoneMaker" not in data and b"xmpmeta" not in data


# --- evidence photos: the autosave (JSON) endpoint and the section form -----------------------


@pytest.mark.parametrize("case", IMAGES, ids=IMAGE_IDS)
def test_evidence_photo_through_the_json_endpoint(case, assessment, boss, point):
    client = csrf_client(boss)
    address = readiness("section", assessment.pk, point.section_id)
    csrf = token(client, address)

    response = client.post(readiness("photo_upload", assessment.pk, point.pk),
                           {"photo": upload(case, evidence_limit())},
                           headers={"Accept": "application/json", "X-CSRFToken": csrf})

    body = response.json()
    if case.id in PHOTOS_ACCEPTED:
        assert response.status_code == 201, body
        assert_clean_jpeg(EvidencePhoto.objects.get().image)
    else:
        assert response.status_code == 400, body
        assert body["ok"] is False and PHOTO_REFUSALS[case.id] in body["error"]
        assert not EvidencePhoto.objects.exists()


@pytest.mark.parametrize("case", IMAGES, ids=IMAGE_IDS)
def test_evidence_photo_through_the_section_form(case, assessment, boss, point):
    client = csrf_client(boss)
    address = readiness("section", assessment.pk, point.section_id)
    prefix = f"p{point.pk}-"

    response = client.post(address, {
        "csrfmiddlewaretoken": token(client, address), "go": "stay",
        prefix + "value": "compliant", prefix + "note": NOTE,
        prefix + "photo": upload(case, evidence_limit())})

    if case.id in PHOTOS_ACCEPTED:
        assert response.status_code == 302
        assert_clean_jpeg(EvidencePhoto.objects.get().image)
        return
    assert response.status_code == 400
    page = page_text(response)
    assert PHOTO_REFUSALS[case.id] in page
    assert "Ảnh “" in page  # the message names the photo it is about
    assert NOTE in page  # the note typed is shown again...
    answer = Answer.objects.get(assessment=assessment, control_point=point)
    assert (answer.value, answer.note) == ("compliant", NOTE)  # ...and kept
    assert not EvidencePhoto.objects.exists()


# --- the photo closing a corrective action ----------------------------------------------------


@pytest.mark.parametrize("case", IMAGES, ids=IMAGE_IDS)
def test_closing_photo_of_a_corrective_action(case, action, boss):
    client = csrf_client(boss)
    address = readiness("action", action.assessment_id, action.pk)

    response = client.post(address, {
        "csrfmiddlewaretoken": token(client, address), "status": "done",
        "closing_note": NOTE, "due_date": "15/08/2026",
        "closing_photo": upload(case, evidence_limit())})

    action.refresh_from_db()
    if case.id in PHOTOS_ACCEPTED:
        assert response.status_code == 302
        assert_clean_jpeg(action.closing_photo)
        return
    assert response.status_code == 200
    page = page_text(response)
    expected = EMPTY_FILE if case.id == "zero-bytes" else PHOTO_REFUSALS[case.id]
    assert expected in page
    assert NOTE in page and 'value="15/08/2026"' in page  # what was typed is kept
    assert "chọn lại ảnh" in page  # and the person is told to choose the photo again
    assert not action.closing_photo and action.status != "done" and not action.closing_note


# --- Wagtail's image and document libraries (cover images, lesson documents) ----------------

def wagtail_image_limit() -> int:
    return getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)


# Wagtail keeps the original file and reads only its header: GIFs are welcome in its library,
# and a cut-off file is kept (its thumbnails come out partly grey, never a 500).
WAGTAIL_IMAGES_ACCEPTED = {"jpeg-html-polyglot", "jpeg-with-gps-exif", "cmyk-jpeg", "png-16-bit",
                           "animated-gif", "gif-js-polyglot", "truncated-jpeg", "truncated-png"}
# The library's originals are public, so they are stored without metadata (lms/images.py): a
# trainer's photo loses its GPS position, a JPEG its HTML comment.


@pytest.mark.parametrize("case", IMAGES, ids=IMAGE_IDS)
def test_wagtail_image_upload(case, admin_client):
    address = reverse("wagtailimages:add")
    response = admin_client.post(address, {
        "csrfmiddlewaretoken": token(admin_client, address), "title": "Ảnh bìa khóa học",
        "collection": Collection.get_first_root_node().pk,
        "file": upload(case, wagtail_image_limit())})

    images = get_image_model().objects.all()
    if case.id in WAGTAIL_IMAGES_ACCEPTED:
        assert response.status_code == 302, page_text(response)[:3000]
        stored = images.get()
        if case.id.startswith("jpeg"):
            assert_clean_jpeg(stored.file)
        # The library's listing draws a thumbnail of it without failing.
        assert admin_client.get(reverse("wagtailimages:index")).status_code == 200
        return
    assert response.status_code == 200
    page = page_text(response)
    assert "Ảnh bìa khóa học" in page  # the title typed is kept
    assert re.search(r"error-message|help-critical|w-field__errors", page)
    assert not images.exists()


def wagtail_document_cases():
    html = corpus.html_page()
    return [
        pytest.param("trang.html", html, "Không nhận tệp có phần mở rộng “html”",
                     id="html-document"),
        pytest.param("logo.svg", corpus.svg_with_script(),
                     "Không nhận tệp có phần mở rộng “svg”", id="svg-with-script"),
        pytest.param("trang.pdf", html, None, id="html-renamed-pdf"),
        pytest.param("rong.pdf", b"", EMPTY_FILE, id="zero-bytes"),
        pytest.param("qua-lon.pdf", None, "Tệp này quá lớn", id="over-the-size-limit"),
    ]


@pytest.mark.parametrize("name, content, words", wagtail_document_cases())
def test_wagtail_document_upload(name, content, words, admin_client):
    if content is None:
        content = b"%PDF-1.4\n" + b"0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    address = reverse("wagtaildocs:add")
    response = admin_client.post(address, {
        "csrfmiddlewaretoken": token(admin_client, address), "title": "Tài liệu bài học",
        "collection": Collection.get_first_root_node().pk,
        "file": SimpleUploadedFile(name, content)})

    documents = get_document_model().objects.all()
    if words:
        assert response.status_code == 200
        page = page_text(response)
        assert "Tài liệu bài học" in page
        assert "Không lưu được tài liệu vì có lỗi" in page and "could not be" not in page
        assert words in page
        assert not documents.exists()
        return
    assert response.status_code == 302
    served = admin_client.get(documents.get().url)
    # Served so that a browser never runs it as a page of this site.
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "text/html" not in served["Content-Type"]
    policy = served.get("Content-Security-Policy", "")
    assert "sandbox" in policy or "default-src 'none'" in policy \
        or served.get("Content-Disposition", "").startswith("attachment")


# --- checklist import in the admin (Vietnamese messages; the rest in test_hostile_files) -----


@pytest.mark.parametrize("case", CHECKLISTS, ids=CHECKLIST_IDS)
def test_checklist_import_refuses_in_vietnamese(case, admin_client):
    address = reverse("wagtailsnippets_certification_standardversion:import")
    name = case.name
    versions = StandardVersion.objects.count()
    response = admin_client.post(address, {
        "csrfmiddlewaretoken": token(admin_client, address),
        "file": SimpleUploadedFile(name, case.build())})

    if case.id == "xlsx-with-formulas":
        # Read as values, never evaluated: the formula row has no point code and is left out.
        assert response.status_code == 302
        texts = ControlPoint.objects.values_list("code", "text_vi")
        assert not any("HYPERLINK" in code + text or "cmd|" in code + text
                       for code, text in texts)
        return
    assert response.status_code == 200
    page = page_text(response)
    assert f"Chưa nhập được gì từ {name}" in page, page[:4000]
    assert "Nothing was imported" not in page
    assert StandardVersion.objects.count() == versions


# --- texts typed into forms -------------------------------------------------------------------


def expect_refused(response, text_case, *, kept: str) -> str:
    """The form came back with a Vietnamese message and what else was typed."""
    assert response.status_code in (200, 400), response.status_code
    page = page_text(response)
    words = NUL_REFUSED if "\x00" in text_case.value else TOO_LONG
    assert words in page, page[:3000]
    assert kept in page
    return page


def assert_shown_escaped(page: str, value: str) -> None:
    page = unicodedata.normalize("NFC", page)
    value = unicodedata.normalize("NFC", value)
    assert escaped(value) in page
    if escaped(value) != value:
        assert value not in page


@pytest.mark.parametrize("case", TEXTS, ids=TEXT_IDS)
def test_text_as_a_full_name_at_sign_up(case):
    client = csrf_client()
    address = reverse("account_signup")
    email = "an.nguyen@example.vn"

    response = client.post(address, {
        "csrfmiddlewaretoken": token(client, address), "email": email,
        "password1": "ruong-lua-xanh-2025", "password2": "ruong-lua-xanh-2025",
        "full_name": case.value, "preferred_language": "vi"})

    if case.refused:
        expect_refused(response, case, kept=f'value="{email}"')
        assert not User.objects.filter(email=email).exists()
        return
    assert response.status_code == 302
    user = User.objects.get(email=email)
    assert user.full_name == unicodedata.normalize("NFC", " ".join(case.value.split()))


@pytest.mark.parametrize("case", TEXTS, ids=TEXT_IDS)
def test_text_in_the_profile(case, boss):
    client = csrf_client(boss)
    address = reverse("account_profile")
    before = boss.full_name

    response = client.post(address, {
        "csrfmiddlewaretoken": token(client, address), "full_name": case.value,
        "phone": "0912 345 678", "preferred_language": "vi", "email_reminders": "on"})

    boss.refresh_from_db()
    if case.refused:
        expect_refused(response, case, kept='value="0912 345 678"')
        assert boss.full_name == before and boss.phone is None
        return
    assert response.status_code == 302
    assert boss.full_name == unicodedata.normalize("NFC", " ".join(case.value.split()))
    assert_shown_escaped(client.get(address).content.decode(), boss.full_name)


@pytest.mark.parametrize("case", TEXTS, ids=TEXT_IDS)
def test_text_as_the_name_of_a_new_cooperative(case, coop):
    user = UserFactory()
    client = csrf_client(user)
    address = reverse("cooperatives:register")

    response = client.post(address, {
        "csrfmiddlewaretoken": token(client, address), "name": case.value,
        "registration_code": "2401009999", "province": coop.province_id,
        "sector": "crop", "member_count": "42"})

    if case.refused:
        expect_refused(response, case, kept='value="2401009999"')
        assert not Cooperative.objects.filter(registration_code="2401009999").exists()
        return
    assert response.status_code == 302, page_text(response)[:3000]
    created = Cooperative.objects.get(registration_code="2401009999")
    assert_shown_escaped(client.get(response["Location"]).content.decode(), created.name)


@pytest.mark.parametrize("case", TEXTS, ids=TEXT_IDS)
def test_text_in_a_corrective_actions_closing_note(case, action, boss):
    client = csrf_client(boss)
    address = readiness("action", action.assessment_id, action.pk)

    response = client.post(address, {
        "csrfmiddlewaretoken": token(client, address), "status": "in_progress",
        "closing_note": case.value, "due_date": "15/08/2026"})

    due = action.due_date
    action.refresh_from_db()
    if case.refused:
        expect_refused(response, case, kept='value="15/08/2026"')
        assert not action.closing_note and action.due_date == due
        return
    assert response.status_code == 302
    assert action.closing_note == case.value.strip()
    assert_shown_escaped(client.get(address).content.decode(), action.closing_note)


@pytest.mark.parametrize("case", TEXTS, ids=TEXT_IDS)
def test_text_saved_by_the_autosave_endpoint(case, assessment, boss, point):
    client = csrf_client(boss)
    section = readiness("section", assessment.pk, point.section_id)
    csrf = token(client, section)

    response = client.post(readiness("answer", assessment.pk, point.pk),
                           {"value": "compliant", "justification": case.value, "note": NOTE},
                           headers={"X-CSRFToken": csrf})

    body = response.json()
    if case.refused:
        assert response.status_code == 400, body
        assert (NUL_REFUSED if "\x00" in case.value else TOO_LONG) in body["error"]
        assert not Answer.objects.filter(assessment=assessment, note=NOTE).exists()
        return
    assert response.status_code == 200, body
    answer = Answer.objects.get(assessment=assessment, control_point=point)
    assert answer.justification == case.value.strip()
    assert_shown_escaped(client.get(section).content.decode(), answer.justification)


@pytest.mark.parametrize("case", TEXTS, ids=TEXT_IDS)
def test_text_sent_by_the_section_form(case, assessment, boss, point):
    client = csrf_client(boss)
    address = readiness("section", assessment.pk, point.section_id)
    prefix = f"p{point.pk}-"

    response = client.post(address, {
        "csrfmiddlewaretoken": token(client, address), "go": "stay",
        prefix + "value": "compliant", prefix + "justification": case.value,
        prefix + "note": NOTE})

    answer = Answer.objects.filter(assessment=assessment, control_point=point).first()
    if case.refused:
        page = expect_refused(response, case, kept=NOTE)
        assert response.status_code == 400
        assert answer is None or "\x00" not in answer.justification
        assert answer is None or len(answer.justification) <= 5000
        assert 'value="compliant" checked' in page
        return
    assert response.status_code == 302
    assert answer.justification == case.value.strip()


OCOP_TEXT_FIELDS = ("product_name", "history", "plan")


OCOP_DETAILS = {"product_name": "Vải thiều sấy khô", "organisation_type": "Hợp tác xã",
                "results_year": "2025", "revenue": "1.200.000.000"}


@pytest.mark.parametrize("case", TEXTS, ids=TEXT_IDS)
def test_text_in_the_ocop_self_report(case, ocop_assessment, boss):
    client = csrf_client(boss)
    address = readiness("ocop_self_report", ocop_assessment.pk)
    # 10,000 characters go in the 200-character product name, the rest in long texts.
    data = {**OCOP_DETAILS, **dict.fromkeys(OCOP_TEXT_FIELDS, case.value)}

    response = client.post(address, {"csrfmiddlewaretoken": token(client, address), **data})

    if case.refused:
        expect_refused(response, case, kept='value="1.200.000.000"')
        assert "Một vài ô cần sửa" in page_text(response)
        assert not OcopSelfReport.objects.exists()
        return
    assert response.status_code == 302
    saved = OcopSelfReport.objects.get()
    assert saved.history == case.value.strip()
    assert_shown_escaped(client.get(address).content.decode(), saved.product_name)


@pytest.mark.parametrize("field, value, words", [
    ("revenue", "9" * 40, "Ghi số tiền bằng đồng"),
    ("revenue", "1e9", "Ghi số tiền bằng đồng"),
    ("revenue", "=1+1", "Ghi số tiền bằng đồng"),
    ("results_year", "99999999999999999999", "Nhập một năm từ 2000"),
    ("results_year", "-2025", "lớn hơn hoặc bằng"),
    ("results_year", "hai nghìn", "Nhập một số"),
    ("founded", "2024-13-45", "Nhập một ngày hợp lệ"),
    ("founded", "99999-01-01", "Nhập một ngày hợp lệ"),
], ids=["amount-40-digits", "amount-exponent", "amount-formula",
        "year-huge", "year-negative", "year-in-words", "date-impossible", "date-five-digits"])
def test_bad_numbers_in_the_ocop_self_report(field, value, words, ocop_assessment, boss):
    client = csrf_client(boss)
    address = readiness("ocop_self_report", ocop_assessment.pk)

    response = client.post(address, {"csrfmiddlewaretoken": token(client, address),
                                     **OCOP_DETAILS, field: value})

    assert response.status_code == 200
    page = page_text(response)
    assert words in page and escaped(value) in page
    assert escaped(OCOP_DETAILS["product_name"]) in page
    assert not OcopSelfReport.objects.exists()


# --- lone surrogates: bytes no UTF-8 text can hold --------------------------------------------


@pytest.mark.parametrize("where", ["profile", "autosave", "cooperative-search"])
def test_a_lone_surrogate_is_decoded_never_a_500(where, assessment, boss, point):
    client = csrf_client(boss)
    if where == "cooperative-search":
        response = client.get(reverse("cooperatives:join") + "?q=" +
                              corpus.LONE_SURROGATE_BYTES.decode())
        assert response.status_code == 200
        return
    section = readiness("section", assessment.pk, point.section_id)
    if where == "profile":
        address, csrf = reverse("account_profile"), token(client, reverse("account_profile"))
        body = (b"csrfmiddlewaretoken=" + csrf.encode() + b"&full_name=An"
                + corpus.LONE_SURROGATE_BYTES + b"&preferred_language=vi")
        headers = {}
    else:
        address, csrf = readiness("answer", assessment.pk, point.pk), token(client, section)
        body = b"note=An" + corpus.LONE_SURROGATE_BYTES
        headers = {"X-CSRFToken": csrf}

    response = client.post(address, body, content_type="application/x-www-form-urlencoded",
                           headers=headers)

    assert response.status_code in (200, 302, 400)
    stored = (User.objects.get(pk=boss.pk).full_name if where == "profile"
              else Answer.objects.get(assessment=assessment).note)
    assert "\ud800" not in stored
    stored.encode("utf-8")  # storable in PostgreSQL as it is


# --- quiz answers -----------------------------------------------------------------------------


@pytest.mark.parametrize("answers", [
    {"q-single": "\x00"},
    {"q-single": "9" * 10_000, "q-multiple": "0", "q-true-false": "true"},
    {"q-nope": "0", "q-single": ["0"] * 500},
    {"q-single": "<script>alert(1)</script>", "q-multiple": "{{ 7*7 }}",
     "q-true-false": "' OR 1=1 --"},
    {},
], ids=["nul", "huge-option", "unknown-question-and-repeats", "injection", "nothing"])
def test_junk_quiz_answers_are_refused_without_an_attempt(answers, stage):
    client = csrf_client(stage.learner)

    response = client.post(stage.quiz.url, {"csrfmiddlewaretoken": token(client), **answers})

    assert response.status_code == 200
    assert "Vui lòng trả lời tất cả câu hỏi trước khi nộp bài" in page_text(response)
    assert not QuizAttempt.objects.exists()


# --- membership requests and decisions --------------------------------------------------------


@pytest.mark.parametrize("value", ["abc", "9" * 40, "1 OR 1=1", "\x00", ""],
                         ids=["word", "huge-number", "sql-ish", "nul", "empty"])
def test_junk_cooperative_in_a_membership_request(value, coop):
    client = csrf_client(UserFactory())

    response = client.post(reverse("cooperatives:join"), {"csrfmiddlewaretoken": token(client),
                                                           "cooperative": value})

    assert response.status_code in (302, 404)
    assert not Membership.objects.exclude(role="manager").exists()


@pytest.mark.parametrize("data", [
    {"decision": "approve", "role": "owner"},
    {"decision": "<script>", "role": "member"},
    {"decision": "approve\x00", "role": "member"},
], ids=["unknown-role", "unknown-decision", "nul"])
def test_junk_membership_decision(data, coop, boss):
    request = MembershipFactory(cooperative=coop, role="member", status="pending")
    client = csrf_client(boss)
    csrf = token(client, reverse("cooperatives:mine"))

    response = client.post(reverse("cooperatives:membership_decide", args=[request.pk]),
                           {"csrfmiddlewaretoken": csrf, **data}, follow=True)

    assert response.status_code == 200
    assert "Vui lòng chọn vai trò và quyết định hợp lệ" in page_text(response)
    request.refresh_from_db()
    assert request.status == "pending"


# --- dashboard filters: junk in the query string ----------------------------------------------


@pytest.mark.parametrize("case_id, params", JUNK_PARAMS, ids=JUNK_PARAM_IDS)
def test_junk_query_strings_never_fail_or_widen_the_scope(case_id, params, stage):
    client = csrf_client(stage.officer)
    pages = {"home": reverse("dashboards:home"),
             "cooperatives": reverse("dashboards:cooperatives"),
             "export": reverse("dashboards:export", args=["cooperatives", "csv"]),
             "join": reverse("cooperatives:join")}

    for page, address in pages.items():
        response = client.get(address, params)

        assert response.status_code == 200, (page, response.status_code)
        content = (b"".join(response.streaming_content) if response.streaming
                   else response.content).decode()
        if page != "join":
            assert stage.elsewhere.name not in content, page
        if page != "export":
            assert "' OR '1'='1'" not in content  # shown back escaped, if at all


# --- accepted texts: escaped in a PDF and neutralised in CSV and XLSX -------------------------


def test_hostile_texts_print_as_text_in_the_ocop_pdf(ocop_assessment, boss):
    client = csrf_client(boss)
    address = readiness("ocop_self_report", ocop_assessment.pk)
    texts = {"product_name": "<script>alert(1)</script> 🌾", "history": "{{ 7*7 }} {% debug %}",
             "plan": '"><img src=x onerror=alert(1)> =HYPERLINK("http://evil.example")'}
    client.post(address, {"csrfmiddlewaretoken": token(client, address), **OCOP_DETAILS,
                           **texts})

    pdf = client.get(readiness("ocop_self_report_pdf", ocop_assessment.pk)).content
    text = " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf,
                                   check=True, capture_output=True).stdout.decode().split())

    assert "<script>alert(1)</script>" in text
    assert "{{ 7*7 }} {% debug %}" in text
    assert '"><img src=x onerror=alert(1)>' in text


FORMULAS = [case.value for case in TEXTS if case.id.startswith("formula")]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formulas_typed_as_names_are_text_in_exports(fmt, coop):
    for formula in FORMULAS:
        MembershipFactory(cooperative=coop, role="member", user=UserFactory(full_name=formula))
    client = csrf_client(OfficerFactory(provinces=[coop.province]))

    response = client.get(reverse("dashboards:export", args=["members", fmt]),
                          {"cooperative": coop.pk})

    assert response.status_code == 200
    if fmt == "csv":
        cells = [cell for row in csv.reader(io.StringIO(
            b"".join(response.streaming_content).decode("utf-8-sig"))) for cell in row]
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        cells = [cell.value for row in sheet.iter_rows() for cell in row]
        assert not any(getattr(cell, "data_type", "s") == "f"
                       for row in sheet.iter_rows() for cell in row)
    for formula in FORMULAS:
        assert "'" + formula in cells
        assert formula not in cells
