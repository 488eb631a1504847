from django.db import models
from django.urls import reverse

from canhgiac.units.validity import Versioned, VersionedQuerySet


class UnitKindChoices(models.TextChoices):
    CENTRAL_CITY = "central_city", "Thành phố trực thuộc trung ương"
    PROVINCE = "province", "Tỉnh"
    # Before 1 July 2025 only: the district level (huyện, quận, thị xã, thành phố thuộc tỉnh) and thị trấn.
    DISTRICT = "district", "Cấp huyện (trước 01/07/2025)"
    WARD = "ward", "Phường"
    COMMUNE = "commune", "Xã"
    TOWNSHIP = "township", "Thị trấn (trước 01/07/2025)"
    SPECIAL_ZONE = "special_zone", "Đặc khu"


PROVINCE_KINDS = (UnitKindChoices.CENTRAL_CITY, UnitKindChoices.PROVINCE)
# The commune level (cấp xã): "216 xã, phường, thị trấn".
COMMUNE_KINDS = (UnitKindChoices.WARD, UnitKindChoices.COMMUNE, UnitKindChoices.TOWNSHIP, UnitKindChoices.SPECIAL_ZONE)


class UnitQuerySet(VersionedQuerySet):
    def communes(self):
        return self.filter(kind__in=COMMUNE_KINDS)

    def provinces(self):
        return self.filter(kind__in=PROVINCE_KINDS)


class AdministrativeUnit(Versioned):
    """A province, a district (before 1 July 2025) or a commune (xã, phường, thị trấn, đặc khu) as in force between
    two dates. Every unit below the province names its province as ``parent``."""

    code = models.CharField("mã đơn vị", max_length=10, db_index=True)
    name = models.CharField("tên", max_length=200)
    kind = models.CharField("cấp hành chính", max_length=20, choices=UnitKindChoices.choices, db_index=True)
    # A commune belongs to a province: pickers and checks offer provinces only.
    parent = models.ForeignKey("self", models.PROTECT, null=True, blank=True, related_name="children",
                               verbose_name="thuộc tỉnh", limit_choices_to={"parent__isnull": True})  # fmt: skip
    # An old unit's successor after a reorganisation: Thái Bình (to 30/06/2025) → Hưng Yên (from 01/07/2025).
    successor = models.ForeignKey("self", models.PROTECT, null=True, blank=True, related_name="predecessors",
                                  verbose_name="sáp nhập vào (đơn vị mới)")  # fmt: skip

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["code", "-valid_from"]
        verbose_name = "đơn vị hành chính"
        verbose_name_plural = "đơn vị hành chính"
        constraints = [models.UniqueConstraint(fields=["code", "valid_from"], name="unit_code_valid_from")]

    def __str__(self) -> str:
        return self.name if self.valid_to is None else f"{self.name} (đến {self.valid_to:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("units:administrativeunit", args=[self.pk])


class RadioStation(Versioned):
    """A commune radio station (đài / trạm truyền thanh cơ sở) and whether it relays the provincial programmes."""

    name = models.CharField("tên đài truyền thanh", max_length=200)
    commune = models.ForeignKey(
        AdministrativeUnit,
        models.PROTECT,
        verbose_name="xã/phường",
        related_name="radio_stations",
        limit_choices_to={"kind__in": COMMUNE_KINDS},
    )
    agency = models.ForeignKey(
        "core.Agency", models.PROTECT, verbose_name="cơ quan quản lý", related_name="radio_stations"
    )
    relays = models.BooleanField("tiếp phát chương trình của tỉnh", default=True)
    note = models.CharField("ghi chú", max_length=300, blank=True)

    agency_paths = ("agency_id",)

    class Meta:
        ordering = ["commune__name", "-valid_from"]
        verbose_name = "đài truyền thanh cơ sở"
        verbose_name_plural = "đài truyền thanh cơ sở"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("units:radiostation", args=[self.pk])


class StaffKindChoices(models.TextChoices):
    INSPECTOR = "inspector", "Cán bộ thanh tra, kiểm tra chuyên ngành"
    IT = "it", "Cán bộ chuyên trách công nghệ thông tin"
    STAFF = "staff", "Cán bộ, công chức, viên chức"


class StaffCount(Versioned):
    """How many staff of a kind an agency (or one of its units) has, from one date: "chỉ có 03 đồng chí"."""

    agency = models.ForeignKey("core.Agency", models.PROTECT, verbose_name="cơ quan", related_name="staff_counts")
    kind = models.CharField("loại cán bộ", max_length=20, choices=StaffKindChoices.choices, db_index=True)
    headcount = models.PositiveIntegerField("số cán bộ")
    note = models.CharField("ghi chú", max_length=300, blank=True)

    agency_paths = ("agency_id",)

    class Meta:
        ordering = ["agency__name", "kind", "-valid_from"]
        verbose_name = "số cán bộ"
        verbose_name_plural = "số cán bộ"

    def __str__(self) -> str:
        return f"{self.agency}: {self.headcount:02d} {self.get_kind_display().lower()}"

    def get_absolute_url(self) -> str:
        return reverse("units:staffcount", args=[self.pk])
