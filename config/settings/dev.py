"""Local development: DEBUG on, console e-mail, eager Celery unless a broker is set."""

from .base import *

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="django-insecure-local-development-only")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="http")
# The address `make run` serves on, like the demo Site's (load_demo --port).
WAGTAILADMIN_BASE_URL = env(
    "WAGTAILADMIN_BASE_URL", default=f"http://127.0.0.1:{env.int('PORT', default=8000)}"
)
# Runserver serves static files itself; no manifest needed.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Readable logs for a person at `make run`; runserver prints its own line per request.
LOG_FORMAT = env("LOG_FORMAT", default="") or "plain"
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT
LOGGING["loggers"]["config.requests"] = {"level": "WARNING"}
# The embedded demo lets anyone try the admin at once (load_demo says so); production does not.
STAFF_MFA_REQUIRED = env.bool("STAFF_MFA_REQUIRED", default=False)
# Security keys on http://127.0.0.1 (browsers treat loopback as secure; allauth must too).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
