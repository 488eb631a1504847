"""An import kind for any model with a ``RecordService``: columns from the service's fields (Vietnamese headers
from the model), each row written through the service — the same rules, checks and change log as a form."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import transaction

from canhgiac.core.imports.kinds import Column, ImportKind, Row, RowError, RowInvalid, Written
from canhgiac.core.kit import FieldError, RecordService, ServiceError


def parse_date(value) -> dt.date | None:
    """A date cell as spreadsheets hold it or people type it: a date, 17/02/2023, 2023-02-17, 17-02-2023, 17.02.2023;
    empty is None; anything else a ValueError saying how to write it."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date) or value in (None, ""):
        return value or None
    text = str(value).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"“{text}” không phải ngày (ghi dạng 17/02/2023).")


YES = {"có", "co", "x", "1", "true", "đúng", "yes"}
NO = {"không", "khong", "0", "false", "sai", "no"}


def parse_yes_no(value) -> bool:
    """A yes/no cell: "Có" / "Không" (also x, 1/0, true/false)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in YES | NO:
        return text in YES
    raise ValueError(f"“{value}” không phải Có/Không.")


def _example(field) -> str:
    """A value for the template's example row: a choice's label, a date written dd/mm/yyyy."""
    if field.choices:
        return str(field.choices[0][1])
    if field.get_internal_type() == "DateField":
        return "01/07/2025"
    if field.get_internal_type() == "BooleanField":
        return "Có" if field.default is True else "Không"
    return ""


class RecordImportKind(ImportKind):
    service: ClassVar[RecordService]
    # Foreign keys are written in the file by a natural key of the row they point to: {"parent": "code"}.
    natural_keys: ClassVar[dict[str, str]] = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        model = cls.service.model
        cls.label = cls.label or str(model._meta.verbose_name_plural).capitalize()
        cls.write_area = cls.service.area
        fields = [model._meta.get_field(name) for name in cls.service.fields]
        cls.columns = tuple(
            Column(
                f.name,
                str(f.verbose_name).capitalize(),
                required=not (f.blank or f.has_default()),
                help=" / ".join(str(label) for _, label in f.choices) if f.choices else "",
                example=_example(f),
            )
            for f in fields
            if not f.many_to_many
        )

    def parse_row(self, row: Row, context: dict):
        model, data, errors = self.service.model, {}, []
        for column in self.columns:
            value = row.values.get(column.key)
            field: Any = model._meta.get_field(column.key)
            try:
                if value in (None, "") or field.is_relation:
                    data[column.key] = value if value not in ("",) else None
                elif field.get_internal_type() == "DateField":
                    data[column.key] = parse_date(value)
                elif field.get_internal_type() == "BooleanField":
                    data[column.key] = parse_yes_no(value)
                elif field.choices:
                    labels = {str(label).lower(): key for key, label in field.choices}
                    data[column.key] = labels.get(str(value).strip().lower(), str(value).strip())
                else:
                    data[column.key] = field.to_python(value)
            except (ValueError, ValidationError) as exc:
                message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
                errors.append(row.error(column.key, message, self))
        if errors:
            raise RowInvalid(errors)
        return data

    def write(self, rows: list[Row], job, context: dict) -> Written:
        written = Written()
        for row in rows:
            data = dict(row.parsed)
            try:
                with transaction.atomic():
                    for name, key in self.natural_keys.items():
                        if data.get(name) not in (None, ""):
                            related: Any = self.service.model._meta.get_field(name).related_model
                            data[name] = related._default_manager.filter(**{key: str(data[name]).strip()}).first()
                            if data[name] is None:
                                raise FieldError(name, f"không tìm thấy bản ghi có {key} “{row.parsed[name]}”.")
                    data = {k: v for k, v in data.items() if v is not None or k in self.natural_keys}
                    written.created.append(self.service.create(actor=job.created_by, **data))
            except FieldError as exc:
                written.errors.append(row.error(exc.field, str(exc), self))
            except ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    key = name if any(c.key == name for c in self.columns) else ""
                    written.errors.append(row.error(key, "; ".join(messages), self))
            except (ServiceError, ValueError) as exc:
                written.errors.append(RowError(row.number, "", str(exc)))
        return written
