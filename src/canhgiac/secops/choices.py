from django.db import models

from canhgiac.core.choices import RoleChoices
from canhgiac.core.transitions import Workflow, step


class AlertCategoryChoices(models.TextChoices):
    PHISHING = "phishing", "Trang web giả mạo (phishing)"
    C2 = "c2", "Kết nối tới máy chủ điều khiển mã độc (C&C)"
    COIN_MINER = "coin_miner", "Mã độc đào tiền ảo"
    BOTNET = "botnet", "Mạng máy tính ma (botnet)"
    SCAN = "scan", "Dò quét"
    OTHER = "other", "Khác"


class IncidentKindChoices(models.TextChoices):
    INJECTED_LINKS = "injected_links", "Chèn đường dẫn, hình ảnh quảng cáo, cá độ, đánh bạc"
    WEAK_PASSWORD = "weak_password", "Mật khẩu yếu hoặc bị lộ"
    MALWARE = "malware", "Mã độc, botnet"
    DEFACEMENT = "defacement", "Thay đổi giao diện (deface)"
    OTHER = "other", "Khác"


class SeverityChoices(models.TextChoices):
    LOW = "low", "Thấp"
    MEDIUM = "medium", "Trung bình"
    HIGH = "high", "Cao"
    CRITICAL = "critical", "Nghiêm trọng"


class IncidentSourceChoices(models.TextChoices):
    SOC_ALERT = "soc_alert", "Cảnh báo của hệ thống giám sát (SOC)"
    WEBWATCH = "webwatch", "Phát hiện của giám sát website"
    EXTERNAL = "external", "Thông báo từ bên ngoài"


class IncidentStatusChoices(models.TextChoices):
    OPEN = "open", "Mới phát hiện"
    HANDLING = "handling", "Đang xử lý"
    RESOLVED = "resolved", "Đã khắc phục"
    DISMISSED = "dismissed", "Không phải sự cố"


class WarningKindChoices(models.TextChoices):
    WARNING = "warning", "Cảnh báo"
    VULNERABILITY = "vulnerability", "Bản tin lỗ hổng"
    GUIDANCE = "guidance", "Hướng dẫn"


# The provincial incident-response team: the authority's staff who write records.
RESPONDER_ROLES = frozenset({RoleChoices.ADMINISTRATOR, RoleChoices.LEADER, RoleChoices.INSPECTOR, RoleChoices.OFFICER})
_S = IncidentStatusChoices
INCIDENT_WORKFLOW = Workflow(
    noun="sự cố",
    event_model="secops.IncidentEntry",
    event_field="incident",
    notify_fields=("created_by",),
    final=(_S.RESOLVED, _S.DISMISSED),
    steps=(
        step(_S.OPEN, _S.HANDLING, roles=RESPONDER_ROLES, reason_required=False),
        step([_S.OPEN, _S.HANDLING], _S.RESOLVED, roles=RESPONDER_ROLES),
        step(_S.RESOLVED, _S.HANDLING, roles=RESPONDER_ROLES),
        step(_S.OPEN, _S.DISMISSED, roles=RESPONDER_ROLES),
    ),
)
