"""Reading the change log: each historical row with its user, time, reason and before → after values."""

from django.core.exceptions import FieldDoesNotExist


def history_entries(obj, limit: int = 200) -> list[dict]:
    """Newest first: {at, user, type, reason, changes: [{field, label, old, new}]} for one record."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    hidden = set(getattr(obj, "personal_fields", ()))
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                changes.append(_change(obj, change.field, change.old, change.new, hidden))
        elif record.history_type == "+":
            for field in obj._meta.concrete_fields:
                if field.name in ("id", "created", "last_updated"):
                    continue
                value = getattr(record, field.attname, None)
                if value not in (None, ""):
                    changes.append(_change(obj, field.name, None, value, hidden))
        entries.append(
            {
                "at": record.history_date,
                "user": str(record.history_user) if record.history_user else "hệ thống",
                "type": {"+": "Tạo", "~": "Sửa", "-": "Xoá"}[record.history_type],
                "reason": record.history_change_reason or "",
                "changes": changes,
            }
        )
    return entries


def _related_names(obj, name, rows) -> str:
    """M2M rows of the change log ([{"case": 1, "document": 3}, …]) as the linked records' names."""
    field = obj._meta.get_field(name)
    model = field.related_model
    key = next((k for k in (rows[0] if rows else {}) if k != obj._meta.model_name), None)
    ids = [row[key] for row in rows if key]
    names = {o.pk: str(o) for o in model._default_manager.filter(pk__in=ids)}
    return "; ".join(names.get(i, f"#{i}") for i in ids)


def _change(obj, name, old, new, hidden) -> dict:
    try:
        field = obj._meta.get_field(name)
        label = str(field.verbose_name)
    except FieldDoesNotExist:
        field, label = None, name
    if field is not None and field.many_to_many:
        old = _related_names(obj, name, old or [])
        new = _related_names(obj, name, new or [])
    if name in hidden:
        old, new = ("•••" if old else old), ("•••" if new else new)
    return {
        "field": name,
        "label": label,
        "old": "" if old is None else str(old),
        "new": "" if new is None else str(new),
    }
