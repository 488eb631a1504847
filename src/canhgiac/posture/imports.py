"""Import kinds ``systems`` (the information-systems register) and ``endpoints`` (computers and their anti-malware
agent, as exported from the central management console). Re-importing a list updates the stored rows."""

from canhgiac.core.imports.kinds import Column, register
from canhgiac.posture.choices import AdminLevelChoices, DossierStatusChoices, EndpointKindChoices
from canhgiac.posture.importing import (
    UpsertImportKind,
    optional_date,
    parse_agency,
    parse_bool,
    parse_choice,
    parse_count,
)
from canhgiac.posture.models import LEVEL_ERROR
from canhgiac.posture.services import endpoints, systems

LEVEL_WORDS = {"tỉnh": "province", "xã": "commune", "phường": "commune", "huyện": "district", "tw": "central"}
STATUS_WORDS = {"chưa": "not_submitted", "đã gửi": "submitted", "đã thẩm định": "appraised", "đã phê duyệt": "approved"}
ENDPOINT_WORDS = {"máy trạm": "workstation", "pc": "workstation", "máy chủ": "server"}


def parse_level(value) -> int:
    try:
        level = parse_count(value, what="Cấp độ")
    except ValueError as exc:
        raise ValueError(f"{exc} {LEVEL_ERROR}") from None
    if not 1 <= level <= 5:
        raise ValueError(f"Cấp độ “{value}”: {LEVEL_ERROR[0].lower()}{LEVEL_ERROR[1:]}")
    return level


@register
class SystemImport(UpsertImportKind):
    name = "systems"
    label = "Hệ thống thông tin"
    service = systems
    template_name = "mau-he-thong-thong-tin"
    description = (
        "Danh mục hệ thống thông tin và hồ sơ đề xuất cấp độ. Mỗi dòng một hệ thống, nhận diện theo mã hệ thống: "
        "nhập lại cùng danh mục thì cập nhật, không tạo trùng. Cơ quan chủ quản ghi bằng ký hiệu cơ quan."
    )
    columns = (
        Column("code", "Mã hệ thống", required=True, aliases=("mã", "ma he thong"), example="HTTT-STTTT-01"),
        Column(
            "name", "Tên hệ thống", required=True, aliases=("tên", "hệ thống"), example="Cổng thông tin điện tử tỉnh"
        ),
        Column(
            "owner_agency",
            "Cơ quan chủ quản",
            required=True,
            aliases=("ký hiệu cơ quan", "chủ quản", "agency"),
            help="Ký hiệu cơ quan trong danh mục cơ quan, ví dụ STTTT.",
            example="STTTT",
        ),
        Column(
            "owner_level",
            "Cấp chủ quản",
            required=True,
            help="Cấp tỉnh / Cấp xã / Trung ương; “Cấp huyện” chỉ cho hồ sơ phê duyệt trước 01/07/2025.",
            example="Cấp tỉnh",
        ),
        Column(
            "security_level", "Cấp độ", required=True, aliases=("cấp độ an toàn",), help="Số từ 1 đến 5.", example=2
        ),
        Column(
            "dossier_status",
            "Tình trạng hồ sơ",
            help=" / ".join(DossierStatusChoices.labels),
            example="Đã được phê duyệt",
        ),
        Column("approving_level", "Cấp phê duyệt", example="Cấp tỉnh"),
        Column("approved_on", "Ngày phê duyệt", example="15/03/2024"),
        Column("decision_number", "Số quyết định", aliases=("quyết định",), example="38/QĐ-STTTT"),
        Column("protection_deployed", "Đã triển khai phương án", help="Có / Không.", example="Có"),
        Column("protection_deployed_on", "Ngày triển khai phương án", example="30/06/2024"),
        Column("listed_on", "Ngày đưa vào danh mục", example="01/01/2024"),
        Column("note", "Ghi chú"),
    )

    def lookup(self, data):
        return {"code": data["code"]}

    def parse_row(self, row, context):
        level = AdminLevelChoices.choices
        text = lambda v: str(v or "").strip()  # noqa: E731
        return self.values(
            row,
            {
                "code": lambda v: text(v) or _missing("mã hệ thống"),
                "name": lambda v: text(v) or _missing("tên hệ thống"),
                "owner_agency": lambda v: parse_agency(v, context["agencies"]),
                "owner_level": lambda v: parse_choice(v, level, LEVEL_WORDS),
                "security_level": parse_level,
                "dossier_status": lambda v: parse_choice(
                    v, DossierStatusChoices.choices, STATUS_WORDS, blank="not_submitted"
                ),
                "approving_level": lambda v: parse_choice(v, level, LEVEL_WORDS, blank=""),
                "approved_on": optional_date,
                "decision_number": text,
                "protection_deployed": parse_bool,
                "protection_deployed_on": optional_date,
                "listed_on": optional_date,
                "note": text,
            },
        )


@register
class EndpointImport(UpsertImportKind):
    name = "endpoints"
    label = "Máy tính (phòng chống mã độc tập trung)"
    service = endpoints
    template_name = "mau-may-tinh"
    description = (
        "Danh sách máy tính của các cơ quan, xuất từ máy chủ quản trị phần mềm phòng chống mã độc tập trung. "
        "Mỗi máy nhận diện theo cơ quan và mã máy: nhập lại thì cập nhật (đã cài, lần cuối kết nối), không tạo trùng."
    )
    columns = (
        Column(
            "agency",
            "Cơ quan",
            required=True,
            aliases=("ký hiệu cơ quan", "đơn vị", "agency"),
            example="STTTT",
            help="Ký hiệu cơ quan trong danh mục cơ quan.",
        ),
        Column(
            "host_id", "Mã máy", required=True, aliases=("tên máy", "hostname", "computer name"), example="STTTT-PC01"
        ),
        Column(
            "kind",
            "Loại máy",
            required=True,
            aliases=("loại",),
            help="Máy tính trạm / Máy chủ.",
            example="Máy tính trạm",
        ),
        Column(
            "protected", "Đã cài phần mềm", aliases=("đã cài", "protected", "agent"), help="Có / Không.", example="Có"
        ),
        Column("installed_on", "Ngày cài đặt", aliases=("installed",), example="10/01/2024"),
        Column("last_seen", "Lần cuối kết nối", aliases=("last seen",), example="28/11/2026"),
        Column("listed_on", "Ngày ghi nhận", example="01/01/2024"),
    )

    def lookup(self, data):
        return {"agency": data["agency"], "host_id": data["host_id"]}

    def parse_row(self, row, context):
        return self.values(
            row,
            {
                "agency": lambda v: parse_agency(v, context["agencies"]),
                "host_id": lambda v: str(v or "").strip() or _missing("mã máy"),
                "kind": lambda v: parse_choice(v, EndpointKindChoices.choices, ENDPOINT_WORDS),
                "protected": parse_bool,
                "installed_on": optional_date,
                "last_seen": optional_date,
                "listed_on": optional_date,
            },
        )


def _missing(what: str):
    raise ValueError(f"Chưa ghi {what}.")
