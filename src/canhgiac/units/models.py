from django.db import models
from django.urls import reverse

from canhgiac.core.models import BaseModel, BaseQuerySet


class UnitKindChoices(models.TextChoices):
    CENTRAL_CITY = "central_city", "Thành phố trực thuộc trung ương"
    PROVINCE = "province", "Tỉnh"
    WARD = "ward", "Phường"
    COMMUNE = "commune", "Xã"
    SPECIAL_ZONE = "special_zone", "Đặc khu"


class UnitQuerySet(BaseQuerySet):
    def on(self, day):
        """The units in force on ``day``: a report of 2024 counts 2024's units."""
        return self.filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gt=day), valid_from__lte=day)


class AdministrativeUnit(BaseModel):
    """A province or a commune (ward, commune, special zone) as in force between two dates."""

    code = models.CharField("mã đơn vị", max_length=10, db_index=True)
    name = models.CharField("tên", max_length=200)
    kind = models.CharField("cấp hành chính", max_length=20, choices=UnitKindChoices.choices, db_index=True)
    # A commune belongs to a province: pickers and checks offer provinces only.
    parent = models.ForeignKey("self", models.PROTECT, null=True, blank=True, related_name="children",
                               verbose_name="thuộc tỉnh", limit_choices_to={"parent__isnull": True})  # fmt: skip
    valid_from = models.DateField("hiệu lực từ ngày")
    valid_to = models.DateField("hết hiệu lực từ ngày", null=True, blank=True)
    source = models.CharField("nguồn", max_length=200, blank=True)

    objects = UnitQuerySet.as_manager()
    visible_to_all = True

    class Meta:
        ordering = ["code"]
        verbose_name = "đơn vị hành chính"
        verbose_name_plural = "đơn vị hành chính"
        constraints = [models.UniqueConstraint(fields=["code", "valid_from"], name="unit_code_valid_from")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("units:administrativeunit", args=[self.pk])
