"""Choice sets shared by every app."""

from django.db import models


class AgencyKindCodes:
    """The codes of the agency kinds seeded by migration ``core.0007`` (names and flags live in the ``AgencyKind``
    table, editable; code that must name a seeded kind uses these)."""

    AUTHORITY = "authority"  # the provincial inspectorate / Department of Science and Technology
    POLICE = "police"
    CARRIER = "carrier"
    COMMUNE = "commune"  # UBND cấp xã (the district level was abolished on 1 July 2025)
    DISTRICT = COMMUNE  # the former "district" kind: stored agencies were migrated to "commune"
    DEPARTMENT = "department"
    PRESS = "press"
    REGISTRAR = "registrar"
    PLATFORM = "platform"
    OTHER = "other"


AgencyKindChoices = AgencyKindCodes  # the former name, kept for callers


class RoleChoices(models.TextChoices):
    ADMINISTRATOR = "administrator", "Quản trị hệ thống"
    LEADER = "leader", "Lãnh đạo"
    INSPECTOR = "inspector", "Thanh tra viên"
    OFFICER = "officer", "Chuyên viên"
    POLICE_LIAISON = "police_liaison", "Cán bộ công an phối hợp"
    CARRIER_OPERATOR = "carrier_operator", "Cán bộ doanh nghiệp viễn thông"
    # A commune officer: the name and stored value of the former district officer are kept (no data migration).
    DISTRICT_OFFICER = "district_officer", "Cán bộ UBND cấp xã"
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
