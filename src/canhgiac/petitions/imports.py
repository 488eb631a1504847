"""Import kinds for petitions and the reception log: one row a record, written through the same services as the
forms (so each row gets its legal due dates), with an error per row and field."""

from canhgiac.core.imports.kinds import register
from canhgiac.core.imports.records import RecordImportKind
from canhgiac.petitions.services import petitions, receptions

YES = {"có", "x", "1", "true", "đúng", "yes"}
NO = {"", "không", "0", "false", "sai", "no"}


class YesNoColumns:
    """Yes/no columns written as people write them: "Có" / "Không" (or x, 1 / 0)."""

    yes_no: tuple[str, ...] = ()

    def parse_row(self, row, context):
        for name in self.yes_no:
            text = str(row.values.get(name) or "").strip().lower()
            if text in YES:
                row.values[name] = True
            elif text in NO:
                row.values[name] = False
        return super().parse_row(row, context)  # type: ignore[misc]


@register
class PetitionImport(YesNoColumns, RecordImportKind):
    name = "petitions"
    service = petitions
    natural_keys = {"handling_agency": "code", "assignee": "username", "head": "username"}
    yes_no = ("second_instance", "anonymous", "remote_area")
    upload_url_name = "petitions:petition_import"
    created_label = "đơn thư"
    description = (
        "Mỗi dòng một đơn: loại đơn (Khiếu nại, Tố cáo, Kiến nghị, Phản ánh), ngày nhận (17/02/2024), hình thức nhận, "
        "trích yếu, người gửi; cơ quan xử lý ghi bằng mã cơ quan, cán bộ bằng tên đăng nhập. Thời hạn xử lý đơn được "
        "tính theo quy định áp dụng vào ngày nhận đơn."
    )


@register
class ReceptionImport(YesNoColumns, RecordImportKind):
    name = "receptions"
    service = receptions
    natural_keys = {"agency": "code", "officer": "username"}
    yes_no = ("online",)
    upload_url_name = "petitions:reception_import"
    created_label = "lượt tiếp công dân"
    description = (
        "Mỗi dòng một lượt tiếp công dân: ngày tiếp (17/02/2024), họ tên công dân, số người, địa bàn, nội dung thuộc "
        "loại (Khiếu nại, Tố cáo, Kiến nghị, Phản ánh), nội dung, kết quả; cơ quan tiếp ghi bằng mã cơ quan."
    )
