from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from canhgiac.core.models import BaseModel
from canhgiac.outreach.choices import QUANTITY_UNITS, ActivityKindChoices, AudienceChoices, ChannelChoices


def not_negative(value) -> None:
    """Counts are never negative: "số lượng không được âm" next to the field, in forms, the API and imports."""
    if value is not None and value < 0:
        raise ValidationError("Số lượng không được âm.", code="negative")


class Topic(BaseModel):
    """A topic tag of outreach (online fraud, false information…): reference data every user reads."""

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên", max_length=120)

    visible_to_all = True

    class Meta:
        ordering = ["name"]
        verbose_name = "chủ đề tuyên truyền"
        verbose_name_plural = "chủ đề tuyên truyền"

    def __str__(self) -> str:
        return self.name


class Activity(BaseModel):
    """One outreach product or event, or a tally of many over a period ("500 tin, bài/năm"): an article, a broadcast,
    a leaflet print run, a training, a contest, an SMS campaign. ``quantity`` counts what the kind counts (articles,
    broadcasts, copies, sessions, messages); trainings and contests add participants, units and entries."""

    kind = models.CharField("loại hoạt động", max_length=20, choices=ActivityKindChoices.choices, db_index=True)
    date = models.DateField("ngày (hoặc từ ngày)", db_index=True)
    period_end = models.DateField("đến ngày (số liệu cả kỳ)", null=True, blank=True)
    title = models.CharField("tiêu đề, tên", max_length=500, help_text="Ghi đúng nguyên văn (tít báo, tên tài liệu).")
    channel = models.CharField("kênh", max_length=20, choices=ChannelChoices.choices, blank=True)
    agency = models.ForeignKey("core.Agency", models.PROTECT, related_name="outreach_activities",
                               verbose_name="cơ quan thực hiện", blank=True)  # fmt: skip
    partner = models.CharField("đơn vị phối hợp", max_length=300, blank=True)
    outlet = models.CharField("nơi đăng, phát", max_length=200, blank=True,
                              help_text="Tờ báo, đài, cổng thông tin, nền tảng.")  # fmt: skip
    audience = models.CharField("đối tượng", max_length=20, choices=AudienceChoices.choices, blank=True)
    quantity = models.IntegerField(
        "số lượng", default=1, validators=[not_negative],
        help_text="Số tin bài, lượt phát sóng, tờ rơi, cuộc, lớp, tin nhắn… theo loại.",
    )  # fmt: skip
    participants = models.IntegerField("số người tham dự", null=True, blank=True, validators=[not_negative])
    participating_units = models.IntegerField("số đơn vị, đội tham gia", null=True, blank=True,
                                              validators=[not_negative])  # fmt: skip
    entries = models.IntegerField("số lượt dự thi", null=True, blank=True, validators=[not_negative])
    communes = models.ManyToManyField("units.AdministrativeUnit", blank=True, related_name="outreach_activities",
                                      verbose_name="xã, phường được tuyên truyền",
                                      limit_choices_to={"parent__isnull": False})  # fmt: skip
    topics = models.ManyToManyField(Topic, blank=True, related_name="activities", verbose_name="chủ đề")
    note = models.TextField("ghi chú", blank=True)

    agency_paths = ("agency_id",)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "hoạt động tuyên truyền"
        verbose_name_plural = "hoạt động tuyên truyền"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gte=0)
                & (models.Q(participants__isnull=True) | models.Q(participants__gte=0))
                & (models.Q(participating_units__isnull=True) | models.Q(participating_units__gte=0))
                & (models.Q(entries__isnull=True) | models.Q(entries__gte=0)),
                name="outreach_counts_not_negative",
                violation_error_message="Số lượng không được âm.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("outreach:activity", args=[self.pk])

    @property
    def quantity_text(self) -> str:
        """ "40.000 tờ", "17 lớp": the quantity with the unit its kind counts in."""
        return f"{self.quantity:,}".replace(",", ".") + " " + QUANTITY_UNITS.get(self.kind, "")
