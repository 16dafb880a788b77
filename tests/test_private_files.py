"""Private files (issue 13, finding 6): evidence photos, closing photos, certificate and report
PDFs and exports live outside the public media folder, under names nobody can guess, with no URL;
a file goes when its row goes; files stored before the move are moved."""

import re
from io import BytesIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import models, transaction
from django.http import Http404
from django.test import TestCase, override_settings
from django.urls import URLResolver, path
from django.urls.resolvers import RoutePattern
from PIL import Image

from certification import scoring
from certification.assessments import services as assessment_services
from certification.certificates import services as certificate_services
from certification.models import (
    Certificate,
    ControlPoint,
    CorrectiveAction,
    EvidencePhoto,
    ReadinessReportPdf,
)
from certification.reports import services as report_services
from lms.exports import registry
from lms.exports.models import Export
from lms.exports.registry import Builder, ExportFile, Link
from lms.exports.services import export_request
from lms.files import PrivateFileSystemStorage, RandomName, files_move_to_private, public_media
from tests.factories.checklists import assessment_for, globalgap_dict, version_from_dict

pytestmark = pytest.mark.django_db

# Files on the public storage, and why they may be public: pictures trainers put in courses
# (Wagtail images and their renditions) and documents attached to lessons, which Wagtail serves
# through its own view with the collection's privacy; the admin's upload step for those two
# (UploadedFile, gone once the image or document is saved); the picture a staff account chooses
# for itself in the admin.
PUBLIC_FILE_FIELDS = {
    "wagtailimages.Image.file",
    "wagtailimages.Rendition.file",
    "wagtaildocs.Document.file",
    "wagtailcore.UploadedFile.file",
    "wagtailusers.UserProfile.avatar",
}
RANDOM_STEM = re.compile(r"^[A-Za-z0-9_-]{32}$")


# The platform's own media route (lms/files.py public_media, which lms.urls adds when public media
# are local files), first, so the guesses below reach it whatever the settings.
urlpatterns = [path("media/<path:path>", public_media),
               URLResolver(RoutePattern(""), "lms.urls")]


def jpeg(name="kho.jpg") -> ContentFile:
    out = BytesIO()
    Image.new("RGB", (40, 30), (20, 110, 50)).save(out, "JPEG")
    return ContentFile(out.getvalue(), name=name)


@pytest.fixture
def stored(cooperative, manager):
    return one_of_each_private_file(cooperative, manager)


def one_of_each_private_file(cooperative, manager) -> dict:
    """One of each private file, made by the services that make them for real."""
    version = version_from_dict(globalgap_dict())
    assessment = assessment_for(cooperative=cooperative, version=version, user=manager)
    points = list(ControlPoint.objects.filter(section__version=version)
                  .select_related("section").prefetch_related("options"))
    for point in points:
        value = scoring.NOT_COMPLIANT if point.code == "AF.1" else scoring.COMPLIANT
        extra = {"justification": "Đã kiểm tra"} if point.justification_needed(value) else {}
        assessment_services.answer_save(assessment=assessment, control_point=point,
                                        user=manager, value=value, **extra)
    photo = assessment_services.evidence_add(assessment=assessment, control_point=points[0],
                                             user=manager, upload=jpeg())
    with TestCase.captureOnCommitCallbacks(execute=True):
        report = report_services.assessment_submit(assessment=assessment, user=manager)
    action = CorrectiveAction.objects.get(assessment=assessment)
    assessment_services.corrective_action_update(
        action=action, user=manager, status=CorrectiveAction.Status.DONE,
        closing_note="Đã sửa", closing_photo=jpeg("da-sua.jpg"))
    certificate = Certificate.objects.get(recipient=manager, kind=Certificate.Kind.ASSESSMENT)
    certificate_services.certificate_render_pdf(certificate_id=certificate.pk)
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(registry.BUILDERS, "tests.private", Builder(
            kind="tests.private", back=lambda *, export: Link("/", "Home"),
            build=lambda *, export, progress: ExportFile("thanh-vien-htx.csv", b"a,b\n")))
        with TestCase.captureOnCommitCallbacks(execute=True):
            export = export_request(user=manager, kind="tests.private", title="Thành viên",
                                    params={}, fmt="csv")
    files = {
        "evidence photo": EvidencePhoto.objects.get(pk=photo.pk).image,
        "closing photo": CorrectiveAction.objects.get(pk=action.pk).closing_photo,
        "report PDF": ReadinessReportPdf.objects.get(report=report).file,
        "certificate PDF": Certificate.objects.get(pk=certificate.pk).pdf,
        "export": Export.objects.get(pk=export.pk).file,
    }
    assert all(files.values()), files
    return {"files": files, "certificate": certificate, "report": report,
            "assessment": assessment, "cooperative": cooperative, "export": export}


def test_every_file_field_is_private_unless_listed_as_public_with_a_reason():
    fields = {f"{model._meta.label}.{field.name}": field
              for model in apps.get_models() for field in model._meta.get_fields()
              if isinstance(field, models.FileField)}
    public = {label for label, field in fields.items()
              if not isinstance(field.storage, PrivateFileSystemStorage)}
    assert public == PUBLIC_FILE_FIELDS, (
        "A file field on the public storage that is not listed as public (or listed and gone): "
        f"{sorted(public ^ PUBLIC_FILE_FIELDS)}")


