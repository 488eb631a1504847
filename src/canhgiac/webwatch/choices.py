from django.db import models


class SiteStatusChoices(models.TextChoices):
    NEW = "new", "Chưa quét"
    CLEAN = "clean", "Bình thường"
    FINDINGS = "findings", "Có dấu hiệu"
    ERROR = "error", "Lỗi khi quét"


class ScanRunStatusChoices(models.TextChoices):
    CLEAN = "clean", "Bình thường"
    FINDINGS = "findings", "Có dấu hiệu"
    ERROR = "error", "Lỗi khi quét"


class FindingStatusChoices(models.TextChoices):
    OPEN = "open", "Đang tồn tại"
    FIXED = "fixed", "Đã khắc phục"
    ESCALATED = "escalated", "Đã chuyển thành vụ việc"
    DISMISSED = "dismissed", "Báo động nhầm (đã bỏ qua)"


class FindingSeverityChoices(models.TextChoices):
    INFO = "info", "Thông tin"
    LOW = "low", "Thấp"
    MEDIUM = "medium", "Trung bình"
    HIGH = "high", "Cao"
    CRITICAL = "critical", "Nghiêm trọng"


#: Checks whose findings mean the site itself was compromised (a malware case rather than a gambling one).
MALWARE_CHECKS = frozenset({"defacement", "script_injection", "structured_data", "iframe", "meta_refresh"})
