"""The S3-compatible server of CI's second pass (`make object-store` starts one), for the tests
that need a real object store. LMS_TEST_S3_ENDPOINT_URL names it; without it those tests skip and
say why. Each test gets two buckets of its own, emptied and removed afterwards."""

import contextlib
import io
import os
import secrets

import boto3
import pytest
from botocore.exceptions import ClientError
from django.conf import settings
from django.core.management import call_command

from lms.object_storage import public_url, storage_options

ENDPOINT = os.environ.get("LMS_TEST_S3_ENDPOINT_URL", "").rstrip("/")
KEYS = {"LMS_S3_ACCESS_KEY_ID": "lms-test-key", "LMS_S3_SECRET_ACCESS_KEY": "lms-test-secret"}

requires_object_store = pytest.mark.skipif(
    not ENDPOINT,
    reason="LMS_TEST_S3_ENDPOINT_URL is not set: these tests need an S3-compatible server "
    "(CI's second pass starts one with `make object-store`).",
)


def object_store_environ() -> dict[str, str]:
    """The environment a process of the platform is given to use two new buckets."""
    name = f"lms-test-{secrets.token_hex(5)}"
    return {"LMS_S3_ENDPOINT_URL": ENDPOINT, "LMS_S3_REGION": "us-east-1", **KEYS,
            "LMS_S3_PUBLIC_BUCKET": f"{name}-public", "LMS_S3_PRIVATE_BUCKET": f"{name}-private"}


def storages_for(environ: dict[str, str]) -> tuple[dict, str]:
    """(STORAGES' media entries, MEDIA_URL) as lms/settings.py builds them from ``environ``."""
    def lookup(name, default=""):
        return environ.get(name, default)

    media_url = public_url(lookup) + "/"
    return {
        "default": {"BACKEND": "lms.object_storage.PublicS3Storage",
                    "OPTIONS": storage_options(lookup, bucket=environ["LMS_S3_PUBLIC_BUCKET"],
                                               public_url=media_url,
                                               max_age=settings.LMS_MEDIA_MAX_AGE)},
        "private": {"BACKEND": "lms.object_storage.PrivateS3Storage",
                    "OPTIONS": storage_options(lookup,
                                               bucket=environ["LMS_S3_PRIVATE_BUCKET"])},
    }, media_url


def local_files(*folders) -> list:
    """The files under ``folders``: what a process wrote to its own disk."""
    return [path for folder in folders if folder.exists()
            for path in folder.rglob("*") if path.is_file()]


def client():
    return boto3.client("s3", endpoint_url=ENDPOINT, region_name="us-east-1",
                        aws_access_key_id=KEYS["LMS_S3_ACCESS_KEY_ID"],
                        aws_secret_access_key=KEYS["LMS_S3_SECRET_ACCESS_KEY"])


def keys(bucket: str) -> list[str]:
    try:
        listing = client().list_objects_v2(Bucket=bucket)
    except ClientError:
        return []
    return sorted(item["Key"] for item in listing.get("Contents", []))


def remove_buckets(environ: dict[str, str]) -> None:
    s3 = client()
    for bucket in (environ["LMS_S3_PUBLIC_BUCKET"], environ["LMS_S3_PRIVATE_BUCKET"]):
        for key in keys(bucket):
            s3.delete_object(Bucket=bucket, Key=key)
        with contextlib.suppress(ClientError):
            s3.delete_bucket(Bucket=bucket)


@pytest.fixture
def object_store(settings):
    """This process's media on two new buckets, prepared as the README says."""
    environ = object_store_environ()
    media, media_url = storages_for(environ)
    settings.STORAGES = {**settings.STORAGES, **media}
    settings.MEDIA_URL = media_url
    call_command("prepare_storage", stdout=io.StringIO())
    yield environ
    remove_buckets(environ)
