"""Reading texts and items from CSV / JSONL files, with a clear error per bad row.

Bad rows (undecodable bytes, binary data, empty text, invalid JSON, missing field) are reported with their row
number and skipped; the rest of the file goes through. Texts longer than ``MAX_TEXT_CHARS`` are cut there, with a
warning. Row numbers count data rows from 1 (the CSV header is row 0).
"""

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

MAX_TEXT_CHARS = 100_000
MAX_FILE_BYTES = 512 * 1024 * 1024
TEXT_COLUMNS = ("text", "content", "message", "body", "noi_dung", "nội dung", "free_text", "comment")
FIELD_ALIASES = {
    "platform": ("platform", "source", "network", "nen_tang", "nền tảng"),
    "url": ("url", "link", "permalink", "post_url"),
    "author": ("author", "handle", "username", "user", "author_handle", "tac_gia", "tác giả"),
    "published_at": ("published_at", "time", "date", "created_at", "timestamp", "thoi_gian", "thời gian"),
    "sender": ("sender", "from", "nguoi_gui", "người gửi", "brandname"),
}
# Undecodable bytes (kept as U+DC80–U+DCFF by "surrogateescape") and lone surrogates such as a cut-off emoji
# escaped in JSON ("\\ud83d"): neither can be stored or shown.
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")


# Query parameters that only say how a visitor arrived (tracking), not which post it is.
_TRACKING = re.compile(
    r"utm_\w+|fbclid|gclid|mibextid|igshid|igsh|si|ref|ref_src|ref_url|__cft__.*|__tn__|_rdc|_rdr|_t|_r"
)
_MOBILE_PREFIXES = ("www.", "m.", "mobile.", "mbasic.", "vt.")


def canonical_url(value: str) -> str:
    """The URL a post is known by, for de-duplication: canonical form (``cases.normalize``), tracking parameters,
    "www."/"m." host prefixes and a trailing slash removed. Unparseable values are returned stripped."""
    from canhgiac.cases.normalize import IndicatorError, normalize

    try:
        url = normalize("url", value).value
    except IndicatorError:
        return value.strip()
    parts = urlsplit(url)
    host = parts.netloc
    for prefix in _MOBILE_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    query = "&".join(kv for kv in parts.query.split("&") if kv and not _TRACKING.fullmatch(kv.split("=", 1)[0]))
    return urlunsplit((parts.scheme, host, parts.path.rstrip("/") or "/", query, ""))


class InputError(ValueError):
    """The file as a whole cannot be read (absent, unknown type, missing column)."""


def printable(value: str) -> str:
    """``value`` with undecodable bytes and lone surrogates shown as U+FFFD, safe to store and to display."""
    return _SURROGATE.sub("\ufffd", value)


@dataclass
class RowError:
    row: int
    message: str
    field: str = ""
    skipped: bool = True  # False: a warning, the row was still processed

    def __post_init__(self):
        self.message, self.field = printable(self.message), printable(self.field)

    def __str__(self) -> str:
        where = f"dòng {self.row}" + (f", trường '{self.field}'" if self.field else "")
        return f"{where}: {self.message}"


@dataclass
class TextRow:
    row: int
    text: str


@dataclass
class Item:
    """One post, comment, SMS or article from a social-listening export."""

    row: int
    text: str
    platform: str = ""
    url: str = ""
    author: str = ""
    published_at: datetime | None = None
    sender: str = ""  # the SMS sender (brandname, shortcode or number) when the export has the column
    extra: dict = field(default_factory=dict)


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="surrogateescape")
    return raw.decode("utf-8-sig", errors="surrogateescape")


def _text_column(header: list[str], text_column: str | None) -> str:
    """The column holding the text: the one asked for, or the first usual name present."""
    wanted = text_column or next((c for c in TEXT_COLUMNS if c in header), None)
    if not wanted or wanted not in header:
        if any(_SURROGATE.search(h) for h in header):
            raise InputError(
                "Dòng tiêu đề không đọc được theo UTF-8: tệp nhị phân hoặc sai bảng mã (hãy lưu CSV dạng UTF-8)."
            )
        cols = ", ".join(printable(h) for h in header if h) or "(không có)"
        raise InputError(f"Thiếu cột văn bản '{wanted or text_column or 'text'}'; các cột có trong tệp: {cols}")
    return wanted


def check_upload(name: str, size: int, head: bytes) -> None:
    """The checks an upload can pass or fail at once, before it is queued: type, size, the CSV header's text column.

    ``head`` is the start of the file (a few KB is enough for the header line)."""
    suffix = Path(name).suffix.lower()
    if suffix not in (".csv", ".tsv", ".txt", ".jsonl", ".ndjson"):
        raise InputError(f"Định dạng tệp không hỗ trợ: '{suffix}' (chỉ nhận .csv, .tsv hoặc .jsonl)")
    if size > MAX_FILE_BYTES:
        raise InputError(f"Tệp lớn hơn {MAX_FILE_BYTES // 1024 // 1024} MB")
    if suffix in (".csv", ".tsv", ".txt"):
        first = _decode(head).split("\n", 1)[0]
        try:
            header = next(csv.reader([first], delimiter="\t" if suffix == ".tsv" else ","), [])
        except csv.Error as exc:
            raise InputError(f"Không đọc được dòng tiêu đề CSV: {exc}") from exc
        _text_column([h.strip("\r") for h in header], None)


