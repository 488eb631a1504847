"""The ``outreach`` import kind: one activity (or one tally of a period) per row, written through the service."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from canhgiac.core.imports.kinds import Column, ImportKind, Row, RowInvalid, register
from canhgiac.core.imports.records import RecordImportKind, parse_date
from canhgiac.core.models import Agency
from canhgiac.outreach.choices import ActivityKindChoices, AudienceChoices, ChannelChoices
from canhgiac.outreach.models import Topic
from canhgiac.outreach.services import activities
from canhgiac.units.models import AdministrativeUnit

NUMBER_HELP = "Số nguyên, không âm; dạng 40.000 hoặc 40000."
LIST_HELP = "Nhiều giá trị cách nhau bởi dấu “;”."


def _labels(choices) -> str:
    return " / ".join(str(label) for _, label in choices.choices)


COLUMNS = (
    Column("kind", "Loại hoạt động", True, ("loai", "loại", "kind"), _labels(ActivityKindChoices), "Tờ rơi"),
    Column("date", "Ngày", True, ("ngay", "date", "từ ngày", "tu_ngay"),
           "Dạng 17/02/2023; số liệu cả kỳ (500 tin, bài/năm): ngày đầu kỳ.", "15/03/2024"),
    Column("period_end", "Đến ngày", False, ("den_ngay", "period_end"), "Chỉ với số liệu cả kỳ."),
    Column("title", "Tiêu đề, tên", True, ("tiêu đề", "tên", "tieu_de", "title"),
           "Ghi đúng nguyên văn, kể cả các con số trong tít báo.",
           "Phòng ngừa thủ đoạn tội phạm lừa đảo trên không gian mạng"),
    Column("channel", "Kênh", False, ("kenh", "channel"), _labels(ChannelChoices), "Ấn phẩm in"),
    Column("agency", "Cơ quan thực hiện", False, ("co_quan", "cơ quan", "agency", "mã cơ quan"),
           "Ký hiệu hoặc tên cơ quan; để trống: cơ quan của người nhập.", "STTTT"),
    Column("partner", "Đơn vị phối hợp", False, ("phoi_hop", "partner")),
    Column("outlet", "Nơi đăng, phát", False, ("noi_dang", "outlet", "báo, đài")),
    Column("audience", "Đối tượng", False, ("doi_tuong", "audience"), _labels(AudienceChoices), "Người dân"),
    Column("quantity", "Số lượng", False, ("so_luong", "quantity"),
           "Tin bài, lượt phát sóng, tờ rơi, cuộc, lớp, tin nhắn… theo loại; để trống: 1. " + NUMBER_HELP, "40.000"),
    Column("participants", "Số người tham dự", False, ("so_nguoi", "participants"), NUMBER_HELP),
    Column("participating_units", "Số đơn vị, đội tham gia", False, ("so_don_vi", "participating_units"),
           NUMBER_HELP),
    Column("entries", "Số lượt dự thi", False, ("so_luot", "entries"), NUMBER_HELP),
    Column("communes", "Xã, phường (mã)", False, ("xa_phuong", "communes", "mã xã"),
           "Mã đơn vị hành chính có hiệu lực vào ngày của hoạt động. " + LIST_HELP),
    Column("topics", "Chủ đề", False, ("chu_de", "topics"), "Mã hoặc tên chủ đề. " + LIST_HELP, "Lừa đảo trực tuyến"),
    Column("note", "Ghi chú", False, ("ghi_chu", "note")),
)  # fmt: skip
MAX_COUNT = 2_147_483_647  # the largest count a column holds (a 32-bit integer, as PostgreSQL stores it)
CHOICES = {"kind": ActivityKindChoices, "channel": ChannelChoices, "audience": AudienceChoices}
COUNTS = ("quantity", "participants", "participating_units", "entries")


def parse_count(value) -> int:
    """A count as a cell holds it or people type it: 40000, 40.000, "40 000"; never negative."""
    if isinstance(value, bool):
        raise ValueError(f"“{value}” không phải số.")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"“{value}” không phải số nguyên.")
        value = int(value)
    if not isinstance(value, int):
        text = re.sub(r"[\s.]", "", str(value).strip())
        if not re.fullmatch(r"[-+−]?\d+", text):
            raise ValueError(f"“{value}” không phải số nguyên (ghi dạng 40.000).")
        value = int(text.replace("−", "-"))
    if value < 0:
        raise ValueError("Số lượng không được âm.")
    if value > MAX_COUNT:
        raise ValueError(f"Số lượng {value:,} quá lớn (tối đa {MAX_COUNT:,}).".replace(",", "."))
    return value


def _choice(value: str, choices) -> str:
    text = value.strip().lower()
    for code, label in choices.choices:
        if text in (code.lower(), str(label).lower()):
            return code
    raise ValueError(f"“{value}” không có trong danh sách: {_labels(choices)}.")


def _items(value) -> list[str]:
    return [item.strip() for item in re.split(r"[;\n]", str(value or "")) if item.strip()]


@register
class ActivityImport(ImportKind):
    name = "outreach"
    label = "Hoạt động tuyên truyền"
    columns = COLUMNS
    template_name = "mau-nhap-tuyen-truyen"
    sheet_title = "Tuyên truyền"
    created_label = "hoạt động tuyên truyền"
    upload_url_name = "outreach:activity_import"
    write_area = activities.area
    service = activities
    natural_keys: dict[str, str] = {}
    description = (
        "Mỗi dòng là một hoạt động tuyên truyền (tin bài, phát sóng, tờ rơi, tập huấn, cuộc thi, tin nhắn SMS…) hoặc "
        "số liệu cả kỳ của một loại (“500 tin, bài/năm”: ghi từ ngày, đến ngày và số lượng). Mặc định tệp được kiểm "
        "tra toàn bộ: chỉ cần một dòng lỗi là không nhập dòng nào, và hệ thống liệt kê mọi lỗi (dòng, cột, lý do)."
    )
    sample_rows = (
        {"kind": "Phát sóng truyền hình", "date": "01/01/2024", "period_end": "30/06/2024",
         "title": "Chuyển đổi số và Truyền thông", "channel": "Truyền hình", "agency": "STTTT",
         "partner": "Đài Phát thanh – Truyền hình tỉnh", "audience": "Người dân", "quantity": "2",
         "topics": "fraud"},
        {"kind": "Cuộc tập huấn", "date": "20/05/2024", "title": "Tập huấn an toàn, an ninh mạng cho cán bộ CNTT",
         "channel": "Trực tiếp", "audience": "Cán bộ chuyên trách CNTT", "quantity": "12", "participants": "360",
         "topics": "cybersecurity"},
        {"kind": "Cuộc thi", "date": "01/09/2024", "period_end": "31/10/2024",
         "title": "Cuộc thi trực tuyến nâng cao nhận thức về an toàn thông tin trên không gian mạng năm 2024",
         "channel": "Trực tuyến", "audience": "Mọi đối tượng", "quantity": "1", "participating_units": "1.072",
         "entries": "62.846", "topics": "cybersecurity"},
        {"kind": "Tin, bài", "date": "17/02/2023", "title": "Lừa đảo “chạy án”, một đối tượng bị phạt 12 năm tù",
         "channel": "Báo điện tử", "outlet": "Báo tỉnh", "topics": "fraud"},
    )  # fmt: skip

    def start(self, job) -> dict:
        units: dict[str, list[AdministrativeUnit]] = defaultdict(list)
        for unit in AdministrativeUnit.objects.filter(parent__isnull=False).only("pk", "code", "name", "valid_from",
                                                                                  "valid_to"):  # fmt: skip
            units[unit.code].append(unit)
        return {
            "agencies": {key.lower(): a for a in Agency.objects.all() for key in (a.code, a.name)},
            "topics": {key.lower(): t for t in Topic.objects.all() for key in (t.code, t.name)},
            "units": units,
        }

    def parse_row(self, row: Row, context: dict):
        data: dict[str, Any] = {}
        errors = []
        for column in self.columns:
            value = row.values.get(column.key)
            if value is None or str(value).strip() == "":
                if column.required:
                    errors.append(row.error(column.key, "Bắt buộc, đang để trống.", self))
                continue
            try:
                data[column.key] = self._value(column.key, value, context, data)
            except ValueError as exc:
                errors.append(row.error(column.key, str(exc), self))
        if errors:
            raise RowInvalid(errors)
        return data

    def _value(self, key: str, value, context: dict, data: dict):
        if key in CHOICES:
            return _choice(str(value), CHOICES[key])
        if key in ("date", "period_end"):
            return parse_date(value)
        if key in COUNTS:
            return parse_count(value)
        if key == "agency":
            agency = context["agencies"].get(str(value).strip().lower())
            if agency is None:
                raise ValueError(f"Không có cơ quan có ký hiệu hoặc tên “{str(value).strip()}”.")
            return agency
        if key == "topics":
            found = [context["topics"].get(item.lower()) for item in _items(value)]
            unknown = [item for item, topic in zip(_items(value), found, strict=True) if topic is None]
            if unknown:
                known = ", ".join(sorted(t.code for t in set(context["topics"].values())))
                raise ValueError(f"Không có chủ đề “{unknown[0]}” (các mã chủ đề: {known}).")
            return found
        if key == "communes":
            return [self._commune(code, data.get("date"), context) for code in _items(value)]
        return str(value).strip()

    @staticmethod
    def _commune(code: str, day, context: dict) -> AdministrativeUnit:
        candidates = context["units"].get(code, [])
        for unit in candidates:
            if day is None or (unit.valid_from <= day and (unit.valid_to is None or unit.valid_to > day)):
                return unit
        when = f" có hiệu lực ngày {day:%d/%m/%Y}" if day and candidates else ""
        raise ValueError(f"Không có xã, phường mã “{code}”{when}.")

    # Each row through the service, its refusals as row errors: the same writer as every record import.
    write = RecordImportKind.write
