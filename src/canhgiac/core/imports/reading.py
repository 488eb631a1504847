"""Streaming readers for XLSX, CSV/TSV and JSONL: rows are produced one by one and the row limit is checked
while reading, so a huge file is refused after ``max_rows`` rows, not after it was read in full.

Row numbers are those a user sees: in a spreadsheet or CSV the header is row 1 and the first data row is row 2;
in JSONL the line number. Bytes that are not UTF-8 become U+DC80–U+DCFF ("surrogateescape") and are reported
on their row, so one badly encoded row does not refuse the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
from collections.abc import Generator
from pathlib import PurePath
from typing import Any

from canhgiac.core.imports.kinds import ImportFileError, ImportKind, Row, RowError
from canhgiac.core.imports.messages import explain

SURROGATE = re.compile("[\ud800-\udfff]")
# A spreadsheet may carry a million formatted but empty rows: after this many in a row, the data has ended.
MAX_EMPTY_RUN = 1000
CSV_FIELD_LIMIT = 64 * 1024 * 1024
# (row number, the row's cells — a list, or a dict of a JSONL line — or the error that row is)
Records = Generator[tuple[int, Any]]
SUFFIXES = {".xlsx": "xlsx", ".csv": "csv", ".tsv": "tsv", ".txt": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def file_format(name: str, kind: ImportKind) -> str:
    """``xlsx``, ``csv``, ``tsv`` or ``jsonl`` from the file name, if ``kind`` accepts it."""
    fmt = SUFFIXES.get(PurePath(name).suffix.lower())
    accepted = [f".{f}" for f in kind.formats]
    if fmt is None or fmt not in kind.formats:
        raise ImportFileError(f"“{name}”: chỉ nhận tệp {', '.join(accepted[:-1])} hoặc {accepted[-1]}."
                              if len(accepted) > 1 else f"“{name}”: chỉ nhận tệp {accepted[0]}.")  # fmt: skip
    return fmt


def iter_rows(handle, name: str, kind: ImportKind, *, max_rows: int | None = None) -> Generator[Row | RowError]:
    """The data rows of ``handle`` (a binary file) as :class:`Row` (values by column key) or a :class:`RowError`
    for a row that cannot be read. Raises :class:`ImportFileError` for the file as a whole."""
    fmt = file_format(name, kind)
    limit = kind.max_rows if max_rows is None else max_rows
    records: Records
    if fmt == "jsonl":
        records = _jsonl(handle)
    else:
        records = _xlsx(handle, name) if fmt == "xlsx" else _csv(handle, name, fmt)
    header: _Header | None = None
    count = empty_run = 0
    try:
        for number, record in records:
            if isinstance(record, RowError):
                yield record
                continue
            if fmt == "jsonl":
                row_header = _Header([str(k) for k in record], kind, per_row=True)
                values = list(record.values())
            elif header is None:
                if all(c is None or not str(c).strip() for c in record):
                    continue  # blank lines above the header
                header = _Header(["" if c is None else str(c) for c in record], kind)
                continue
            else:
                row_header, values = header, list(record)
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                empty_run += 1
                if empty_run >= MAX_EMPTY_RUN and fmt == "xlsx":
                    break
                continue
            empty_run = 0
            count += 1
            if count > limit:
                shown = f"{limit:,}".replace(",", ".")
                raise ImportFileError(f"Tệp có hơn {shown} dòng dữ liệu, vượt quá giới hạn {shown} dòng mỗi lần nhập.")
            if isinstance(row_header.missing, RowError):
                yield RowError(number, row_header.missing.column, row_header.missing.message)
                continue
            yield row_header.row(number, values)
        if header is None and fmt != "jsonl":
            raise ImportFileError(f"Tệp “{name}” không có dữ liệu.")
    finally:
        records.close()  # at once, while the caller's file is still open


def _named(column) -> str:
    """ "Nội dung (hoặc text, content, message…)": the declared header and the first other names accepted."""
    others = [a for a in column.aliases if a.lower() != column.label.lower()]
    if not others:
        return column.label
    return f"{column.label} (hoặc {', '.join(others[:3])}{'…' if len(others) > 3 else ''})"


class _Header:
    """Which position holds which declared column; missing required columns refuse the file (or, in JSONL where
    each line has its own keys, the row)."""

    def __init__(self, cells: list[str], kind: ImportKind, per_row: bool = False):
        self.positions: dict[str, int] = {}
        self.headers: dict[str, str] = {}
        self.missing: RowError | None = None
        if not per_row and any(SURROGATE.search(c) for c in cells):
            raise ImportFileError(
                "Tệp không phải mã UTF-8: dòng tiêu đề có byte không đọc được (hãy lưu CSV dạng UTF-8)."
            )
        for position, cell in enumerate(cells):
            text = cell.strip().lower()
            for column in kind.columns:
                if text in column.names() and column.key not in self.positions:
                    self.positions[column.key] = position
                    self.headers[column.key] = cell.strip()
        absent = [c for c in kind.columns if c.required and c.key not in self.positions]
        if absent and per_row:
            names = ", ".join(f"{c.label} ({c.key})" for c in absent)
            self.missing = RowError(None, absent[0].key, f"thiếu trường {names}")
        elif absent:
            found = ", ".join(c.strip() for c in cells if c.strip()) or "(không có)"
            raise ImportFileError(
                "Thiếu cột: " + ", ".join(_named(c) for c in absent) + f". Các cột có trong tệp: {found}. "
                "Hãy dùng tệp mẫu tải về ở trang nhập dữ liệu."
            )

    def row(self, number: int, values: list) -> Row:
        picked = {key: values[pos] if pos < len(values) else None for key, pos in self.positions.items()}
        return Row(number, picked, dict(self.headers))


MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024


def _first_sheet(handle):
    """The archive and the first worksheet of an XLSX, opened for streaming.

    Not ``load_workbook(read_only=True)``: it looks for the sheet's <dimension> by parsing the whole sheet when the
    writer left none (1.5 million rows: minutes, before the first row is read), and trusts it when it is wrong
    (1 row of 5). This sheet has no size: its rows are read to their real end, and reading stops at the limit."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class Sheet(ReadOnlyWorksheet):
        def _get_size(self):
            pass

    reader = ExcelReader(handle, read_only=True, data_only=True, keep_links=False)
    strings = next((i for i in reader.archive.infolist() if i.filename.endswith("sharedStrings.xml")), None)
    if strings is not None and strings.file_size > MAX_SHARED_STRINGS_BYTES:
        raise ImportFileError("Tệp XLSX có bảng chuỗi quá lớn khi giải nén.")
    reader.read_manifest()
    reader.read_strings()
    reader.read_workbook()
    apply_stylesheet(reader.archive, reader.wb)
    for sheet, rel in reader.parser.find_sheets():
        if rel.target in reader.valid_files and "chartsheet" not in rel.Type:
            return reader.archive, Sheet(reader.wb, sheet.name, rel.target, reader.shared_strings)
    raise ImportFileError("Tệp XLSX không có trang tính nào.")


