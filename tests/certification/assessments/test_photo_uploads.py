"""Evidence photos on a slow phone connection (issue 15, finding 7): iPhone HEIC photos are
accepted and kept as JPEG, pages show small stored thumbnails instead of the whole photo, and a
photo kept before thumbnails existed gets one when first asked for."""

import re
from io import BytesIO

import pillow_heif
import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import Image

from certification.assessments import services
from certification.assessments.images import (
    THUMBNAIL_MAX_SIDE,
    evidence_max_side,
    process_evidence_photo,
)
from certification.models import ControlPoint, EvidencePhoto
from tests.factories.checklists import assessment_for, globalgap_dict, version_from_dict

pytestmark = pytest.mark.django_db

ORANGE = (230, 120, 20)


def heic_bytes(size=(640, 480), colour=ORANGE) -> bytes:
    out = BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", size, colour)).save(out, format="HEIF", quality=90)
    return out.getvalue()


def jpeg_bytes(size=(1600, 1200)) -> bytes:
    # Busy content, so the full photo weighs what a real one does.
    image = Image.merge("RGB", [Image.effect_noise(size, 40).point(lambda v, s=s: v + s)
                                for s in (20, 60, 100)])
    out = BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def opened(data: bytes) -> Image.Image:
    image = Image.open(BytesIO(data))
    image.load()
    return image


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def assessment(cooperative, manager):
    version = version_from_dict(globalgap_dict(minors=3))
    return assessment_for(cooperative=cooperative, version=version, user=manager,
                          profile={"greenhouse": False})


@pytest.fixture
def point(assessment):
    return ControlPoint.objects.select_related("section").get(
        section__version=assessment.version, code="AF.2")


def token_of(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


# --- HEIC ------------------------------------------------------------------------------------


def test_a_heic_photo_is_kept_as_an_upright_jpeg_of_its_colours():
    data = heic_bytes()
    assert data[4:12] == b"ftypheic"  # what an iPhone sends

    processed = process_evidence_photo(SimpleUploadedFile("IMG_0001.HEIC", data))

    stored = opened(processed.content.read())
    assert stored.format == "JPEG" and stored.size == (640, 480)
    assert processed.content.name.endswith(".jpg")
    assert all(abs(a - b) <= 12 for a, b in zip(stored.getpixel((320, 240)), ORANGE, strict=True))


def test_a_large_heic_photo_is_made_as_small_as_the_others(settings):
    settings.EVIDENCE_MAX_SIDE = 400

    processed = process_evidence_photo(SimpleUploadedFile("IMG_0002.HEIC",
                                                          heic_bytes((1200, 900))))

    assert (processed.width, processed.height) == (400, 300)


def test_a_damaged_heic_is_refused_with_the_formats_that_are_accepted():
    damaged = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
    with translation.override("en"), pytest.raises(Exception) as caught:
        process_evidence_photo(SimpleUploadedFile("IMG_0003.HEIC", damaged))

    assert caught.value.code == "not_an_image"
    assert "JPEG, PNG, WebP or HEIC" in caught.value.messages[0]


def test_a_heic_sent_with_the_section_form_is_stored_as_jpeg_and_shown(
        cooperative, manager, assessment, point):
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)
    address = reverse("readiness:section", args=[assessment.pk, point.section_id])
    page = client.get(address).content.decode()
    assert f'name="p{point.pk}-photo" accept="image/*,.heic,.heif"' in page

    upload = SimpleUploadedFile("IMG_0004.HEIC", heic_bytes(), content_type="image/heic")
    response = client.post(address, {"csrfmiddlewaretoken": token_of(page), "go": "stay",
                                     f"p{point.pk}-photo": upload})

    assert response.status_code == 302
    photo = EvidencePhoto.objects.get(answer__control_point=point)
    assert photo.image.name.endswith(".jpg") and (photo.width, photo.height) == (640, 480)
    shown = client.get(address).content.decode()
    thumbnail_url = reverse("readiness:photo_thumbnail", args=[assessment.pk, photo.pk])
    assert f'src="{thumbnail_url}"' in shown
    served = client.get(reverse("readiness:photo", args=[assessment.pk, photo.pk]))
    assert served["Content-Type"] == "image/jpeg" and opened(body(served)).format == "JPEG"


def test_a_heic_sent_by_the_script_is_added(manager, assessment, point):
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)
    page = client.get(reverse("readiness:section",
                              args=[assessment.pk, point.section_id])).content.decode()

    response = client.post(
        reverse("readiness:photo_upload", args=[assessment.pk, point.pk]),
        {"photo": SimpleUploadedFile("IMG_0005.heic", heic_bytes(), content_type="image/heic")},
        HTTP_ACCEPT="application/json", HTTP_X_CSRFTOKEN=token_of(page))

    assert response.status_code == 201, response.content
    photo = EvidencePhoto.objects.get(pk=response.json()["photo"]["id"])
    assert opened(photo.image.read()).format == "JPEG"


