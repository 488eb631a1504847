from django.db import models


class ChannelChoices(models.TextChoices):
    PORTAL = "portal", "Cổng thông tin (người dân tự gửi)"
    HOTLINE = "hotline", "Đường dây nóng"
    EMAIL = "email", "Thư điện tử"
    IN_PERSON = "in_person", "Trực tiếp tại cơ quan"
    LETTER = "letter", "Thư, đơn gửi qua bưu điện"
    IMPORT_5656 = "import_5656", "Tệp xuất hệ thống 5656/156 quốc gia"


class ReportTypeChoices(models.TextChoices):
    SCAM_CALL = "scam_call", "Cuộc gọi lừa đảo"
    SCAM_SMS = "scam_sms", "Tin nhắn lừa đảo, rác"
    FAKE_WEBSITE = "fake_website", "Trang web giả mạo, lừa đảo"
    SOCIAL_ACCOUNT = "social_account", "Tài khoản mạng xã hội lừa đảo"
    BANK_ACCOUNT = "bank_account", "Tài khoản ngân hàng nhận tiền lừa đảo"
    GAMBLING = "gambling", "Cờ bạc, cá độ trực tuyến"
    LOAN_SHARK = "loan_shark", "Tín dụng đen"
    OTHER = "other", "Khác"


# The case category a report of each type opens.
CASE_CATEGORY = {
    ReportTypeChoices.GAMBLING: "gambling",
    ReportTypeChoices.LOAN_SHARK: "loan_shark",
    ReportTypeChoices.OTHER: "other",
}


class OutcomeChoices(models.TextChoices):
    PENDING = "", "Chưa xử lý xong"
    CASE = "case", "Chuyển thành vụ việc / bổ sung vụ việc"
    FORWARDED = "forwarded", "Chuyển cơ quan có thẩm quyền"
    DUPLICATE = "duplicate", "Trùng phản ánh khác"
    REPLIED = "replied", "Đã trả lời, kết thúc"
    DISMISSED = "dismissed", "Không xử lý (không có căn cứ)"


class WarningStatusChoices(models.TextChoices):
    DRAFT = "draft", "Bản nháp"
    PUBLISHED = "published", "Đã đăng"
    WITHDRAWN = "withdrawn", "Đã gỡ"


class LookupStatusChoices(models.TextChoices):
    CONFIRMED = "confirmed", "Đã xác nhận lừa đảo"
    VERIFYING = "verifying", "Đang xác minh"
    NONE = "none", "Chưa có dữ liệu"


# What the reporter reads about their report through the follow-up code.
PUBLIC_STATUS = {
    "new": "Đã tiếp nhận, đang chờ phân loại",
    "confirmed": "Đang xác minh",
    "escalated": "Đã lập hồ sơ vụ việc, đang xử lý",
    "resolved": "Đã xử lý xong",
    "dismissed": "Đã xem xét, không xử lý tiếp",
}
