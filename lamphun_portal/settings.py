"""Settings of the Lamphun meeting portal, read from the environment.

With nothing set, the portal runs on an SQLite file inside the project directory.
"""

import datetime as dt
import os
from pathlib import Path

import bootstrap_wrapper
import dj_database_url
import fontpkg_sarabun
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
# Saying DEBUG=0 out loud means production (DEPLOY.md): HTTPS-only cookies, HSTS, HTTPS redirect and a
# required SECRET_KEY. With DEBUG unset (tests, a quick local run) those stay off so plain HTTP works.
PRODUCTION = "DEBUG" in os.environ and not DEBUG
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION or (not DEBUG and os.environ.get("LAMPHUN_REQUIRE_SECRET_KEY")):
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    # Development and tests only: a fixed, obviously-not-secret key (`check --deploy` flags its prefix).
    SECRET_KEY = "django-insecure-development-key-set-SECRET_KEY-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Django's own form widget templates, for FORM_RENDERER below.
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "csp",
    # django-axes under a Thai name (its own AppConfig has none). DRF's authtoken stays under its own path:
    # its models check for "rest_framework.authtoken" in INSTALLED_APPS; the catalogue translates its name.
    "lamphun_portal.apps.AxesConfig",
    "simple_history",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files for /api/docs/, as static files
    "django_tasks",  # Django's tasks framework (backport): the one queue of slow or failure-prone work
    # its database backend (django-tasks-db, under a Thai name): the queue is a table, `manage.py db_worker` runs it
    "lamphun_portal.apps.TasksDbConfig",
    # The portal's areas of work, one app each (README.md "Layout").
    "meetings",
    "invitations",
    "directives",
    "programs",
    "search",
    "history",
    "news_import",
    "reports",
    "minutes",
    "news",
    "accounts",
    "notifications",
    "api",
    # Last: Thai names for what Django and the apps above name in English without gettext (see apps.py).
    "lamphun_portal.apps.PortalConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Thai digits on screen for those who chose them in their profile (accounts/screen_digits.py).
    "accounts.screen_digits.ScreenDigitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Records request.user as the author of every history row (who changed what).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the Thai lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out account is refused before its password is even checked.
    "lamphun_portal.lib.security.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "lamphun_portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "notifications.context_processors.unread_notifications",
            ],
            "builtins": ["meetings.templatetags.thai", "lamphun_portal.policy"],
        },
    },
]

# Form widgets are drawn with the templates above, so that templates/django/forms/widgets/select_option.html
# can give every select the Thai empty choice instead of Django's "---------" (model forms, the admin's
# selects and its action menu, crispy forms alike).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "lamphun_portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database serves several people at once (tests/security/test_sqlite_concurrency.py):
    # - WAL: readers never wait for a writer, nor a writer for readers;
    # - IMMEDIATE: a transaction takes the write lock when it begins. SQLite's default (deferred) lets two
    #   transactions read, then fails the second one's write at once ("database is locked"), whatever the
    #   timeout, because waiting could deadlock;
    # - timeout: a writer waits up to 20 s for the one before it (each holds the lock for milliseconds)
    #   instead of failing. synchronous=NORMAL is WAL's safe setting: a power cut loses at most the last
    #   commits, never the database.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Several app servers may share one database: sessions live in the database (or in the shared
