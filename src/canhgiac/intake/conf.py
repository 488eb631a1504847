"""The intake app's settings, each overridable in Django settings or by an environment variable of the same name.

- ``INTAKE_CAPTCHA`` ("1"/"0"): the portal's forms ask the offline image captcha (django-simple-captcha).
- ``INTAKE_PORTAL_HOSTS``: host names (comma-separated) on which only the portal (and its public API) answers.
- ``INTAKE_RATE_SUBMIT`` / ``INTAKE_RATE_LOOKUP`` / ``INTAKE_RATE_CODE``: "requests/seconds" per address (the last
  counts wrong follow-up codes).
- ``INTAKE_DUPLICATE_MINUTES``: the same report from the same address within this many minutes is merged.
- ``INTAKE_MAX_FILE_BYTES``, ``INTAKE_MAX_FILES``, ``INTAKE_MAX_IMAGE_PIXELS``, ``INTAKE_MAX_TEXT``: upload limits.
- ``INTAKE_DUTY_OFFICER``: the user name in charge of reports arriving from the portal (default: the first active
  leader of a provincial authority).
- ``INTAKE_DUE_DATES_IN_WORKER`` ("1"/"0"): a portal report's due date is set by the worker right after it is stored
  (the citizen's request holds SQLite's write lock for the report only), or in the same transaction.
"""

import os

from django.conf import settings

DEFAULTS = {
    "INTAKE_CAPTCHA": "1",
    "INTAKE_PORTAL_HOSTS": "",
    "INTAKE_RATE_SUBMIT": "5/600",
    "INTAKE_RATE_LOOKUP": "60/60",
    "INTAKE_RATE_CODE": "10/900",
    "INTAKE_DUPLICATE_MINUTES": "10",
    "INTAKE_MAX_FILE_BYTES": str(5 * 1024 * 1024),
    "INTAKE_MAX_FILES": "5",
    "INTAKE_MAX_IMAGE_PIXELS": str(40_000_000),
    "INTAKE_MAX_TEXT": "10000",
    "INTAKE_DUTY_OFFICER": "",
    "INTAKE_DUE_DATES_IN_WORKER": "1",
}


def value(name: str) -> str:
    if hasattr(settings, name):
        return str(getattr(settings, name))
    return os.environ.get(name, DEFAULTS[name])


def number(name: str) -> int:
    return int(value(name))


def captcha_on() -> bool:
    return value("INTAKE_CAPTCHA").strip().lower() in ("1", "true", "yes", "on")


def portal_hosts() -> set[str]:
    return {h.strip().lower() for h in value("INTAKE_PORTAL_HOSTS").split(",") if h.strip()}


def rate(name: str) -> tuple[int, int]:
    count, seconds = value(f"INTAKE_RATE_{name.upper()}").split("/")
    return int(count), int(seconds)
