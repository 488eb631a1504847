from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models


class PersonalDataChannelChoices(models.TextChoices):
    WEB = "web", "Giao diện web"
    API = "api", "API"
    EXPORT = "export", "Xuất dữ liệu"
    ERASURE = "erasure", "Xoá dữ liệu"


class PersonalDataAccess(models.Model):
    """One read of personal data by a user: who, what record, which fields, when, through which channel."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người xem"
    )
    model = models.CharField("loại hồ sơ (mã)", max_length=100)
    object_id = models.CharField("số hiệu hồ sơ", max_length=64)
    fields = models.CharField("trường đã xem (mã)", max_length=300)
    channel = models.CharField("kênh", max_length=20, default="web", choices=PersonalDataChannelChoices.choices)
    at = models.DateTimeField("lúc", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = "lượt xem dữ liệu cá nhân"
        verbose_name_plural = "nhật ký xem dữ liệu cá nhân"

    def __str__(self) -> str:
        return f"{self.user} xem {self.record_kind} số {self.object_id} ({self.field_labels})"

    @property
    def record_kind(self) -> str:
        """The record's kind in Vietnamese (“vụ việc” for ``cases.case``)."""
        try:
            return str(apps.get_model(self.model)._meta.verbose_name)
        except (LookupError, ValueError):
            return self.model

    @property
    def field_labels(self) -> str:
        """The fields read, by their Vietnamese names."""
        try:
            meta = apps.get_model(self.model)._meta
        except (LookupError, ValueError):
            return self.fields
        names = []
        for name in filter(None, self.fields.split(",")):
            try:
                names.append(str(meta.get_field(name).verbose_name))
            except FieldDoesNotExist:
                names.append(name)
        return ", ".join(names)


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
