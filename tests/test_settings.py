"""The settings module: embedded development defaults, and production that refuses to start
without its secrets and passes `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x7$Kq2!vN9pL4sT8wZ1mR6yB3cF5hJ0dG-eA_uQ+iO&nX*kV@tY#",
    "DJANGO_ALLOWED_HOSTS": "hoctap.example.vn",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
    "SITE_URL": "https://hoctap.example.vn",
}
CLEARED = ["DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "EMAIL_BACKEND", "DJANGO_DEBUG",
           "DJANGO_SECRET_KEY", "DJANGO_SECURE_HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"]


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in CLEARED}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_development_defaults_need_no_services():
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER,"
        " s.CACHES['default']['BACKEND'], s.EMAIL_BACKEND, s.LANGUAGE_CODE)"
    )
    result = run_manage("shell", "-c", code, env={})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-5:] == [
        "django.db.backends.sqlite3",
        "True",
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.mail.backends.console.EmailBackend",
        "vi",
    ]


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_shared_cache():
    env = {**PRODUCTION_ENV, "REDIS_URL": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "REDIS_URL must be set" in result.stderr


def test_production_settings_pass_check_deploy_without_issues():
    result = run_manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("variable", "value", "setting", "expected"),
    [
        ("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lms", "ENGINE",
         "django.db.backends.postgresql"),
        ("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0", "EAGER", "False"),
        ("REDIS_URL", "redis://127.0.0.1:6379/1", "CACHE",
         "django.core.cache.backends.redis.RedisCache"),
    ],
)
def test_services_are_chosen_by_environment_variables(variable, value, setting, expected):
    expressions = {
        "ENGINE": "s.DATABASES['default']['ENGINE']",
        "EAGER": "s.CELERY_TASK_ALWAYS_EAGER",
        "CACHE": "s.CACHES['default']['BACKEND']",
    }
    code = f"from django.conf import settings as s; print({expressions[setting]})"
    result = run_manage("shell", "-c", code, env={variable: value})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == expected


def test_production_sends_the_content_security_policy_and_frames_only_https_videos():
    code = (
        "from django.conf import settings as s;"
        "m = s.MIDDLEWARE;"
        "print(m.index('lms.security.ContentSecurityPolicyMiddleware')"
        " == m.index('django.middleware.security.SecurityMiddleware') + 1,"
        " all(o.startswith('https://') for o in s.CSP_FRAME_SRC), s.X_FRAME_OPTIONS)"
    )
    result = run_manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:] == ["True", "True", "DENY"]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (PRODUCTION_ENV, ["600", "True"]),
        ({**PRODUCTION_ENV, "DATABASE_CONN_MAX_AGE": "0"}, ["0", "True"]),
        ({}, ["0", "True"]),
    ],
    ids=["production", "production-overridden", "development"],
)
def test_production_keeps_database_connections_open_and_checks_them(env, expected):
    code = ("from django.conf import settings as s; d = s.DATABASES['default'];"
            " print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])")
    result = run_manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == expected


def test_pages_are_compressed_inside_whitenoise_and_before_anything_reads_the_body():
    code = (
        "from django.conf import settings as s; m = s.MIDDLEWARE;"
        "print(m.index('whitenoise.middleware.WhiteNoiseMiddleware')"
        " < m.index('lms.pages.TextGZipMiddleware')"
        " < m.index('django.contrib.sessions.middleware.SessionMiddleware'))"
    )
    result = run_manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "True"


# --- media in production ------------------------------------------------------------------------

S3_ENV = {"LMS_S3_PUBLIC_BUCKET": "hoctap-anh", "LMS_S3_PRIVATE_BUCKET": "hoctap-rieng",
          "LMS_S3_ENDPOINT_URL": "https://s3.example.vn", "LMS_S3_PUBLIC_URL":
          "https://cdn.example.vn/anh"}
MEDIA_PROBE = """
from pathlib import Path
from django.conf import settings as s
from django.test import Client
from django.urls import Resolver404, resolve
f = Path(s.MEDIA_ROOT) / "original_images" / "bia.png"
f.parent.mkdir(parents=True)
f.write_bytes(b"png")
c = Client(HTTP_HOST="hoctap.example.vn")
try:
    resolve("/media/original_images/bia.png")
    r = c.get("/media/original_images/bia.png", secure=True)
    served = (r.status_code, r["Cache-Control"])
except Resolver404:
    served = ("unrouted", "-")
csp = c.get("/health/live/", secure=True)["Content-Security-Policy"]
print(*served, s.MEDIA_URL, s.STORAGES["default"]["BACKEND"],
      "https://cdn.example.vn" in csp.split("img-src")[1].split(";")[0])
"""


def test_production_serves_local_public_media_with_a_cache_time(tmp_path):
    """What was found: with DJANGO_DEBUG=0 every course image was a 404."""
    env = {**PRODUCTION_ENV, "DJANGO_MEDIA_ROOT": str(tmp_path / "media")}
    result = run_manage("shell", "-c", MEDIA_PROBE, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-6:] == [
        "200", "public,", "max-age=86400", "/media/",
        "django.core.files.storage.FileSystemStorage", "False"]


def test_with_object_storage_images_come_from_its_public_address(tmp_path):
    env = {**PRODUCTION_ENV, **S3_ENV, "DJANGO_MEDIA_ROOT": str(tmp_path / "media")}
    result = run_manage("shell", "-c", MEDIA_PROBE, env=env)
    assert result.returncode == 0, result.stderr
    # The app serves no /media/ then (Wagtail's page route would answer 404); pages show images
    # from the public address, which the Content-Security-Policy allows.
    assert result.stdout.split()[-5:] == [
        "unrouted", "-", "https://cdn.example.vn/anh/", "lms.object_storage.PublicS3Storage",
        "True"]


def test_object_storage_settings_pass_check_deploy_and_need_both_buckets():
    result = run_manage("check", "--deploy", "--fail-level", "DEBUG",
                        env={**PRODUCTION_ENV, **S3_ENV})
    assert result.returncode == 0, result.stdout + result.stderr
    result = run_manage("check", env={**PRODUCTION_ENV, "LMS_S3_PUBLIC_BUCKET": "hoctap-anh"})
    assert result.returncode != 0
    assert "Set both LMS_S3_PUBLIC_BUCKET and LMS_S3_PRIVATE_BUCKET" in result.stderr