def _xlsx(handle, name: str) -> Records:
    try:
        archive, sheet = _first_sheet(handle)
    except ImportFileError:
        raise
    except Exception as exc:  # openpyxl and zipfile raise many kinds for a broken file
        raise ImportFileError(f"Không đọc được tệp XLSX “{name}”: {explain(exc)}.") from exc
    try:
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(cells)
    except Exception as exc:
        raise ImportFileError(f"Không đọc được tệp XLSX “{name}”: {explain(exc)}.") from exc
    finally:
        archive.close()


def _text(handle) -> io.TextIOWrapper:
    head = handle.read(4)
    handle.seek(0)
    encoding = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    return io.TextIOWrapper(handle, encoding=encoding, errors="surrogateescape", newline="")


def _csv(handle, name: str, fmt: str) -> Records:
    text = _text(handle)
    try:
        first = text.readline()
        delimiter = "\t" if fmt == "tsv" else max(",;\t", key=first.count) if first else ","
        csv.field_size_limit(CSV_FIELD_LIMIT)
        reader = csv.reader(itertools.chain((first,), text), delimiter=delimiter)
        number = 0
        while True:
            number += 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                if number == 1:
                    raise ImportFileError(f"Không đọc được dòng tiêu đề của “{name}”: {explain(exc)}.") from exc
                yield number, RowError(number, "", f"dòng CSV hỏng: {explain(exc)}")
                continue
            yield number, cells
    finally:
        text.detach()  # the caller's file stays open


def _jsonl(handle) -> Records:
    text = _text(handle)
    try:
        for number, line in enumerate(text, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as exc:
                yield number, RowError(number, "", f"không phải JSON hợp lệ ({getattr(exc, 'msg', explain(exc))})")
                continue
            if not isinstance(obj, dict):
                yield number, RowError(number, "", "mỗi dòng phải là một đối tượng JSON")
                continue
            yield number, obj
    finally:
        text.detach()
