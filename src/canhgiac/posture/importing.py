"""Parsing helpers shared by the registers' import kinds (posture and secops): agency codes, choices written as
labels or short words, yes/no cells, whole numbers that may not be negative — each with a Vietnamese message."""

from __future__ import annotations

import datetime as dt
import unicodedata

from django.db import transaction

from canhgiac.core.imports.kinds import ImportKind, Row, RowError, RowInvalid, Written
from canhgiac.core.imports.records import parse_date
from canhgiac.core.kit import FieldError, ServiceError
from canhgiac.core.models import Agency

YES = {"có", "co", "x", "1", "true", "yes", "đã", "da", "đã cài", "rồi"}
NO = {"không", "khong", "0", "false", "no", "chưa", "chua", ""}


def fold(text) -> str:
    """Lower case without diacritics and surrounding spaces: "Cấp Tỉnh " → "cap tinh"."""
    text = unicodedata.normalize("NFD", str(text or "").strip().lower()).replace("đ", "d")
    return "".join(c for c in text if unicodedata.category(c) != "Mn").replace("đ", "d")


def agency_codes() -> dict[str, int]:
    """Agency ids by code, folded (read once per import job, in ``start``)."""
    return {fold(code): pk for code, pk in Agency.objects.values_list("code", "pk")}


def parse_agency(value, codes: dict[str, int]) -> int:
    text = str(value or "").strip()
    if not text:
        raise ValueError("Chưa ghi ký hiệu cơ quan.")
    if fold(text) not in codes:
        raise ValueError(f"Không có cơ quan có ký hiệu “{text}” trong danh mục cơ quan (xem trang Cơ quan).")
    return codes[fold(text)]


def parse_choice(value, choices, extra: dict[str, str] | None = None, *, blank: str | None = None) -> str:
    """A choice written as its key, its label or one of ``extra``'s words (folded); ``blank`` for an empty cell."""
    text = fold(value)
    if not text and blank is not None:
        return blank
    known = {fold(key): key for key, _ in choices} | {fold(label): key for key, label in choices}
    known |= {fold(word): key for word, key in (extra or {}).items()}
    if text not in known:
        labels = ", ".join(str(label) for _, label in choices)
        raise ValueError(f"“{value}” không phải giá trị được nhận (một trong: {labels}).")
    return known[text]


def parse_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip().lower()
    if text in YES or fold(text) in YES:
        return True
    if text in NO or fold(text) in NO:
        return False
    raise ValueError(f"“{value}” không phải có/không.")


# The largest count a column holds (a 32-bit integer, as PostgreSQL stores it).
MAX_COUNT = 2_147_483_647


def parse_count(value, *, what: str = "Số lượng") -> int:
    """A whole number ≥ 0 ("1.878" and "1,878" read as thousands the Vietnamese and the English way)."""
    if isinstance(value, bool):
        raise ValueError(f"{what} “{value}” không phải số nguyên.")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = str(value or "").strip().replace(" ", "")
        digits = text.lstrip("-").replace(".", "").replace(",", "")
        if not (digits.isascii() and digits.isdigit()):  # "¹²" passes str.isdigit but is no number to int()
            raise ValueError(f"{what} “{value}” không phải số nguyên.")
        number = -int(digits) if text.startswith("-") else int(digits)
    if number < 0:
        raise ValueError(f"{what} không được âm (đang ghi {number}).")
    if number > MAX_COUNT:
        raise ValueError(f"{what} {number:,} quá lớn (tối đa {MAX_COUNT:,}).".replace(",", "."))
    return number


def optional_date(value) -> dt.date | None:
    return parse_date(value)


class UpsertImportKind(ImportKind):
    """Rows written through a ``RecordService``: the stored record with the same natural key is updated, any other
    row created — so importing the same list twice changes nothing the second time. ``parse_row`` returns the
    service's data; ``lookup(data)`` the filter that finds the stored record."""

    service = None
    count_labels = (("created", "Thêm mới"), ("updated", "Cập nhật"), ("unchanged", "Không đổi"))

    def start(self, job) -> dict:
        return {"agencies": agency_codes()}

    def lookup(self, data: dict) -> dict:
        raise NotImplementedError

    def values(self, row: Row, parsers: dict) -> dict:
        """Each column's value through its parser; every failing cell becomes an error of the row."""
        data, errors = {}, []
        for key, parser in parsers.items():
            if key not in row.values and not self.column(key).required:
                continue
            try:
                data[key] = parser(row.values.get(key))
            except ValueError as exc:
                errors.append(row.error(key, str(exc), self))
        if errors:
            raise RowInvalid(errors)
        return {key: value for key, value in data.items() if value is not None}  # an empty cell keeps the default

    def _instances(self, model, data: dict, context: dict) -> dict:
        """Foreign keys parsed as ids (no query while parsing) become the rows they name."""
        cache = context.setdefault("rows", {})
        for name, value in data.items():
            if isinstance(value, int) and model._meta.get_field(name).is_relation:
                data[name] = _related(model, name, value, cache)
        return data

    def write(self, rows, job, context) -> Written:
        written = Written(counts={"created": 0, "updated": 0, "unchanged": 0})
        model = self.service.model
        for row in rows:
            data = self._instances(model, dict(row.parsed), context)
            try:
                with transaction.atomic():
                    stored = model._default_manager.filter(**self.lookup(data)).first()
                    if stored is None:
                        written.created.append(self.service.create(actor=job.created_by, **data))
                        written.counts["created"] += 1
                        continue
                    changed = {k: v for k, v in data.items() if getattr(stored, _attname(model, k)) != _raw(v)}
                    if not changed:
                        written.counts["unchanged"] += 1
                        continue
                    self.service.update(stored, actor=job.created_by, reason="Cập nhật từ tệp nhập", **changed)
                    written.counts["updated"] += 1
            except FieldError as exc:
                key = exc.field if any(c.key == exc.field for c in self.columns) else ""
                written.errors.append(row.error(key, str(exc), self))
            except ServiceError as exc:
                written.errors.append(RowError(row.number, "", str(exc)))
            except Exception as exc:  # a ValidationError of the row: one error per field
                messages = getattr(exc, "message_dict", None)
                if messages is None:
                    raise
                for name, texts in messages.items():
                    key = name if any(c.key == name for c in self.columns) else ""
                    written.errors.append(row.error(key, "; ".join(texts), self))
        return written


def _related(model, name: str, pk: int, cache: dict):
    related = model._meta.get_field(name).related_model
    if (related, pk) not in cache:
        cache[(related, pk)] = related._default_manager.get(pk=pk)
    return cache[(related, pk)]


def _attname(model, name: str) -> str:
    return model._meta.get_field(name).attname


def _raw(value):
    return getattr(value, "pk", value)
