"""Media on S3-compatible object storage (django-storages with boto3), chosen by the settings
when ``LMS_S3_PUBLIC_BUCKET`` and ``LMS_S3_PRIVATE_BUCKET`` are set.

Two buckets, so that no mistake in a key's name can make a private file public:

- the public bucket holds course covers, lesson images and their renditions. Browsers read them
  at ``LMS_S3_PUBLIC_URL`` (the bucket's own address, or a CDN in front of it) without a
  signature; a read policy for anyone on this bucket alone is what ``prepare_storage`` sets.
- the private bucket holds evidence photos, certificate and report PDFs and exports. Nothing
  there has a URL the platform hands out (``PrivateS3Storage.url`` refuses): views that check who
  asks read the file through the storage API and stream it, as with local files.

Every web server and worker reads and writes through the storage API, so none of them needs the
others' disks."""

from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import urlopen

from botocore.config import Config
from storages.backends.s3 import S3Storage

# Public images keep their name for life (a new upload gets a new name), so browsers and a CDN
# may keep them a day; private files are never kept by anyone in between.
PRIVATE_CACHE_CONTROL = "private, no-store"


def public_url(env) -> str:
    """Where browsers read the public bucket: LMS_S3_PUBLIC_URL, or the bucket's own address."""
    given = env("LMS_S3_PUBLIC_URL").rstrip("/")
    if given:
        return given
    bucket, endpoint = env("LMS_S3_PUBLIC_BUCKET"), env("LMS_S3_ENDPOINT_URL").rstrip("/")
    if endpoint:
        return f"{endpoint}/{bucket}"
    region = env("LMS_S3_REGION")
    return f"https://{bucket}.s3.{region}.amazonaws.com" if region else \
        f"https://{bucket}.s3.amazonaws.com"


def storage_options(env, *, bucket: str, public_url: str = "", max_age: int = 0) -> dict:
    """django-storages' options for one bucket, from the environment (``env(name, default)``);
    ``public_url`` and ``max_age`` (seconds browsers keep an image) for the public one. Keys
    left unset fall back on boto3's own chain (an instance's or a pod's role)."""
    endpoint = env("LMS_S3_ENDPOINT_URL") or None
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": env("LMS_S3_REGION") or None,
        "access_key": env("LMS_S3_ACCESS_KEY_ID") or None,
        "secret_key": env("LMS_S3_SECRET_ACCESS_KEY") or None,
        # A server of one's own answers at one address (path style); AWS picks by itself.
        "addressing_style": env("LMS_S3_ADDRESSING_STYLE", "path" if endpoint else "auto"),
        "signature_version": "s3v4",
        # Two uploads named alike (two trainers' "cover.jpg") keep two files.
        "file_overwrite": False,
        "default_acl": None,
        "client_config": Config(
            connect_timeout=float(env("LMS_S3_CONNECT_TIMEOUT", "5")),
            read_timeout=float(env("LMS_S3_READ_TIMEOUT", "60")),
            retries={"max_attempts": 3, "mode": "standard"},
        ),
    }
    if public_url:
        parts = urlsplit(public_url.rstrip("/"))
        options.update({
            "querystring_auth": False,
            "custom_domain": parts.netloc + parts.path,
            "url_protocol": f"{parts.scheme}:",
            "object_parameters": {"CacheControl": f"public, max-age={max_age}"},
        })
    else:
        options.update({
            "querystring_auth": True,
            "querystring_expire": 300,
            "object_parameters": {"CacheControl": PRIVATE_CACHE_CONTROL},
        })
    return options


class PublicS3Storage(S3Storage):
    """Course covers, lesson images and renditions: each one's URL is under MEDIA_URL."""


class PrivateS3Storage(S3Storage):
    """Evidence, certificate and report PDFs, exports: no URL at all, as on the local disk."""

    def url(self, name, *args, **kwargs):
        raise ValueError("A private file has no URL; serve it through a view that checks access.")

    def anonymous_address(self, name: str) -> str:
        """The address where the object would be read without keys (what a person guessing
        would try); used to prove it is refused."""
        client = self.unsigned_connection.meta.client
        return client.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket_name, "Key": self._normalize_name(name)})


def read_anonymously(address: str, *, timeout: float = 10) -> tuple[int, bytes]:
    """(HTTP status, body) of a GET without any credentials."""
    try:
        with urlopen(address, timeout=timeout) as response:  # noqa: S310 - an http(s) address
            return response.status, response.read()
    except HTTPError as error:
        return error.code, b""
    except URLError as error:
        raise OSError(f"the object store did not answer: {error.reason}") from error