def _records(path: Path, text_column: str | None) -> Iterator[tuple[int, dict | None, RowError | None]]:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"Không tìm thấy tệp {path}")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError(f"Tệp {path} lớn hơn {MAX_FILE_BYTES // 1024 // 1024} MB")
    content = _decode(path.read_bytes())
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        for n, line in enumerate(content.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as exc:
                yield n, None, RowError(n, f"không phải JSON hợp lệ ({exc.msg})")
                continue
            if not isinstance(obj, dict):
                yield n, None, RowError(n, "mỗi dòng phải là một đối tượng JSON")
                continue
            yield n, obj, None
    elif suffix in (".csv", ".tsv", ".txt"):
        csv.field_size_limit(MAX_FILE_BYTES)
        reader = csv.DictReader(io.StringIO(content, newline=""), delimiter="\t" if suffix == ".tsv" else ",")
        try:
            header = reader.fieldnames or []
        except csv.Error as exc:
            raise InputError(f"Không đọc được dòng tiêu đề CSV: {exc}") from exc
        wanted = _text_column(header, text_column)
        n = 0
        while True:
            n += 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield n, None, RowError(n, f"dòng CSV hỏng ({exc})")
                continue
            yield n, {**row, "__text__": row.get(wanted)}, None
    else:
        raise InputError(f"Định dạng tệp không hỗ trợ: '{suffix}' (chỉ nhận .csv, .tsv hoặc .jsonl)")


def check_text(row: int, value, column: str) -> tuple[str | None, list[RowError]]:
    """Validate one text value: returns the usable text (or None) and the errors/warnings for it."""
    if value is None:
        return None, [RowError(row, "thiếu trường văn bản", column)]
    if not isinstance(value, str):
        return None, [RowError(row, f"văn bản phải là chuỗi, nhận được {type(value).__name__}", column)]
    if _SURROGATE.search(value):
        return None, [RowError(row, "chứa byte không giải mã được theo UTF-8 (sai bảng mã?)", column)]
    if "\x00" in value or len(_CONTROL.findall(value[:2000])) > 3:
        return None, [RowError(row, "dữ liệu nhị phân, không phải văn bản", column)]
    if not value.strip():
        return None, [RowError(row, "văn bản trống", column)]
    if len(value) > MAX_TEXT_CHARS:
        warn = RowError(row, f"văn bản dài {len(value):,} ký tự, chỉ xét {MAX_TEXT_CHARS:,} ký tự đầu", column, False)
        return value[:MAX_TEXT_CHARS], [warn]
    return value, []


def read_texts(path: Path, text_column: str | None = None) -> tuple[list[TextRow], list[RowError]]:
    """Texts of a CSV (column ``text_column`` or a usual name) or JSONL file (key ``text_column`` or "text")."""
    rows, errors = [], []
    for n, rec, err in _records(path, text_column):
        if err:
            errors.append(err)
            continue
        column = text_column or "text"
        value = (
            rec.get("__text__") if "__text__" in rec else _first(rec, (text_column,) if text_column else TEXT_COLUMNS)
        )
        text, problems = check_text(n, value, column)
        errors.extend(problems)
        if text is not None:
            rows.append(TextRow(n, text))
    return rows, errors


def _first(rec: dict, names) -> object:
    for name in names:
        if name and name in rec:
            return rec[name]
    return None


def parse_time(value) -> datetime | None:
    if not value:
        return None
    text = str(value).strip().replace("Z", "+00:00")
    for fmt in (None, "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y"):
        try:
            return datetime.fromisoformat(text) if fmt is None else datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(f"thời gian không hợp lệ: '{text}'")


def read_labels(path: Path) -> tuple[list[tuple[str, str]], list[RowError]]:
    """Reviewers' labels from a CSV with columns ``text,label`` (label as a code such as ``scam`` or its
    Vietnamese name such as ``Lừa đảo``), or a JSONL with the same keys."""
    from canhgiac.content.datasets import LABEL_NAMES_VI, LABELS

    by_name = {**{lab: lab for lab in LABELS}, **{v.lower(): k for k, v in LABEL_NAMES_VI.items()}}
    pairs, errors = [], []
    for n, rec, err in _records(path, "text"):
        if err:
            errors.append(err)
            continue
        text, problems = check_text(n, rec.get("__text__", rec.get("text")), "text")
        errors.extend(problems)
        if text is None:
            continue
        label = str(rec.get("label") or "").strip().lower()
        if label not in by_name:
            errors.append(RowError(n, f"nhãn '{label}' không hợp lệ (dùng: {', '.join(LABELS)})", "label"))
            continue
        pairs.append((text, by_name[label]))
    return pairs, errors
