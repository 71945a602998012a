"""Settings for the 应知应会 platform, read from the environment only.

Defaults give the embedded mode (SQLite under var/, in-process background work,
local-memory cache); setting DATABASE_URL and REDIS_URL gives the production shape.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

ROOT_DIR = Path(__file__).resolve().parents[2]
BACKEND_DIR = ROOT_DIR / "backend"
VAR_DIR = Path(os.environ.get("VAR_DIR", ROOT_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once into var/."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG")

# --- hosts --------------------------------------------------------------------
# SITE_URL is the address people type, scheme, host and port included (for example
# http://ks.county.gov.cn:8080). Its host is allowed and its origin trusted for CSRF, so a
# site on its own name, on a port other than 80, or behind TLS needs nothing else.
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if SITE_URL else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
if SITE_URL:
    _site = urlsplit(SITE_URL)
    if _site.scheme not in {"http", "https"} or not _site.hostname:
        raise ImproperlyConfigured(
            f"SITE_URL 应形如 https://ks.example.gov.cn，当前为 {SITE_URL!r}"
        )
    ALLOWED_HOSTS.append(_site.hostname)
    CSRF_TRUSTED_ORIGINS.append(f"{_site.scheme}://{_site.netloc}")
# How many reverse proxies (nginx, a gateway) stand in front of the app: the client's
# address is then taken from X-Forwarded-For that far from the right, never from what
# the client itself sent. The operation log and the login lockout both use it.
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
AXES_CLIENT_IP_CALLABLE = "apps.common.net.client_ip"
if env_bool("BEHIND_HTTPS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True

    # The site is HTTPS only: plain http is redirected (turn off when the proxy does it)
    # and browsers are told to use https for a year (HSTS).
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", True)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "simple_history",
    "apps.common",
    "apps.accounts",
    "apps.questions",
    "apps.exams",
    "apps.training",
    "apps.notices",
    "apps.cases",
    "apps.records",
    "apps.console",
    "apps.audit",
]

MIDDLEWARE = [
    # First of all: when the request arrived (an exam save's cutoff is judged by it).
    "apps.common.arrival.ArrivalStampMiddleware",
    "apps.common.middleware.SecurityHeadersMiddleware",  # outermost: WhiteNoise's files too
    # Health probes answer before the host check: compose and load balancers call them
    # by container address, not by the site's name.
    "apps.common.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "apps.common.middleware.RequestInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "apps.accounts.admin_auth.AdminPasswordChangeRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "apps.audit.middleware.AuditMiddleware",
]

# Our own origin only; scripts never run inline. Swagger UI's page and the Django admin
# carry inline styles, and Vant, Element Plus and ECharts set styles from script, so
# style-src allows inline styles. data:/blob: images are the apps' own (icons, chart
# exports, photo previews); Markdown images are limited to /media/ besides
# (apps.common.markdown).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

FRONTEND_DIST = Path(os.environ.get("FRONTEND_DIST", ROOT_DIR / "frontend" / "dist"))

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- database -------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock
        # at BEGIN so concurrent writers wait on the busy timeout instead of failing.
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
    }
    # Tests get a file, not Django's shared in-memory database: with that, the live
    # server hands one connection to every request thread, so the app's parallel
    # requests (saves, focus reports) interleave their transactions.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test_db.sqlite3")}
else:
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache and background work ----------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    # Attempt facts are cached per save; the default 300 entries would evict them under load.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }

# The in-memory broker names a host so kombu does not warn that none was supplied.
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = REDIS_URL or None
# Without Redis every task runs in-process at .delay(), so one code path serves both modes.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = "Asia/Shanghai"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # keep Django's LOGGING format in the worker
CELERY_BEAT_SCHEDULER = "config.celery:HeartbeatScheduler"
CELERY_BEAT_SCHEDULE = {
    "finalize-expired-attempts": {
        "task": "apps.exams.tasks.finalize_expired_attempts",
        "schedule": float(os.environ.get("FINALIZE_EVERY_SECONDS", "60")),
    },
    # Graded attempts whose wrong-question book / records feed never finished (a crash).
    "replay-graded-feeds": {
        "task": "apps.exams.tasks.replay_graded_feeds",
        "schedule": 60.0,
    },
    # Calls that assign reviewers at close, and cases left short of reviewers.
    "assign-closed-case-calls": {
        "task": "apps.cases.tasks.assign_closed_calls",
        "schedule": 300.0,
    },
    # The task itself skips while the newest backup is recent, so running the whole
    # schedule every minute (manage.py run_periodic_tasks) still backs up once a day.
    "daily-backup": {
        "task": "apps.common.tasks.scheduled_backup",
        "schedule": crontab(hour=int(os.environ.get("BACKUP_HOUR", "2")), minute=30),
    },
    "purge-audit-log": {
        "task": "apps.audit.tasks.purge_expired_entries",
        "schedule": crontab(hour=3, minute=15),
    },
}
# A worker writes a heartbeat to Redis this often; /readyz counts a worker as gone once
# its newest heartbeat is older than WORKER_HEARTBEAT_MAX_AGE seconds.
WORKER_HEARTBEAT_SECONDS = float(os.environ.get("WORKER_HEARTBEAT_SECONDS", "10"))
WORKER_HEARTBEAT_MAX_AGE = float(os.environ.get("WORKER_HEARTBEAT_MAX_AGE", "45"))

# --- auth -----------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "apps.accounts.backends.UsernameOrMobileBackend",
    "apps.accounts.backends.OrgAdminPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ["username", "real_name", "mobile"]},
    },
    {
        "NAME": "apps.accounts.password_rules.ChineseMinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "apps.accounts.password_rules.LettersAndDigitsValidator"},
    {"NAME": "apps.accounts.password_rules.CommonWordValidator"},
    {"NAME": "apps.accounts.password_rules.SiteWordValidator"},
]
# Names tied to this site that a password must not contain (Chinese ones also in pinyin);
# every org unit's name is refused as well.
PASSWORD_SITE_WORDS = env_list("PASSWORD_SITE_WORDS", "应知应会,yzyh,组织部")
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "30")))
# Lock the (account, source address) pair: a stranger elsewhere cannot lock a cadre out,
# and one locked account does not lock the township that shares its public address.
# The account is the 工号 whichever identifier was typed (工号 or mobile).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "apps.accounts.backends.axes_username"
# (AXES_CLIENT_IP_CALLABLE is set with TRUSTED_PROXIES above.)
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Failures for one account from all sources together: past this many, each further try
# from a source the account has not logged in from lately waits, doubling up to the cap.
LOGIN_THROTTLE_AFTER = int(os.environ.get("LOGIN_THROTTLE_AFTER", "10"))
LOGIN_THROTTLE_MAX_SECONDS = int(os.environ.get("LOGIN_THROTTLE_MAX_SECONDS", "60"))
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_HOURS", "12")) * 3600
# Each POST auth/token issues a new token that expires this many hours later.
AUTH_TOKEN_HOURS = float(os.environ.get("AUTH_TOKEN_HOURS", "12"))

# --- i18n -------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- files ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# The built single-page app is served from the site root (index.html, /assets/, /sw.js).
WHITENOISE_ROOT = FRONTEND_DIST if FRONTEND_DIST.exists() else None


def _vite_asset_is_immutable(path: str, url: str) -> bool:
    """Vite's hashed bundles live under /assets/; WhiteNoise's own hash pattern misses them."""
    return url.startswith("/assets/")


WHITENOISE_IMMUTABLE_FILE_TEST = _vite_asset_is_immutable
# Source maps (Swagger UI ships megabytes of them) are never loaded by a page: collectstatic
# need not compress them on every deployment.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MAX_UPLOAD_BYTES = int(os.environ.get("MAX_UPLOAD_MB", "20")) * 1024 * 1024
# Spreadsheet imports: the file's size, and an xlsx's size once unpacked (a zip bomb of a
# few hundred KB can unpack to gigabytes before openpyxl would refuse it).
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_MB", "10")) * 1024 * 1024
IMPORT_MAX_UNPACKED_BYTES = int(os.environ.get("IMPORT_MAX_UNPACKED_MB", "256")) * 1024 * 1024

# --- API --------------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first so an anonymous request gets 401 with a WWW-Authenticate header.
    # Expiring tokens and DRF's sessions, which also honour the console's X-Admin-Scope header.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "apps.common.authentication.TokenAuthentication",
        "apps.common.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["apps.common.permissions.IsAuthenticatedAndReady"],
    # Nesting limit, NUL refused, invisible characters stripped (apps.common.api.parsers).
    "DEFAULT_PARSER_CLASSES": [
        "apps.common.api.parsers.JSONParser",
        "apps.common.api.parsers.FormParser",
        "apps.common.api.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "apps.common.pagination.StandardPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "apps.common.api.exceptions.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "COERCE_DECIMAL_TO_STRING": True,
}
if DEBUG:
    REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"].append(
        "rest_framework.renderers.BrowsableAPIRenderer"
    )

SPECTACULAR_SETTINGS = {
    "TITLE": "应知应会 API",
    "DESCRIPTION": "县乡村干部应知应会考试与培训平台接口",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from our own static files: county networks are often offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "MaterialStatusEnum": "apps.questions.models.Material.Status",
        "KnowledgePointStatusEnum": "apps.questions.models.KnowledgePoint.Status",
        "QuestionStatusEnum": "apps.questions.models.Question.Status",
        "ExamKindEnum": "apps.exams.models.papers.Exam.Kind",
        "ExamReleaseEnum": "apps.exams.models.papers.Exam.Release",
        "ExamStatusEnum": "apps.exams.models.papers.Exam.Status",
        "AttemptStatusEnum": "apps.exams.models.attempts.Attempt.Status",
        "GenerationModeEnum": "apps.questions.services.generation.GENERATION_MODES",
        "PaperModeEnum": "apps.exams.models.papers.Paper.Mode",
        # The two shapes of a question read (apps.questions.api.question_serializers).
        "QuestionShapeFullEnum": ["full"],
        "QuestionShapePublicEnum": ["public"],
        "OrgUnitKindEnum": "apps.accounts.models.OrgUnit.Kind",
        "NoticeStatusEnum": "apps.notices.models.NOTICE_STATUSES",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "jieba": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},  # one line per task would flood make run
    },
}

# Uploaded files always pass a permission check in Django (apps.common.media). Behind
# nginx, name its internal location here and nginx sends the bytes (X-Accel-Redirect).
MEDIA_ACCEL_REDIRECT = os.environ.get("MEDIA_ACCEL_REDIRECT", "")

# Daily backups (the "daily-backup" schedule, or manage.py backup_database) go here: the
# newest BACKUP_KEEP database copies and BACKUP_MEDIA_KEEP archives of MEDIA_ROOT.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", VAR_DIR / "backups"))
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "14"))
BACKUP_MEDIA_KEEP = int(os.environ.get("BACKUP_MEDIA_KEEP", "7"))

# The operation log (操作日志) keeps entries this many days; 等保 2.0 asks for at least 180.
AUDIT_RETENTION_DAYS = int(os.environ.get("AUDIT_RETENTION_DAYS", "180"))

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "apps.accounts.hashers.InitialPasswordHasher",
]