# --- thumbnails ------------------------------------------------------------------------------


def test_an_added_photo_gets_a_small_thumbnail_that_the_page_shows(client, manager, officer,
                                                                   assessment, point):
    photo = services.evidence_add(assessment=assessment, control_point=point, user=manager,
                                  upload=SimpleUploadedFile("kho.jpg", jpeg_bytes()))

    assert photo.thumbnail, "made on upload"
    thumb_url = reverse("readiness:photo_thumbnail", args=[assessment.pk, photo.pk])
    full_url = reverse("readiness:photo", args=[assessment.pk, photo.pk])
    section_url = reverse("readiness:section", args=[assessment.pk, point.section_id])
    for person in (manager, officer):  # the form, and the officer's read-only page
        client.force_login(person)
        page = client.get(section_url).content.decode()
        images = re.findall(r'<img src="([^"]+)"[^>]*alt="[^"]*AF\.2', page)
        assert images == [thumb_url], person
        assert f'href="{full_url}"' in page  # the whole photo a tap away

    thumb = client.get(thumb_url)
    full = client.get(full_url)
    assert thumb.status_code == 200 and thumb["Content-Type"] == "image/jpeg"
    assert "private" in thumb["Cache-Control"]
    thumb_bytes, full_bytes = body(thumb), body(full)
    assert max(opened(thumb_bytes).size) == THUMBNAIL_MAX_SIDE
    assert max(opened(full_bytes).size) == evidence_max_side()
    assert len(thumb_bytes) * 10 < len(full_bytes), (len(thumb_bytes), len(full_bytes))


def test_a_photo_kept_before_thumbnails_gets_one_when_first_asked_for(client, manager,
                                                                      assessment, point):
    photo = services.evidence_add(assessment=assessment, control_point=point, user=manager,
                                  upload=SimpleUploadedFile("kho.jpg", jpeg_bytes((800, 600))))
    storages["private"].delete(photo.thumbnail.name)
    EvidencePhoto.objects.filter(pk=photo.pk).update(thumbnail="")  # as before migration 0011
    client.force_login(manager)
    address = reverse("readiness:photo_thumbnail", args=[assessment.pk, photo.pk])

    first = client.get(address)

    assert first.status_code == 200
    assert opened(body(first)).size == (240, 180)
    photo.refresh_from_db()
    assert photo.thumbnail and storages["private"].exists(photo.thumbnail.name)
    name = photo.thumbnail.name
    assert client.get(address).status_code == 200
    photo.refresh_from_db()
    assert photo.thumbnail.name == name  # made once


def test_a_thumbnail_already_made_by_someone_else_wins_and_ours_is_deleted(manager, assessment,
                                                                          point):
    photo = services.evidence_add(assessment=assessment, control_point=point, user=manager,
                                  upload=SimpleUploadedFile("kho.jpg", jpeg_bytes((800, 600))))
    theirs = photo.thumbnail.name
    stale = EvidencePhoto.objects.get(pk=photo.pk)
    stale.thumbnail.name = ""  # this request read the row before the other stored its file
    before = set(storages["private"].listdir(theirs.rsplit("/", 1)[0])[1])

    result = services.evidence_thumbnail_ensure(photo=stale)

    assert result.thumbnail.name == theirs
    assert set(storages["private"].listdir(theirs.rsplit("/", 1)[0])[1]) == before


def test_a_thumbnail_of_a_missing_photo_file_is_not_found(client, manager, assessment, point):
    photo = services.evidence_add(assessment=assessment, control_point=point, user=manager,
                                  upload=SimpleUploadedFile("kho.jpg", jpeg_bytes((400, 300))))
    storages["private"].delete(photo.image.name)
    EvidencePhoto.objects.filter(pk=photo.pk).update(thumbnail="")
    client.force_login(manager)

    response = client.get(reverse("readiness:photo_thumbnail", args=[assessment.pk, photo.pk]))

    assert response.status_code == 404


def test_the_thumbnail_goes_with_its_photo(manager, assessment, point,
                                          django_capture_on_commit_callbacks):
    photo = services.evidence_add(assessment=assessment, control_point=point, user=manager,
                                  upload=SimpleUploadedFile("kho.jpg", jpeg_bytes((400, 300))))
    names = (photo.image.name, photo.thumbnail.name)

    # Files are deleted once the deletion commits.
    with django_capture_on_commit_callbacks(execute=True):
        services.evidence_delete(photo=photo, user=manager)

    assert not any(storages["private"].exists(name) for name in names)


def test_the_section_form_tells_the_script_the_size_the_server_keeps(client, manager, settings,
                                                                     assessment, point):
    settings.EVIDENCE_MAX_SIDE = 1280
    settings.EVIDENCE_JPEG_QUALITY = 80
    client.force_login(manager)

    page = client.get(reverse("readiness:section",
                              args=[assessment.pk, point.section_id])).content.decode()

    assert 'data-photo-max-side="1280"' in page and 'data-photo-quality="0.80"' in page
