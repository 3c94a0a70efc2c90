"""Test settings: fast hashing, local-memory e-mail, tasks eager unless a test starts a worker."""

from .base import *

SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A worker process a test starts sends to that test's SMTP server (tests/accounts/outbox/).
if env("TEST_EMAIL_URL", default=""):
    vars().update(env.email_url("TEST_EMAIL_URL"))
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = BASE_DIR / ".test-media"
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private-media"
# Unit tests run tasks in-process; tests/test_celery_worker.py sends them to a real worker.
# A worker a test starts sets TEST_TASKS_EAGER=0, so the tasks it sends (retries) go to the broker.
CELERY_TASK_ALWAYS_EAGER = env.bool("TEST_TASKS_EAGER", default=True)
WAGTAILADMIN_BASE_URL = "http://testserver"
# Staff tests sign in without a second factor; tests/accounts/test_staff_mfa.py turns it on.
STAFF_MFA_REQUIRED = False
