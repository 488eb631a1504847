from django.db import models


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


# The workflow: which statuses a case may move to from each status.
CASE_TRANSITIONS: dict[str, set[str]] = {
    CaseStatusChoices.RECEIVED: {CaseStatusChoices.VERIFYING, CaseStatusChoices.HANDLING, CaseStatusChoices.DISMISSED},
    CaseStatusChoices.VERIFYING: {
        CaseStatusChoices.HANDLING,
        CaseStatusChoices.TRANSFERRED,
        CaseStatusChoices.DISMISSED,
    },
    CaseStatusChoices.HANDLING: {
        CaseStatusChoices.TRANSFERRED,
        CaseStatusChoices.SANCTIONED,
        CaseStatusChoices.CLOSED,
        CaseStatusChoices.VERIFYING,
    },
    CaseStatusChoices.TRANSFERRED: {CaseStatusChoices.CLOSED},
    CaseStatusChoices.SANCTIONED: {CaseStatusChoices.CLOSED},
    CaseStatusChoices.CLOSED: set(),
    CaseStatusChoices.DISMISSED: set(),
}


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
