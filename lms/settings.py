"""The platform's one settings module: every value comes from the environment, with embedded
development defaults (SQLite, eager Celery, local-memory cache, console email)."""

import os
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from lms.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    value = env(name)
    if not value:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    # Development only: a fixed, obviously unsafe key so sessions survive restarts.
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The site's public address, used in emails and (later) certificate QR codes.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "lms.accounts",
    "lms.cooperatives",
    "lms.home",
    "lms.demo",
    "courses",
    "certification",
    "lms.dashboards",
    "lms.exports",
    "lms.outbox",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.accounts.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Every log line of a request carries its id (lms/logs.py).
    "lms.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "lms.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses pages (static files come compressed from WhiteNoise above). Django pads each
    # compressed response with random bytes against BREACH, and CSRF tokens are masked anew on
    # every response.
    "lms.pages.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lms.accounts.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wagtail's site and page routes from the cache (lms/pages.py).
    "lms.pages.PageRoutingMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lms.security.csp_nonce",
                "lms.accounts.menu.context",
            ],
            # {% load csp %}: the `nonced` filter for server-drawn SVG with inline styles.
            "libraries": {"csp": "lms.security"},
        },
    },
]

# --- Database: SQLite by default, PostgreSQL (or any dj-database-url URL) via DATABASE_URL.
# SQLite lets one connection write at a time. A transaction that reads before it writes (Wagtail's
# autosave, a publish) fails at once with "database is locked" if another holds the write lock,
# whatever the timeout; IMMEDIATE takes the lock at BEGIN, so it waits up to `timeout` seconds
# instead. WAL lets pages keep reading while one request writes; NORMAL sync is safe under WAL.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
# Production keeps each worker's connection open (opening one per request costs more than most
# pages); the health check replaces a connection the server closed. Development and tests open
# one per request, so a test database can always be dropped.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0" if DEBUG else "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Options given in DATABASE_URL's query string win.
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: local memory by default, Redis via REDIS_URL (allauth's rate limits need a shared
# cache in production, so production refuses to run on local memory).
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "lms"),
        }
    }
else:
    if not DEBUG:
        raise ImproperlyConfigured("REDIS_URL must be set when DJANGO_DEBUG is off.")
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions are read from the cache and written through to the database: a signed-in page
# costs no session query (the rows stay, so a lost cache signs nobody out).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# The home page's figures (cooperatives, provinces, learners) are counted at most this often.
LMS_REACH_CACHE_SECONDS = int(env("LMS_REACH_CACHE_SECONDS", "600"))

# --- Accounts.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "cooperatives:mine"

ACCOUNT_ADAPTER = "lms.accounts.adapter.AccountAdapter"
# One box takes either: an e-mail address or a phone number (many members have no e-mail).
ACCOUNT_LOGIN_METHODS = {"email", "phone"}
# "email*" because allauth requires it beside mandatory e-mail verification; our sign-up form
# asks for the e-mail or the phone, exactly one (lms/accounts/signup.py).
ACCOUNT_SIGNUP_FIELDS = ["email*", "phone", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "lms.accounts.forms.SignupExtraForm"
# Sign-up: hashes the password for a taken address too, so both answers take as long, and asks
# for an e-mail or a phone. Login and code request: one box, the phone normalised. Password
# change: no current password just after a sign-in by code. Phone change: a number held by
# another account is refused (lms/accounts/login_forms.py).
ACCOUNT_FORMS = {
    "signup": "lms.accounts.signup.SignupForm",
    "login": "lms.accounts.login_forms.LoginForm",
    "request_login_code": "lms.accounts.login_forms.RequestLoginCodeForm",
    "change_password": "lms.accounts.login_forms.ChangePasswordForm",
    "change_phone": "lms.accounts.login_forms.ChangePhoneForm",
}
# A member who forgot the password asks for a code by SMS (or e-mail) and is in.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PHONE_VERIFICATION_ENABLED = True
# Codes sent by SMS: six digits, typed on a phone's number pad.
ACCOUNT_PHONE_VERIFICATION_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_PREVENT_ENUMERATION = True
# Tell people by email when their password or email address changes.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# allauth's rate limits, stated explicitly so a reader sees them: failed logins per IP and per
# account, sign-ups, confirmation and reset emails, and the codes sent by SMS (each costs money):
# sign-in codes per number and per IP, phone verification codes, phone changes.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "request_login_code": "10/m/ip,3/15m/key",
    "verify_phone": "1/30s/key,3/m/ip",
    "change_phone": "1/m/user",
}
ACCOUNT_RATE_LIMITS_ENABLED = True
# Behind a reverse proxy, how many proxies append to X-Forwarded-For: rate limits (allauth's and
# certificate verification's) then count the visitor's address, not the proxy's.
ALLAUTH_TRUSTED_PROXY_COUNT = int(env("DJANGO_TRUSTED_PROXY_COUNT", "0"))