# cache when CACHE_URL is set), never in a process or on one machine's disk.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "lamphun",
            "TIMEOUT": 300,
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
elif CACHE_URL:
    raise ImproperlyConfigured("CACHE_URL must be a redis:// (or rediss://, unix://) URL")
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Thai is the portal's one language, for everyone: the civil servants of the office read it, so a browser that
# asks for English (Accept-Language) still gets Thai. Hence only Thai in LANGUAGES and no LocaleMiddleware:
# nothing chooses a language per request (and responses need no "Vary: Accept-Language").
# The portal's own strings are written in Thai in the code. Django's and the third-party apps' English strings
# get their Thai from Django's Thai catalogues and from the project's catalogue, locale/th/LC_MESSAGES/django.po
# (first in priority; compiled by `make setup`), which adds what they lack and corrects what they get wrong.
# English stays only as the fallback: a string with no Thai anywhere shows its English source text, which
# tests/i18n/test_no_english.py finds on any page.
LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ภาษาไทย")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# Bootstrap and the Sarabun font come from Python packages, htmx from django-htmx: nothing from a CDN.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("bootstrap", Path(bootstrap_wrapper.get_bootstrap_dir())),
    ("fonts/sarabun", fontpkg_sarabun.ROOT / "files"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Uploaded files: hard limits on size; each upload field also checks the real content type
# (lamphun_portal/lib/uploads.py).
PORTAL_MAX_UPLOAD_BYTES = int(os.environ.get("PORTAL_MAX_UPLOAD_BYTES", str(10 * 1024 * 1024)))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# Photos attached to a meeting for its public news post (news/forms.py checks size and real content).
NEWS_PHOTO_MAX_BYTES = int(os.environ.get("NEWS_PHOTO_MAX_BYTES", str(5 * 1024 * 1024)))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Print Thai digits (๒๕๖๔) in exported documents unless an export asks otherwise.
PORTAL_THAI_DIGITS = env_bool("PORTAL_THAI_DIGITS")
# The fiscal-year book is laid out by this many processes at once (reports/book.py) when it has at least
# PORTAL_BOOK_PARALLEL_MIN_MEETINGS meetings; 1 lays every book out in the exporting process.
PORTAL_PDF_WORKERS = int(os.environ.get("PORTAL_PDF_WORKERS") or os.cpu_count() or 1)
PORTAL_BOOK_PARALLEL_MIN_MEETINGS = int(os.environ.get("PORTAL_BOOK_PARALLEL_MIN_MEETINGS") or 24)
PORTAL_OFFICE_NAME = "สำนักงานพัฒนาชุมชนจังหวัดลำพูน"
PORTAL_OFFICE_SHORT_NAME = "พช.ลำพูน"
# The office's signing certificate for published minutes (PAdES, lamphun_portal/lib/signing.py): a PKCS#12 file
# and its passphrase. Unset: minutes are published unsigned, with their SHA-256 (DEPLOY.md "Signed minutes").
PORTAL_SIGNING_PKCS12 = os.environ.get("PORTAL_SIGNING_PKCS12", "")
PORTAL_SIGNING_PASSPHRASE = os.environ.get("PORTAL_SIGNING_PASSPHRASE", "")
# The portal's address as people reach it: e-mails and LINE messages are written with no request at hand,
# so their links are built on this.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Background work (Django's tasks framework, django-tasks backport) -------------------------------
# One queue for everything slow or failure-prone: PDF exports, e-mail, LINE. It is a table in the portal's
# own database, so a task enqueued inside a transaction becomes visible with the rows it works on, and
# `manage.py db_worker` processes (any number, on any machine with the same DATABASE_URL) run it.
# `make run` starts one beside the development server; DEPLOY.md runs them under systemd.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# --- Notifications (notifications/): e-mail and LINE --------------------------------------------------
# SMTP when EMAIL_HOST is set; otherwise e-mails are printed on the console of the process that sends them
# (the worker), so a development machine never mails anyone.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    # A stuck mail server must not hold a worker forever; the delivery is retried instead.
    EMAIL_TIMEOUT = 30
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "พช.ลำพูน <no-reply@localhost>")
# LINE Messaging API (lamphun_portal/lib/line.py): the channel's long-lived access token, and the API's
# address (tests point it at a stand-in server on 127.0.0.1). Without a token, LINE deliveries are logged
# as failed with the reason, and e-mail still goes.
LINE_CHANNEL_ACCESS_TOKEN = os.environ.get("LINE_CHANNEL_ACCESS_TOKEN", "")
LINE_API_URL = os.environ.get("LINE_API_URL", "https://api.line.me").rstrip("/")
# Messages raised by pages wait this long, so that a burst for one office becomes one message.
PORTAL_NOTIFY_HOLD_MINUTES = float(os.environ.get("PORTAL_NOTIFY_HOLD_MINUTES", "5"))
# A failed delivery is tried again after PORTAL_NOTIFY_RETRY_SECONDS, then twice as long each time, and is
# marked failed after PORTAL_NOTIFY_MAX_ATTEMPTS tries (30 s and 5 tries: given up after about 8 minutes).
PORTAL_NOTIFY_RETRY_SECONDS = float(os.environ.get("PORTAL_NOTIFY_RETRY_SECONDS", "30"))
PORTAL_NOTIFY_MAX_ATTEMPTS = int(os.environ.get("PORTAL_NOTIFY_MAX_ATTEMPTS", "5"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # WeasyPrint reports refused resources as warnings; they are expected (see lib/pdf/fetcher.py).
    "loggers": {"weasyprint": {"level": "ERROR"}, "fontTools": {"level": "ERROR"}},
}


# --- Security (see SECURITY.md) -------------------------------------------------------------
# Production (DEBUG=0) is secure by default; each switch can also be set on its own from the environment.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", PRODUCTION)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", PRODUCTION)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))  # one working day
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if PRODUCTION else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind a TLS-terminating proxy (nginx, see DEPLOY.md) that sets X-Forwarded-Proto. Only turn this
# on when the proxy strips the header from clients, otherwise anyone could claim to be on HTTPS.
if env_bool("TRUST_X_FORWARDED_PROTO"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the app append to X-Forwarded-For (0: use the socket address).
PORTAL_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Content-Security-Policy (django-csp 4): only our own origin, no inline scripts or styles, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap draws its icons (menu button, select arrow, validation marks) as data: SVGs.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Login brute force (django-axes): 5 failed attempts lock the account for 15 minutes; an admin can
# unlock earlier (admin -> Axes -> Access attempts, or `manage.py axes_reset_username NAME`).
# Counted per username and per client IP separately: an account under attack is locked whatever
# address the guesses come from, and one address guessing many accounts is locked too. Offices sit
# behind one NAT address, so every successful login resets that address's count (RESET_ON_SUCCESS),
# but never another account's own count: LoginAttemptHandler (lib/security.py) says how.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "lamphun_portal.lib.security.LoginAttemptHandler"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "lamphun_portal.lib.security.client_ip"
AXES_USERNAME_CALLABLE = "lamphun_portal.lib.security.attempted_username"
AXES_VERBOSE = False

# History (django-simple-history): who changed what and when.
SIMPLE_HISTORY_REVERT_DISABLED = False
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True


# JSON API (issue #4): read-only, session or token authentication, the portal's roles (meetings/api.py).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an anonymous API call then gets 401 with a WWW-Authenticate header, not a login page.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.IsReader"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API ระบบบันทึกการประชุม สำนักงานพัฒนาชุมชนจังหวัดลำพูน",
    "DESCRIPTION": "ข้อมูลการประชุม ข้อสั่งการและการติดตาม และโครงการ ของสำนักงานพัฒนาชุมชนจังหวัดลำพูน (อ่านอย่างเดียว)",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # /api/docs/ serves Swagger UI from drf-spectacular-sidecar's static files: no CDN, works offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # validatorUrl None: Swagger UI would otherwise load a badge image from an outside validator.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "ENUM_NAME_OVERRIDES": {
        "MeetingStatusEnum": "meetings.models.Meeting.Status",
        "DirectiveStatusEnum": "directives.models.Directive.Status",
    },
}
