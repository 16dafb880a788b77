"""`python manage.py prepare_storage`: make the object store ready for the platform, and prove it.

Creates the two buckets when they are missing, lets anyone read the public bucket (what a
browser or a CDN needs), and then checks with real requests: a file written to the public bucket
is read back without keys at its URL, and a file written to the private bucket is refused
without keys. Safe to run on every release."""

import json
import secrets

from botocore.exceptions import ClientError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from lms.object_storage import PrivateS3Storage, PublicS3Storage, read_anonymously


def _public_read_policy(bucket: str) -> str:
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "PublicImagesForBrowsers",
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{bucket}/*",
        }],
    })


def _ensure_bucket(storage, *, write) -> None:
    client = storage.connection.meta.client
    try:
        client.head_bucket(Bucket=storage.bucket_name)
        write(f"bucket {storage.bucket_name}: present")
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") not in {"404", "NoSuchBucket"}:
            raise
        client.create_bucket(Bucket=storage.bucket_name)
        write(f"bucket {storage.bucket_name}: created")


class Command(BaseCommand):
    help = ("Create the object store's buckets if missing, open the public one to readers, and "
            "check that public images are readable and private files are not.")

    def add_arguments(self, parser):
        parser.add_argument("--no-policy", action="store_true",
                            help="Leave the public bucket's policy alone (a CDN with its own "
                                 "access to the bucket, or a policy set by the operator).")

    def handle(self, *args, no_policy=False, **options):
        public, private = storages["default"], storages["private"]
        if not isinstance(public, PublicS3Storage) or not isinstance(private, PrivateS3Storage):
            raise CommandError("Object storage is not configured (LMS_S3_PUBLIC_BUCKET and "
                               "LMS_S3_PRIVATE_BUCKET); local folders need no preparing.")
        write = self.stdout.write
        _ensure_bucket(public, write=write)
        _ensure_bucket(private, write=write)
        if not no_policy:
            public.connection.meta.client.put_bucket_policy(
                Bucket=public.bucket_name, Policy=_public_read_policy(public.bucket_name))
            write(f"bucket {public.bucket_name}: anyone may read its objects")

        probe = f"health/prepare-{secrets.token_hex(8)}.txt"
        public_name = public.save(probe, ContentFile(b"public"))
        private_name = private.save(probe, ContentFile(b"private"))
        try:
            status, body = read_anonymously(public.url(public_name))
            if status != 200 or body != b"public":
                raise CommandError(f"A public image cannot be read at its URL (HTTP {status}): "
                                   "check LMS_S3_PUBLIC_URL and the public bucket's policy.")
            status, body = read_anonymously(private.anonymous_address(private_name))
            if status == 200 or body:
                raise CommandError(f"The private bucket {private.bucket_name} answers anyone "
                                   "without keys: remove its public access before going on.")
        finally:
            public.delete(public_name)
            private.delete(private_name)
        write(self.style.SUCCESS(
            f"ready: public images at {public.url('')}, private files refused without keys"))
