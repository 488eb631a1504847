"""Project settings. Embedded defaults run on one machine with no servers; env vars switch to scale-out parts.

- ``DATABASE_URL``: e.g. ``postgres://user:pw@host/db`` (default: SQLite file under ``var/``)
- ``CELERY_BROKER_URL``: e.g. ``redis://localhost:6379/0`` (default: a filesystem queue under ``var/``)
- ``CANHGIAC_VAR``: the data folder (default ``./var``)
- ``CANHGIAC_HTTPS=1``: served over HTTPS — HSTS, secure cookies, HTTP redirected to HTTPS
- ``CANHGIAC_BEHIND_PROXY=1``: a reverse proxy terminates TLS and sets ``X-Forwarded-Proto`` (and strips the
  client's own)
"""

import os
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("CANHGIAC_VAR", Path.cwd() / "var")).resolve()
VAR_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
if VAR_DIR.stat().st_uid == os.getuid():
    VAR_DIR.chmod(0o700)  # evidence, the database and the secret key: the service account's only


def _secret_key() -> str:
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        from django.utils.crypto import get_random_string

        path.write_text(get_random_string(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_tables2",
    "simple_history",
    "canhgiac.core.library_apps.AxesConfig",  # axes and otp_totp under Vietnamese names
    "django_otp",
    "canhgiac.core.library_apps.TOTPConfig",
    "canhgiac.core",
    "canhgiac.cases",
    "canhgiac.webwatch",
    "canhgiac.content",
    "canhgiac.units",
    "canhgiac.rounds",
    "canhgiac.reports",
    "canhgiac.outreach",
    "canhgiac.posture",
    "canhgiac.secops",
    "canhgiac.petitions",
    "captcha",
    "canhgiac.intake",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "canhgiac.intake.portal.hosts.PortalHostMiddleware",
    "canhgiac.core.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "canhgiac.core.middleware.RequireOTPForAdministratorsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Security headers (core.headers adds the two Django does not set).
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
HTTPS = os.environ.get("CANHGIAC_HTTPS", "0") == "1"
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("CANHGIAC_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
if os.environ.get("CANHGIAC_BEHIND_PROXY", "0") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

ROOT_URLCONF = "canhgiac.urls"
FORM_RENDERER = "canhgiac.core.renderers.FormRenderer"  # Django's, with the select and input templates inlined
WSGI_APPLICATION = "canhgiac.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "canhgiac.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'canhgiac.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
    }
    # A file, not memory, so that worker processes started by tests share the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "canhgiac.core.hashers.OwaspArgon2PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:login"

# Login lockout (core.lockout): per account and per address separately, with back-off; the client's address
# taken from X-Forwarded-For only behind the proxies listed in CANHGIAC_TRUSTED_PROXIES (addresses or networks).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))  # per account, over all addresses
LOCKOUT_ADDRESS_LIMIT = int(os.environ.get("LOCKOUT_ADDRESS_LIMIT", "20"))  # per address, over all accounts
LOCKOUT_BASE_MINUTES = int(os.environ.get("LOCKOUT_BASE_MINUTES", "15"))
LOCKOUT_MAX_MINUTES = int(os.environ.get("LOCKOUT_MAX_MINUTES", "120"))
TRUSTED_PROXIES = [p for p in os.environ.get("CANHGIAC_TRUSTED_PROXIES", "").split(",") if p.strip()]
AXES_HANDLER = "canhgiac.core.lockout.LockoutHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = "canhgiac.core.lockout.cool_off"
AXES_CLIENT_IP_CALLABLE = "canhgiac.core.lockout.client_ip"
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # the back-off counts earlier lockouts from it; kept, undeletable in admin
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # a locked account's owner does not lengthen the lock
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "canhgiac.core.lockout.lockout_response"

OTP_TOTP_ISSUER = "canhgiac"

LANGUAGE_CODE = "vi"
FORMAT_MODULE_PATH = ["canhgiac.formats"]
LANGUAGES = [("vi", "Tiếng Việt")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Stored files on an S3-compatible object store (MinIO, Ceph, a provider's object storage) when a bucket is named,
# so that web servers and workers on several machines share them; otherwise under var/media on this machine.
if os.environ.get("CANHGIAC_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["CANHGIAC_S3_BUCKET"],
            "endpoint_url": os.environ.get("CANHGIAC_S3_ENDPOINT") or None,
            "access_key": os.environ.get("CANHGIAC_S3_ACCESS_KEY") or None,
            "secret_key": os.environ.get("CANHGIAC_S3_SECRET_KEY") or None,
            "region_name": os.environ.get("CANHGIAC_S3_REGION", "us-east-1"),
            "default_acl": "private",
            "file_overwrite": False,  # a stored file is never replaced: a second upload of the same name gets a new one
            "querystring_auth": True,
        },
    }
WHITENOISE_USE_FINDERS = True
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Uploaded and stored files (evidence, letters, imports) and their folders: the service account's only.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
EVIDENCE_MAX_BYTES = int(os.environ.get("EVIDENCE_MAX_BYTES", str(25 * 1024 * 1024)))
# Personal data of finished records is erased after this many days by `canhgiac personal retention` (run it daily
# from cron or a timer); 5 years by default — set it to what the agency's records schedule requires.
PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("CANHGIAC_PERSONAL_RETENTION_DAYS", str(5 * 365)))
# Imports (core.imports): an upload's size is checked while it is received, its rows while they are read.
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(50 * 1024 * 1024)))
IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", "20000"))
FILE_UPLOAD_HANDLERS = [
    "canhgiac.core.imports.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "canhgiac.core.security.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["canhgiac.core.permissions.RolePermission"],
    "DEFAULT_FILTER_BACKENDS": [
        "canhgiac.core.filtersets.FilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "canhgiac.core.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "canhgiac.core.api.schema.VietnameseAutoSchema",
    "EXCEPTION_HANDLER": "canhgiac.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "canhgiac API",
    "DESCRIPTION": "API của hệ thống canhgiac",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],  # the API's shape is not public
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "canhgiac.core.api.schema.vietnamese_security_schemes",
        "canhgiac.core.api.answers.document_errors",  # the 400/403/404 answers of every operation
    ],
    "ENUM_NAME_OVERRIDES": {
        "CaseStatusEnum": "canhgiac.cases.choices.CaseStatusChoices",
        "IndicatorKindEnum": "canhgiac.cases.choices.IndicatorKindChoices",
        "DeadlineStatusEnum": "canhgiac.core.models.workflow.DeadlineStatusChoices",
        "TriageStatusEnum": "canhgiac.core.triage.TriageStatusChoices",
        "ScanRunStatusEnum": "canhgiac.webwatch.choices.ScanRunStatusChoices",
        "ContentLabelEnum": "canhgiac.content.choices.ContentLabelChoices",
        "ContributionStatusEnum": "canhgiac.rounds.choices.ContributionStatusChoices",
        "CaseCategoryEnum": "canhgiac.cases.choices.CaseCategoryChoices",
        "CaseSourceEnum": "canhgiac.cases.choices.CaseSourceChoices",
        "AlertCategoryEnum": "canhgiac.secops.choices.AlertCategoryChoices",
        "IncidentStatusEnum": "canhgiac.secops.choices.IncidentStatusChoices",
        "IncidentSourceEnum": "canhgiac.secops.choices.IncidentSourceChoices",
        "AdminLevelEnum": "canhgiac.posture.choices.AdminLevelChoices",
        "PetitionKindEnum": "canhgiac.petitions.choices.PetitionKindChoices",
        "PetitionStatusEnum": "canhgiac.petitions.choices.PetitionStatusChoices",
        "PetitionChannelEnum": "canhgiac.petitions.choices.PetitionChannelChoices",
        "IntakeChannelEnum": "canhgiac.intake.choices.ChannelChoices",
        "IntakeReportTypeEnum": "canhgiac.intake.choices.ReportTypeChoices",
        "OutreachChannelEnum": "canhgiac.outreach.choices.ChannelChoices",
        "ReportKindEnum": "canhgiac.reports.types.SHIPPED_CHOICES",
    },
    "COMPONENT_SPLIT_REQUEST": True,
}

