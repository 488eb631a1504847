"""Import cases with their indicators from XLSX or CSV: validate every row first, then all or nothing."""

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field

from openpyxl import Workbook, load_workbook

from canhgiac.cases.choices import CaseCategoryChoices, CaseSourceChoices, IndicatorKindChoices
from canhgiac.cases.normalize import IndicatorError, normalize
from canhgiac.core.models import Agency

COLUMNS = [
    ("title", "Tiêu đề", True),
    ("category", "Lĩnh vực", True),
    ("source", "Nguồn", True),
    ("received_on", "Ngày tiếp nhận", True),
    ("lead_agency", "Cơ quan chủ trì", True),
    ("description", "Nội dung", False),
    ("damage_vnd", "Thiệt hại (đồng)", False),
]
INDICATOR_COLUMNS = [
    (IndicatorKindChoices.PHONE, "Số điện thoại"),
    (IndicatorKindChoices.DOMAIN, "Tên miền"),
    (IndicatorKindChoices.URL, "URL"),
    (IndicatorKindChoices.IP, "IP"),
    (IndicatorKindChoices.IMEI, "IMEI"),
    (IndicatorKindChoices.BANK_ACCOUNT, "Tài khoản ngân hàng"),
    (IndicatorKindChoices.SOCIAL, "Mạng xã hội"),
    (IndicatorKindChoices.EMAIL, "Thư điện tử"),
]
HEADERS = [label for _, label, _ in COLUMNS] + [label for _, label in INDICATOR_COLUMNS]
EXAMPLE = [
    "Giả danh công an gọi điện yêu cầu chuyển tiền",
    "Lừa đảo, chiếm đoạt tài sản",
    "Phản ánh của người dân",
    "17/02/2023",
    "STTTT",
    "Đối tượng xưng là cán bộ công an, yêu cầu cài ứng dụng giả mạo.",
    "25.850.000",
    "0912345678; 0987654321",
    "dichvucong-gov.top",
    "",
    "",
    "",
    "VCB:0071000012345",
    "https://www.facebook.com/profile.php?id=1000123",
    "",
]
MAX_ROWS = 20000


class ImportFileError(ValueError):
    """The file as a whole cannot be read (wrong format, missing columns, too many rows)."""


@dataclass
class RowError:
    row: int
    column: str
    reason: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "reason": self.reason}


@dataclass
class ParsedRow:
    row: int
    fields: dict
    indicators: list[tuple[str, str]] = field(default_factory=list)


def template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Vụ việc"
    sheet.append(HEADERS)
    sheet.append(EXAMPLE)
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 24
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerow(EXAMPLE)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def read_rows(name: str, content: bytes) -> list[list]:
    """Rows of the first sheet (XLSX) or of the CSV (UTF-8, with or without BOM; ; or , separated)."""
    if name.lower().endswith(".xlsx"):
        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise ImportFileError(f"Không đọc được tệp XLSX “{name}”: {exc.__class__.__name__}.") from exc
        rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
        workbook.close()
        return rows
    if name.lower().endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFileError(f"Tệp CSV “{name}” không phải mã UTF-8 (byte lỗi ở vị trí {exc.start}).") from exc
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
        return [row for row in csv.reader(io.StringIO(text), dialect)]
    raise ImportFileError(f"“{name}”: chỉ nhận tệp .xlsx hoặc .csv.")


def _choice(value: str, choices) -> str | None:
    text = value.strip().lower()
    for code, label in choices.choices:
        if text in (code.lower(), label.lower()):
            return code
    return None


def _date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"“{text}” không phải ngày (ghi dạng 17/02/2023).")


def _money(value) -> int:
    if isinstance(value, (int, float)):
        amount = int(value)
    else:
        text = re.sub(r"\s|đồng|đ|vnđ|vnd", "", str(value).strip(), flags=re.IGNORECASE).replace(".", "")
        if not text.isdigit():
            raise ValueError(f"“{value}” không phải số tiền (ghi dạng 25.850.000).")
        amount = int(text)
    if amount < 0:
        raise ValueError("Thiệt hại không được âm.")
    return amount


def parse(name: str, content: bytes) -> tuple[list[ParsedRow], list[RowError]]:
    """Validate every row; return the parsed rows and every error (row number as in the spreadsheet)."""
    rows = read_rows(name, content)
    if not rows:
        raise ImportFileError(f"Tệp “{name}” không có dữ liệu.")
    header = [str(cell or "").strip() for cell in rows[0]]
    missing = [label for _, label, required in COLUMNS if required and label not in header]
    if missing:
        raise ImportFileError("Thiếu cột: " + ", ".join(missing) + ". Hãy dùng tệp mẫu tải về ở trang nhập dữ liệu.")
    if len(rows) - 1 > MAX_ROWS:
        raise ImportFileError(f"Tệp có {len(rows) - 1} dòng, vượt quá {MAX_ROWS} dòng mỗi lần nhập.")
    index = {label: position for position, label in enumerate(header)}
    agencies = {key.lower(): a for a in Agency.objects.all() for key in (a.code, a.name)}
    parsed, errors = [], []
    for number, row in enumerate(rows[1:], start=2):

        def cell(label, row=row):
            position = index.get(label)
            value = row[position] if position is not None and position < len(row) else None
            return "" if value is None else value

        if all(str(c or "").strip() == "" for c in row):
            continue
        fields, row_errors = {}, []
        for key, label, required in COLUMNS:
            value = cell(label)
            if str(value).strip() == "":
                if required:
                    row_errors.append(RowError(number, label, "Bắt buộc, đang để trống."))
                continue
            try:
                if key == "category":
                    fields[key] = _choice(str(value), CaseCategoryChoices) or _raise(
                        f"“{value}” không phải lĩnh vực hợp lệ."
                    )
                elif key == "source":
                    fields[key] = _choice(str(value), CaseSourceChoices) or _raise(
                        f"“{value}” không phải nguồn hợp lệ."
                    )
                elif key == "received_on":
                    fields[key] = _date(value)
                elif key == "damage_vnd":
                    fields[key] = _money(value)
                elif key == "lead_agency":
                    fields[key] = agencies.get(str(value).strip().lower()) or _raise(
                        f"Không có cơ quan có ký hiệu hoặc tên “{value}”."
                    )
                else:
                    fields[key] = str(value).strip()
            except ValueError as exc:
                row_errors.append(RowError(number, label, str(exc)))
        if len(fields.get("title", "")) > 300:
            row_errors.append(RowError(number, "Tiêu đề", "Dài quá 300 ký tự."))
        indicators = []
        for kind, label in INDICATOR_COLUMNS:
            for item in re.split(r"[;\n]", str(cell(label))):
                if not item.strip():
                    continue
                try:
                    normalize(kind, item.strip())
                    indicators.append((kind, item.strip()))
                except IndicatorError as exc:
                    row_errors.append(RowError(number, label, str(exc)))
        errors.extend(row_errors)
        if not row_errors:
            parsed.append(ParsedRow(number, fields, indicators))
    if not parsed and not errors:
        raise ImportFileError(f"Tệp “{name}” chỉ có dòng tiêu đề, không có vụ việc nào.")
    return parsed, errors


def _raise(message: str):
    raise ValueError(message)
