from django.db import models

from canhgiac.core.triage import TriageStatusChoices


class SiteStatusChoices(models.TextChoices):
    NEW = "new", "Chưa quét"
    CLEAN = "clean", "Bình thường"
    FINDINGS = "findings", "Có dấu hiệu"
    ERROR = "error", "Lỗi khi quét"


class ScanRunStatusChoices(models.TextChoices):
    CLEAN = "clean", "Bình thường"
    FINDINGS = "findings", "Có dấu hiệu"
    ERROR = "error", "Lỗi khi quét"


# Findings follow the triage base's one status set.
FindingStatusChoices = TriageStatusChoices


class FindingSeverityChoices(models.TextChoices):
    INFO = "info", "Thông tin"
    LOW = "low", "Thấp"
    MEDIUM = "medium", "Trung bình"
    HIGH = "high", "Cao"
    CRITICAL = "critical", "Nghiêm trọng"


#: Checks whose findings mean the site itself was compromised (a malware case rather than a gambling one).
MALWARE_CHECKS = frozenset({"defacement", "script_injection", "structured_data", "iframe", "meta_refresh"})
