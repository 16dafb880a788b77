"""Media on a real S3-compatible server (CI's second pass; tests/object_store.py): course images
and their renditions land in the public bucket and are read by anyone at their URL; every private
file lands in the private bucket, which answers nobody without keys, and reaches its owner only
through the views that check who asks. Nothing is written to the local folders."""

import io
from urllib.request import urlopen

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from PIL import Image
from wagtail.images import get_image_model

from lms.object_storage import PrivateS3Storage, PublicS3Storage, read_anonymously
from tests.object_store import client as s3_client
from tests.object_store import keys, local_files, requires_object_store
from tests.test_private_files import one_of_each_private_file

pytestmark = [requires_object_store, pytest.mark.django_db]


@pytest.fixture
def stored(object_store, cooperative, manager):
    """One of each private file, made on the object store."""
    return one_of_each_private_file(cooperative, manager)


def photo_upload(name: str, size=(400, 300)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (40, 160, 20)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def test_prepare_storage_opens_the_public_bucket_only_and_can_run_again(object_store):
    public, private = storages["default"], storages["private"]
    assert isinstance(public, PublicS3Storage) and isinstance(private, PrivateS3Storage)
    out = io.StringIO()
    call_command("prepare_storage", stdout=out)  # a second release: nothing to create
    assert f"bucket {object_store['LMS_S3_PUBLIC_BUCKET']}: present" in out.getvalue()
    assert "ready:" in out.getvalue()
    # The probes it wrote are gone.
    assert keys(object_store["LMS_S3_PUBLIC_BUCKET"]) == []
    assert keys(object_store["LMS_S3_PRIVATE_BUCKET"]) == []


def test_prepare_storage_refuses_a_private_bucket_anyone_can_read(object_store):
    bucket = object_store["LMS_S3_PRIVATE_BUCKET"]
    s3_client().put_bucket_policy(Bucket=bucket, Policy=(
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", '
        f'"Action": "s3:GetObject", "Resource": "arn:aws:s3:::{bucket}/*"}}]}}'))
    with pytest.raises(CommandError, match="answers anyone without keys"):
        call_command("prepare_storage", stdout=io.StringIO())


def test_a_course_image_and_its_rendition_are_public_at_their_urls(object_store, settings,
                                                                   trainer):
    image = get_image_model().objects.create(title="Bìa khoá học", file=photo_upload("bia.png"),
                                             uploaded_by_user=trainer)
    rendition = image.get_rendition("fill-120x80")

    for url, size in ((image.file.url, (400, 300)), (rendition.url, (120, 80))):
        assert url.startswith(settings.MEDIA_URL), url
        with urlopen(url, timeout=10) as response:  # noqa: S310 - the test's own server
            body = response.read()
            assert response.status == 200
            assert response.headers["Cache-Control"] == (
                f"public, max-age={settings.LMS_MEDIA_MAX_AGE}")
        with Image.open(io.BytesIO(body)) as read:  # what a browser would draw
            assert read.size == size, url
    public_keys = keys(object_store["LMS_S3_PUBLIC_BUCKET"])
    assert image.file.name in public_keys and rendition.file.name in public_keys
    assert local_files(settings.MEDIA_ROOT) == []


def test_private_files_are_refused_to_anyone_without_keys(object_store, stored, settings):
    private = storages["private"]
    private_keys = keys(object_store["LMS_S3_PRIVATE_BUCKET"])
    public_keys = keys(object_store["LMS_S3_PUBLIC_BUCKET"])
    for what, field_file in stored["files"].items():
        assert field_file.name in private_keys, what
        assert field_file.name not in public_keys, what
        with pytest.raises(ValueError):
            field_file.url  # noqa: B018 - a private file has no address
        status, body = read_anonymously(private.anonymous_address(field_file.name))
        assert status in (401, 403) and body == b"", (what, status)
        # The same key in the public bucket's address space: nothing there either.
        status, body = read_anonymously(settings.MEDIA_URL + field_file.name)
        assert status in (403, 404) and body == b"", (what, status)
    assert local_files(settings.PRIVATE_MEDIA_ROOT) == []
    assert local_files(settings.MEDIA_ROOT) == []


def test_owners_download_private_files_through_the_views(object_store, stored):
    export, certificate = stored["export"], stored["certificate"]
    owner = Client(enforce_csrf_checks=True)
    owner.force_login(export.requested_by)
    response = owner.get(f"/exports/{export.pk}/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"a,b\n"

    holder = Client()
    holder.force_login(certificate.recipient)
    response = holder.get(f"/certificates/{certificate.code}/pdf/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:5] == b"%PDF-"

    anonymous = Client()
    for address in (f"/exports/{export.pk}/download/", f"/certificates/{certificate.code}/pdf/"):
        response = anonymous.get(address)
        assert response.status_code in (302, 403, 404), address
        assert not getattr(response, "streaming", False), address


def test_the_health_check_asks_both_buckets(object_store, client, settings):
    body = client.get("/health/").json()
    assert body["checks"]["storage"]["status"] == "ok"

    private = dict(settings.STORAGES["private"])
    private["OPTIONS"] = {**private["OPTIONS"],
                          "bucket_name": object_store["LMS_S3_PRIVATE_BUCKET"] + "-gone"}
    settings.STORAGES = {**settings.STORAGES, "private": private}
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"]["status"] == "fail"
