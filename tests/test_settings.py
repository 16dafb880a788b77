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
