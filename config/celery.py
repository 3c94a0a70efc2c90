"""The project's one Celery app; each app's tasks.py is autodiscovered.

https://docs.celeryq.dev/en/stable/django/first-steps-with-django.html
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("parent_champions")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
