"""Celery application. Embedded default: a filesystem broker under var/; CELERY_BROKER_URL switches to Redis."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canhgiac.settings")

app = Celery("canhgiac")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