# The most rows one page of a list (pages and API) shows, whatever ``?per_page=`` asks.
MAX_PER_PAGE = int(os.environ.get("MAX_PER_PAGE", "500"))

DJANGO_TABLES2_TEMPLATE = "django_tables2/table.html"

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem"):
    _queue = VAR_DIR / "celery" / "queue"
    _queue.mkdir(parents=True, exist_ok=True)
    (VAR_DIR / "celery" / "processed").mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue),
        "data_folder_out": str(_queue),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        "store_processed": False,
        "control_folder": str(VAR_DIR / "celery" / "control"),
    }
else:
    # A message a worker took but never acknowledged (the worker died) goes back to the queue after this many
    # seconds: longer than the longest task (a scan is stopped at 32 minutes), shorter in tests. Every worker looks
    # for such messages every 10 seconds (kombu 5.7 would look only every tenth time, so a dead worker's task waited
    # up to 100 seconds more).
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "2400")),
        "unacked_restore_interval": 10,
        "unacked_restore_throttle": 1,
    }
# Queues: website scans, imports, classification of uploaded content, and the rest ("celery": reminders…). One
# worker takes them all by default; at scale each machine's worker takes the queues it is sized for
# (`canhgiac worker -Q scans`). Tasks acknowledge after they finish (acks_late) and are idempotent, so a worker that
# dies mid-task leaves its task to another.
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_QUEUES_ALL = ("celery", "scans", "imports", "classification")
CELERY_TASK_ROUTES = {
    "canhgiac.webwatch.tasks.*": {"queue": "scans"},
    "canhgiac.core.tasks.run_import_job": {"queue": "imports"},
}
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_ALWAYS_EAGER = os.environ.get("CELERY_TASK_ALWAYS_EAGER", "0") == "1"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# Scheduled jobs are declared by each app (``scheduled_jobs`` in its AppConfig) and added by core at start-up;
# jobs listed here are added to them (an operator's own).
CELERY_BEAT_SCHEDULE: dict = {}

# E-mail of notifications: SMTP when EMAIL_HOST is set, else written as files under var/mail (nothing leaves).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
EMAIL_TIMEOUT = 10
EMAIL_BACKEND = "django.core.mail.backends." + ("smtp.EmailBackend" if EMAIL_HOST else "filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "canhgiac@localhost")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")  # links in e-mails
DEADLINE_SOON_DAYS = int(os.environ.get("DEADLINE_SOON_DAYS", "3"))  # "Sắp đến hạn": due within this many days

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Expected refusals (403, 404) are one line in the log, not a traceback.
    "filters": {"refusals": {"()": "canhgiac.core.logfilters.RefusalsWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["refusals"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
