"""Shipped reference data for deadlines: the Vietnam holiday calendar and the legal deadline rules.

Both loaders take the model class, so the migration (with its historical models) and the ``load_calendar``
command share them. They never overwrite what an administrator changed: existing dates and rule versions stay.
"""

import datetime as dt
import json
from pathlib import Path

from canhgiac.core.workdays import vietnam_calendar

RULES_FILE = Path(__file__).resolve().parent / "data" / "deadline_rules.json"
CALENDAR_YEARS = range(2024, 2028)


def load_holidays(holiday_model, years=CALENDAR_YEARS) -> int:
    """Add the package's days off and make-up working days for ``years``; returns how many rows were added."""
    added = 0
    for date, name, kind in vietnam_calendar(years):
        _, created = holiday_model.objects.get_or_create(
            date=date, defaults={"name": name, "kind": kind, "source": "gói holidays (lịch Việt Nam)"}
        )
        added += created
    return added


def load_deadline_rules(rule_model, path: Path = RULES_FILE) -> int:
    """Add the shipped rule versions (key + effective date) not yet in the table; returns how many were added.
    ``path``: another app's shipped rules file of the same shape (petitions ship their own)."""
    added = 0
    for row in json.loads(path.read_text(encoding="utf-8")):
        row = dict(row)
        row["effective_from"] = dt.date.fromisoformat(row["effective_from"])
        row["effective_to"] = dt.date.fromisoformat(row["effective_to"]) if row["effective_to"] else None
        _, created = rule_model.objects.get_or_create(
            key=row.pop("key"), effective_from=row.pop("effective_from"), defaults=row
        )
        added += created
    return added
