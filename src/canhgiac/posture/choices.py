import datetime as dt

from django.db import models

# Resolution 202/2025/QH15: from 1 July 2025 local government has two levels (province, commune); no district level.
DISTRICTS_ABOLISHED = dt.date(2025, 7, 1)


class AdminLevelChoices(models.TextChoices):
    """The level of an owner or of the body that approved a dossier."""

    CENTRAL = "central", "Trung ương"
    PROVINCE = "province", "Cấp tỉnh"
    COMMUNE = "commune", "Cấp xã"
    DISTRICT = "district", "Cấp huyện (trước 07/2025)"  # historical records only


class DossierStatusChoices(models.TextChoices):
    """Where the security-level dossier (hồ sơ đề xuất cấp độ) stands (Decree 331/2026 form 08 uses the same steps)."""

    NOT_SUBMITTED = "not_submitted", "Chưa lập / chưa gửi"
    SUBMITTED = "submitted", "Đã gửi thẩm định"
    APPRAISED = "appraised", "Đã thẩm định"
    APPROVED = "approved", "Đã được phê duyệt"


class EndpointKindChoices(models.TextChoices):
    WORKSTATION = "workstation", "Máy tính trạm"
    SERVER = "server", "Máy chủ"