# --- Internationalisation: Vietnamese first, English second.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["lms.formats"]
LANGUAGE_COOKIE_NAME = "lms_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "lms" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
# Private files (evidence, certificate and report PDFs, exports) never sit under MEDIA_ROOT and
# have no URL: views that check who asks stream them (lms/files.py).
PRIVATE_MEDIA_ROOT = Path(env("DJANGO_PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "lms.files.PrivateFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Media on S3-compatible object storage (lms/object_storage.py) when both buckets are named: the
# public one holds course covers, lesson images and their renditions, read by browsers at
# LMS_S3_PUBLIC_URL (the bucket's own address, or a CDN in front of it); the private one holds
# everything else and is never readable without the keys. Without them, the local folders above.
# How long browsers and a CDN keep a public image (each upload gets a name of its own).
LMS_MEDIA_MAX_AGE = int(env("LMS_MEDIA_MAX_AGE", "86400"))
S3_PUBLIC_BUCKET = env("LMS_S3_PUBLIC_BUCKET")
S3_PRIVATE_BUCKET = env("LMS_S3_PRIVATE_BUCKET")
if bool(S3_PUBLIC_BUCKET) != bool(S3_PRIVATE_BUCKET):
    raise ImproperlyConfigured(
        "Set both LMS_S3_PUBLIC_BUCKET and LMS_S3_PRIVATE_BUCKET (object storage), or neither "
        "(local folders).")
if S3_PUBLIC_BUCKET:
    if S3_PUBLIC_BUCKET == S3_PRIVATE_BUCKET:
        raise ImproperlyConfigured("The public and the private bucket must be two buckets.")
    from lms.object_storage import public_url, storage_options

    MEDIA_URL = public_url(env) + "/"
    STORAGES["default"] = {
        "BACKEND": "lms.object_storage.PublicS3Storage",
        "OPTIONS": storage_options(env, bucket=S3_PUBLIC_BUCKET, public_url=MEDIA_URL,
                                   max_age=LMS_MEDIA_MAX_AGE),
    }
    STORAGES["private"] = {
        "BACKEND": "lms.object_storage.PrivateS3Storage",
        "OPTIONS": storage_options(env, bucket=S3_PRIVATE_BUCKET),
    }
# The app serves public media at MEDIA_URL itself only when they are local files (make run, or a
# single server following the README); with object storage the browser reads them there.
LMS_SERVE_MEDIA = not S3_PUBLIC_BUCKET and env_bool("LMS_SERVE_MEDIA", True)

# --- Email: console by default; SMTP (or any backend) from the environment.
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH") or None
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Học viện HTX <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Text messages (sign-in codes and notices for phone-only accounts): printed to the console
# unless a gateway's backend is named (lms/accounts/sms.py says what a backend is).
SMS_BACKEND = env("SMS_BACKEND", "lms.accounts.sms.ConsoleBackend")

# --- Celery: eager in-process when no broker is configured, so `make run` needs no Redis.
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", "lms")
# Queues of their own, so a national export or a digest to every officer never delays a learner's
# certificate: workers can be started for each (README, "Deploying at national scale"). What is
# not named here (the sweeps, the reminders' fan-out) goes to the default queue.
LMS_QUEUE_CERTIFICATES = "certificates"
LMS_QUEUE_EXPORTS = "exports"
LMS_QUEUE_EMAIL = "email"
LMS_QUEUES = [CELERY_TASK_DEFAULT_QUEUE, LMS_QUEUE_CERTIFICATES, LMS_QUEUE_EXPORTS,
              LMS_QUEUE_EMAIL]
CELERY_TASK_ROUTES = {
    **dict.fromkeys([
        "certification.issue_course_certificate",
        "certification.render_certificate_pdf",
        "certification.issue_assessment_certificate",
        "certification.render_readiness_report_pdf",
    ], {"queue": LMS_QUEUE_CERTIFICATES}),
    **dict.fromkeys([
        "exports.build_export",
        "dashboards.refresh_summaries",
    ], {"queue": LMS_QUEUE_EXPORTS}),
    **dict.fromkeys([
        "accounts.send_email",
        "accounts.send_sms",
        "accounts.send_welcome_email",
        "accounts.deliver_notice",
        "dashboards.send_digest",
        "dashboards.send_inactivity_reminder",
        "dashboards.send_action_reminder",
    ], {"queue": LMS_QUEUE_EMAIL}),
}
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A message a dead worker took is given to another after this long. Every task's need is also
# recorded in the database and found again by the sweeps below within minutes, so this is only
# the broker's own safety net; it must exceed the longest task (CELERY_TASK_TIME_LIMIT).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(env("CELERY_VISIBILITY_TIMEOUT", "900")),
}
# A request that hands work over while the broker is down gives up quickly (the sweeps hand it
# over again) rather than keeping the person waiting.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_BROKER_CONNECTION_TIMEOUT = float(env("CELERY_BROKER_CONNECTION_TIMEOUT", "2"))
CELERY_TIMEZONE = TIME_ZONE
# Background work that must not be lost (lms/outbox): failed renders and messages are tried
# again after a random wait between half and all of base · 2^(tries-1) seconds (capped), at most
# LMS_RETRY_MAX_TRIES times; the sweeps run every LMS_SWEEP_SECONDS and leave alone what is
# younger than LMS_SWEEP_GRACE_SECONDS (its first hand-over is still on its way); an export whose
# worker has not been heard from for LMS_EXPORT_LEASE_SECONDS is taken over by another.
LMS_RETRY_MAX_TRIES = int(env("LMS_RETRY_MAX_TRIES", "5"))
LMS_RETRY_BASE_SECONDS = float(env("LMS_RETRY_BASE_SECONDS", "60"))
LMS_RETRY_MAX_DELAY_SECONDS = float(env("LMS_RETRY_MAX_DELAY_SECONDS", "3600"))
LMS_OUTBOX_LEASE_SECONDS = float(env("LMS_OUTBOX_LEASE_SECONDS", "600"))
LMS_SWEEP_SECONDS = float(env("LMS_SWEEP_SECONDS", "60"))
LMS_SWEEP_GRACE_SECONDS = float(env("LMS_SWEEP_GRACE_SECONDS", "60"))
LMS_EXPORT_LEASE_SECONDS = float(env("LMS_EXPORT_LEASE_SECONDS", "120"))
# The dashboards' participation figures are read from summary tables written again this often
# (lms/dashboards/summaries.py); the page shows their time.
LMS_DASHBOARD_REFRESH_SECONDS = float(env("LMS_DASHBOARD_REFRESH_SECONDS", "600"))
# How long a one-time sign-in code printed by a manager stays valid (lms.accounts.signin_codes).
LMS_SIGNIN_CODE_DAYS = int(env("LMS_SIGNIN_CODE_DAYS", "14"))
# Periodic tasks (celery -A lms beat, exactly one), in local time (CELERY_TIMEZONE): the sweeps,
# the officers' weekly digest on Monday morning, the reminders every morning.
CELERY_BEAT_SCHEDULE = {
    "outbox-sweep": {"task": "outbox.sweep", "schedule": LMS_SWEEP_SECONDS},
    "certification-sweep": {"task": "certification.sweep", "schedule": LMS_SWEEP_SECONDS},
    "exports-sweep": {"task": "exports.sweep", "schedule": LMS_SWEEP_SECONDS},
    "dashboard-summaries": {"task": "dashboards.refresh_summaries",
                            "schedule": LMS_DASHBOARD_REFRESH_SECONDS},
    "weekly-digest": {
        "task": "dashboards.send_weekly_digests",
        "schedule": crontab(minute=0, hour=7, day_of_week="mon"),
    },
    "inactivity-reminders": {
        "task": "dashboards.send_inactivity_reminders",
        "schedule": crontab(minute=0, hour=8),
    },
    "corrective-action-reminders": {
        "task": "dashboards.send_action_reminders",
        "schedule": crontab(minute=0, hour=8),
    },
}

# --- Wagtail.
WAGTAIL_SITE_NAME = "Học viện HTX"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Every login, the admin's included, goes through allauth and its rate limits.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# No avatars from an outside service: phones on slow links, and no third-party requests.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
# Upload limits of the admin's libraries (Wagtail sets none for documents).
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# The library's originals are public: each upload is stored without its metadata (GPS, camera).
WAGTAILIMAGES_IMAGE_FORM_BASE = "lms.images.CleanImageForm"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp", "gif": "webp"}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security: strict in production, relaxed for the development server.
SECURE_HTTPS = env_bool("DJANGO_SECURE_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
LANGUAGE_COOKIE_SECURE = SECURE_HTTPS
SECURE_SSL_REDIRECT = SECURE_HTTPS and env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env("DJANGO_SECURE_HSTS_SECONDS", "31536000" if SECURE_HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HTTPS
SECURE_HSTS_PRELOAD = SECURE_HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail sets SAMEORIGIN on its own preview views.
# Content-Security-Policy (lms/security.py): a strict one for the site, a looser one for the
# Wagtail admin. Lesson videos may be framed from these origins (Wagtail's embed providers);
# add more, comma-separated, in DJANGO_CSP_FRAME_SRC.
CSP_FRAME_SRC = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    *env_list("DJANGO_CSP_FRAME_SRC"),
]

# The load benchmark's baseline (bench/load.py): a view answering "ok" at /bench/bare/ through
# every middleware. Off unless the benchmark's server asks for it.
LMS_BENCH_BARE_VIEW = env_bool("LMS_BENCH_BARE_VIEW", False)

# Log lines with time, level, logger and request id (lms/logs.py), as JSON in production. Errors
# (requests' and tasks') are mailed to DJANGO_ADMINS ("Name <address>, address") when it is set.
ADMINS = [(name or address, address) for name, address in getaddresses(env_list("DJANGO_ADMINS"))
          if address]
LMS_LOG_REQUESTS = env_bool("LMS_LOG_REQUESTS", not DEBUG)
LOGGING = logging_config(level=env("DJANGO_LOG_LEVEL", "INFO"),
                         fmt=env("LMS_LOG_FORMAT", "text" if DEBUG else "json"),
                         admins=bool(ADMINS))
