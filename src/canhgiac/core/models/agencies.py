from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from canhgiac.core.choices import RoleChoices

from .base import BaseModel


class AgencyKind(BaseModel):
    """A kind of agency, as data: the provincial inspectorate, police, carriers, communes… Whether its staff see
    every agency's records and whether it contributes to report rounds by default are set here, not in code."""

    code = models.SlugField("mã loại", max_length=20, unique=True, help_text="Mã lưu trong dữ liệu, ví dụ commune.")
    name = models.CharField("tên loại", max_length=200)
    province_wide = models.BooleanField(
        "cán bộ có phạm vi toàn tỉnh",
        default=False,
        help_text="Cán bộ của cơ quan loại này (trừ cán bộ phối hợp) xem mọi hồ sơ của tỉnh.",
    )
    contributes = models.BooleanField("mặc định tham gia đợt báo cáo", default=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=100)

    visible_to_all = True

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "loại cơ quan"
        verbose_name_plural = "loại cơ quan"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("core:agencykind", args=[self.pk])


def agency_kind_choices() -> list[tuple[str, str]]:
    """The agency kinds of the table (data, not code), for pickers and filters (a callable: read when shown)."""
    return list(AgencyKind.objects.values_list("code", "name"))


def province_wide_kinds():
    """The codes of the kinds whose staff have province-wide scope (a subquery)."""
    return AgencyKind.objects.filter(province_wide=True).values("code")


class Agency(BaseModel):
    """An authority or partner agency: the Department of Science and Technology, police, a carrier, a commune's
    People's Committee, a press office… Its kind is a code of the ``AgencyKind`` table."""

    name = models.CharField("tên cơ quan", max_length=200, unique=True)
    code = models.CharField(
        "ký hiệu", max_length=40, unique=True, help_text="Ký hiệu dùng trong số văn bản, ví dụ CAT-ANM, SKHCN."
    )
    kind = models.CharField(
        "loại", max_length=20, db_index=True, help_text="Mã một loại cơ quan (danh mục loại cơ quan)."
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="cơ quan cấp trên",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    unit = models.ForeignKey(
        "units.AdministrativeUnit",
        verbose_name="địa bàn",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agencies",
        help_text="Đơn vị hành chính cơ quan quản lý (UBND xã: xã đó; Sở: tỉnh). Cán bộ của cơ quan xem các vụ việc "
        "có địa bàn này.",
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

    @property
    def kind_info(self) -> AgencyKind | None:
        """The row of this agency's kind (read once per instance)."""
        cached = getattr(self, "_kind_info", None)
        if cached is None or cached.code != self.kind:
            cached = self._kind_info = AgencyKind.objects.filter(code=self.kind).first()
        return cached

    def get_kind_display(self) -> str:
        return self.kind_info.name if self.kind_info else self.kind

    def clean(self):
        super().clean()
        if self.kind and not AgencyKind.objects.filter(code=self.kind).exists():
            codes = ", ".join(AgencyKind.objects.values_list("code", flat=True))
            raise ValidationError({"kind": f"Không có loại cơ quan mã “{self.kind}”. Các mã có: {codes}."})


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
