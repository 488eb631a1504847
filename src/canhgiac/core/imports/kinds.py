"""Import kinds: one small class per kind of spreadsheet, declared once and registered by name.

A kind names its columns (Vietnamese header, aliases, required or not), turns one row into a parsed value
(``parse_row``, pure CPU work, no database write), may do slow work on the parsed rows outside any transaction
(``prepare``: classification, look-ups), and writes a chunk of rows (``write``) inside the transaction the
runner opens. The runner, the job, the template files and the status page are the same for every kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.conf import settings
from django.db import models


class ImportModeChoices(models.TextChoices):
    ALL_OR_NOTHING = "all", "Tất cả hoặc không dòng nào"
    SKIP_BAD_ROWS = "skip", "Bỏ qua dòng lỗi, nhập các dòng còn lại"


class ImportFileError(ValueError):
    """The file as a whole cannot be read (format, encoding, missing column, too many rows, too large)."""


@dataclass
class RowError:
    """The one shape of an import error: the spreadsheet row (None for the whole file), the column, why.

    ``warning`` marks a note on a row that was still imported (a text cut at its maximum length)."""

    row: int | None
    column: str
    message: str
    warning: bool = False

    def as_dict(self) -> dict:
        data = {"row": self.row, "column": self.column, "message": self.message}
        if self.warning:
            data["warning"] = True
        return data

    def __str__(self) -> str:
        where = "tệp" if self.row is None else f"dòng {self.row}"
        return f"{where}{', cột ' + repr(self.column) if self.column else ''}: {self.message}"


class RowInvalid(ValueError):
    """Raised by ``parse_row``: the row is refused with these errors."""

    def __init__(self, errors: list[RowError]):
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors


@dataclass
class Column:
    """One declared column: ``key`` for code, ``label`` the Vietnamese header of the template, ``aliases`` other
    headers accepted (matched ignoring case and surrounding spaces)."""

    key: str
    label: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    help: str = ""
    example: Any = ""

    def names(self) -> set[str]:
        return {n.strip().lower() for n in (self.key, self.label, *self.aliases)}


@dataclass
class Row:
    """One row as read: its number as the user sees it in the file, values by column key, the header each came
    from (for error messages), and after ``parse_row`` the parsed value."""

    number: int
    values: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    parsed: Any = None
    warnings: list[RowError] = field(default_factory=list)

    def column(self, key: str, kind: ImportKind) -> str:
        return self.headers.get(key) or kind.column(key).label

    def error(self, key: str, message: str, kind: ImportKind) -> RowError:
        return RowError(self.number, self.column(key, kind) if key else "", message)


@dataclass
class Written:
    """What ``write`` did with one chunk: objects created, rows refused (e.g. already stored), counters."""

    created: list = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


class ImportKind:
    """Base of every import kind (subclass, declare, ``register``)."""

    name: ClassVar[str] = ""
    label: ClassVar[str] = ""  # "Vụ việc"
    columns: ClassVar[tuple[Column, ...]] = ()
    formats: ClassVar[tuple[str, ...]] = ("xlsx", "csv")
    modes: ClassVar[tuple[str, ...]] = (ImportModeChoices.ALL_OR_NOTHING, ImportModeChoices.SKIP_BAD_ROWS)
    write_area: ClassVar[str] = "records"
    template_name: ClassVar[str] = "mau-nhap"
    sheet_title: ClassVar[str] = "Dữ liệu"
    chunk_size: ClassVar[int] = 500
    queue: ClassVar[str] = "imports"  # the Celery queue of its jobs ("classification" for content to classify)
    # Counters shown on the status page: (key in ``job.counts``, Vietnamese label).
    count_labels: ClassVar[tuple[tuple[str, str], ...]] = ()
    # How the status page names what was created, and the list that shows all of it (a URL name + query).
    created_label: ClassVar[str] = "bản ghi"
    upload_url_name: ClassVar[str] = ""  # the kind's upload page ("cases:import")
    job_url_name: ClassVar[str] = "core:import_job"  # the status page of a job, under the kind's own URLs
    description: ClassVar[str] = ""  # one paragraph for the upload page and the operator guide
    # Further example rows of the template, after the one the columns' examples make: {column key: value}.
    sample_rows: ClassVar[tuple[dict[str, Any], ...]] = ()

    @property
    def default_mode(self) -> str:
        return self.modes[0]

    @property
    def max_rows(self) -> int:
        return int(getattr(settings, "IMPORT_MAX_ROWS", 20_000))

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    # --- the parts a kind fills in -------------------------------------------------------------------------
    def start(self, job) -> dict:
        """Look-ups every row needs (read once per job, before parsing); the result is passed to ``parse_row``."""
        return {}

    def parse_row(self, row: Row, context: dict):
        """The parsed value of ``row`` (CPU only); raise :class:`RowInvalid` or ``ValueError`` to refuse it."""
        raise NotImplementedError

    def check_rows(self, rows: list[Row], context: dict) -> list[RowError]:
        """Errors between rows of the same file (duplicates); the rows named are refused."""
        return []

    def prepare(self, rows: list[Row], job, context: dict) -> list[RowError]:
        """Slow work on parsed rows (classification), outside the write transaction; may refuse rows."""
        return []

    def write(self, rows: list[Row], job, context: dict) -> Written:
        """Store ``rows`` (called inside the runner's transaction); the actor is ``job.created_by``."""
        raise NotImplementedError

    def created_url(self, job) -> str | None:
        """A list of everything ``job`` created, when the kind has one (``?batch=`` on the content list)."""
        return None


_REGISTRY: dict[str, ImportKind] = {}


def register(kind_class: type[ImportKind]) -> type[ImportKind]:
    """Class decorator: make ``kind_class`` available to the runner, the templates and the status page."""
    if not kind_class.name or not kind_class.columns:
        raise TypeError(f"{kind_class.__name__}: an import kind needs a name and columns")
    _REGISTRY[kind_class.name] = kind_class()
    return kind_class


def get_kind(name: str) -> ImportKind:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ImportFileError(f"Không có loại dữ liệu nhập “{name}”.") from None


def all_kinds() -> list[ImportKind]:
    return sorted(_REGISTRY.values(), key=lambda k: k.name)
