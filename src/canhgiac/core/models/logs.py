from django.conf import settings
from django.db import models


class PersonalDataAccess(models.Model):
    """One read of personal data by a user: who, what record, which fields, when, through which channel."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    model = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    fields = models.CharField(max_length=300)
    channel = models.CharField(max_length=20, default="web")
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = "lượt xem dữ liệu cá nhân"
        verbose_name_plural = "nhật ký xem dữ liệu cá nhân"

    def __str__(self) -> str:
        return f"{self.user} xem {self.model}#{self.object_id} ({self.fields})"


class SecurityEventChoices(models.TextChoices):
    TOKEN_CREATED = "token_created", "Tạo mã API"
    TOKEN_REVOKED = "token_revoked", "Thu hồi mã API"
    DEVICE_DELETED = "device_deleted", "Xoá thiết bị xác thực"
    LOCKOUT_CLEARED = "lockout_cleared", "Xoá lượt đăng nhập sai (mở khoá)"


class SecurityEvent(models.Model):
    """A change to what lets someone in (API tokens, TOTP devices, login logs): who, what, whose, when.

    Append-only: written by ``core.security`` and never changed or deleted (read-only in the admin).
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người thực hiện", on_delete=models.PROTECT, null=True, related_name="+"
    )
    action = models.CharField("thao tác", max_length=30, choices=SecurityEventChoices.choices)
    subject = models.CharField("tài khoản liên quan", max_length=150, blank=True)
    detail = models.CharField("chi tiết", max_length=300, blank=True)
    at = models.DateTimeField("thời điểm", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = "sự kiện bảo mật"
        verbose_name_plural = "nhật ký bảo mật"

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor}: {self.get_action_display()} {self.subject}"
