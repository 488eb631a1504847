"""Choice sets shared by every app."""

from django.db import models


class AgencyKindChoices(models.TextChoices):
    AUTHORITY = "authority", "Sở / Thanh tra Sở"
    POLICE = "police", "Công an"
    CARRIER = "carrier", "Doanh nghiệp viễn thông"
    DISTRICT = "district", "UBND cấp huyện / xã"
    DEPARTMENT = "department", "Sở, ban, ngành"
    PRESS = "press", "Cơ quan báo chí"
    REGISTRAR = "registrar", "Nhà đăng ký tên miền"
    PLATFORM = "platform", "Nền tảng số"
    OTHER = "other", "Khác"


class RoleChoices(models.TextChoices):
    ADMINISTRATOR = "administrator", "Quản trị hệ thống"
    LEADER = "leader", "Lãnh đạo"
    INSPECTOR = "inspector", "Thanh tra viên"
    OFFICER = "officer", "Chuyên viên"
    POLICE_LIAISON = "police_liaison", "Cán bộ công an phối hợp"
    CARRIER_OPERATOR = "carrier_operator", "Cán bộ doanh nghiệp viễn thông"
    DISTRICT_OFFICER = "district_officer", "Cán bộ cấp huyện"
    VIEWER = "viewer", "Người xem"


class DocumentDirectionChoices(models.TextChoices):
    INCOMING = "in", "Văn bản đến"
    OUTGOING = "out", "Văn bản đi"


class DocumentTypeChoices(models.TextChoices):
    OFFICIAL_LETTER = "cv", "Công văn"
    DECISION = "qd", "Quyết định"
    REPORT = "bc", "Báo cáo"
    PLAN = "kh", "Kế hoạch"
    NOTICE = "tb", "Thông báo"
    REQUEST = "yc", "Yêu cầu"
    DIRECTIVE = "ct", "Chỉ thị"
    DECREE = "nd", "Nghị định"
    CIRCULAR = "tt", "Thông tư"
    MINUTES = "bb", "Biên bản"
    OTHER = "other", "Khác"
