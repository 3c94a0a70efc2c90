"""Settings shared by every environment; safe for production on their own (DEBUG off).

Every variable is read through one environ.Env(); `.env.example` lists them.
https://docs.djangoproject.com/en/5.2/ref/settings/
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from config.storages import object_storages

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False)

# Core
# ------------------------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
TIME_ZONE = "Europe/London"
LANGUAGE_CODE = "en-gb"
USE_I18N = True
USE_TZ = True
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
SITE_ID = 1

INSTALLED_APPS = [
    "accounts",
    "champions",
    "events",
    "cms",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_guid",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.sites",
]

MIDDLEWARE = [
    # Probes first: no host check, HTTPS redirect, session or log line (config/health.py).
    "config.health.HealthCheckMiddleware",
    "django_guid.middleware.guid_middleware",
    "config.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Outside the page cache, so that cached pages get the header too.
    "config.csp.AreaCSPMiddleware",
    # A NUL byte in the address is a 400 before any view or query sees it.
    "config.bad_input.RejectNulBytesMiddleware",
    "config.bad_input.RejectBadBulkIdsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffSecondFactorMiddleware",
    "accounts.middleware.StaffAreaMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.cache.PublicPageCacheMiddleware",
]

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
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
# ------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: the funder reports' aggregates over a year of logs cost enough to
    # trigger it, and compiling took longer (~150 ms at N=1) than it saved.
    # https://www.postgresql.org/docs/current/jit-decision.html
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has no SELECT ... FOR UPDATE: every transaction takes the write lock when it begins
    # (IMMEDIATE), so a check-then-write (booking, promotion, cancelling, submissions) runs one
    # at a time, and others wait up to `timeout` seconds instead of failing "database is
    # locked". WAL lets reads go on meanwhile.
    # https://docs.djangoproject.com/en/5.2/ref/databases/#sqlite-transaction-behavior
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )


# Cache: Redis when REDIS_URL is set, else local memory (production requires Redis).
# https://docs.djangoproject.com/en/5.2/topics/cache/ and https://github.com/jazzband/django-redis
# ------------------------------------------------------------------------------
def redis_cache(url: str) -> dict:
    """The shared cache. If Redis goes down, reads miss and writes are skipped (each logged):
    pages are served uncached and sign-in works (rate limits are not counted meanwhile)."""
    return {
        "BACKEND": "config.cache.OutageTolerantRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "pc",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            # A hung Redis must not hold every request: give up quickly and serve uncached.
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 1,
        },
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Authentication and allauth: https://docs.allauth.org/en/latest/account/configuration.html
# ------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.passwords.GuessablePasswordValidator"},
]
# zxcvbn's score (0-4) a password must reach: 3 is "safe from an offline attack on a slow
# hash". https://github.com/Pierre-Sassoulas/django-zxcvbn-password-validator
PASSWORD_MINIMAL_STRENGTH = 3
# Words the site itself suggests, counted as guessable like the person's own name.
PASSWORD_EXTRA_DICTIONARY = [
    "parent",
    "parents",
    "champion",
    "champions",
    "parentchampion",
    "parentchampions",
    "pc",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "champions:dashboard"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "champions.forms.signup.ChampionSignupForm"
ACCOUNT_FORMS = {"signup": "accounts.signup.SignupForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Parent Champions] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="https")
# allauth's defaults, stated so that a change is deliberate: the login limit also guards
# staff, because Wagtail's admin login is sent here (WAGTAILADMIN_LOGIN_URL).
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
# Public consultation answers (events.services.consultations): at most this many submissions
# from one address in ten minutes, counted in the shared cache.
CONSULTATION_RATE_LIMIT = env.int("CONSULTATION_RATE_LIMIT", default=10)

# Second factor (allauth MFA): https://docs.allauth.org/en/latest/mfa/configuration.html
# Authenticator apps (TOTP) with recovery codes, and security keys or passkeys (WebAuthn) where
# the browser has them. Staff must have one before any admin page is served; champions may
# turn it on from their details page. Only the embedded demo (dev settings) switches it off.
# ------------------------------------------------------------------------------
STAFF_MFA_REQUIRED = env.bool("STAFF_MFA_REQUIRED", default=True)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Parent Champions"

# One sign-in door: every way in is allauth's (rate limits, verification, second factor).
# Wagtail's login forms redirect to it (config/urls.py); nothing else checks a password.
# ------------------------------------------------------------------------------
# Passwords are changed and reset through allauth's pages only (one set of checks).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# Shared page and document passwords would be a door without rate limits: not offered.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"password": False}
WAGTAILDOCS_PRIVATE_DOCUMENT_OPTIONS = {"password": False}
# The read-only API serves anonymous readers only: without this, Django REST framework would
# check HTTP Basic credentials on every call, a password oracle with no rate limit.
# https://www.django-rest-framework.org/api-guide/authentication/
REST_FRAMEWORK = {"DEFAULT_AUTHENTICATION_CLASSES": []}

# Headers: Content-Security-Policy and Permissions-Policy
# ------------------------------------------------------------------------------
# Content-Security-Policy (django-csp 4): https://django-csp.readthedocs.io/
# Public, champion and sign-in pages load scripts and styles only from our own static files:
# no inline script or style attribute (an inline script would need {{ request.csp_nonce }},
# and public pages are cached, so keep scripts in static files). Images may be data: URIs (the
# QR code for an authenticator app); videos embedded in stories come from YouTube or Vimeo.
EMBED_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
MEDIA_ORIGINS = env.list("MEDIA_ORIGINS", default=[])  # e.g. the object store serving uploads
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": EMBED_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin (every path under it, previews included) still renders inline scripts (inline
# panels, date pickers) and style attributes, and shows uploads as blob: previews: allowed there
# only. It frames its own previews, and checks releases.wagtail.org for new versions.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
        "connect-src": [SELF, "https://releases.wagtail.org"],
        "frame-src": [SELF, *EMBED_ORIGINS],
        "frame-ancestors": [SELF],
    }
}
# Permissions-Policy: https://github.com/adamchainz/django-permissions-policy
# Nothing here uses the camera, microphone, location or payments; security keys and passkeys
# (two-step sign-in) are used by the site itself.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "publickey-credentials-create": ["self"],
    "publickey-credentials-get": ["self"],
    "serial": [],
    "usb": [],
}
# No staff avatars from Gravatar: it would send a hash of each staff e-mail to a third party
# (and the admin's Content-Security-Policy only allows our own images).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# E-mail: EMAIL_URL, e.g. smtp+tls://user:pass@host:587; absent, the console backend.
# ------------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Parent Champions <hello@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
STAFF_NOTIFICATION_EMAIL = env("STAFF_NOTIFICATION_EMAIL", default="")

# The outbox (accounts/services/outbox.py, delivery.py): attempts before a message fails, the
# first retry's delay (doubled each time), the longest retry handed to the broker as a
# countdown (later ones wait for the sweep), how long a row may stay "sending" before the
# sweep decides its worker died, and how old a queued row must be before the sweep takes it.
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=6)
OUTBOX_RETRY_BASE_SECONDS = env.float("OUTBOX_RETRY_BASE_SECONDS", default=30)
OUTBOX_RETRY_COUNTDOWN_MAX = env.float("OUTBOX_RETRY_COUNTDOWN_MAX", default=300)
OUTBOX_SENDING_TIMEOUT = env.int("OUTBOX_SENDING_TIMEOUT", default=900)
OUTBOX_SWEEP_GRACE_SECONDS = env.int("OUTBOX_SWEEP_GRACE_SECONDS", default=30)
OUTBOX_MESSAGE_ID_DOMAIN = env("OUTBOX_MESSAGE_ID_DOMAIN", default="parent-champions.local")

# Text messages (accounts/sms/): the console backend prints them; "accounts.sms.notify.
# NotifySmsBackend" sends through GOV.UK Notify with the key and template below.
# https://docs.notifications.service.gov.uk/python.html
SMS_BACKEND = env("SMS_BACKEND", default="accounts.sms.console.ConsoleSmsBackend")
NOTIFY_API_KEY = env("NOTIFY_API_KEY", default="")
NOTIFY_SMS_TEMPLATE_ID = env("NOTIFY_SMS_TEMPLATE_ID", default="")
NOTIFY_BASE_URL = env("NOTIFY_BASE_URL", default="https://api.notifications.service.gov.uk")
# Phone numbers without a country code are read as numbers in this region.
PHONE_DEFAULT_REGION = env("PHONE_DEFAULT_REGION", default="GB")
# The bearer token GOV.UK Notify sends with delivery receipts and replies (callbacks).
NOTIFY_CALLBACK_TOKEN = env("NOTIFY_CALLBACK_TOKEN", default="")

# Static and media files: https://whitenoise.readthedocs.io/
# ------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static_collected")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Receipts and certificates are personal data: kept outside MEDIA_ROOT, served by views only.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private_media")
# "default" holds public media (Wagtail images and documents), "private" the personal files;
# model fields name the storage (accounts/storage.py), settings choose where it lives.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "accounts.storage.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o640

# Wagtail: https://docs.wagtail.org/en/stable/reference/settings.html
# ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Parent Champions"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# Staff sign in through allauth, so its rate limits protect the admin too.
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Images are refused past 10 MB or 40 megapixels (the limit accounts/images.py checks before
# decoding); every stored image loses its metadata and its file name (accounts.images).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "accounts.image_forms.CheckedImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("WAGTAILDOCS_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
# Documents are streamed by Wagtail's view after its privacy checks, never a redirect to storage,
# and always as a download: no PDF or text file is opened inside the site's origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAIL_I18N_ENABLED = False

# Anonymous public pages are kept in the shared cache this long (0 turns it off); the cache
# is also cleared on every publish, unpublish and consent change (cms/cache.py).
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=600)
# The impact figures (home and impact pages) are shared through the cache this long, and the
# pages that show them kept no longer: a figure shown is at most twice this old (5 minutes).
# Approving a log retires them at once (cms/cache.py).
PUBLIC_FIGURES_CACHE_SECONDS = env.int("PUBLIC_FIGURES_CACHE_SECONDS", default=150)
# The admin home page's panels (counts of work waiting) are shared through the cache this long
# (0 turns it off); a change to what a panel counts retires them at once (accounts/home_panels.py).
ADMIN_HOME_CACHE_SECONDS = env.int("ADMIN_HOME_CACHE_SECONDS", default=60)
# The funder reports' figures (Reports menu) are shared through the cache this long per
# filter set; approvals and changes to what they count retire them at once
# (champions/report_cache.py), so this bounds only writes that send no signal.
REPORT_FIGURES_CACHE_SECONDS = env.int("REPORT_FIGURES_CACHE_SECONDS", default=300)

# Celery: https://docs.celeryq.dev/en/stable/userguide/configuration.html
# Without a broker, tasks run in-process (eagerly) so that the site works with no services.
# ------------------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = None
CELERY_TIMEZONE = TIME_ZONE
# A task is acknowledged when it ends, and put back if its worker process dies mid-task; a
# task a whole dead worker held comes back after the broker's visibility timeout, which must be
# longer than the longest task (the time limit below), or a running task would run twice.
# The outbox sweep (accounts.tasks.sweep_outbox) is the safety net behind all three.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=600)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=900),
}
# A request that enqueues a task while the broker is down gives up quickly (the outbox row
# waits for the sweep) rather than hanging.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_WORKER_PREFETCH_MULTIPLIER = 4
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    "accounts-sweep-outbox": {
        "task": "accounts.tasks.sweep_outbox",
        "schedule": 60.0,
    },
    "purge-unverified-accounts": {
        "task": "accounts.tasks.purge_unverified_accounts",
        "schedule": crontab(hour=3, minute=15),
    },
    "champions-expire-lapsed-training": {
        "task": "champions.tasks.expire_lapsed_training",
        "schedule": crontab(hour=1, minute=5),
    },
    "champions-flag-lapsed": {
        "task": "champions.tasks.flag_lapsed_champions",
        "schedule": crontab(hour=1, minute=20),
    },
    "champions-award-anniversaries": {
        "task": "champions.tasks.award_anniversaries",
        "schedule": crontab(hour=8, minute=40),
    },
    "champions-renewal-reminders": {
        "task": "champions.tasks.send_renewal_reminders",
        "schedule": crontab(hour=9, minute=0),
    },
    "cms-unpublish-stories-without-consent": {
        "task": "cms.tasks.unpublish_stories_without_consent",
        "schedule": crontab(hour=0, minute=45),
    },
    "champions-anonymise-leavers": {
        "task": "champions.tasks.anonymise_leavers",
        "schedule": crontab(hour=2, minute=30),
    },
    "champions-drop-dbs-certificate-numbers": {
        "task": "champions.tasks.drop_dbs_certificate_numbers",
        "schedule": crontab(hour=2, minute=40),
    },
    "champions-delete-old-receipts": {
        "task": "champions.tasks.delete_old_receipts",
        "schedule": crontab(hour=2, minute=50),
    },
    "cms-prune-former-champion-story-revisions": {
        "task": "cms.tasks.prune_former_champion_story_revisions",
        "schedule": crontab(hour=3, minute=0),
    },
    "accounts-clear-old-outbox-bodies": {
        "task": "accounts.tasks.clear_old_outbox_bodies",
        "schedule": crontab(hour=3, minute=30),
    },
    "event-reminders": {
        "task": "events.tasks.send_event_reminders",
        "schedule": crontab(minute="*/15"),
    },
    "events-coordinator-digest": {
        "task": "events.tasks.send_coordinator_digest",
        "schedule": crontab(day_of_week="mon", hour=7, minute=30),
    },
}

# Programme rules: those staff change without a deploy are Wagtail settings
# (Settings > Champions settings, Events settings); retention periods stay here.
# ------------------------------------------------------------------------------
# Retention: how long personal data is kept, every rule in one dict (the rules, their nightly
# jobs and what each keeps are listed in champions/retention.py and docs/deploy.md).
RETENTION = {
    # Sign-ups never confirmed are deleted.
    "UNVERIFIED_SIGNUP_DAYS": env.int("UNVERIFIED_ACCOUNT_RETENTION_DAYS", default=14),
    # Alumni are anonymised after they leave.
    "LEAVER_DAYS": env.int("LEAVER_RETENTION_DAYS", default=730),
    # DBS certificate numbers are dropped after the check (DBS code of practice: six months).
    "DBS_CERTIFICATE_DAYS": env.int("RETENTION_DBS_CERTIFICATE_DAYS", default=183),
    # Receipt files are deleted after the finance period (HMRC: six years plus the current one).
    "RECEIPT_YEARS": env.int("RETENTION_RECEIPT_YEARS", default=7),
    # Old revisions of stories about former champions are deleted after they leave.
    "FORMER_CHAMPION_REVISION_DAYS": env.int("RETENTION_STORY_REVISION_DAYS", default=90),
    # The outbox keeps message bodies this long; after it, only the delivery record.
    "OUTBOX_BODY_DAYS": env.int("RETENTION_OUTBOX_BODY_DAYS", default=90),
}
UNVERIFIED_ACCOUNT_RETENTION = timedelta(days=RETENTION["UNVERIFIED_SIGNUP_DAYS"])

# Security (tightened further in production.py)
# ------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Logging: one JSON object a line (python-json-logger), each with the request id (django-guid);
# one line per request (config/logs.py) and per task (config/celery.py); dev.py prints
# plain text. https://docs.djangoproject.com/en/5.2/topics/logging/
# ------------------------------------------------------------------------------
LOG_FORMAT = env("LOG_FORMAT", default="") or "json"  # "json" or "plain"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {
            "()": "django_guid.log_filters.CorrelationId",
            "correlation_id_field": "request_id",
        },
    },
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",
        },
        "plain": {"format": "%(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every page action and background job at INFO; its audit log keeps them.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # Our own request and task lines replace these per-request and per-task INFO lines.
        "django_guid": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},
        "celery.worker.strategy": {"level": "WARNING"},
    },
}

# Alumni are anonymised this many days after they leave (RETENTION above).
LEAVER_RETENTION_DAYS = RETENTION["LEAVER_DAYS"]
# Story and photo consent lapse after this many years; contact consent does not.
CONSENT_VALIDITY_YEARS = env.int("CONSENT_VALIDITY_YEARS", default=5)

# Running on many machines (issue 18): object storage, request ids, error reports, one beat.
# docs/deploy.md describes every variable here.
# ==============================================================================

# Object storage: https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
# With a bucket name, uploads go to S3-compatible object storage instead of the local disk:
# public media to AWS_STORAGE_BUCKET_NAME, personal files to AWS_PRIVATE_STORAGE_BUCKET_NAME.
# ------------------------------------------------------------------------------
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES.update(
        object_storages(
            bucket=AWS_STORAGE_BUCKET_NAME,
            # No default: private files must never land in the public bucket by mistake.
            private_bucket=env("AWS_PRIVATE_STORAGE_BUCKET_NAME"),
            endpoint_url=env("AWS_S3_ENDPOINT_URL", default=""),
            region_name=env("AWS_S3_REGION_NAME", default=""),
            access_key=env("AWS_ACCESS_KEY_ID", default=""),
            secret_key=env("AWS_SECRET_ACCESS_KEY", default=""),
            custom_domain=env("AWS_S3_CUSTOM_DOMAIN", default=""),
            public_acl=env("AWS_PUBLIC_MEDIA_ACL", default="public-read"),
            addressing_style=env("AWS_S3_ADDRESSING_STYLE", default=""),
        )
    )

# Request ids: https://django-guid.readthedocs.io/en/latest/settings.html
# A valid X-Request-ID from the load balancer is kept, otherwise one is made; it is sent back,
# written on every log line and passed to the tasks the request starts (config/celery.py).
# ------------------------------------------------------------------------------
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "VALIDATE_GUID": True,
    "RETURN_HEADER": True,
    "INTEGRATIONS": [],
}

# Error reports: https://docs.sentry.io/platforms/python/integrations/django/
# Off unless SENTRY_DSN is set; sends no personal data: no user, cookies, body or query string.
# ------------------------------------------------------------------------------
SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    from config.logs import sentry_before_send

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        before_send=sentry_before_send,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        release=env("SENTRY_RELEASE", default="") or None,
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )

# One scheduler: exactly one `celery beat` runs. If a second runs by mistake, each periodic
# job (a task named in CELERY_BEAT_SCHEDULE) takes a lock in the shared cache for this long,
# and a copy that finds it taken does nothing (config/celery.py). Keep it shorter than the
# shortest interval in the schedule (15 minutes).
CELERY_PERIODIC_LOCK_SECONDS = env.int("CELERY_PERIODIC_LOCK_SECONDS", default=300)
