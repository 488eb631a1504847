"""Reading the change log: each historical row with its user, time, reason and before → after values.

Each change carries the stored values (``old``/``new``, what the API has always returned) and their display
form (``old_display``/``new_display``: choice labels, linked records by name, Có/Không, local d/m/Y H:i) for
the History tab.
"""

import datetime as dt
from collections import defaultdict

from django.core.exceptions import FieldDoesNotExist
from django.utils import dateformat, formats, timezone

from canhgiac.core.search import SEARCH_COLUMN

HIDDEN = "•••"


def history_entries(obj, limit: int = 200, *, reader=None) -> list[dict]:
    """Newest first: {at, user, type, reason, changes: [{field, label, old, new, old_display, new_display}]}.

    With ``reader``, linked records the reader may not see (a letter of another agency, say) are not named: neither
    their number nor their id appears, only that a record outside the reader's scope is there."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    hidden = set(getattr(obj, "personal_fields", ()))
    names = _Names(reader)
    links = _link_changes(obj, records, limit)
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                if change.field == SEARCH_COLUMN:  # the folded copy of other fields, not a change of its own
                    continue
                changes.append(_change(obj, change.field, change.old, change.new, hidden, names))
        elif record.history_type == "+":
            for field in obj._meta.concrete_fields:
                if field.name in ("id", "created", "last_updated", SEARCH_COLUMN):
                    continue
                value = getattr(record, field.attname, None)
                if value not in (None, ""):
                    changes.append(_change(obj, field.name, None, value, hidden, names))
        changes.extend(links.get(index, ()))
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


OUT_OF_SCOPE = "(bản ghi ngoài quyền xem)"


def _visible(model, reader):
    """The rows of ``model`` that ``reader`` may see, or None when there is no limit (no reader, no scoping)."""
    manager = model._default_manager
    if reader is None or not hasattr(manager, "visible_to"):
        return None
    return manager.visible_to(reader)


class _Names:
    """str() of linked records by primary key, each looked up once; a deleted or unknown one is "#<pk>", one the
    reader may not see is ``OUT_OF_SCOPE``."""

    def __init__(self, reader=None):
        self.reader = reader
        self._cache: dict[tuple, str] = {}

    def hidden(self, model, pk) -> bool:
        visible = _visible(model, self.reader)
        return visible is not None and not visible.filter(pk=pk).exists()

    def __call__(self, model, pk) -> str:
        key = (model, pk)
        if key not in self._cache:
            row = model._base_manager.filter(pk=pk).first()
            if row is not None and self.hidden(model, pk):
                self._cache[key] = OUT_OF_SCOPE
            else:
                self._cache[key] = str(row) if row is not None else f"#{pk}"
        return self._cache[key]


def _display(field, value, names: _Names) -> str:
    """A stored value as the user reads it: the field's choice label, the linked record's name, Có/Không, local time."""
    if value is None or value == "":
        return ""
    if field is None:
        return str(value)
    shown = getattr(field.model, "history_formats", {}).get(field.name)
    if shown is not None:
        return shown(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if field.many_to_one or field.one_to_one:
        return names(field.related_model, value)
    if isinstance(value, dt.datetime):
        return dateformat.format(timezone.localtime(value) if timezone.is_aware(value) else value, "d/m/Y H:i")
    if isinstance(value, dt.date):
        return dateformat.format(value, "d/m/Y")
    if isinstance(value, (dict, list)):
        return json_text(value)
    return str(value)


def json_text(value) -> str:
    """A JSON value as words, not as code: a list's items and a mapping's values joined by "; ", a part with a
    ``title`` by its title (the keys are codes the reader never typed). A model names its own reading of a field
    in ``history_formats = {"field": callable}``."""
    if isinstance(value, list):
        return "; ".join(filter(None, (json_text(item) for item in value)))
    if isinstance(value, dict):
        if "title" in value:
            return str(value["title"])
        return "; ".join(filter(None, (json_text(item) for item in value.values())))
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float):
        return formats.number_format(round(value, 3))
    return "" if value is None else str(value)


def _related_names(obj, name, rows, reader=None) -> str:
    """M2M rows of the change log ([{"case": 1, "document": 3}, …]) as the linked records' names; those the reader
    may not see are only counted."""
    field = obj._meta.get_field(name)
    model = field.related_model
    key = next((k for k in (rows[0] if rows else {}) if k != obj._meta.model_name), None)
    ids = [row[key] for row in rows if key]
    rows_qs = _visible(model, reader)
    rows_qs = model._default_manager.all() if rows_qs is None else rows_qs
    names = {o.pk: str(o) for o in rows_qs.filter(pk__in=ids)}
    unnamed = [i for i in ids if i not in names]
    stored = set(model._base_manager.filter(pk__in=unnamed).values_list("pk", flat=True)) if unnamed else set()
    hidden = [i for i in unnamed if i in stored]
    shown = [names.get(i, f"#{i}") for i in ids if i not in hidden]
    if hidden:
        shown.append(f"{len(hidden)} {OUT_OF_SCOPE}")
    return "; ".join(shown)


def _change(obj, name, old, new, hidden, names: _Names) -> dict:
    try:
        field = obj._meta.get_field(name)
        label = str(field.verbose_name)
    except FieldDoesNotExist:
        field, label = None, name
    if field is not None and field.many_to_many:
        old = _related_names(obj, name, old or [], names.reader)
        new = _related_names(obj, name, new or [], names.reader)
        old_display, new_display = old, new
    else:
        old_display, new_display = _display(field, old, names), _display(field, new, names)
        if field is not None and (field.many_to_one or field.one_to_one):
            # The raw id of a record the reader may not see is not given either.
            old = OUT_OF_SCOPE if old_display == OUT_OF_SCOPE else old
            new = OUT_OF_SCOPE if new_display == OUT_OF_SCOPE else new
    if name in hidden:
        old, new = (HIDDEN if old else old), (HIDDEN if new else new)
        old_display, new_display = (HIDDEN if old else ""), (HIDDEN if new else "")
    return {
        "field": name,
        "label": label,
        "old": "" if old is None else str(old),
        "new": "" if new is None else str(new),
        "old_display": old_display,
        "new_display": new_display,
    }


def _link_changes(obj, records, limit: int) -> dict[int, list[dict]]:
    """Links kept in an explicit through model (a case's indicators) are not in the change log itself.

    Each link row stamped by an ``auto_now_add`` field is listed as "+<name>" under the last change-log entry
    written before it: the service that links it saves the record first, in the same transaction.
    Returns {index in ``records``: [changes]}.
    """
    tracked = set(getattr(obj, "_history_m2m_fields", ()))
    result: dict[int, list[dict]] = defaultdict(list)
    if not records:
        return result
    for field in obj._meta.many_to_many:
        through = field.remote_field.through
        if field.name in tracked or through._meta.auto_created:
            continue
        stamp = next((f.name for f in through._meta.concrete_fields if getattr(f, "auto_now_add", False)), None)
        if stamp is None:
            continue
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        added: dict[int, list[str]] = defaultdict(list)
        for link in through._default_manager.filter(**{source: obj.pk}).select_related(target).order_by(stamp, "pk"):
            at = getattr(link, stamp)
            # The entry written just before the link (services save the record, then link to it); records are
            # newest first.
            index = next((i for i, r in enumerate(records) if r.history_date <= at), len(records) - 1)
            if index < limit:
                added[index].append(f"+{getattr(link, target)}")
        for index, items in added.items():
            text = "; ".join(items)
            result[index].append(
                {
                    "field": field.name,
                    "label": str(field.verbose_name),
                    "old": "",
                    "new": text,
                    "old_display": "",
                    "new_display": text,
                }
            )
    return result
