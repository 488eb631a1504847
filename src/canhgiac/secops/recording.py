"""Recording imported SOC alerts: de-duplicated by signature, source, destination and day ("trường hợp"), their
connections ("kết nối") summed — and each imported event or export row counted once, however often it is imported
(its fingerprint is kept in ``AlertSighting``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from canhgiac.core.kit import write_action
from canhgiac.secops.models import Alert, AlertSighting
from canhgiac.secops.services import _require_provincial

CHUNK = 500  # ids per IN (…): well under SQLite's parameter limit


@dataclass
class ParsedAlert:
    key: str
    fingerprint: str
    connections: int
    day: dt.date
    first_seen: dt.datetime
    last_seen: dt.datetime
    signature: str
    category: str
    malware_family: str = ""
    signature_id: int | None = None
    category_text: str = ""
    severity: int | None = None
    src_ip: str = ""
    src_port: int | None = None
    dest_ip: str = ""
    dest_port: int | None = None
    proto: str = ""
    hostname: str = ""
    indicator: str = ""
    agency_id: int | None = None
    system_id: int | None = None
    source_system: str = ""

    def fields(self) -> dict:
        data = dict(self.__dict__)
        data.pop("fingerprint")
        return data


def _existing(model, field: str, values: list) -> dict:
    found = {}
    for i in range(0, len(values), CHUNK):
        for row in model.objects.filter(**{f"{field}__in": values[i : i + CHUNK]}):
            found[getattr(row, field)] = row
    return found


@write_action()
def record_alerts(items: list[ParsedAlert], *, actor) -> tuple[list[Alert], dict[str, int]]:
    """Store ``items``: the new alerts and the counters (new, merged, connections added, already imported)."""
    _require_provincial(actor)
    known = set(_existing(AlertSighting, "fingerprint", [i.fingerprint for i in items]))
    fresh: list[ParsedAlert] = []
    for item in items:
        if item.fingerprint not in known:
            known.add(item.fingerprint)
            fresh.append(item)
    merged: dict[str, ParsedAlert] = {}
    for item in fresh:
        same = merged.get(item.key)
        if same is None:
            merged[item.key] = ParsedAlert(**item.__dict__)
            continue
        same.connections += item.connections
        same.first_seen, same.last_seen = min(same.first_seen, item.first_seen), max(same.last_seen, item.last_seen)
    stored = _existing(Alert, "key", list(merged))
    new = [Alert(**item.fields(), created_by=actor) for key, item in merged.items() if key not in stored]
    new = bulk_create_with_history(new, Alert, default_user=actor, default_change_reason="Nhập cảnh báo SOC")
    changed = []
    for key, item in merged.items():
        if key in stored:
            alert = stored[key]
            alert.connections += item.connections
            alert.last_updated = timezone.now()
            alert.first_seen = min(filter(None, (alert.first_seen, item.first_seen)))
            alert.last_seen = max(filter(None, (alert.last_seen, item.last_seen)))
            changed.append(alert)
    if changed:
        bulk_update_with_history(
            changed,
            Alert,
            ["connections", "first_seen", "last_seen", "last_updated"],
            default_user=actor,
            default_change_reason="Nhập thêm kết nối",
        )
    by_key = {a.key: a for a in [*new, *changed]}
    AlertSighting.objects.bulk_create(
        [AlertSighting(alert=by_key[i.key], fingerprint=i.fingerprint, connections=i.connections) for i in fresh],
        batch_size=CHUNK,
    )
    counts = {
        "alerts_new": len(new),
        "alerts_merged": len(changed),
        "connections_added": sum(i.connections for i in fresh),
        "duplicates": len(items) - len(fresh),
    }
    return new, counts
