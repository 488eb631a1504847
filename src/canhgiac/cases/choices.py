from django.db import models

from canhgiac.core.choices import RoleChoices
from canhgiac.core.transitions import Workflow, step


class CaseCategoryChoices(models.TextChoices):
    FRAUD = "fraud", "Lừa đảo, chiếm đoạt tài sản"
    FALSE_INFORMATION = "false_info", "Thông tin sai sự thật"
    GAMBLING = "gambling", "Cờ bạc, cá độ"
    LOAN_SHARK = "loan_shark", "Tín dụng đen"
    HARASSMENT = "harassment", "Cuộc gọi quấy rối, đe doạ"
    PERSONAL_DATA = "personal_data", "Mua bán dữ liệu cá nhân"
    UNLICENSED_WEBSITE = "unlicensed_site", "Trang web không phép"
    UNCERTIFIED_EQUIPMENT = "uncertified_equipment", "Thiết bị chưa hợp quy"
    MALWARE = "malware", "Mã độc, tấn công mạng"
    INFRASTRUCTURE = "infrastructure", "Phá hoại hạ tầng"
    OTHER = "other", "Khác"


class CaseStatusChoices(models.TextChoices):
    RECEIVED = "received", "Tiếp nhận"
    VERIFYING = "verifying", "Đang xác minh"
    HANDLING = "handling", "Đang xử lý"
    TRANSFERRED = "transferred", "Chuyển cơ quan công an"
    SANCTIONED = "sanctioned", "Đã xử phạt"
    CLOSED = "closed", "Kết thúc"
    DISMISSED = "dismissed", "Không xử lý"


_S = CaseStatusChoices
# The case workflow as data: from where to where, who (None: every role that writes records), what each step needs.
# A sanction is recorded only by those who sign or prepare it, and only with its decision (a letter) attached.
CASE_WORKFLOW = Workflow(
    noun="vụ việc",
    event_model="cases.CaseEvent",
    event_field="case",
    final=(_S.CLOSED, _S.DISMISSED),
    steps=(
        step(_S.RECEIVED, _S.VERIFYING),
        step([_S.RECEIVED, _S.VERIFYING], _S.HANDLING),
        step([_S.VERIFYING, _S.HANDLING], _S.TRANSFERRED),
        step(
            _S.HANDLING,
            _S.SANCTIONED,
            roles=frozenset({RoleChoices.ADMINISTRATOR, RoleChoices.LEADER, RoleChoices.INSPECTOR}),
            letter_required=True,
        ),
        step([_S.HANDLING, _S.TRANSFERRED, _S.SANCTIONED], _S.CLOSED),
        step(_S.HANDLING, _S.VERIFYING),
        step([_S.RECEIVED, _S.VERIFYING], _S.DISMISSED),
    ),
)


class CaseSourceChoices(models.TextChoices):
    CITIZEN = "citizen", "Phản ánh của người dân"
    HOTLINE = "hotline", "Đường dây nóng"
    POLICE = "police", "Cơ quan công an"
    CARRIER = "carrier", "Doanh nghiệp viễn thông"
    PRESS = "press", "Báo chí"
    INSPECTION = "inspection", "Thanh tra, kiểm tra"
    WEBWATCH = "webwatch", "Giám sát website"
    CONTENT = "content", "Phân loại nội dung mạng"
    DOCUMENT = "document", "Văn bản chỉ đạo"
    OTHER = "other", "Khác"


class IndicatorKindChoices(models.TextChoices):
    PHONE = "phone", "Số điện thoại"
    DOMAIN = "domain", "Tên miền"
    URL = "url", "Đường dẫn (URL)"
    IP = "ip", "Địa chỉ IP"
    IMEI = "imei", "Số IMEI"
    BANK_ACCOUNT = "bank_account", "Tài khoản ngân hàng"
    SOCIAL = "social", "Tài khoản mạng xã hội"
    EMAIL = "email", "Thư điện tử"
