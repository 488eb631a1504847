"""The cases import kind: one case per row, with its indicators (several of a kind separated by “;”)."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from canhgiac.cases.choices import CaseCategoryChoices, CaseSourceChoices, IndicatorKindChoices
from canhgiac.cases.models import Indicator
from canhgiac.cases.normalize import IndicatorError, normalize
from canhgiac.cases.services import create_case
from canhgiac.core.imports.kinds import Column, ImportKind, Row, RowError, RowInvalid, Written, register
from canhgiac.core.imports.records import parse_date
from canhgiac.core.models import Agency
from canhgiac.core.services import ServiceError
from canhgiac.units.queries import home_units

FIELD_COLUMNS = (
    Column("title", "Tiêu đề", True, ("tieu_de", "title"), "Tối đa 300 ký tự.",
           "Giả danh công an gọi điện yêu cầu chuyển tiền"),
    Column("category", "Lĩnh vực", True, ("linh_vuc", "category"), "Tên hoặc mã lĩnh vực (fraud…).",
           "Lừa đảo, chiếm đoạt tài sản"),
    Column("source", "Nguồn", True, ("nguon", "source"), "Tên hoặc mã nguồn tiếp nhận.", "Phản ánh của người dân"),
    Column("received_on", "Ngày tiếp nhận", True, ("ngay_tiep_nhan", "received_on"), "Dạng 17/02/2023.",
           "17/02/2023"),
    Column("lead_agency", "Cơ quan chủ trì", True, ("co_quan_chu_tri", "lead_agency"), "Ký hiệu hoặc tên cơ quan.",
           "STTTT"),
    Column("description", "Nội dung", False, ("noi_dung", "description", "mô tả"), "",
           "Đối tượng xưng là cán bộ công an, yêu cầu cài ứng dụng giả mạo."),
    Column("damage_vnd", "Thiệt hại (đồng)", False, ("thiệt hại", "thiet_hai", "damage_vnd"), "Dạng 25.850.000.",
           "25.850.000"),
    Column("locality", "Địa bàn (xã/phường)", False, ("dia_ban", "địa bàn", "locality"),
           "Mã hoặc tên xã, phường (hoặc tỉnh) còn hiệu lực ngày tiếp nhận, ví dụ “Phường Phố Hiến”.", ""),
)  # fmt: skip
INDICATOR_COLUMNS = (
    Column(IndicatorKindChoices.PHONE, "Số điện thoại", aliases=("so_dien_thoai", "điện thoại"),
           example="0912345678; 0987654321"),
    Column(IndicatorKindChoices.DOMAIN, "Tên miền", aliases=("ten_mien",), example="dichvucong-gov.top"),
    Column(IndicatorKindChoices.URL, "URL", aliases=("đường dẫn", "link")),
    Column(IndicatorKindChoices.IP, "IP", aliases=("địa chỉ ip",)),
    Column(IndicatorKindChoices.IMEI, "IMEI"),
    Column(IndicatorKindChoices.BANK_ACCOUNT, "Tài khoản ngân hàng", aliases=("tai_khoan_ngan_hang", "số tài khoản"),
           example="VCB:0071000012345"),
    Column(IndicatorKindChoices.SOCIAL, "Mạng xã hội", aliases=("mang_xa_hoi", "tài khoản mạng xã hội"),
           example="https://www.facebook.com/profile.php?id=1000123"),
    Column(IndicatorKindChoices.EMAIL, "Thư điện tử", aliases=("email", "thu_dien_tu")),
)  # fmt: skip
INDICATOR_HELP = "Nhiều giá trị cách nhau bởi dấu “;”."
for _column in INDICATOR_COLUMNS:
    _column.help = INDICATOR_HELP


def _choice(value: str, choices, what: str) -> str:
    text = value.strip().lower()
    for code, label in choices.choices:
        if text in (code.lower(), label.lower()):
            return code
    raise ValueError(f"“{value}” không phải {what} hợp lệ.")


MAX_AMOUNT = 2**63 - 1  # what the database column holds


def _money(value) -> int:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"“{value}” không phải số tiền (ghi dạng 25.850.000).")
        amount = int(value)
    else:
        text = re.sub(r"\s|đồng|đ|vnđ|vnd", "", str(value).strip(), flags=re.IGNORECASE).replace(".", "")
        if not re.fullmatch(r"-?[0-9]+", text, flags=re.ASCII):
            raise ValueError(f"“{value}” không phải số tiền (ghi dạng 25.850.000).")
        amount = int(text)
    if amount < 0:
        raise ValueError("Thiệt hại không được âm.")
    if amount > MAX_AMOUNT:
        raise ValueError(f"Số tiền “{value}” lớn quá mức lưu được.")
    return amount


@register
class CaseImport(ImportKind):
    name = "cases"
    label = "Vụ việc"
    columns = FIELD_COLUMNS + INDICATOR_COLUMNS
    template_name = "mau-nhap-vu-viec"
    sheet_title = "Vụ việc"
    created_label = "vụ việc"
    upload_url_name = "cases:import"
    job_url_name = "cases:import_job"
    count_labels = (("indicators", "Dấu hiệu mới"),)
    description = (
        "Mỗi dòng là một vụ việc; các dấu hiệu cùng loại cách nhau bởi dấu “;”. Mặc định tệp được kiểm tra toàn "
        "bộ: chỉ cần một dòng lỗi là không nhập dòng nào, và hệ thống liệt kê mọi lỗi (dòng, cột, lý do)."
    )

    def start(self, job) -> dict:
        places: dict[str, list] = {}
        for unit in home_units():
            for key in {unit.code.lower(), unit.name.lower()}:
                places.setdefault(key, []).append(unit)
        return {"agencies": {key.lower(): a for a in Agency.objects.all() for key in (a.code, a.name)}, "units": places}

    @staticmethod
    def _locality(value, day, context: dict):
        """The unit named by code or name, in force on ``day`` (the case's date): old communes for old cases."""
        found = context.get("units", {}).get(str(value).strip().lower(), [])
        if not found:
            raise ValueError(f"Không có xã, phường (hoặc tỉnh) có mã hoặc tên “{value}”.")
        in_force = [
            u for u in found if day is None or (u.valid_from <= day and (u.valid_to is None or u.valid_to >= day))
        ]
        if not in_force:
            raise ValueError(f"“{value}” không còn hiệu lực ngày {day:%d/%m/%Y} (hiệu lực {found[0].in_force_text}).")
        return in_force[0]

    def parse_row(self, row: Row, context: dict):
        fields, errors = {}, []
        for column in FIELD_COLUMNS:
            value = row.values.get(column.key)
            value = "" if value is None else value
            if str(value).strip() == "":
                if column.required:
                    errors.append(row.error(column.key, "Bắt buộc, đang để trống.", self))
                continue
            try:
                if column.key == "locality":
                    fields[column.key] = self._locality(value, fields.get("received_on"), context)
                else:
                    fields[column.key] = self._field(column.key, value, context)
            except ValueError as exc:
                errors.append(row.error(column.key, str(exc), self))
        if len(fields.get("title", "")) > 300:
            errors.append(row.error("title", "Dài quá 300 ký tự.", self))
        indicators = []
        for column in INDICATOR_COLUMNS:
            for item in re.split(r"[;\n]", str(row.values.get(column.key) or "")):
                if not item.strip():
                    continue
                try:
                    normalize(column.key, item.strip())
                    indicators.append((column.key, item.strip()))
                except IndicatorError as exc:
                    errors.append(row.error(column.key, str(exc), self))
        if errors:
            raise RowInvalid(errors)
        return fields, indicators

    def _field(self, key: str, value, context: dict):
        if key == "category":
            return _choice(str(value), CaseCategoryChoices, "lĩnh vực")
        if key == "source":
            return _choice(str(value), CaseSourceChoices, "nguồn")
        if key == "received_on":
            return parse_date(value)
        if key == "damage_vnd":
            return _money(value)
        if key == "lead_agency":
            agency = context["agencies"].get(str(value).strip().lower())
            if agency is None:
                raise ValueError(f"Không có cơ quan có ký hiệu hoặc tên “{value}”.")
            return agency
        return str(value).strip()

    def write(self, rows: list[Row], job, context: dict) -> Written:
        written, before = Written(), Indicator.objects.count()
        for row in rows:
            fields, indicators = row.parsed
            try:
                with transaction.atomic():
                    written.created.append(create_case(actor=job.created_by, indicators=indicators, **fields))
            except ServiceError as exc:  # a rule of the case services refused the row
                written.errors.append(RowError(row.number, "", str(exc)))
            except ValidationError as exc:
                written.errors.append(RowError(row.number, "", "; ".join(exc.messages)))
        written.counts["indicators"] = Indicator.objects.count() - before
        return written
