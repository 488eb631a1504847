from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from canhgiac.core.choices import AgencyKindChoices, RoleChoices

from .base import BaseModel


class Agency(BaseModel):
    """An authority or partner agency: Sở, Công an, a carrier, a district, a press office…"""

    name = models.CharField("tên cơ quan", max_length=200, unique=True)
    code = models.CharField(
        "ký hiệu", max_length=40, unique=True, help_text="Ký hiệu dùng trong số văn bản, ví dụ CAT-ANM, STTTT."
    )
    kind = models.CharField("loại", max_length=20, choices=AgencyKindChoices.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="cơ quan cấp trên",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    address = models.CharField("địa chỉ", max_length=300, blank=True)
    phone = models.CharField("điện thoại", max_length=40, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    is_active = models.BooleanField("đang hoạt động", default=True)

    agency_paths = ("id", "parent_id")

    class Meta:
        ordering = ["name"]
        verbose_name = "cơ quan"
        verbose_name_plural = "cơ quan"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("core:agency", args=[self.pk])


class User(AbstractUser):
    """A person using canhgiac; belongs to one agency and has one role."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    role = models.CharField("vai trò", max_length=30, choices=RoleChoices.choices, default=RoleChoices.VIEWER)
    phone = models.CharField("điện thoại", max_length=40, blank=True)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        ordering = ["username"]
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def requires_otp(self) -> bool:
        """Administrators must use two-factor authentication."""
        return self.is_superuser or self.role == RoleChoices.ADMINISTRATOR

    def delete(self, *args, **kwargs):
        from .base import HardDeleteError

        raise HardDeleteError("Không xoá người dùng: hãy khoá tài khoản (bỏ chọn 'đang hoạt động').")