def test_private_files_sit_outside_the_public_folder_under_random_names(stored):
    # Long enough never to appear by chance in a random stem; the shape check covers short ids.
    secrets_in_names = [stored["certificate"].code, str(stored["report"].pk),
                        stored["cooperative"].registration_code]
    shape = re.compile(r"^[a-z]+/\d{4}/\d{2}/[A-Za-z0-9_-]{32}\.[a-z]+$")
    for what, field_file in stored["files"].items():
        on_disk = settings.PRIVATE_MEDIA_ROOT / field_file.name
        assert on_disk.is_file(), what
        assert not (settings.MEDIA_ROOT / field_file.name).exists(), what
        assert shape.match(field_file.name), (what, field_file.name)
        for secret in secrets_in_names:
            assert secret.lower() not in field_file.name.lower(), (what, secret)
        with pytest.raises(ValueError):
            field_file.url  # noqa: B018 - a private file has no address


@override_settings(ROOT_URLCONF=__name__)
def test_guessing_an_address_under_media_downloads_nothing(stored, client):
    """What was tried: with `make run`, 7 of 7 private files downloaded from /media/ by name."""
    certificate = stored["certificate"]
    guesses = [f"/media/{field_file.name}" for field_file in stored["files"].values()]
    guesses += [f"/media/certificates/{certificate.issued_at:%Y/%m}/{certificate.code}.pdf",
                f"/media/evidence/{stored['assessment'].pk}/kho.jpg"]
    for address in guesses:
        assert client.get(address).status_code == 404, address


def test_the_export_downloads_under_the_name_its_builder_gave(stored, client):
    export = stored["export"]
    client.force_login(export.requested_by)
    response = client.get(f"/exports/{export.pk}/download/")
    assert response.status_code == 200
    assert 'filename="thanh-vien-htx.csv"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == b"a,b\n"


def test_a_file_goes_with_its_row_and_stays_when_the_deletion_is_rolled_back(stored):
    export_file = settings.PRIVATE_MEDIA_ROOT / stored["files"]["export"].name
    photo = EvidencePhoto.objects.get()
    photo_file = settings.PRIVATE_MEDIA_ROOT / photo.image.name

    with TestCase.captureOnCommitCallbacks(execute=True), transaction.atomic():
        Export.objects.filter(pk=stored["export"].pk).delete()
        transaction.set_rollback(True)
    assert export_file.is_file()

    with TestCase.captureOnCommitCallbacks(execute=True):
        Export.objects.filter(pk=stored["export"].pk).delete()  # a queryset, as cascades do
        photo.delete()
    assert not export_file.exists() and not photo_file.exists()


def test_rendering_a_certificate_again_leaves_one_file(stored):
    certificate = Certificate.objects.get(pk=stored["certificate"].pk)
    first = settings.PRIVATE_MEDIA_ROOT / certificate.pdf.name
    certificate_services.certificate_render_pdf(certificate_id=certificate.pk, force=True)
    certificate.refresh_from_db()
    assert not first.exists()
    assert (settings.PRIVATE_MEDIA_ROOT / certificate.pdf.name).is_file()
    assert len(list((settings.PRIVATE_MEDIA_ROOT / "certificates").rglob("*.pdf"))) == 1


def test_files_stored_before_the_move_are_moved_under_random_names(stored):
    """What migrations certification 0008 and exports 0003 do with files already on disk."""
    certificate = Certificate.objects.get(pk=stored["certificate"].pk)
    content = certificate.pdf.read()
    old_name = f"certificates/2026/05/{certificate.code}.pdf"
    storages["default"].save(old_name, ContentFile(content))
    Certificate.objects.filter(pk=certificate.pk).update(pdf=old_name)
    Certificate.objects.exclude(pk=certificate.pk).update(pdf="")

    assert files_move_to_private(Certificate, {"pdf": "certificates"}) == 1

    certificate.refresh_from_db()
    assert not storages["default"].exists(old_name)
    assert certificate.code not in certificate.pdf.name
    assert RANDOM_STEM.match(certificate.pdf.name.rsplit("/", 1)[-1].split(".")[0])
    with storages["private"].open(certificate.pdf.name) as moved:
        assert moved.read() == content


def test_a_random_name_keeps_only_a_plain_extension():
    name = RandomName("evidence")(None, "../../etc/anh chup.JPG")
    assert name.startswith("evidence/") and name.endswith(".jpg") and ".." not in name
    assert RandomName("exports")(None, "x.tar.<script>").rsplit(".", 1)[-1] != "<script>"
    assert RandomName("a")(None, "x.pdf") != RandomName("a")(None, "x.pdf")


def test_the_media_route_used_by_the_test_still_serves_public_files(settings):
    """The guessing test above would pass with a broken route; this keeps it honest."""
    storages["default"].save("original_images/bia.png", ContentFile(b"png"))
    from django.test import RequestFactory

    response = public_media(RequestFactory().get("/"), "original_images/bia.png")
    assert b"".join(response.streaming_content) == b"png"
    assert response["Cache-Control"] == f"public, max-age={settings.LMS_MEDIA_MAX_AGE}"
    with pytest.raises(Http404):
        public_media(RequestFactory().get("/"), "original_images/none.png")
